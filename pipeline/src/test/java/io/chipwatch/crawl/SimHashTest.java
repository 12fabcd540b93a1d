package io.chipwatch.crawl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SimHashTest {

    /** Written for this test: a wire story about a chip-equipment order, about 640 characters. */
    private static final String STORY = """
            据悉，国内某刻蚀设备龙头企业近日与一家十二英寸晶圆厂签署了新一批设备采购合同，合同金额超过十五亿元。此次采购的设备主要用于二十八纳米及以下工艺节点的量产线扩建，预计将在今年第三季度开始分批交付。
            公司相关负责人表示，近年来国产刻蚀设备在关键客户中的验证进度明显加快，多款产品已经实现批量出货，市场份额稳步提升。该负责人透露，公司去年研发投入占营业收入的比例接近两成，新一代高深宽比刻蚀机已经完成客户端验证，正在争取进入更多产线。
            业内分析人士指出，在外部供应链不确定性加剧的背景下，晶圆厂更加重视设备供应的稳定性，国产设备厂商迎来了难得的发展窗口期。从招标数据看，今年以来国内主要晶圆厂的设备招标中，国产设备的中标比例较去年同期提高了约十个百分点，其中刻蚀、清洗和去胶设备的国产化进展最快，而光刻、量测和离子注入设备的国产化率仍然偏低。
            不过，也有专家提醒，国产设备在高端工艺上仍需持续加大研发投入，缩小与国际领先水平的差距。一方面，先进制程对设备的精度、稳定性和产能提出了更高要求，客户验证周期往往长达一到两年；另一方面，核心零部件如射频电源、真空泵和精密陶瓷件仍有相当部分依赖进口，供应链的自主可控还有很长的路要走。
            展望后市，多家券商研究机构认为，随着国内存储和逻辑晶圆厂扩产计划陆续落地，明后两年设备采购需求将保持较高水平，具备平台化布局能力的设备厂商有望持续受益。同时，行业整合也可能加速，中小设备企业需要在细分领域形成差异化优势，才能在激烈的市场竞争中站稳脚跟。
            """;

    /** Reposted by another outlet: its own lead-in and editor line, one phrase edited. */
    private static final String REPOST = "据芯片观察报道，\n" + STORY.replace("近日", "日前") + "\n责任编辑：王芳";

    /** Reposted with a branded header and footer and four edits: the same story, but more bits apart. */
    private static final String HEAVY_REPOST = "【芯片观察】\n" + STORY.replace("近日", "日前").replace("十二英寸", "12英寸")
            .replace("十五亿元", "15亿元").replace("不过，", "但") + "\n（来源：芯片观察）";

    /** A different article on the same topic, sharing much of the vocabulary. */
    private static final String OTHER = """
            国产刻蚀设备厂商今日发布年度业绩报告，全年营业收入同比增长超过四成，净利润增速更快。报告显示，公司在先进存储和逻辑芯片领域的新产品获得多家客户认可，订单储备创下历史新高。
            管理层在业绩说明会上表示，未来将继续扩大产能，并在薄膜沉积和量测设备等新领域加大布局，同时计划在海外设立研发中心，以吸引更多高端人才。公司还披露，去年研发投入同比增长超过五成，研发人员数量突破两千人，累计申请专利数量位居国内同行前列。
            分析人士认为，国内晶圆厂扩产节奏和设备国产化率的提升，是公司业绩高增长的主要驱动力。不过也有投资者担心，行业周期波动可能影响明年的订单节奏，存储芯片价格的变化也会左右下游客户的资本开支计划。此外，核心零部件的供应稳定性和海外市场的拓展难度，同样是公司未来需要面对的挑战。
            """;

    private final SimHash simHash = new SimHash();

    @Test
    void aRepostIsWithinThreeBits() {
        long a = simHash.fingerprint(STORY).orElseThrow();
        long b = simHash.fingerprint(REPOST).orElseThrow();

        assertThat(SimHash.hamming(a, b)).isLessThanOrEqualTo(3);
    }

    @Test
    void aHeavierRepostStaysFarCloserThanADifferentArticle() {
        // Three bits is tight: header, footer and edits together move a 640-character text by about
        // 8-12 bits. A wider distance catches such reposts; a different story stays 20+ bits away.
        long a = simHash.fingerprint(STORY).orElseThrow();

        assertThat(SimHash.hamming(a, simHash.fingerprint(HEAVY_REPOST).orElseThrow())).isBetween(4, 12);
        assertThat(SimHash.hamming(a, simHash.fingerprint(OTHER).orElseThrow())).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aDifferentArticleOnTheSameTopicIsFar() {
        long a = simHash.fingerprint(STORY).orElseThrow();
        long c = simHash.fingerprint(OTHER).orElseThrow();

        assertThat(SimHash.hamming(a, c)).isGreaterThan(10);
    }

    @Test
    void isStableAndIgnoresWhitespaceAndPunctuation() {
        assertThat(simHash.hash(STORY)).isEqualTo(new SimHash().hash(STORY));
        assertThat(simHash.hash("先进封装，产能紧张。 CoWoS 需求旺盛！")).isEqualTo(simHash.hash("先进封装产能紧张cowos需求旺盛"));
        // pinned so a change to the hash function, which would orphan every stored fingerprint, is noticed
        assertThat(Long.toHexString(simHash.hash("国产刻蚀设备迎来发展窗口期"))).isEqualTo("b4f3440204870591");
    }

    @Test
    void shortTextsAreNeverMatched(@TempDir Path dir) throws Exception {
        assertThat(simHash.fingerprint("中芯国际一季度营收同比增长")).isEmpty();
        try (CrawlState state = CrawlState.open(dir, false)) {
            NearDuplicates dups = new NearDuplicates(state);
            assertThat(dups.check("https://a.example.cn/1", "a1", "中芯国际一季度营收同比增长")).isEmpty();
            assertThat(dups.check("https://b.example.cn/1", "b1", "中芯国际一季度营收同比增长")).isEmpty();
            assertThat(dups.sameStory("中芯国际一季度营收同比增长", "中芯国际一季度营收同比增长")).isFalse();
        }
    }

    @Test
    void nearDuplicatesRecordTheFirstArticle(@TempDir Path dir) throws Exception {
        try (CrawlState state = CrawlState.open(dir, false)) {
            NearDuplicates dups = new NearDuplicates(state);

            assertThat(dups.check("https://a.example.cn/1", "a1", STORY)).isEmpty();
            assertThat(dups.check("https://a.example.cn/1", "a1", STORY)).isEmpty(); // the same article again
            assertThat(dups.check("https://b.example.cn/9", "b9", REPOST)).map(Fingerprint::url).contains("https://a.example.cn/1");
            assertThat(dups.check("https://c.example.cn/5", "c5", OTHER)).isEmpty();

            assertThat(state.duplicateOf("https://b.example.cn/9")).contains("https://a.example.cn/1");
            assertThat(state.duplicateOf("https://c.example.cn/5")).isEmpty();
            assertThat(state.fingerprintCount()).isEqualTo(2);
        }
    }
}
