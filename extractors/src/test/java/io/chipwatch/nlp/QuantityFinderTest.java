package io.chipwatch.nlp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Timeout;

class QuantityFinderTest {

    private final QuantityFinder finder = new QuantityFinder();

    /** All figures, after checking that each one's text is its span of the sentence. */
    private List<Quantity> all(String sentence) {
        List<Quantity> found = finder.findAll(sentence);
        for (Quantity q : found) {
            assertThat(q.text()).isEqualTo(sentence.substring(q.start(), q.end()));
        }
        return found;
    }

    private Quantity one(String sentence) {
        List<Quantity> found = all(sentence);
        assertThat(found).as(sentence).hasSize(1);
        return found.get(0);
    }

    private static void assertFigure(Quantity q, double value, String unit) {
        assertThat(q.unit()).as(q.text()).isEqualTo(unit);
        assertThat(q.value()).as(q.text()).isCloseTo(value, within(Math.abs(value) * 1e-9));
    }

    private static void assertRange(Quantity q, double low, double high, String unit) {
        assertFigure(q, low, unit);
        assertThat(q.valueMax()).as(q.text()).isNotNull();
        assertThat(q.valueMax()).as(q.text()).isCloseTo(high, within(Math.abs(high) * 1e-9));
    }

    // ---- number forms and units ---------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // Arabic, thousands commas, decimals, full-width digits
            "这家厂商去年一共交付了1,229台服务器。|1229|units|exact",
            "平台上线首月处理了100,000 个代币的请求。|100000|tokens|exact",
            "出货量达１２０万台，创历史新高。|1.2e6|units|exact",
            "毛利率提升到４５．５％。|45.5|percent|exact",
            // Chinese numerals and mixes
            "这一园区的总投资为两千亿元。|2e11|CNY|exact",
            "首批交付一万张加速卡。|1e4|units|exact",
            "共有十二家厂商参展。|12|items|exact",
            "全年营收1400亿元。|1.4e11|CNY|exact",
            "双方签下6970亿美元的框架协议。|6.97e11|USD|exact",
            "工厂已雇用8万人。|8e4|items|exact",
            "新建产线每年可产出三百万颗芯片。|3e6|units|exact",
            "这份订单价值二十五亿元。|2.5e9|CNY|exact",
            // money
            "全球数字经济规模已达4.5万亿美元。|4.5e12|USD|exact",
            "国内相关产业产值为21万亿元人民币。|2.1e13|CNY|exact",
            "本轮融资金额为人民币72亿元。|7.2e9|CNY|exact",
            "The company raised $5 billion in new debt.|5e9|USD|exact",
            "The order was worth 5 billion USD in total.|5e9|USD|exact",
            "Analysts put the deal at US$1.2B last week.|1.2e9|USD|exact",
            "该基金募集了€300 million资金。|3e8|EUR|exact",
            "收购价为2,000亿日元。|2e11|JPY|exact",
            "公司计划在当地投入5万亿韩元。|5e12|KRW|forecast",
            "该公司市值为4000亿港元。|4e11|HKD|exact",
            "这家代工厂的资本支出为新台幣3000億元。|3e11|TWD|exact",
            "这家代工厂的资本支出为NT$3000億。|3e11|TWD|exact",
            "每月房租为8000块钱。|8000|CNY|exact",
            // percent
            "数据中心业务同比增长56%。|56|percent|exact",
            "良率达到百分之五十。|50|percent|exact",
            "国产芯片占三成。|30|percent|exact",
            "毛利率下滑了3个百分点。|3|percent|exact",
            "不良率控制在千分之五。|0.5|percent|exact",
            // multiples
            "推理性能提高了1.7倍。|1.7|multiple|exact",
            "订单量翻了一番。|2|multiple|exact",
            "五年来营收翻两番。|4|multiple|exact",
            "利润增长一倍。|1|multiple|exact",
            "利润增长3倍。|3|multiple|exact",
            // FLOPS, bandwidth, capacity
            "整机柜的算力为300PFLOPS。|3e17|FLOPS|exact",
            "集群总算力为2.5 EFLOPS。|2.5e18|FLOPS|exact",
            "单卡FP8性能为1,000 Tflops。|1e15|FLOPS|exact",
            "这台超级计算机的峰值为20 petaflops。|2e16|FLOPS|exact",
            "显存带宽为269TB/s。|2.69e14|bytes_per_s|exact",
            "接口速率为8 GB/s。|8e9|bytes_per_s|exact",
            "单口速率为1.6Tbps。|2e11|bytes_per_s|exact",
            "每颗芯片配备2TB存储。|2e12|bytes|exact",
            "这款加速卡集成了141GB显存。|1.41e11|bytes|exact",
            "平台日均存储增量为5PB。|5e15|bytes|exact",
            // tokens
            "模型每天处理30万亿Token。|3e13|tokens|exact",
            "训练语料有1 trillion tokens。|1e12|tokens|exact",
            "上下文窗口为128K tokens。|1.28e5|tokens|exact",
            "该服务每月消耗50亿个token。|5e9|tokens|exact",
            // watts
            "单卡功耗为700W。|700|watts|exact",
            "每个机柜功耗1.2千瓦。|1200|watts|exact",
            "机柜功率为5 kW。|5000|watts|exact",
            "新数据中心的供电容量为100兆瓦。|1e8|watts|exact",
            "园区规划容量为2GW。|2e9|watts|exact",
            // seconds
            "首字延迟为300ms。|0.3|seconds|exact",
            "平均响应时间为300毫秒。|0.3|seconds|exact",
            "切换时间只需5微秒。|5e-6|seconds|exact",
            "访问延迟为20 ns。|2e-8|seconds|exact",
            "启动只需2秒。|2|seconds|exact",
            "训练时间缩短到3小时。|10800|seconds|exact",
            "满电可以使用两个小时。|7200|seconds|exact",
            "编译只需要15分钟。|900|seconds|exact",
            // specifications: other, as written
            "屏幕尺寸为6.1英寸。|6.1|other|exact",
            "电池容量为4500mAh。|4500|other|exact",
            "CPU主频最高3.2GHz。|3.2|other|up_to",
            "前置1200万像素摄像头。|1.2e7|items|exact",
            // counters
            "他们采购了500颗芯片。|500|units|exact",
            "公司订购了300块主板。|300|units|exact",
            "客户部署了64套系统。|64|units|exact",
            "展会上展出了20枚芯片。|20|units|exact",
            "这家厂商卖出了1000万部手机。|1e7|units|exact",
            "园区部署了12个计算柜。|12|units|exact",
            "该项目覆盖20个国家。|20|items|exact",
            "公司有500名工程师。|500|items|exact",
            "国内已有40家企业入局。|40|items|exact",
            "共发布了3款新品。|3|items|exact",
            "这家工厂月产能5万片。|5e4|wafers|exact",
            "三星订购了90万片内存晶圆。|9e5|wafers|exact",
            "他们切割出200片样品。|200|units|exact",
            "每片晶圆可以切出600片裸片。|600|units|exact",
            "We shipped 10,000 GPUs to the site.|1e4|units|exact",
            "该集群包含 10 万张 GPU。|1e5|units|exact",
            "算力集群规模达到10万卡。|1e5|units|exact",
            "公司拟发行不超过1亿股。|1e8|items|up_to",
            "每台服务器配有八张加速卡。|8|units|exact",
            "模型共有6710亿个参数。|6.71e11|items|exact",
    })
    void findsAndNormalisesOneFigure(String sentence, double value, String unit, String qualifier) {
        Quantity q = one(sentence);
        assertFigure(q, value, unit);
        assertThat(q.valueMax()).isNull();
        assertThat(q.qualifier()).as(sentence).isEqualTo(qualifier);
    }

    // ---- qualifiers ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "出货量约为30万颗。|approx",
            "销售额近100亿元。|approx",
            "营收接近500亿美元。|approx",
            "产能在10万片晶圆左右。|approx",
            "价格在2万元上下。|approx",
            "员工大约3000人。|approx",
            "The cluster cost about $2 billion.|approx",
            "订单超过50亿美元。|over",
            "该公司拥有逾200项专利。|over",
            "国产化率达到五成以上。|over",
            "市值突破3万亿美元。|over",
            "公司现有1000多家客户。|over",
            "营收超10亿元。|over",
            "The company has more than 300 customers.|over",
            "净利润不到1亿元。|under",
            "功耗低于300W。|under",
            "售价略低于1万美元。|under",
            "库存不足5000台。|under",
            "损耗控制在2%以下。|under",
            "单价高达4万美元。|up_to",
            "每台最多配备8张GPU卡。|up_to",
            "补贴最高500万元。|up_to",
            "The fund could reach up to $100 billion.|up_to",
            "订单至少20万颗。|at_least",
            "投资不少于100亿元。|at_least",
            "预计明年营收为800亿元。|forecast",
            "该业务有望贡献20%的收入。|forecast",
            "新工厂将雇用3000名员工。|forecast",
            "明年出货量可能达到200万台。|forecast",
            "今年的缺口或将扩大到5万片晶圆。|forecast",
            "预计明年营收将超过800亿元。|over",
            "公司有望实现约50亿元的利润。|approx",
            "其中英伟达拿下了80%的份额。|exact",
            "全球投资规模或达万亿美元。|approx",
            "这是一个千亿元的市场。|approx",
    })
    void qualifies(String sentence, String qualifier) {
        assertThat(one(sentence).qualifier()).as(sentence).isEqualTo(qualifier);
    }

    @Test
    void bareMagnitudeBeforeACurrencyIsAnApproximateRoundNumber() {
        assertFigure(one("市场规模正迈向万亿美元。"), 1e12, "USD");
        assertFigure(one("这是一个千亿元的市场。"), 1e11, "CNY");
        assertFigure(one("全年交付百万颗芯片。"), 1e6, "units");
    }

    @Test
    void numbersWithManyOrSomeArePartsOfNumbers() {
        Quantity q = one("公司有30多万名员工。");
        assertFigure(q, 3e5, "items");
        assertThat(q.qualifier()).isEqualTo("over");
        assertFigure(one("目前已有百余家企业入驻。"), 100, "items");
        assertFigure(one("项目总投资一百多亿元。"), 1e10, "CNY");
    }

    // ---- ranges -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2024年，华为升腾芯片出货量约为30万-40万颗。|3e5|4e5|units",
            "每批采购20-30片。|20|30|units",
            "今年将出货400万至500万颗。|4e6|5e6|units",
            "毛利率在10%-15%之间。|10|15|percent",
            "估值在3万亿美元至4万亿美元之间。|3e12|4e12|USD",
            "这一轮融资规模为3-5亿美元。|3e8|5e8|USD",
            "国产份额在三至五成。|30|50|percent",
            "The deal is valued at $3-5 billion.|3e9|5e9|USD",
            "增速预计为10%～15%。|10|15|percent",
            "性能提升1.5—2倍。|1.5|2|multiple",
            "每片晶圆可切出300~500颗芯片。|300|500|units",
            "渗透率将达到百分之十至百分之十五。|10|15|percent",
            "延迟在5到10毫秒之间。|0.005|0.01|seconds",
            "单柜功耗为30 – 40 kW。|3e4|4e4|watts",
    })
    void readsRangesWithSharedUnits(String sentence, double low, double high, String unit) {
        assertRange(one(sentence), low, high, unit);
    }

    @Test
    void rangeKeepsTheQualifierAndSpansBothEnds() {
        String s = "2024年，华为升腾芯片出货量约为30万-40万颗";
        Quantity q = one(s);
        assertThat(q.qualifier()).isEqualTo("approx");
        assertThat(q.text()).isEqualTo("30万-40万颗");
        assertThat(q.end()).isEqualTo(s.length());
    }

    @Test
    void aChangeFromOneValueToAnotherIsTwoFigures() {
        List<Quantity> found = all("毛利率从10%到15%。");
        assertThat(found).hasSize(2);
        assertFigure(found.get(0), 10, "percent");
        assertFigure(found.get(1), 15, "percent");
        assertThat(found.get(0).valueMax()).isNull();
    }

    // ---- what is not a figure -----------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "2024年公司完成了重组。",
            "2025年6月，新品正式发布。",
            "发布会定于10月7日举行。",
            "文件日期为2025-10-25。",
            "公司在Q1和FY2026的指引中没有变化。",
            "第四季度业绩亮眼。",
            "会议在10:30开始。",
            "它是行业第一。",
            "这是第4代产品。",
            "第二财季营收回升。",
            "华为推出Ascend 950PR和CloudMatrix 384。",
            "AMD的MI450与英伟达的H20、B200同台竞技。",
            "寒武纪思元690和昆仑芯P800均已量产。",
            "玩家期待RTX 5090。",
            "DeepSeek-V3.2和GPT-4都发布了新版本。",
            "笔记本搭载Core i7-1370P处理器。",
            "新机搭载骁龙8s处理器。",
            "台积电4nm与中芯国际28纳米和三星3NM工艺。",
            "HBM4和DDR5需求旺盛。",
            "5G基站与NVL72机柜。",
            "客服热线010-12345678或400-800-1234。",
            "请拨打13812345678咨询。",
            "寒武纪(688256)和腾讯(00700.HK)股价上涨。",
            "软件从v1.5升级到V3.1。",
            "十年磨一剑，他们用了88天完成调试。",
            "研发历时一年半，前后四年。",
            "创始人今年35岁。",
            "这组数字是12345。",
            "项目周期为12个月。",
            "团队需要解决三个方面的问题。",
            "公司推出一颗新芯片。",
            "这是一个新的平台。",
            "两家公司签署了合作协议。",
            "他们把1个芯片拆开分析。",
            "一家初创公司获得融资。",
            "十几家企业和三四家机构参与了投标。",
            "成千上万的开发者参与其中。",
            "这是其中之一。",
            "每颗芯片都经过测试。",
            "该数据中心每年耗电10千瓦时。",
            "2024-2025年是关键期。",
            "算力规模达300P。",
            "第3-4季度将恢复增长。",
            "机构数量排名前10。",
            "百度和万科不是数字。",
            "万一台服务器宕机怎么办。",
            "工程师们三三两两地走进会场。",
    })
    void reportsNothingForNumbersWithoutAUnit(String sentence) {
        assertThat(all(sentence)).as(sentence).isEmpty();
    }

    @Test
    void vagueNumbersAreApproximateRanges() {
        Quantity q = one("市场规模达数百亿美元。");
        assertRange(q, 2e10, 9e10, "USD");
        assertThat(q.qualifier()).isEqualTo("approx");
        assertRange(one("公司融资数十亿元。"), 2e9, 9e9, "CNY");
        assertRange(one("今年销量达十几万台。"), 1.1e5, 1.9e5, "units");
        assertRange(one("估值为两三百亿元。"), 2e10, 3e10, "CNY");
        assertFigure(one("这一领域吸引了上百亿元投资。"), 1e10, "CNY");
        assertThat(all("成千上万的开发者和十几家企业参与其中。")).isEmpty();
    }

    @Test
    void aSharedMagnitudeAndUnitReachTheFirstEndOfARange() {
        assertRange(one("每张门票价格在两到三万港元之间。"), 2e4, 3e4, "HKD");
        assertRange(one("该项目预算为一千到两千万元。"), 1e7, 2e7, "CNY");
        assertRange(one("地方补贴金额为3至5千万元。"), 3e7, 5e7, "CNY");
        assertRange(one("设备单价在八十到一百万元。"), 8e5, 1e6, "CNY");
    }

    @Test
    void mixedChainsSignsTenthsAndChange() {
        assertFigure(one("这笔交易的金额为5万4千6百元。"), 54600, "CNY");
        assertFigure(one("公司获得3万4000元补贴。"), 34000, "CNY");
        assertFigure(one("合同金额为８２，２２５．００元。"), 82225, "CNY");
        assertFigure(one("发票金额为壹佰贰拾叁圆整。"), 123, "CNY");
        assertFigure(one("公司净利润同比变动-22.2%。"), -22.2, "percent");
        assertFigure(one("公司利润率为负5%。"), -5, "percent");
        assertFigure(one("该厂商的市场份额为7.2成。"), 72, "percent");
        assertFigure(one("国产化率约三成半。"), 35, "percent");
        assertFigure(one("良率仅有半成。"), 5, "percent");
        assertFigure(one("这种电容的零售价为一元二角五分。"), 1.25, "CNY");
        assertFigure(one("废旧芯片的回收价为12块5。"), 12.5, "CNY");
        assertFigure(one("他们交付了3000块加速卡。"), 3000, "units");
        assertThat(all("2024-2025年与GPT-4。")).isEmpty();
    }

    @Test
    void theCurrencyNamedAfterTheNumberWinsAndOthersKeepTheirCode() {
        Quantity eur = one("公司向员工发放了三万元欧元奖金。");
        assertFigure(eur, 3e4, "EUR");
        assertThat(eur.currency()).isEqualTo("EUR");
        Quantity gbp = one("这笔收购的金额达到10亿英镑。");
        assertFigure(gbp, 1e9, "other");
        assertThat(gbp.currency()).isEqualTo("GBP");
        assertThat(one("俄罗斯计划投入2100亿卢布。").currency()).isEqualTo("RUB");
        assertThat(one("出货量达到120万台。").currency()).isNull();
    }

    @Test
    void aCurrencyWordEndingOneFigureIsNotThePrefixOfTheNext() {
        List<Quantity> found = all("募资9亿港币5亿美元。");
        assertThat(found).hasSize(2);
        assertFigure(found.get(0), 9e8, "HKD");
        assertFigure(found.get(1), 5e8, "USD");
        assertThat(found.get(1).start()).isGreaterThanOrEqualTo(found.get(0).end());
    }

    @Test
    void aNumberBeyondAnySaneRangeIsNoFigureAndNeverInfinite() {
        String digits = "9".repeat(1500);
        assertThat(all("编号" + digits + "元，另有500颗。")).singleElement().satisfies(q -> assertFigure(q, 500, "units"));
        assertThat(all("金额为" + "万".repeat(1500) + "亿美元。")).isEmpty();
        assertThat(all("共" + "1".repeat(16) + "台。")).isEmpty();
        assertFigure(one("共" + "1".repeat(15) + "台。"), 111111111111111d, "units");
    }

    @Test
    void modelNamesNextToRealFiguresStayOut() {
        List<Quantity> found = all("H20芯片今年出货量约为100万颗，B200售价高达4万美元，RTX 5090配备32GB显存。");
        assertThat(found).extracting(Quantity::unit).containsExactly("units", "USD", "bytes");
        assertFigure(found.get(0), 1e6, "units");
        assertFigure(found.get(1), 4e4, "USD");
        assertThat(found.get(1).qualifier()).isEqualTo("up_to");
        assertFigure(found.get(2), 3.2e10, "bytes");
    }

    // ---- Traditional Chinese, Taiwan 兆, full-width -------------------------------------------

    @Test
    void traditionalChineseAndTaiwanTrillion() {
        assertFigure(one("台積電營收達新台幣2兆元。"), 2e12, "TWD");
        assertFigure(one("該公司今年營收達2.5兆元。"), 2.5e12, "TWD");
        assertFigure(one("輝達市值突破3兆美元。"), 3e12, "USD");
        assertFigure(one("晶片出貨量約30萬顆。"), 3e5, "units");
        assertFigure(one("公司獲得1.5億美元投資。"), 1.5e8, "USD");
        assertFigure(one("共交付1萬張加速卡。"), 1e4, "units");
        assertFigure(one("機房部署了500臺伺服器。"), 500, "units");
        assertFigure(one("新廠供電為10兆瓦。"), 1e7, "watts");
        assertThat(all("儲存容量為5兆字節。")).singleElement().satisfies(q -> assertFigure(q, 5e6, "bytes"));
    }

    @Test
    void fullWidthFormsKeepTheirOriginalTextAndOffsets() {
        String s = "营收增长２５％，出货３０万～４０万颗。";
        List<Quantity> found = all(s);
        assertThat(found).hasSize(2);
        assertFigure(found.get(0), 25, "percent");
        assertThat(found.get(0).text()).isEqualTo("２５％");
        assertRange(found.get(1), 3e5, 4e5, "units");
        assertThat(found.get(1).text()).isEqualTo("３０万～４０万颗");
    }

    // ---- several figures, order, contract -----------------------------------------------------

    @Test
    void findsEveryFigureInTextOrder() {
        String s = "2025年，公司营收约为4.5万亿美元，同比增长56%，出货量超过30万颗，其中800台服务器，算力达300PFLOPS。";
        List<Quantity> found = all(s);
        assertThat(found).extracting(Quantity::unit).containsExactly("USD", "percent", "units", "units", "FLOPS");
        assertThat(found).extracting(Quantity::qualifier).containsExactly("approx", "exact", "over", "exact", "exact");
        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).start()).isGreaterThanOrEqualTo(found.get(i - 1).end());
        }
    }

    @Test
    void emptyAndNullSentencesHaveNoFigures() {
        assertThat(finder.findAll("")).isEmpty();
        assertThat(finder.findAll(null)).isEmpty();
    }

    @Test
    void resultIsImmutable() {
        List<Quantity> found = finder.findAll("出货量为500颗。");
        assertThat(found).hasSize(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> found.add(found.get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void longHostileInputStaysLinear() {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String piece = "1,2-3万亿百千万亿十多余H2O-0颗 共500颗，"; sb.length() + piece.length() <= QuantityFinder.MAX_CHARS; n++) {
            sb.append(piece);
        }
        assertThat(finder.findAll(sb.toString())).hasSize(n);
    }
}
