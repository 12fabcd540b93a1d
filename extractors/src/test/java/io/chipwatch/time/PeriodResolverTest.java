package io.chipwatch.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodResolverTest {

    private static final LocalDate OCT_2025 = LocalDate.of(2025, 10, 25);
    private static final LocalDate FEB_2024 = LocalDate.of(2024, 2, 3);
    private static final LocalDate JAN_2026 = LocalDate.of(2026, 1, 10);

    private final PeriodResolver resolver = new PeriodResolver();

    /** "text=label" for each period found, so a failure shows what was matched as well as how. */
    private List<String> found(String sentence, LocalDate published) {
        return found(sentence, new PeriodContext(published));
    }

    private List<String> found(String sentence, PeriodContext ctx) {
        return resolver.findAll(sentence, ctx).stream().map(p -> p.text() + "=" + p.label()).toList();
    }

    private Period only(String sentence, LocalDate published) {
        List<Period> all = resolver.findAll(sentence, new PeriodContext(published));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private static List<String> expected(String joined) {
        return Arrays.stream(joined.split(";")).map(String::strip).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            台积电2024年营收创下新高                 | 2024年=2024
            新厂预计2024年底投产                      | 2024年底=2024
            2023年末库存回落                          | 2023年末=2023
            产线在2027年初满载                        | 2027年初=2027
            2024年全年出货量翻倍                      | 2024年全年=2024
            2024年年底前完成认证                      | 2024年年底前=2024
            公司于2025年6月发布新一代GPU              | 2025年6月=2025-06
            新品将在2025年6月30日上市                 | 2025年6月30日=2025-06-30
            发布会定于2025年6月3号举行                | 2025年6月3号=2025-06-03
            公告日期2025-06-30                        | 2025-06-30=2025-06-30
            公告日期2025/6/30晚间                     | 2025/6/30=2025-06-30
            截止日为2025.6.30                         | 2025.6.30=2025-06-30
            合同在2025年6月底到期                     | 2025年6月底=2025-06
            二〇二五年十二月完成交付                  | 二〇二五年十二月=2025-12
            二零二四年是存储的低谷                    | 二零二四年=2024
            二〇二三年三月二十一日签约                | 二〇二三年三月二十一日=2023-03-21
            2026 年第四季度量产                       | 2026 年第四季度=2026-Q4
            2026年第一季度营收                        | 2026年第一季度=2026-Q1
            2026年一季度营收                          | 2026年一季度=2026-Q1
            2026年Q1出货                              | 2026年Q1=2026-Q1
            Q1 2026出货                               | Q1 2026=2026-Q1
            2026 Q4 guidance上调                      | 2026 Q4=2026-Q4
            2026Q3毛利率                              | 2026Q3=2026-Q3
            1Q26营收                                  | 1Q26=2026-Q1
            4Q2025营收                                | 4Q2025=2025-Q4
            2025年第三季末的库存                      | 2025年第三季末=2025-Q3
            2025年上半年净利润                        | 2025年上半年=2025-H1
            2025上半年净利润                          | 2025上半年=2025-H1
            H1 2025 revenue                           | H1 2025=2025-H1
            2025H2需求回暖                            | 2025H2=2025-H2
            2H25需求回暖                              | 2H25=2025-H2
            英伟达2026财年营收                        | 2026财年=FY2026
            2026财年第一财季营收                      | 2026财年第一财季=FY2026-Q1
            2026財年第一季度營收                      | 2026財年第一季度=FY2026-Q1
            FY2026 Q1营收                             | FY2026 Q1=FY2026-Q1
            FY26 Q1营收                               | FY26 Q1=FY2026-Q1
            2026 财年 Q1营收                          | 2026 财年 Q1=FY2026-Q1
            Q3 FY25毛利率                             | Q3 FY25=FY2025-Q3
            2025会计年度亏损                          | 2025会计年度=FY2025
            产能到2029年翻番                          | 到2029年=2029
            产能至2029年翻番                          | 至2029年=2029
            2029年前实现2nm量产                       | 2029年前=2029
            截至2025年6月累计出货                     | 截至2025年6月=2025-06
            2025年1-3月出口额                         | 2025年1-3月=2025-Q1
            2025年1-6月出口额                         | 2025年1-6月=2025-H1
            2025年1至9月出口额                        | 2025年1至9月=2025
            2025年前三季度营收                        | 2025年前三季度=2025
            2025年前8个月出货                         | 2025年前8个月=2025
            ２０２５年６月发布                        | ２０２５年６月=2025-06
            2026年1月至3月出货                        | 2026年1月至3月=2026-Q1
            2025年10-12月出货                         | 2025年10-12月=2025-Q4
            2025年一季报显示                          | 2025年一季=2025-Q1
            Q2 FY2026营收                             | Q2 FY2026=FY2026-Q2
            1QFY26营收                                | 1QFY26=FY2026-Q1
            fiscal 2026 outlook                       | fiscal 2026=FY2026
            2026财年Q2营收                            | 2026财年Q2=FY2026-Q2
            2025年中国市场规模                        | 2025年=2025
            2017年年中                                | 2017年年中=2017
            截止到2025年底                            | 截止到2025年底=2025
            从2019年到2024年                          | 2019年=2019;到2024年=2024
            """)
    void resolvesExplicitTimes(String sentence, String expected) {
        assertThat(found(sentence, OCT_2025)).containsExactlyElementsOf(expected(expected));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2025-10-25 | 今年营收增长                 | 今年=2025
            2025-10-25 | 去年同期                     | 去年=2024
            2025-10-25 | 前年开始扩产                 | 前年=2023
            2025-10-25 | 明年量产                     | 明年=2026
            2025-10-25 | 后年量产                     | 后年=2027
            2025-10-25 | 後年量產                     | 後年=2027
            2025-10-25 | 本年度资本开支               | 本年=2025
            2025-10-25 | 当年出货                     | 当年=2025
            2025-10-25 | 今年年底前                   | 今年年底前=2025
            2025-10-25 | 去年底库存                   | 去年底=2024
            2025-10-25 | 今年8月发布                  | 今年8月=2025-08
            2025-10-25 | 去年第四季度                 | 去年第四季度=2024-Q4
            2025-10-25 | 去年第四季营收               | 去年第四季=2024-Q4
            2025-10-25 | 明年上半年                   | 明年上半年=2026-H1
            2025-10-25 | 今年Q3                       | 今年Q3=2025-Q3
            2025-10-25 | 8月出货                      | 8月=2025-08
            2025-10-25 | 10月初                       | 10月初=2025-10
            2025-10-25 | 10月中旬                     | 10月中旬=2025-10
            2025-10-25 | 10月下旬                     | 10月下旬=2025-10
            2025-10-25 | 10月底                       | 10月底=2025-10
            2025-10-25 | 十月份出货                   | 十月份=2025-10
            2025-10-25 | 10月7日                      | 10月7日=2025-10-07
            2025-10-25 | 10月7号                      | 10月7号=2025-10-07
            2025-10-25 | 本月                         | 本月=2025-10
            2025-10-25 | 上个月                       | 上个月=2025-09
            2025-10-25 | 上月                         | 上月=2025-09
            2025-10-25 | 下個月                       | 下個月=2025-11
            2025-10-25 | 第四季度                     | 第四季度=2025-Q4
            2025-10-25 | 四季度                       | 四季度=2025-Q4
            2025-10-25 | Q4指引                       | Q4=2025-Q4
            2025-10-25 | 首季                         | 首季=2025-Q1
            2025-10-25 | 上季度                       | 上季度=2025-Q3
            2025-10-25 | 本季度                       | 本季度=2025-Q4
            2025-10-25 | 较上一季度                   | 上一季度=2025-Q3
            2025-10-25 | 下半年                       | 下半年=2025-H2
            2025-10-25 | 前三季度                     | 前三季度=2025
            2025-10-25 | 第二财季                     | 第二财季=FY2025-Q2
            2025-10-25 | 本财年                       | 本财年=FY2025
            2025-10-25 | 上一财年                     | 上一财年=FY2024
            2025-10-25 | 过去一年                     | 过去一年=2025
            2025-10-25 | 過去兩年                     | 過去兩年=2025
            2025-10-25 | 近三年来                     | 近三年=2025
            2025-10-25 | 未来五年                     | 未来五年=2030
            2025-10-25 | 未來十年                     | 未來十年=2035
            2025-10-25 | 四年前                       | 四年前=2021
            2025-10-25 | 近5年                        | 近5年=2025
            2025-10-25 | 未来3年                      | 未来3年=2028
            2025-10-25 | 前两季度                     | 前两季度=2025-H1
            2025-10-25 | 今年1-8月                    | 今年1-8月=2025
            2025-10-25 | 本财年第三财季               | 本财年第三财季=FY2025-Q3
            2025-10-25 | 预计年底量产                 | 年底=2025
            2026-01-10 | 前三季度                     | 前三季度=2025
            2025-10-25 | 两年前                       | 两年前=2023
            2025-10-25 | 10年前                       | 10年前=2015
            2026-01-10 | 去年                         | 去年=2025
            2026-01-10 | 今年                         | 今年=2026
            2026-01-10 | 12月出货                     | 12月=2025-12
            2026-01-10 | 12月31日                     | 12月31日=2025-12-31
            2026-01-10 | 第四季度                     | 第四季度=2025-Q4
            2026-01-10 | 3月发布                      | 3月=2026-03
            2026-01-10 | 上个月                       | 上个月=2025-12
            2026-01-10 | 上季度                       | 上季度=2025-Q4
            2026-01-10 | 本月                         | 本月=2026-01
            2026-01-10 | 下半年                       | 下半年=2026-H2
            2024-02-03 | 11月                         | 11月=2023-11
            2024-02-03 | 5月                          | 5月=2024-05
            2024-02-03 | 2月29日                      | 2月29日=2024-02-29
            2024-02-03 | 本季度                       | 本季度=2024-Q1
            2024-02-03 | 下季度                       | 下季度=2024-Q2
            2024-02-03 | 上季度                       | 上季度=2023-Q4
            2024-02-03 | 上个月                       | 上个月=2024-01
            2024-02-03 | 前年                         | 前年=2022
            """)
    void resolvesRelativeTimesAgainstThePublicationDate(LocalDate published, String sentence, String expected) {
        assertThat(found(sentence, published)).containsExactlyElementsOf(expected(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "采用28nm工艺", "950PR芯片", "2TB固态硬盘", "出货300万颗", "投资3000万元", "近期", "近日", "日前",
            "目前", "当前", "现在", "如今", "H20芯片", "NVIDIA H100", "3000年", "公元1800年", "12个月",
            "每年6月举行", "至今年产能提升三成", "基本年薪", "相当年轻的团队", "他在声明年报中称", "此后年均增长20%",
            "版本号2025.6", "第13月", "5G基站", "A17芯片", "H1", "未来几年",
            "12024年12月", "2024-2025", "营收20251万元"})
    void findsNothingInNumbersThatAreNotTimes(String sentence) {
        assertThat(found(sentence, OCT_2025)).isEmpty();
    }

    @Test
    void relativeDaysCountFromThePublicationDate() {
        assertThat(found("今天凌晨，三星在旧金山举行发布会", OCT_2025)).containsExactly("今天=" + OCT_2025);
        assertThat(found("昨天，华为推出了新芯片", OCT_2025)).containsExactly("昨天=" + OCT_2025.minusDays(1));
        assertThat(found("新品将于明天开售", OCT_2025)).containsExactly("明天=" + OCT_2025.plusDays(1));
        assertThat(found("据今日头条报道", OCT_2025)).isEmpty();
    }

    @Test
    void anImpossibleDateFallsBackToTheValidPartBeforeIt() {
        assertThat(found("2025年2月30日", OCT_2025)).containsExactly("2025年2月=2025-02");
        assertThat(found("2025年13月", OCT_2025)).containsExactly("2025年=2025");
    }

    @Test
    void longestMatchWinsAndOffsetsPointIntoTheSentence() {
        String sentence = "据悉，2025年6月30日起执行";
        Period p = only(sentence, OCT_2025);

        assertThat(p.label()).isEqualTo("2025-06-30");
        assertThat(p.startOffset()).isEqualTo(3);
        assertThat(p.endOffset()).isEqualTo(13);
        assertThat(sentence.substring(p.startOffset(), p.endOffset())).isEqualTo(p.text());
        assertThat(p.relative()).isFalse();
    }

    @Test
    void findsSeveralTimesInTextOrder() {
        assertThat(found("2024年营收增长12%，2025年上半年回落，第三季度反弹，公司预计明年持平", OCT_2025))
                .containsExactly("2024年=2024", "2025年上半年=2025-H1", "第三季度=2025-Q3", "明年=2026");
    }

    @Test
    void aYearInTheSentenceGovernsALaterQuarter() {
        assertThat(found("2023年营收下滑，其中第四季度亏损", JAN_2026))
                .containsExactly("2023年=2023", "第四季度=2023-Q4");
    }

    @Test
    void carriesTheLastYearBetweenSentences() {
        PeriodContext ctx = new PeriodContext(OCT_2025);

        assertThat(found("英伟达公布2023年业绩。", ctx)).containsExactly("2023年=2023");
        assertThat(ctx.lastYear()).isEqualTo(2023);
        assertThat(found("第四季度营收环比增长。", ctx)).containsExactly("第四季度=2023-Q4");
        assertThat(found("8月推出新品。", ctx)).containsExactly("8月=2023-08");
        assertThat(found("10月7日发布。", ctx)).containsExactly("10月7日=2023-10-07");
        assertThat(found("当年出货创纪录。", ctx)).containsExactly("当年=2023");
        assertThat(found("上半年表现平淡。", ctx)).containsExactly("上半年=2023-H1");
        assertThat(found("今年则大幅增长。", ctx)).containsExactly("今年=2025");
        assertThat(ctx.lastYear()).isEqualTo(2025);
        assertThat(found("第一季度即扭亏。", ctx)).containsExactly("第一季度=2025-Q1");
    }

    @Test
    void aRelativeYearWordAlsoSetsTheContextYear() {
        PeriodContext ctx = new PeriodContext(JAN_2026);

        assertThat(found("去年营收增长四成。", ctx)).containsExactly("去年=2025");
        assertThat(found("三月份则受到影响。", ctx)).containsExactly("三月份=2025-03");
        assertThat(found("次年计划扩产。", ctx)).containsExactly("次年=2026");
    }

    @Test
    void carriesTheFiscalYearBetweenSentencesSeparatelyFromTheCalendarYear() {
        PeriodContext ctx = new PeriodContext(OCT_2025);

        assertThat(found("英伟达2026财年营收预计增长。", ctx)).containsExactly("2026财年=FY2026");
        assertThat(ctx.lastFiscalYear()).isEqualTo(2026);
        assertThat(ctx.lastYear()).isNull();
        assertThat(found("其中第二财季数据中心收入创新高。", ctx)).containsExactly("第二财季=FY2026-Q2");
        assertThat(found("第三季度营收", ctx)).containsExactly("第三季度=2025-Q3");
        assertThat(found("FY27 Q1指引", ctx)).containsExactly("FY27 Q1=FY2027-Q1");
        assertThat(found("第1财季", ctx)).containsExactly("第1财季=FY2027-Q1");
    }

    @Test
    void aYearlessMonthInJanuaryIsTheOneJustPastUnlessTheArticleNamedAYear() {
        PeriodContext ctx = new PeriodContext(JAN_2026);

        assertThat(found("12月出货量", ctx)).containsExactly("12月=2025-12");
        assertThat(found("2026年目标", ctx)).containsExactly("2026年=2026");
        assertThat(found("12月出货量", ctx)).containsExactly("12月=2026-12");
    }

    @Test
    void spansAreInclusiveAndCoverThePeriod() {
        Period month = only("2024年2月", OCT_2025);
        assertThat(month.start()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(month.end()).isEqualTo(LocalDate.of(2024, 2, 29));

        Period quarter = only("2025年第四季度", OCT_2025);
        assertThat(quarter.start()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(quarter.end()).isEqualTo(LocalDate.of(2025, 12, 31));

        Period half = only("2025年下半年", OCT_2025);
        assertThat(half.start()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(half.end()).isEqualTo(LocalDate.of(2025, 12, 31));

        Period firstThree = only("2025年前三季度", OCT_2025);
        assertThat(firstThree.start()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(firstThree.end()).isEqualTo(LocalDate.of(2025, 9, 30));
    }

    @Test
    void fiscalSpansAreCalendarAligned() {
        Period fy = only("2026财年", OCT_2025);
        assertThat(fy.start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(fy.end()).isEqualTo(LocalDate.of(2026, 12, 31));

        Period fq = only("FY26 Q2", OCT_2025);
        assertThat(fq.start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(fq.end()).isEqualTo(LocalDate.of(2026, 6, 30));

        Period fh = only("2026财年上半年", OCT_2025);
        assertThat(fh.label()).isEqualTo("FY2026");
        assertThat(fh.end()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void relativeSpansRunFromOrToThePublicationDate() {
        Period past = only("过去一年", OCT_2025);
        assertThat(past.label()).isEqualTo("2025");
        assertThat(past.start()).isEqualTo(LocalDate.of(2024, 10, 25));
        assertThat(past.end()).isEqualTo(OCT_2025);
        assertThat(past.relative()).isTrue();

        Period future = only("未来五年", OCT_2025);
        assertThat(future.label()).isEqualTo("2030");
        assertThat(future.start()).isEqualTo(OCT_2025);
        assertThat(future.end()).isEqualTo(LocalDate.of(2030, 12, 31));
    }

    @Test
    void marksWhatNeededThePublicationDateOrContextAsRelative() {
        assertThat(only("2025年", OCT_2025).relative()).isFalse();
        assertThat(only("FY26 Q1", OCT_2025).relative()).isFalse();
        assertThat(only("2025-06-30", OCT_2025).relative()).isFalse();
        assertThat(only("今年", OCT_2025).relative()).isTrue();
        assertThat(only("今年8月", OCT_2025).relative()).isTrue();
        assertThat(only("第四季度", OCT_2025).relative()).isTrue();
        assertThat(only("第二财季", OCT_2025).relative()).isTrue();
        assertThat(only("四年前", OCT_2025).relative()).isTrue();
    }

    @Test
    void keepsTraditionalAndFullWidthTextInTheReportedSubstring() {
        assertThat(found("台積電今年上半年營收，較上季成長", OCT_2025))
                .containsExactly("今年上半年=2025-H1", "上季=2025-Q3");
        assertThat(found("２０２６年Ｑ１", OCT_2025)).containsExactly("２０２６年Ｑ１=2026-Q1");
    }

    @Test
    void handlesNullAndEmptySentences() {
        assertThat(resolver.findAll(null, new PeriodContext(OCT_2025))).isEmpty();
        assertThat(resolver.findAll("", new PeriodContext(OCT_2025))).isEmpty();
    }

    @Test
    void aRangeOfYearsYieldsBothEnds() {
        assertThat(found("2024年至2026年资本开支", OCT_2025)).containsExactly("2024年=2024", "至2026年=2026");
    }
}
