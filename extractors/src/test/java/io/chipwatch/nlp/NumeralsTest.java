package io.chipwatch.nlp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class NumeralsTest {

    private final Numerals grammar = Numerals.standard();

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "5万4千6百, 54600", "3万4000, 34000", "1亿2千万, 1.2e8", "4.5万亿, 4.5e12", "十二万三千四百五十六亿, 1.23456e13",
            "十亿零五百万, 1.005e9", "一千零五十, 1050", "一万二, 12000", "两千三, 2300", "一百五, 150", "十五, 15",
            "壹佰贰拾叁, 123", "捌仟伍佰万, 8.5e7", "兩千億, 2e11", "'1,200,000', 1.2e6", "８２，２２５．００, 82225",
            "１２３, 123", "三点五亿, 3.5e8", "零点五, 0.5", "百亿, 1e10", "'1,200多亿', 1.2e11", "30多万, 3e5",
            "二〇二五, 2025", "一九九九, 1999",
    })
    void readsWholeNumerals(String text, double value) {
        Numerals.Numeral n = grammar.read(text, 0);
        assertThat(n).as(text).isNotNull();
        assertThat(n.end()).as(text).isEqualTo(text.length());
        assertThat(n.value().doubleValue()).as(text).isEqualTo(value, org.assertj.core.api.Assertions.within(Math.abs(value) * 1e-12));
    }

    @ParameterizedTest(name = "{0} = {1}..{2}")
    @CsvSource({"几十亿, 2e9, 9e9", "数百万, 2e6, 9e6", "十几万, 1.1e5, 1.9e5", "二十几, 21, 29", "两三万, 2e4, 3e4",
            "七八十, 70, 80", "五六千万, 5e7, 6e7"})
    void vagueNumeralsAreRanges(String text, double low, double high) {
        Numerals.Numeral n = grammar.read(text, 0);
        assertThat(n.vague()).isTrue();
        assertThat(n.value().doubleValue()).isEqualTo(low);
        assertThat(n.max().doubleValue()).isEqualTo(high);
    }

    @Test
    void readsAtAPositionAndSaysWhereItEnds() {
        String s = "公司于二〇二五年第三季度出货3万4000台";
        Numerals.Numeral year = grammar.read(s, 3);
        assertThat(year.value()).isEqualByComparingTo("2025");
        assertThat(year.end()).isEqualTo(7);
        Numerals.Numeral count = grammar.read(s, s.indexOf('3'));
        assertThat(count.value()).isEqualByComparingTo("34000");
        assertThat(s.substring(count.end())).isEqualTo("台");
        assertThat(grammar.read(s, 0)).isNull();
    }

    @Test
    void tailsTellARangeWhichMagnitudeToShare() {
        Numerals.Numeral n = grammar.read("两千万", 0);
        assertThat(n.tail()).isEqualByComparingTo("1E7");
        assertThat(n.bigTail()).isEqualByComparingTo("1E4");
    }

    @Test
    void zhaoIsATrillionOnlyWhenAsked() {
        assertThat(grammar.read("2兆", 0).end()).isEqualTo(1);
        assertThat(grammar.read("2兆", 0, true, false).value()).isEqualByComparingTo(new BigDecimal("2E12"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"零部件", "几家", "数量", "三五成群"})
    void noNumeralInQuantityMode(String text) {
        assertThat(grammar.read(text, 0, false, false)).as(text).isNull();
    }

    @Test
    void brokenChainsEndBeforeTheTokenThatBreaksThem() {
        assertThat(grammar.read("千千", 0).end()).isEqualTo(1);
        assertThat(grammar.read("万十万", 0).end()).isEqualTo(2);
    }

    @Test
    void identifiersAndAbsurdMagnitudesAreRefused() {
        assertThat(grammar.read("9".repeat(5000), 0)).isNull();
        assertThat(grammar.read("1".repeat(16), 0)).isNull();
        assertThat(grammar.read("1" + "万".repeat(10), 0)).isNull();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void longHostileRunsStayLinear() {
        String s = "一万零".repeat(50_000) + "二十几万多来点".repeat(20_000);
        for (int i = 0; i < 200; i++) {
            grammar.read(s, i);
        }
    }
}
