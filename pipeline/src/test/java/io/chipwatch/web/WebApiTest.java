package io.chipwatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.store.ArticleDoc;
import io.chipwatch.store.Indexable;
import io.chipwatch.store.LuceneSearchStore;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API of {@code chipwatch serve}, asked by a real HTTP client over a real index of
 * made-up news pages ({@link ServedIndex}).
 */
class WebApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    static ServedIndex served;

    @BeforeAll
    static void serve() throws Exception {
        served = ServedIndex.start(dir);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (served != null) {
            served.close();
        }
    }

    /** GET path?name=value&..., the values percent-encoded. */
    static HttpResponse<String> get(String path, String... params) throws IOException, InterruptedException {
        return send(path, "application/json", params);
    }

    static HttpResponse<String> send(String path, String accept, String... params) throws IOException, InterruptedException {
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < params.length; i += 2) {
            q.append(q.length() == 0 ? "?" : "&").append(URLEncoder.encode(params[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
        }
        HttpRequest request = HttpRequest.newBuilder(served.uri(path + q)).header("Accept", accept).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode json(String path, String... params) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path, params);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    static List<JsonNode> hits(JsonNode answer) {
        return StreamSupport.stream(answer.get("hits").spliterator(), false).toList();
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Set<String> titles(JsonNode answer) {
        Set<String> out = new HashSet<>();
        hits(answer).forEach(h -> out.add(h.get("title").asText()));
        return out;
    }

    @Test
    void orFindsTheUnionAndNotTheDifferenceOfWhatEachWordFinds() throws Exception {
        Set<String> huawei = titles(json("/api/articles", "q", "华为"));
        Set<String> cambricon = titles(json("/api/articles", "q", "寒武纪"));
        Set<String> shipments = titles(json("/api/articles", "q", "出货量"));
        assertThat(huawei).isNotEmpty();
        assertThat(cambricon).isNotEmpty();

        Set<String> either = new HashSet<>(huawei);
        either.addAll(cambricon);
        Set<String> shipmentsWithoutHuawei = new HashSet<>(shipments);
        shipmentsWithoutHuawei.removeAll(huawei);

        assertThat(titles(json("/api/articles", "q", "华为 OR 寒武纪"))).isEqualTo(either);
        assertThat(titles(json("/api/articles", "q", "出货量 NOT 华为"))).isEqualTo(shipmentsWithoutHuawei).isNotEmpty();
        assertThat(titles(json("/api/articles", "q", "出货量 -华为"))).isEqualTo(shipmentsWithoutHuawei);
    }

    @Test
    void entityAndSourceFieldsTakeAnyAliasAndFilterHits() throws Exception {
        JsonNode nvidia = json("/api/articles", "q", "entity:NVIDIA");
        assertThat(hits(nvidia)).isNotEmpty().allSatisfy(h -> assertThat(strings(h.get("entities"))).contains("英伟达"));

        JsonNode source = json("/api/articles", "q", "source:环球科技");
        assertThat(hits(source)).isNotEmpty().allSatisfy(h -> assertThat(h.get("source").asText()).isEqualTo("环球科技"));
        assertThat(source.get("total").asLong()).isLessThan(json("/api/articles").get("total").asLong());
    }

    @Test
    void aPhraseMatchesItsWordsOnlyTogetherAndInOrder() throws Exception {
        assertThat(json("/api/articles", "q", "\"出口管制\"").get("total").asLong()).isPositive();
        assertThat(json("/api/articles", "q", "管制出口").get("total").asLong()).isPositive();
        assertThat(json("/api/articles", "q", "\"管制出口\"").get("total").asLong()).isZero();
    }

    @Test
    void hitsCarrySnippetsWithTheFoundWordsMarkedAndNoBody() throws Exception {
        JsonNode answer = json("/api/articles", "q", "出货量");

        assertThat(hits(answer)).isNotEmpty().allSatisfy(h -> {
            assertThat(h.get("snippet_html").asText()).contains("<mark>出货量</mark>");
            assertThat(h.has("body")).isFalse();
            assertThat(h.get("published").asText()).endsWith("+08:00");
            assertThat(h.get("url").asText()).startsWith("https://news.example.cn/");
        });
        // an alias in an entity filter marks the name the text uses
        assertThat(hits(json("/api/articles", "q", "entity:Cambricon"))).isNotEmpty()
                .allSatisfy(h -> assertThat(h.get("snippet_html").asText()).contains("<mark>寒武纪</mark>"));
    }

    @Test
    void facetsCountTheMatchingArticlesBySourceEntityAndEventType() throws Exception {
        JsonNode all = json("/api/articles");
        long total = all.get("total").asLong();

        long bySource = 0;
        for (JsonNode c : all.get("facets").get("source")) {
            bySource += c.get("count").asLong();
            assertThat(json("/api/articles", "q", "source:" + c.get("value").asText()).get("total").asLong())
                    .isEqualTo(c.get("count").asLong());
        }
        assertThat(bySource).isEqualTo(total);
        JsonNode entity = all.get("facets").get("entity").get(0);
        assertThat(json("/api/articles", "q", "entity:" + entity.get("value").asText()).get("total").asLong())
                .isEqualTo(entity.get("count").asLong());
        long byType = 0;
        for (JsonNode c : all.get("facets").get("type")) {
            byType += c.get("count").asLong();
        }
        assertThat(byType).isPositive().isEqualTo(json("/api/events").get("total").asLong());
    }

    @Test
    void pagesCoverEveryHitOnceAndKeepTheTotal() throws Exception {
        long total = json("/api/articles").get("total").asLong();
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < total; offset += 3) {
            JsonNode page = json("/api/articles", "offset", String.valueOf(offset), "limit", "3");
            assertThat(page.get("total").asLong()).isEqualTo(total);
            hits(page).forEach(h -> seen.add(h.get("id").asText()));
        }
        assertThat(seen).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(total).isGreaterThanOrEqualTo(ServedIndex.PAGES.size());
    }

    @Test
    void figuresTakeAMetricOrSubjectInChineseOrByAnyAlias() throws Exception {
        JsonNode byLabel = json("/api/figures", "metric", "shipments", "subject", "寒武纪");
        JsonNode byWords = json("/api/figures", "metric", "出货量", "subject", "Cambricon");

        assertThat(hits(byLabel)).isNotEmpty().allSatisfy(f -> {
            assertThat(f.get("metric").asText()).isEqualTo("shipments");
            assertThat(f.get("subject").asText()).isEqualTo("寒武纪");
        });
        assertThat(byWords).isEqualTo(byLabel);
    }

    @Test
    void aPeriodFindsItselfAndWhatLiesWithinIt() throws Exception {
        JsonNode year = json("/api/figures", "metric", "shipments", "period", "2024");
        JsonNode quarter = json("/api/figures", "metric", "shipments", "period", "2024-Q2");

        assertThat(hits(quarter)).isNotEmpty().allSatisfy(f -> assertThat(f.get("period").asText()).isEqualTo("2024-Q2"));
        assertThat(hits(year)).allSatisfy(f -> assertThat(f.get("period").asText()).startsWith("2024"));
        assertThat(year.get("total").asLong()).isGreaterThan(quarter.get("total").asLong());
    }

    @Test
    void figuresAndEventsExportAsCsvByFormatOrAcceptHeader() throws Exception {
        JsonNode figures = json("/api/figures", "metric", "shipments");
        HttpResponse<String> byFormat = get("/api/figures", "metric", "shipments", "format", "csv");
        HttpResponse<String> byAccept = send("/api/figures", "text/csv", "metric", "shipments");

        assertThat(byFormat.statusCode()).isEqualTo(200);
        assertThat(byFormat.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(byAccept.body()).isEqualTo(byFormat.body());
        String[] lines = byFormat.body().split("\r\n");
        assertThat(lines[0]).startsWith("published,subject,metric,value");
        assertThat(lines).hasSize(1 + figures.get("hits").size());
        assertThat(byFormat.body()).contains(hits(figures).get(0).get("subject").asText());

        HttpResponse<String> events = get("/api/events", "format", "csv");
        assertThat(events.body().split("\r\n")).hasSize(1 + json("/api/events").get("hits").size());
        assertThat(events.body()).startsWith("published,type,org");
    }

    @Test
    void eventsFilterByTypeAndEntity() throws Exception {
        JsonNode all = json("/api/events");
        assertThat(hits(all)).isNotEmpty();
        String type = hits(all).get(0).get("type").asText();
        String org = hits(all).get(0).get("org").asText();

        assertThat(hits(json("/api/events", "type", type))).isNotEmpty().allSatisfy(e -> assertThat(e.get("type").asText()).isEqualTo(type));
        assertThat(hits(json("/api/events", "entity", org))).isNotEmpty().allSatisfy(e -> assertThat(e.get("org").asText()).isEqualTo(org));
        assertThat(hits(json("/api/events", "q", "type:" + type + " -org:" + org)))
                .allSatisfy(e -> assertThat(e.get("org").asText()).isNotEqualTo(org));
    }

    @Test
    void alertsComeNewestFirstAndFilterByEntityAlias() throws Exception {
        JsonNode all = json("/api/alerts");
        JsonNode qualcomm = json("/api/alerts", "entity", "Qualcomm");

        assertThat(hits(all)).extracting(a -> a.get("id").asText()).containsExactly("al-1", "al-2");
        assertThat(hits(all).get(0).get("created").asText()).isEqualTo("2024-10-22T20:30+08:00");
        assertThat(hits(qualcomm)).extracting(a -> a.get("org").asText()).containsExactly("高通");
    }

    @Test
    void anEntityPageGathersItsAliasesCountsFactsAndCompany() throws Exception {
        JsonNode e = json("/api/entities/" + URLEncoder.encode("Cambricon", StandardCharsets.UTF_8));

        assertThat(e.get("name").asText()).isEqualTo("寒武纪");
        assertThat(strings(e.get("aliases"))).contains("Cambricon");
        assertThat(e.get("counts").get("articles").asLong()).isEqualTo(json("/api/articles", "q", "entity:寒武纪").get("total").asLong());
        assertThat(e.get("counts").get("figures").asLong()).isEqualTo(json("/api/figures", "subject", "寒武纪").get("total").asLong());
        assertThat(e.get("figures").size()).isPositive();
        e.get("figures").forEach(f -> assertThat(f.get("subject").asText()).isEqualTo("寒武纪"));
        assertThat(e.get("co_mentioned").findValuesAsText("value")).isNotEmpty().doesNotContain("寒武纪");

        JsonNode byChinese = json("/api/entities/" + URLEncoder.encode("寒武纪", StandardCharsets.UTF_8));
        assertThat(byChinese).isEqualTo(e);
    }

    @Test
    void serveReadsTheIndexWhileAnotherProcessWritesIt() throws Exception {
        assertThat(json("/api/articles", "q", "摩尔线程").get("total").asLong()).isZero();

        // this test's process is the writer; serve, a child process, holds no lock
        try (LuceneSearchStore writer = LuceneSearchStore.open(served.data().resolve("index"), Gazetteer.defaults())) {
            writer.index(List.of(new Indexable.Article(new ArticleDoc("late-1", "https://news.example.cn/chips/late-1.html",
                    "摩尔线程发布新显卡", OffsetDateTime.parse("2024-11-01T10:00:00+08:00"), null, "示例芯闻", "zh",
                    "摩尔线程今日发布新一代显卡。", List.of("摩尔线程"), List.of("摩尔线程", "Moore Threads")), List.of(), List.of())));

            JsonNode found = json("/api/articles", "q", "摩尔线程");
            assertThat(hits(found)).extracting(h -> h.get("id").asText()).containsExactly("late-1");
        }
    }

    @Test
    void badParametersAre400WithTheParameterAndTheReason() throws Exception {
        assertBad(get("/api/articles", "q", "(华为 OR 高通"), "q", "unbalanced");
        assertBad(get("/api/articles", "q", "metric:shipments"), "q", "unknown field");
        assertBad(get("/api/articles", "from", "2024-13-01"), "from", "YYYY-MM-DD");
        assertBad(get("/api/articles", "from", "2024-06-01", "to", "2024-05-01"), "from", "after");
        assertBad(get("/api/articles", "limit", "0"), "limit", "between 1 and");
        assertBad(get("/api/articles", "offset", "x"), "offset", "whole number");
        assertBad(get("/api/articles", "qq", "华为"), "qq", "unknown parameter");
        assertBad(get("/api/figures", "metric", "温度"), "metric", "unknown metric");
        assertBad(get("/api/figures", "period", "Q1"), "period", "period label");
        assertBad(get("/api/events", "format", "xml"), "format", "one of csv, json");
    }

    private static void assertBad(HttpResponse<String> r, String parameter, String why) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(r.body());
        assertThat(error.get("parameter").asText()).isEqualTo(parameter);
        assertThat(error.get("error").asText()).contains(why);
    }

    @Test
    void unknownEndpointsAndEntitiesAre404AndOtherMethods405() throws Exception {
        assertThat(get("/api/nothing").statusCode()).isEqualTo(404);
        HttpResponse<String> unknown = get("/api/entities/" + URLEncoder.encode("不存在的公司", StandardCharsets.UTF_8));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("parameter").asText()).isEqualTo("name");
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(served.uri("/api/articles"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void thePageAndItsAssetsAreServedFromTheJar() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(served.base()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("<script src=\"app.js\"");
        assertThat(HTTP.send(HttpRequest.newBuilder(served.uri("/app.js")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(HTTP.send(HttpRequest.newBuilder(served.uri("/../pom.xml")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
    }
}
