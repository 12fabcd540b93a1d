package io.chipwatch.alert;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EmailSinkTest {

    private static final String PASSWORD = "smtp-pa55word-do-not-log";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("chipwatch@example.com", "chipwatch", PASSWORD));

    private EmailSink sink(String password, EmailSink.StartTls startTls) {
        return new EmailSink("mail", new EmailSink.Settings("127.0.0.1", MAIL.getSmtp().getPort(), "chipwatch@example.com",
                List.of("analyst@example.com", "desk@example.com"), startTls, "chipwatch", password, Duration.ofSeconds(5)),
                Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
    }

    @Test
    void anAlertArrivesAsUtf8TextWithItsSubject() throws Exception {
        Alert alert = Fixtures.alert();

        sink(PASSWORD, EmailSink.StartTls.OPTIONAL).deliver(alert);

        assertThat(MAIL.waitForIncomingEmail(5000, 2)).isTrue();
        MimeMessage m = MAIL.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("[chipwatch] 新品发布: 华为 昇腾950PR，计划 2026-Q1");
        assertThat(m.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("analyst@example.com", "desk@example.com");
        assertThat(m.getHeader("X-Chipwatch-Alert")).containsExactly(alert.id());
        assertThat(m.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat((String) m.getContent()).contains("原文: 华为将于2026年第一季度推出昇腾950PR芯片", "https://news.example.cn/a/1");
        assertThat(GreenMailUtil.getBody(m)).isNotBlank();
    }

    @Test
    void aRefusedLoginIsNotRetryableAndDoesNotShowThePassword() {
        String wrong = "wrong-" + PASSWORD;

        DeliveryException e = catchThrowableOfType(() -> sink(wrong, EmailSink.StartTls.OPTIONAL).deliver(Fixtures.alert()),
                DeliveryException.class);

        assertThat(e.retryable()).isFalse();
        assertThat(e).hasMessageContaining("refused the login of chipwatch").hasMessageNotContaining(PASSWORD);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void requiredStartTlsRefusesAServerWithoutIt() {
        DeliveryException e = catchThrowableOfType(() -> sink(PASSWORD, EmailSink.StartTls.REQUIRED).deliver(Fixtures.alert()),
                DeliveryException.class);

        assertThat(e).isNotNull();
        assertThat(e).hasMessageNotContaining(PASSWORD);
        assertThat(MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void theSettingsNeverPrintThePassword() {
        assertThat(new EmailSink.Settings("h", 25, "a@b.c", List.of("d@e.f"), EmailSink.StartTls.OFF, "u", PASSWORD,
                Duration.ofSeconds(1)).toString()).doesNotContain(PASSWORD);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PLAIN", "LOGIN"})
    void aServerThatQuotesTheBase64CredentialsInItsRefusalDoesNotLeakThem(String mechanism) throws Exception {
        // '+', '/' and '=' in the password put all three base64 alphabets' special characters to work
        String password = "Qu0ted+by/the=server" + mechanism;
        try (EchoingSmtpServer server = new EchoingSmtpServer(mechanism)) {
            EmailSink sink = new EmailSink("mail", new EmailSink.Settings("127.0.0.1", server.port(), "chipwatch@example.com",
                    List.of("analyst@example.com"), EmailSink.StartTls.OFF, "chipwatch", password, Duration.ofSeconds(5)),
                    Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));

            DeliveryException e = catchThrowableOfType(() -> sink.deliver(Fixtures.alert()), DeliveryException.class);

            String plainArgument = Base64.getEncoder().encodeToString(("\0chipwatch\0" + password).getBytes(StandardCharsets.UTF_8));
            String loginArgument = Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8));
            assertThat(e).hasMessageContaining("535").hasMessageContaining("***")
                    .hasMessageNotContaining(password).hasMessageNotContaining(plainArgument).hasMessageNotContaining(loginArgument);
            // no fragment of either encoding long enough to tell bytes of the password is left around the blank
            for (String argument : List.of(plainArgument, loginArgument)) {
                for (int i = 0; i + 8 <= argument.length(); i++) {
                    assertThat(e.getMessage()).doesNotContain(argument.substring(i, i + 8));
                }
            }
        }
    }
}
