package io.chipwatch.nlp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseNumberTest {

    @ParameterizedTest
    @CsvSource({
            "4.5万亿, 4.5e12",
            "两千亿, 2e11",
            "三百万, 3e6",
            "一万, 1e4",
            "十二, 12",
            "二十, 20",
            "十, 10",
            "一百二十三, 123",
            "一千零五, 1005",
            "1亿2千万, 1.2e8",
            "一亿二千万, 1.2e8",
            "一万二, 12000",
            "两千三, 2300",
            "三点五, 3.5",
            "三点五亿, 3.5e8",
            "二〇二四, 2024",
            "'1,229', 1229",
            "1400亿, 1.4e11",
            "21万亿, 2.1e13",
            "3千万, 3e7",
            "万亿, 1e12",
            "兩千億, 2e11",
            "三萬, 3e4",
            "壹佰, 100",
            "贰拾, 20",
            "2兆, 2e12",
            "0.5, 0.5",
    })
    void parsesNumerals(String text, double expected) {
        assertThat(ChineseNumber.parse(text)).hasValue(expected);
    }

    @Test
    void arithmeticIsExactNotBinary() {
        assertThat(ChineseNumber.parseDecimal("4.5万亿")).isEqualByComparingTo("4.5E12");
        assertThat(ChineseNumber.parseDecimal("三点三").multiply(new java.math.BigDecimal("0.1")).doubleValue()).isEqualTo(0.33);
        assertThat(ChineseNumber.parseDecimal("4.5万亿").doubleValue()).isEqualTo(4.5e12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "abc", "千千", "三.", ".5点", "万十万", "3a"})
    void rejectsWhatIsNotANumeral(String text) {
        assertThat(ChineseNumber.parse(text)).isEmpty();
    }

    @Test
    void nullIsNotANumeral() {
        assertThat(ChineseNumber.parse(null)).isEmpty();
        assertThat(ChineseNumber.parsePercent(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "三成, 30",
            "五成, 50",
            "百分之五十, 50",
            "百分之百, 100",
            "百分之三十五, 35",
            "百分之零点五, 0.5",
            "千分之五, 0.5",
            "56%, 56",
            "12.5％, 12.5",
    })
    void parsesPercentages(String text, double expected) {
        assertThat(ChineseNumber.parsePercent(text)).hasValue(expected);
    }

    @Test
    void percentNeedsAPercentForm() {
        assertThat(ChineseNumber.parsePercent("五十")).isEmpty();
    }

    @Test
    void classifiesCharacters() {
        assertThat(ChineseNumber.digitValue('两')).isEqualTo(2);
        assertThat(ChineseNumber.digitValue('〇')).isZero();
        assertThat(ChineseNumber.digitValue('x')).isEqualTo(-1);
        assertThat(ChineseNumber.isNumeral('萬')).isTrue();
        assertThat(ChineseNumber.isNumeral('兆')).as("兆 is a magnitude only before a currency").isFalse();
        assertThat(ChineseNumber.isChineseDigit('7')).isFalse();
    }
}
