package io.chipwatch.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BoilerplateTest {

    private static final String LONG_STORY_WITH_PHONE = "在当天晚间举行的业绩电话会议上，公司首席财务官向分析师解释了毛利率下滑的原因："
            + "一方面，成熟制程产品的平均售价在过去两个季度累计下降了约百分之八，部分消费电子客户仍在消化库存；"
            + "另一方面，新建的十二英寸产线尚处于产能爬坡阶段，折旧费用明显上升，单位成本短期内难以摊薄。"
            + "她同时表示，随着车规级产品陆续通过客户认证，预计明年下半年产品结构将得到改善，毛利率有望逐步回升。";

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "责任编辑：王五",
            "编辑：李晓明",
            "（责任编辑：周小舟）",
            "来源：芯片观察",
            "文|陈一鸣",
            "特别声明：以上内容（如有图片或视频亦包括在内）为自媒体平台用户上传并发布，本平台仅提供信息存储服务。",
            "免责声明：本文仅代表作者个人观点，与本网站无关。",
            "本文为芯闻周刊原创文章，禁止转载",
            "本文为芯闻周刊原创，未经授权不得转载。",
            "客服电话：400-820-1234",
            "投诉电话 021-66668888",
            "010-62345678",
            "+86 (0755) 8888-6666",
            "相关阅读",
            "相关阅读：",
            "推荐阅读：国产光刻胶企业加速验证",
            "上一篇：晶圆厂扩产计划公布",
            "扫描下方二维码关注我们",
            "Copyright © 2025 某某科技 All Rights Reserved",
            "京ICP备12345678号",
            "   ",
            "……",
            "分享到："})
    void recognisesPageFurniture(String line) {
        assertThat(Boilerplate.isBoilerplateLine(line)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "该公司在2024年实现营收12亿元，同比增长35%。",
            "国产光刻胶企业近日宣布完成新一轮融资，资金将用于扩建产线。",
            "业内人士指出，本轮融资的资金来源主要为地方产业基金和战略投资者。",
            "该实验室正在研究基因编辑技术在芯片材料中的潜在应用。",
            "他曾在一家出版社担任编辑，后来转行进入半导体行业做市场分析。",
            "相关部门表示，将继续支持集成电路企业开展关键技术攻关。",
            "2025年上半年，全球晶圆代工市场规模同比增长约两成。",
            "台积电",
            "AI"})
    void leavesOrdinaryArticleSentencesAlone(String line) {
        assertThat(Boilerplate.isBoilerplateLine(line)).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "分析师仍在看好存储芯片的复苏前景。",
            "该产品发布后获得不少工程师点赞。",
            "记者多次拨打该公司公开的联系电话，均无人接听。"})
    void leavesShortStorySentencesUsingWeChatButtonWordsAlone(String line) {
        assertThat(Boilerplate.isBoilerplateLine(line)).isFalse();
    }

    @Test
    void leavesALongStoryParagraphMentioningATelephoneAlone() {
        assertThat(LONG_STORY_WITH_PHONE).hasSizeGreaterThan(160).contains("电话");

        assertThat(Boilerplate.isBoilerplateLine(LONG_STORY_WITH_PHONE)).isFalse();
    }

    @Test
    void stripTrailingNoticeCutsAGluedDisclaimer() {
        String story = "据悉，该项目一期工程将于明年六月完工，届时月产能可达两万片。";
        String glued = story + "特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。";

        assertThat(Boilerplate.stripTrailingNotice(glued)).isEqualTo(story);
    }

    @Test
    void stripTrailingNoticeCutsATrailingParenthesisedCredit() {
        String story = "公司预计新产品将在年底前完成客户送样。";

        assertThat(Boilerplate.stripTrailingNotice(story + "(文|周明远,编辑|陈亮)")).isEqualTo(story);
        assertThat(Boilerplate.stripTrailingNotice(story + "（文｜周明远，编辑｜陈亮）")).isEqualTo(story);
    }

    @Test
    void stripTrailingNoticeLeavesAParagraphWithoutNoticeUnchanged() {
        String story = "分析人士认为（尤其是在车规芯片领域），本土厂商仍需三到五年才能缩小差距。";

        assertThat(Boilerplate.stripTrailingNotice(story)).isSameAs(story);
        assertThat(Boilerplate.stripTrailingNotice(LONG_STORY_WITH_PHONE)).isEqualTo(LONG_STORY_WITH_PHONE);
    }

    @Test
    void stripTrailingNoticeKeepsAParagraphThatIsOnlyANotice() {
        // A notice at the very start is a whole boilerplate line, for isBoilerplateLine to drop, not to cut.
        String notice = "特别声明：本文仅代表作者观点。";

        assertThat(Boilerplate.stripTrailingNotice(notice)).isEqualTo(notice);
    }

    @Test
    void cleanDropsFurnitureAndKeepsArticleOrder() {
        String first = "国产光刻胶企业近日宣布完成新一轮融资，资金将用于扩建产线。";
        String second = "公司创始人表示，新产线投产后产能将提升三倍。";
        String third = "业内人士认为，材料国产化仍是产业链最薄弱的环节之一。";
        List<String> paragraphs = List.of(
                "编辑：李晓明",
                first,
                "相关阅读",
                second,
                "客服电话：400-820-1234",
                third,
                "特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。",
                "010-62345678");

        assertThat(Boilerplate.clean(paragraphs)).containsExactly(first, second, third);
    }

    @Test
    void cleanTrimsANoticeGluedToALongLastParagraph() {
        String first = "国产光刻胶企业近日宣布完成新一轮融资，资金将用于扩建产线。";
        List<String> paragraphs = List.of(
                first,
                LONG_STORY_WITH_PHONE + "特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。");

        assertThat(Boilerplate.clean(paragraphs)).containsExactly(first, LONG_STORY_WITH_PHONE);
    }

    @Test
    void cleanTrimsANoticeGluedToAShortLastParagraph() {
        String first = "国产光刻胶企业近日宣布完成新一轮融资，资金将用于扩建产线。";
        String last = "业内人士认为，材料国产化仍是产业链最薄弱的环节之一。";
        List<String> paragraphs = List.of(
                first,
                last + "特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。");

        assertThat(Boilerplate.clean(paragraphs)).containsExactly(first, last);
    }

    @Test
    void cleanOfOnlyFurnitureIsEmpty() {
        assertThat(Boilerplate.clean(List.of("责任编辑：王五", "相关阅读", "010-62345678"))).isEmpty();
    }
}
