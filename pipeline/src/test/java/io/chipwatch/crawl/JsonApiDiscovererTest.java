package io.chipwatch.crawl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonApiDiscovererTest {

    private ListingServer server;
    private final PlainFetcher fetcher = new PlainFetcher();

    @BeforeEach
    void start() throws Exception {
        server = new ListingServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Discovery json(String url, String method, String body, Map<String, String> headers, String items, String urlField,
                                  String urlTemplate, String titleField, String dateField, int pages) {
        return new Discovery("json", url, null, null, pages, null, method, body, headers, items, urlField, urlTemplate, titleField,
                dateField);
    }

    @Test
    void readsNestedItemsWithAUrlTemplateAndPages() throws Exception {
        for (int p = 1; p <= 3; p++) {
            String items = p == 3 ? "[]" : """
                    [{"slug": "2024-04-23-%1$d", "title": "第%1$d页：RISC-V生态加速成熟", "meta": {"publishedAt": "2024-04-23T10:0%1$d:00+08:00"}},
                     {"slug": null, "title": "没有链接的条目"}]
                    """.formatted(p);
            server.serve("/api/articles.json?sort=time&page=" + p, "application/json", "{\"data\": {\"articles\": " + items + "}}");
        }
        Discovery d = json(server.base() + "/api/articles.json?sort=time&page={page}", null, null, Map.of("Referer", "https://chips.example.cn/"),
                "/data/articles", null, "https://chips.example.cn/articles/{/slug}", "/title", "/meta/publishedAt", 5);

        List<DiscoveredLink> links = new JsonApiDiscoverer().discover(d, fetcher);

        assertThat(links).extracting(l -> l.url().toString())
                .containsExactly("https://chips.example.cn/articles/2024-04-23-1", "https://chips.example.cn/articles/2024-04-23-2");
        assertThat(links.get(0).title()).isEqualTo("第1页：RISC-V生态加速成熟");
        assertThat(links.get(1).published()).isEqualTo(Instant.parse("2024-04-23T02:02:00Z"));
        // page 3 was empty, so pages 4 and 5 were never asked for
        assertThat(server.requests()).hasSize(3);
        assertThat(server.requests().get(0).header("referer")).isEqualTo("https://chips.example.cn/");
    }

    @Test
    void unwrapsJsonpWithLocalBeijingTimes() throws Exception {
        String jsonp = """
                data_callback([
                {"title":"国产GPU厂商发布新品","docurl":"https://www.163.com/tech/article/J0ABCDEF00097U7T.html","time":"04/23/2024 10:20:30"},
                {"title":"晶圆厂扩产计划公布","docurl":"https://www.163.com/tech/article/J0ABCDEG00097U7T.html","time":"2024-04-23 09:05"}
                ]);
                """;
        server.serve("/special/00097UHL/tech_datalist.js?callback=data_callback", "application/javascript; charset=gbk",
                jsonp.getBytes(Charset.forName("GBK")));
        Discovery d = json(server.base() + "/special/00097UHL/tech_datalist.js?callback=data_callback", null, null, null, null, "/docurl",
                null, "/title", "/time", 1);

        List<DiscoveredLink> links = new JsonApiDiscoverer().discover(d, fetcher);

        assertThat(links).extracting(DiscoveredLink::title).containsExactly("国产GPU厂商发布新品", "晶圆厂扩产计划公布");
        assertThat(links.get(0).published()).isEqualTo(Instant.parse("2024-04-23T02:20:30Z"));
        assertThat(links.get(1).published()).isEqualTo(Instant.parse("2024-04-23T01:05:00Z"));
    }

    @Test
    void postsAJsonBodyAndReadsUnixSeconds() throws Exception {
        server.handle("/contentapi/nodeCont/getByChannelId", request -> {
            String page = request.body().contains("\"pageNum\":2") ? "2" : "1";
            String body = """
                    {"code":200,"data":{"list":[
                      {"contId":"2710%1$s01","name":"第%1$s页：存储芯片价格连续上涨","pubTimeLong":"1713838830"},
                      {"contId":"2710%1$s02","name":"第%1$s页：功率半导体需求回暖","pubTimeLong":1713838830000}
                    ]}}
                    """.formatted(page);
            return ListingServer.Response.ok("application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        Discovery d = json(server.base() + "/contentapi/nodeCont/getByChannelId", "post", "{\"channelId\":\"119908\",\"pageNum\":{page}}",
                null, "/data/list", null, "https://www.example.cn/newsDetail_forward_{/contId}", "/name", "/pubTimeLong", 2);

        List<DiscoveredLink> links = new JsonApiDiscoverer().discover(d, fetcher);

        assertThat(links).extracting(l -> l.url().getPath()).containsExactly(
                "/newsDetail_forward_2710101", "/newsDetail_forward_2710102", "/newsDetail_forward_2710201", "/newsDetail_forward_2710202");
        assertThat(links).extracting(DiscoveredLink::published).containsOnly(Instant.parse("2024-04-23T02:20:30Z"));
        assertThat(server.requests()).extracting(ListingServer.Request::method).containsOnly("POST");
        assertThat(server.requests()).extracting(ListingServer.Request::body)
                .containsExactly("{\"channelId\":\"119908\",\"pageNum\":1}", "{\"channelId\":\"119908\",\"pageNum\":2}");
        assertThat(server.requests().get(0).header("content-type")).startsWith("application/json");
    }

    @Test
    void relativeUrlsResolveAgainstTheApi() throws Exception {
        server.serve("/api/ajax/getlistbycid?cid=48&page=1", "application/json",
                "[{\"NewsTitle\":\"第一财经：芯片股午后拉升\",\"url\":\"/news/102030405.html\",\"CreateDate\":\"2024-04-23T10:00:00\"}]");
        Discovery d = json(server.base() + "/api/ajax/getlistbycid?cid=48&page={page}", null, null, null, "", "/url", null,
                "/NewsTitle", "/CreateDate", 1);

        List<DiscoveredLink> links = new JsonApiDiscoverer().discover(d, fetcher);

        assertThat(links).extracting(DiscoveredLink::url).containsExactly(server.url("/news/102030405.html"));
        assertThat(links.get(0).published()).isEqualTo(Instant.parse("2024-04-23T02:00:00Z"));
    }

    @Test
    void notJsonAndAMissingArrayAreReported() {
        server.serve("/html", "text/html", "<html><body>请输入验证码</body></html>");
        server.serve("/object", "application/json", "{\"data\":{\"list\":null}}");

        assertThatThrownBy(() -> new JsonApiDiscoverer().discover(json(server.base() + "/html", null, null, null, "/data/list", "/url",
                null, null, null, 1), fetcher)).isInstanceOf(DiscoveryException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> new JsonApiDiscoverer().discover(json(server.base() + "/object", null, null, null, "/data/list", "/url",
                null, null, null, 1), fetcher)).isInstanceOf(DiscoveryException.class).hasMessageContaining("no array");
    }

    @Test
    void anUnchangedApiIsEmpty() throws Exception {
        server.serveWithEtag("/api/list", "application/json", "[{\"url\":\"https://www.example.cn/a/1.html\"}]", "W/\"abc\"");
        Map<String, Validators> memory = new java.util.concurrent.ConcurrentHashMap<>();
        ValidatorStore store = new ValidatorStore() {
            @Override
            public java.util.Optional<Validators> validators(String key) {
                return java.util.Optional.ofNullable(memory.get(key));
            }

            @Override
            public void storeValidators(String key, Validators validators) {
                memory.put(key, validators);
            }
        };
        Discovery d = json(server.base() + "/api/list", null, null, null, null, "/url", null, null, null, 1);
        JsonApiDiscoverer discoverer = new JsonApiDiscoverer(store);

        assertThat(discoverer.discover(d, fetcher)).hasSize(1);
        assertThat(discoverer.discover(d, fetcher)).isEmpty();
        assertThat(server.requests().get(1).header("if-none-match")).isEqualTo("W/\"abc\"");
    }
}
