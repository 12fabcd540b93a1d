package io.chipwatch.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HttpSinksTest {

    private static final String SECRET = "SECc0ffee-shared-secret-42";
    private static final String TOKEN = "tok3n5ecretvalue987";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
    private final ObjectMapper json = new ObjectMapper();
    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    @Test
    void theWebhookSignsItsTimestampWithTheExactBodySoAReplayedDeliveryCannotBeRedated() throws Exception {
        Alert alert = Fixtures.alert();

        new WebhookSink("hook", receiver.uri("/alerts"), SECRET, client, TIMEOUT, clock).deliver(alert);

        WebhookReceiver.Request r = receiver.last();
        String signed = r.header("X-Chipwatch-Timestamp") + "." + r.body();
        String expected = HexFormat.of().formatHex(hmac(SECRET.getBytes(StandardCharsets.UTF_8), signed.getBytes(StandardCharsets.UTF_8)));
        String bodyOnly = HexFormat.of().formatHex(hmac(SECRET.getBytes(StandardCharsets.UTF_8), r.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(r.header("X-Chipwatch-Signature")).isNotEqualTo("sha256=" + bodyOnly);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.header("X-Chipwatch-Signature")).isEqualTo("sha256=" + expected);
        assertThat(r.header("X-Chipwatch-Timestamp")).isEqualTo(Long.toString(Fixtures.NOW.getEpochSecond()));
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("id").asText()).isEqualTo(alert.id());
        assertThat(body.path("kind").asText()).isEqualTo("NEW");
        assertThat(body.path("identity").path("product").asText()).isEqualTo("昇腾950PR");
        assertThat(body.path("created").asText()).isEqualTo("2025-09-18T02:00:00Z");
    }

    @Test
    void serverErrorsAndRateLimitsAreRetryableOtherClientErrorsAreNot() throws Exception {
        WebhookSink sink = new WebhookSink("hook", receiver.uri("/alerts"), SECRET, client, TIMEOUT, clock);

        receiver.failNext(1);
        DeliveryException unavailable = catchThrowableOfType(() -> sink.deliver(Fixtures.alert()), DeliveryException.class);
        sink.deliver(Fixtures.alert());
        receiver.answer(429, "slow down");
        DeliveryException limited = catchThrowableOfType(() -> sink.deliver(Fixtures.alert()), DeliveryException.class);
        receiver.answer(404, "no such hook");
        DeliveryException missing = catchThrowableOfType(() -> sink.deliver(Fixtures.alert()), DeliveryException.class);

        assertThat(unavailable.retryable()).isTrue();
        assertThat(unavailable).hasMessageContaining("HTTP 503");
        assertThat(receiver.requests()).hasSize(4);
        assertThat(limited.retryable()).isTrue();
        assertThat(missing.retryable()).isFalse();
        assertThat(missing).hasMessageContaining("HTTP 404");
    }

    @Test
    void aRefusedConnectionIsRetryable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        SlackSink sink = new SlackSink("slack", URI.create("http://127.0.0.1:" + port + "/services/T0001/B0001/" + TOKEN), client, TIMEOUT);

        DeliveryException e = catchThrowableOfType(() -> sink.deliver(Fixtures.alert()), DeliveryException.class);

        assertThat(e.retryable()).isTrue();
        assertThat(e).hasMessageContaining("sink slack").hasMessageNotContaining(TOKEN);
    }

    @Test
    void slackGetsMrkdwnText() throws Exception {
        new SlackSink("slack", receiver.uri("/services/T0001/B0001/" + TOKEN), client, TIMEOUT).deliver(Fixtures.alert());

        JsonNode body = json.readTree(receiver.last().body());
        assertThat(body.path("text").asText()).startsWith("*新品发布: 华为 昇腾950PR，计划 2026-Q1*")
                .contains("<https://news.example.cn/a/1|华为公布昇腾芯片路线图>");
    }

    @Test
    void dingTalkSignsTimestampAndSecretInTheQuery() throws Exception {
        receiver.answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

        new DingTalkSink("ding", receiver.uri("/robot/send?access_token=" + TOKEN), SECRET, client, TIMEOUT, clock)
                .deliver(Fixtures.alert());

        WebhookReceiver.Request r = receiver.last();
        assertThat(r.rawParam("access_token")).isEqualTo(TOKEN);
        String timestamp = r.rawParam("timestamp");
        assertThat(timestamp).isEqualTo(Long.toString(Fixtures.NOW.toEpochMilli()));
        String expected = Base64.getEncoder().encodeToString(hmac(SECRET.getBytes(StandardCharsets.UTF_8),
                (timestamp + "\n" + SECRET).getBytes(StandardCharsets.UTF_8)));
        assertThat(URLDecoder.decode(r.rawParam("sign"), StandardCharsets.UTF_8)).isEqualTo(expected);
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("title").asText()).isEqualTo("新品发布: 华为 昇腾950PR，计划 2026-Q1");
        assertThat(body.path("markdown").path("text").asText()).contains("shipments 100万 units");
    }

    @Test
    void aDingTalkRobotWithoutSecretGetsNoSignature() throws Exception {
        receiver.answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

        new DingTalkSink("ding", receiver.uri("/robot/send?access_token=" + TOKEN), null, client, TIMEOUT, clock).deliver(Fixtures.alert());

        assertThat(receiver.last().rawQuery()).isEqualTo("access_token=" + TOKEN);
    }

    @Test
    void dingTalkErrcodesDecideRetryAndNeverEchoSecrets() {
        DingTalkSink sink = new DingTalkSink("ding", receiver.uri("/robot/send?access_token=" + TOKEN), SECRET, client, TIMEOUT, clock);

        receiver.answer(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
        DeliveryException badSign = catchThrowableOfType(() -> sink.deliver(Fixtures.alert()), DeliveryException.class);
        receiver.answer(200, "{\"errcode\":130101,\"errmsg\":\"send too fast\"}");
        DeliveryException tooFast = catchThrowableOfType(() -> sink.deliver(Fixtures.alert()), DeliveryException.class);

        assertThat(badSign.retryable()).isFalse();
        assertThat(badSign).hasMessageContaining("errcode 310000").hasMessageContaining("/robot/send?***")
                .hasMessageNotContaining(TOKEN).hasMessageNotContaining(SECRET).hasMessageNotContaining("sign=");
        assertThat(tooFast.retryable()).isTrue();
    }

    @Test
    void feishuSignsWithTimestampAndSecretAsTheKey() throws Exception {
        receiver.answer(200, "{\"code\":0,\"msg\":\"success\"}");

        new FeishuSink("feishu", receiver.uri("/open-apis/bot/v2/hook/" + TOKEN), SECRET, client, TIMEOUT, clock)
                .deliver(Fixtures.alert());

        JsonNode body = json.readTree(receiver.last().body());
        String timestamp = body.path("timestamp").asText();
        assertThat(timestamp).isEqualTo(Long.toString(Fixtures.NOW.getEpochSecond()));
        String expected = Base64.getEncoder().encodeToString(hmac((timestamp + "\n" + SECRET).getBytes(StandardCharsets.UTF_8), new byte[0]));
        assertThat(body.path("sign").asText()).isEqualTo(expected);
        assertThat(body.path("msg_type").asText()).isEqualTo("text");
        assertThat(body.path("content").path("text").asText()).startsWith("新品发布: 华为 昇腾950PR");
    }

    @Test
    void feishuNonZeroCodeFailsAndTheHookTokenStaysHidden() {
        FeishuSink sink = new FeishuSink("feishu", receiver.uri("/open-apis/bot/v2/hook/" + TOKEN), SECRET, client, TIMEOUT, clock);

        receiver.answer(200, "{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}");
        DeliveryException badSign = catchThrowableOfType(() -> sink.deliver(Fixtures.alert()), DeliveryException.class);
        receiver.answer(200, "{\"code\":11232,\"msg\":\"frequency limited\"}");
        DeliveryException limited = catchThrowableOfType(() -> sink.deliver(Fixtures.alert()), DeliveryException.class);
        receiver.failNext(1);
        DeliveryException unavailable = catchThrowableOfType(() -> sink.deliver(Fixtures.alert()), DeliveryException.class);

        assertThat(badSign.retryable()).isFalse();
        assertThat(badSign).hasMessageContaining("Feishu code 19021").hasMessageNotContaining(TOKEN).hasMessageNotContaining(SECRET);
        assertThat(limited.retryable()).isTrue();
        assertThat(unavailable.retryable()).isTrue();
        assertThat(unavailable).hasMessageContaining("/open-apis/bot/v2/hook/***").hasMessageNotContaining(TOKEN);
    }

    @Test
    void weComGetsMarkdownAndItsErrcodeIsChecked() throws Exception {
        WeComSink sink = new WeComSink("wecom", receiver.uri("/cgi-bin/webhook/send?key=" + TOKEN), client, TIMEOUT);
        receiver.answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");

        sink.deliver(Fixtures.alert());

        JsonNode body = json.readTree(receiver.last().body());
        assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("content").asText()).startsWith("### 新品发布");
        receiver.answer(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url, hint: key=" + TOKEN + "\"}");
        assertThatThrownBy(() -> sink.deliver(Fixtures.alert()))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("WeCom errcode 93000").hasMessageNotContaining(TOKEN);
    }

    @Test
    void anErrorPageThatEchoesTheUrlTokenDecodedPercentEncodedOrInBase64DoesNotLeakIt() {
        String token = "k3y+with/slash=and space";
        String sent = java.net.URLEncoder.encode(token, StandardCharsets.UTF_8);
        WeComSink sink = new WeComSink("wecom", receiver.uri("/cgi-bin/webhook/send?key=" + sent), client, TIMEOUT);
        String base64 = Base64.getEncoder().encodeToString(("key=" + token).getBytes(StandardCharsets.UTF_8));
        String lowerHex = sent.replace("%2B", "%2b").replace("%2F", "%2f").replace("%3D", "%3d");
        receiver.answer(400, "bad key [" + token + "] [" + lowerHex + "] [" + sent.replace("+", "%20") + "] [" + base64 + "]");

        DeliveryException e = catchThrowableOfType(() -> sink.deliver(Fixtures.alert()), DeliveryException.class);

        assertThat(e).hasMessageContaining("HTTP 400").hasMessageContaining("bad key [***] [***] [***] [***]")
                .hasMessageNotContaining(token).hasMessageNotContaining(lowerHex).hasMessageNotContaining(base64)
                .hasMessageNotContaining("with/slash");
    }

    @Test
    void weComContentIsCutToItsByteLimit() {
        String fitted = WeComSink.fit("芯".repeat(3000));

        assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(WeComSink.MAX_CONTENT_BYTES);
        assertThat(fitted).endsWith("…");
    }

    @Test
    void urlsAreLoggedWithoutTokens() {
        assertThat(Redaction.url(URI.create("https://oapi.dingtalk.com/robot/send?access_token=" + TOKEN)))
                .isEqualTo("https://oapi.dingtalk.com/robot/send?***");
        assertThat(Redaction.url(URI.create("https://hooks.slack.com/services/T0001/B0001/" + TOKEN)))
                .doesNotContain(TOKEN).startsWith("https://hooks.slack.com/services/");
    }
}
