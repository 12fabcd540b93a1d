package io.chipwatch.nlp;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class YuanChangeTest {

    @Test
    void changeAfterYuan() {
        assertThat(YuanChange.after("3元5角钱。", 2, false)).satisfies(c -> {
            assertThat(c.value()).isEqualByComparingTo("0.5");
            assertThat(c.end()).isEqualTo(5);
        });
        assertThat(YuanChange.after("一元二角五分", 2, false).value()).isEqualByComparingTo("0.25");
        assertThat(YuanChange.after("12块5。", 3, true).value()).isEqualByComparingTo("0.5");
        assertThat(YuanChange.after("12块5G", 3, true)).isNull();
        assertThat(YuanChange.after("3元，", 2, false)).isNull();
    }

    @Test
    void jiaoAndFenAlone() {
        assertThat(YuanChange.alone("5毛钱", 1, BigDecimal.valueOf(5)).value()).isEqualByComparingTo("0.5");
        assertThat(YuanChange.alone("2角5分", 1, BigDecimal.valueOf(2)).value()).isEqualByComparingTo("0.25");
        assertThat(YuanChange.alone("两毛五。", 1, BigDecimal.valueOf(2)).value()).isEqualByComparingTo("0.25");
        assertThat(YuanChange.alone("8分钱", 1, BigDecimal.valueOf(8)).value()).isEqualByComparingTo("0.08");
    }

    @Test
    void wordsThatOnlyLookLikeChange() {
        assertThat(YuanChange.alone("3角度", 1, BigDecimal.valueOf(3))).isNull();
        assertThat(YuanChange.alone("5毛利率", 1, BigDecimal.valueOf(5))).isNull();
        assertThat(YuanChange.alone("8分。", 1, BigDecimal.valueOf(8))).isNull();
    }

    @Test
    void kuaiIsYuanOnlyForPricesAndBeforeJiao() {
        assertThat(YuanChange.kuaiIsYuan("售价为99块。", 3, 6)).isTrue();
        assertThat(YuanChange.kuaiIsYuan("回收价12块5。", 3, 6)).isTrue();
        assertThat(YuanChange.kuaiIsYuan("交付了3000块加速卡。", 3, 8)).isFalse();
        assertThat(YuanChange.kuaiIsYuan("他们拿到了300块。", 5, 9)).isFalse();
    }
}
