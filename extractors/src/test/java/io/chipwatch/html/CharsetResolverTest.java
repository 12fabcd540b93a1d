package io.chipwatch.html;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CharsetResolverTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset BIG5 = Charset.forName("Big5");

    /** Invented copy, long enough (300+ characters) for statistical detection to be confident. */
    private static final String LONG_SIMPLIFIED = String.join("",
            "据业内人士透露，一家位于长三角的晶圆代工企业近日启动了第二座十二英寸工厂的建设，",
            "预计总投资约为三百亿元，规划月产能四万片，主要面向车规级功率器件和模拟芯片。",
            "该企业负责人表示，今年以来下游汽车电子和工业控制客户的订单持续增长，",
            "现有产线的利用率已经连续三个季度保持在九成以上，扩产计划因此提前了半年。",
            "与此同时，国内多家设备厂商也在加快刻蚀、薄膜沉积和清洗设备的验证进度，",
            "部分关键零部件的国产化比例较去年明显提高，但光刻环节仍然依赖进口。",
            "分析师认为，成熟制程的竞争将在未来两年内进一步加剧，价格压力不容忽视，",
            "企业需要在产品结构、客户质量和成本控制上同时发力，才能穿越行业周期。",
            "记者在园区看到，新厂房的地基工程已经完成，多台大型起重机正在吊装钢结构，",
            "项目方计划在明年第三季度实现首批设备搬入，并在年底前开始小批量试产。",
            "当地政府还配套建设了人才公寓和职业培训中心，以缓解工程师短缺的问题。");

    private final CharsetResolver resolver = new CharsetResolver();

    private static String page(String charsetMeta, String text) {
        return page(charsetMeta, "晶圆厂扩产", text);
    }

    private static String page(String charsetMeta, String title, String text) {
        String meta = charsetMeta == null ? "" : "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + charsetMeta + "\">";
        return "<html><head>" + meta + "<title>" + title + "</title></head><body><p>" + text + "</p></body></html>";
    }

    @Test
    void gbkBytesDeclaredGb2312InMetaDecodeAsGb18030() {
        String html = page("gb2312", "国产芯片设计公司发布新一代处理器，性能提升三成。");

        DecodedPage decoded = resolver.decode(html.getBytes(GBK), null);

        assertThat(decoded.text()).isEqualTo(html);
        assertThat(decoded.charset().name()).isEqualTo("GB18030");
        assertThat(decoded.reason()).isEqualTo("meta");
    }

    @Test
    void undeclaredGbkBytesAreDetectedAsGb18030() {
        String html = page(null, LONG_SIMPLIFIED);

        DecodedPage decoded = resolver.decode(html.getBytes(GBK), null);

        assertThat(decoded.text()).isEqualTo(html);
        assertThat(decoded.charset().name()).isEqualTo("GB18030");
        assertThat(decoded.reason()).isEqualTo("detected");
    }

    @Test
    void utf8BytesWronglyDeclaredGb2312DecodeAsUtf8() {
        String html = page("gb2312", "存储芯片价格连续两个月上涨，模组厂商开始囤货。");

        DecodedPage decoded = resolver.decode(html.getBytes(StandardCharsets.UTF_8), null);

        assertThat(decoded.text()).isEqualTo(html);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void gbkBytesWronglyDeclaredUtf8InHttpHeaderDecodeAsGb18030() {
        String html = page(null, LONG_SIMPLIFIED);

        DecodedPage decoded = resolver.decode(html.getBytes(GBK), "text/html; charset=utf-8");

        assertThat(decoded.text()).isEqualTo(html);
        assertThat(decoded.charset().name()).isEqualTo("GB18030");
    }

    @Test
    void httpHeaderCharsetWinsOverMetaWhenBothDecodeCleanly() {
        // ASCII bytes decode cleanly as both GBK and Big5: the header must decide.
        String html = page("big5", "Capacity", "Foundry capacity update, third quarter.");

        DecodedPage decoded = resolver.decode(html.getBytes(StandardCharsets.US_ASCII), "text/html; charset=GBK");

        assertThat(decoded.text()).isEqualTo(html);
        assertThat(decoded.charset().name()).isEqualTo("GB18030");
        assertThat(decoded.reason()).isEqualTo("header");
    }

    @Test
    void httpHeaderCharsetWinsOverMetaForChineseUtf8Bytes() {
        String html = page("gbk", "封装测试厂商扩建先进封装产线。");
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);

        DecodedPage decoded = resolver.decode(bytes, "text/html; charset=UTF-8");

        assertThat(decoded.text()).isEqualTo(html);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.reason()).isEqualTo("header");
    }

    @Test
    void utf8ByteOrderMarkIsRemovedAndWinsOverDeclarations() throws Exception {
        String html = page("gb2312", "功率半导体企业获得车企长期订单。");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        out.write(html.getBytes(StandardCharsets.UTF_8));

        DecodedPage decoded = resolver.decode(out.toByteArray(), "text/html; charset=gbk");

        assertThat(decoded.text()).isEqualTo(html).doesNotContain("\uFEFF");
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(decoded.reason()).isEqualTo("bom");
    }

    @Test
    void big5BytesDeclaredBig5DecodeToTheOriginalTraditionalText() {
        String html = page("big5", "晶圓廠擴產", "臺灣晶圓代工廠宣佈擴建先進製程產線，預計後年量產，設備訂單已陸續發出。");

        DecodedPage decoded = resolver.decode(html.getBytes(BIG5), null);

        assertThat(decoded.text()).isEqualTo(html);
        assertThat(decoded.charset().name()).isEqualTo("Big5-HKSCS");
    }

    @Test
    void asciiOnlyPageWithoutDeclarationIsUtf8() {
        String html = "<html><head><title>Chip news</title></head><body><p>Wafer prices rose 5% this quarter.</p></body></html>";

        DecodedPage decoded = resolver.decode(html.getBytes(StandardCharsets.US_ASCII), null);

        assertThat(decoded.text()).isEqualTo(html);
        assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void forLabelMapsChineseLegacyLabelsToTheirSupersets() {
        assertThat(CharsetResolver.forLabel("GB2312").name()).isEqualTo("GB18030");
        assertThat(CharsetResolver.forLabel(" gbk ").name()).isEqualTo("GB18030");
        assertThat(CharsetResolver.forLabel("big5").name()).isEqualTo("Big5-HKSCS");
        assertThat(CharsetResolver.forLabel("utf8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CharsetResolver.forLabel("no-such-charset")).isNull();
        assertThat(CharsetResolver.forLabel("")).isNull();
    }
}
