package io.chipwatch.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysts' web page in a real browser: Debian's headless Chromium, driven through its
 * chromedriver by Selenium, against a real {@code chipwatch serve} over a small real index
 * ({@link ServedIndex}). Screenshots go to {@code target/screenshots/}. Needs the Debian
 * packages chromium and chromium-driver ({@code .ci/run} installs them); the paths can be
 * changed with {@code -Dchipwatch.chromium=} and {@code -Dchipwatch.chromedriver=}.
 */
class WebPageBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dir;
    static ServedIndex served;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        File chromium = new File(System.getProperty("chipwatch.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("chipwatch.chromedriver", "/usr/bin/chromedriver"));
        assertThat(chromium).as("Chromium (apt-get install chromium chromium-driver; see .ci/run)").canRead();
        assertThat(chromedriver.canExecute()).as("chromedriver at " + chromedriver + " (apt-get install chromium-driver; see .ci/run)").isTrue();
        served = ServedIndex.start(dir);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // The machine's network is closed and the profile must start empty: no sandbox (root in CI),
        // no GPU, nothing that phones home.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=zh-CN",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (served != null) {
            served.close();
        }
    }

    private static JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(served.uri(path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void screenshot(String name) throws IOException {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, WAIT);
    }

    @Test
    void searchingShowsHitsWithTimeSourceHighlightedSnippetAndEntityChips() throws Exception {
        String query = "出货量 OR 出口管制";
        JsonNode expected = api("/api/articles?limit=10&q=" + enc(query));
        browser.get(served.base().toString());

        WebElement box = waiting().until(ExpectedConditions.elementToBeClickable(By.id("q")));
        box.clear();
        box.sendKeys(query);
        browser.findElement(By.cssSelector("#search-form button")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#results .hit")).size() == expected.get("hits").size());

        List<WebElement> hits = browser.findElements(By.cssSelector("#results .hit"));
        assertThat(hits).hasSizeGreaterThan(1);
        for (int i = 0; i < hits.size(); i++) {
            WebElement hit = hits.get(i);
            JsonNode want = expected.get("hits").get(i);
            assertThat(hit.findElement(By.cssSelector(".hit-title")).getText()).isEqualTo(want.get("title").asText());
            assertThat(hit.findElement(By.cssSelector(".hit-title a")).getAttribute("href")).isEqualTo(want.get("url").asText());
            assertThat(hit.findElement(By.cssSelector(".source")).getText()).isEqualTo(want.get("source").asText());
            // the API gives China time; the page shows it as such, to the minute
            assertThat(hit.findElement(By.cssSelector("time")).getText())
                    .isEqualTo(want.get("published").asText().substring(0, 16).replace('T', ' '));
            List<String> marked = hit.findElements(By.cssSelector(".snippet mark")).stream().map(WebElement::getText).toList();
            assertThat(marked).isNotEmpty().allSatisfy(m -> assertThat(m).isIn("出货量", "出口", "管制", "出口管制"));
            List<String> chips = hit.findElements(By.cssSelector(".entities .chip")).stream().map(WebElement::getText).toList();
            List<String> entities = JSON.convertValue(want.get("entities"), JSON.getTypeFactory().constructCollectionType(List.class, String.class));
            assertThat(chips).isEqualTo(entities);
        }
        assertThat(browser.findElement(By.id("search-status")).getText()).startsWith(expected.get("total").asText() + " 篇");
        assertThat(browser.findElements(By.cssSelector("#facet-source a"))).isNotEmpty();
        screenshot("search");
    }

    @Test
    void anEntityChipOpensTheEntityPageWithItsAliasesCountsAndFigures() throws Exception {
        JsonNode expected = api("/api/entities/" + enc("寒武纪"));
        browser.get(served.base() + "#/search?q=" + enc("entity:Cambricon"));
        WebElement chip = waiting().until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[@class='entities']/a[@class='chip' and text()='寒武纪']")));

        chip.click();
        waiting().until(ExpectedConditions.textToBe(By.id("entity-name"), "寒武纪"));
        waiting().until(d -> d.findElements(By.cssSelector("#entity-figures tr")).size() == 1 + expected.get("figures").size());

        assertThat(browser.findElement(By.id("entity-meta")).getText()).contains("Cambricon");
        assertThat(browser.findElement(By.id("entity-counts")).getText())
                .contains(expected.get("counts").get("articles").asText() + " articles");
        List<WebElement> rows = browser.findElements(By.cssSelector("#entity-figures tr"));
        assertThat(rows.get(1).getText()).contains("寒武纪").contains(expected.get("figures").get(0).get("metric").asText());
        assertThat(browser.findElements(By.cssSelector("#entity-comentioned .chip"))).hasSize(expected.get("co_mentioned").size());
        screenshot("entity");
    }

    @Test
    void theFiguresViewDrawsOneLineASubjectOverThePeriods() throws Exception {
        browser.get(served.base() + "#/figures");
        WebElement subjects = waiting().until(ExpectedConditions.elementToBeClickable(By.id("subjects")));
        WebElement metric = browser.findElement(By.id("metric"));
        metric.clear();
        metric.sendKeys("出货量");
        subjects.clear();
        subjects.sendKeys("华为, Cambricon");
        browser.findElement(By.cssSelector("#figures-form button")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#chart svg polyline.series")).size() == 2);

        Set<String> periods = new HashSet<>();
        int points = 0;
        for (String subject : List.of("华为", "寒武纪")) {
            Set<String> own = new HashSet<>();
            api("/api/figures?metric=shipments&limit=1000&subject=" + enc(subject)).get("hits")
                    .forEach(f -> own.add(f.get("period").asText()));
            periods.addAll(own);
            points += own.size();
        }
        List<String> legend = browser.findElements(By.cssSelector("#chart text.legend")).stream().map(WebElement::getText).toList();
        List<String> axis = browser.findElements(By.cssSelector("#chart text.period")).stream().map(WebElement::getText).toList();
        assertThat(legend).containsExactlyInAnyOrder("华为", "寒武纪");
        assertThat(axis).containsExactlyElementsOf(periods.stream().sorted().toList());
        assertThat(browser.findElements(By.cssSelector("#chart circle.point"))).hasSize(points);
        assertThat(browser.findElements(By.cssSelector("#figures-table tr"))).hasSizeGreaterThan(points);
        screenshot("chart");
    }

    @Test
    void announcementsAndAlertsListWhatTheIndexHolds() throws Exception {
        JsonNode events = api("/api/events?limit=100");
        JsonNode alerts = api("/api/alerts?limit=100");

        browser.get(served.base() + "#/events");
        waiting().until(d -> d.findElements(By.cssSelector("#events-list li")).size() == events.get("hits").size());
        assertThat(browser.findElement(By.id("events-list")).getText()).contains(events.get("hits").get(0).get("text").asText());
        screenshot("events");

        browser.get(served.base() + "#/alerts");
        waiting().until(d -> d.findElements(By.cssSelector("#alerts-list li")).size() == alerts.get("hits").size());
        assertThat(browser.findElements(By.cssSelector("#alerts-list li")).get(0).getText())
                .contains(alerts.get("hits").get(0).get("headline").asText());
        assertThat(browser.findElements(By.cssSelector("#alerts-list li a[href^='https://news.example.cn/']"))).isNotEmpty();
        screenshot("alerts");
    }

    @Test
    void aMalformedQueryShowsTheApisReason() throws Exception {
        browser.get(served.base() + "#/search?q=" + enc("(华为 OR"));
        waiting().until(ExpectedConditions.attributeContains(By.id("search-status"), "class", "error"));

        assertThat(browser.findElement(By.id("search-status")).getText()).startsWith("q: ");
        assertThat(browser.findElements(By.cssSelector("#results .hit"))).isEmpty();
    }
}
