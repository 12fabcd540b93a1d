package io.chipwatch.alert;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends each alert as a UTF-8 plain-text e-mail over SMTP (Jakarta Mail / Angus). One
 * connection per alert: alerts are rare and a held connection would time out between them.
 * Refused credentials and refused addresses are not retryable; connection failures, timeouts
 * and SMTP 4xx answers are. Thread-safe.
 */
public final class EmailSink implements AlertSink {

    private static final Logger LOG = LoggerFactory.getLogger(EmailSink.class);

    /** REQUIRED refuses to send over a server that cannot STARTTLS; OPTIONAL upgrades when offered. */
    public enum StartTls { REQUIRED, OPTIONAL, OFF }

    /**
     * @param host     SMTP server
     * @param port     usually 587 (submission with STARTTLS) or 25
     * @param from     sender address
     * @param to       recipients, at least one
     * @param startTls whether to upgrade the connection
     * @param username login, or null to send without authentication
     * @param password password, or null; never logged (not in {@link #toString()} either)
     * @param timeout  connect, read and write timeout
     */
    public record Settings(String host, int port, String from, List<String> to, StartTls startTls,
                           String username, String password, Duration timeout) {

        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(startTls, "startTls");
            Objects.requireNonNull(timeout, "timeout");
            to = List.copyOf(to);
            if (to.isEmpty()) {
                throw new IllegalArgumentException("an e-mail sink needs at least one recipient");
            }
        }

        @Override
        public String toString() {
            return "Settings[host=" + host + ", port=" + port + ", from=" + from + ", to=" + to + ", startTls=" + startTls
                    + ", username=" + username + ", password=" + (password == null ? "none" : "***") + ", timeout=" + timeout + "]";
        }
    }

    private final String name;
    private final Settings settings;
    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;
    private final Clock clock;
    private final Redaction redaction;

    /** @throws IllegalArgumentException when an address does not parse */
    public EmailSink(String name, Settings settings, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = settings;
        this.clock = clock;
        this.redaction = new Redaction(settings.password() == null ? List.of() : List.of(settings.password()));
        try {
            this.from = new InternetAddress(settings.from(), true);
            this.to = InternetAddress.parse(String.join(",", settings.to()), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("sink " + name + ": bad address: " + e.getMessage(), e);
        }
        // Session.getInstance, not getDefaultInstance: the default session is JVM-wide state
        this.session = Session.getInstance(properties(settings));
    }

    private static Properties properties(Settings s) {
        Properties p = new Properties();
        String ms = Long.toString(s.timeout().toMillis());
        p.put("mail.smtp.host", s.host());
        p.put("mail.smtp.port", Integer.toString(s.port()));
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put("mail.smtp.auth", Boolean.toString(s.username() != null));
        p.put("mail.smtp.starttls.enable", Boolean.toString(s.startTls() != StartTls.OFF));
        p.put("mail.smtp.starttls.required", Boolean.toString(s.startTls() == StartTls.REQUIRED));
        return p;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(Alert alert) throws DeliveryException {
        AlertMessage message = AlertMessage.of(alert);
        try {
            MimeMessage mail = new MimeMessage(session);
            mail.setFrom(from);
            mail.setRecipients(Message.RecipientType.TO, to);
            mail.setSubject("[chipwatch] " + message.title(), "UTF-8");
            mail.setText(message.text(), "UTF-8");
            mail.setSentDate(Date.from(clock.instant()));
            mail.setHeader("X-Chipwatch-Alert", alert.id());
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                transport.sendMessage(mail, mail.getAllRecipients());
            }
        } catch (AuthenticationFailedException e) {
            throw failure("the server refused the login of " + settings.username(), e, false);
        } catch (SMTPSendFailedException e) {
            throw failure("the server refused the message", e, e.getReturnCode() >= 400 && e.getReturnCode() < 500);
        } catch (SendFailedException e) {
            throw failure("the server refused recipients", e, false);
        } catch (MessagingException e) {
            // connection refused, timeouts, a dropped connection: the next attempt may get through
            throw failure("could not send", e, true);
        }
        LOG.info("Sink {} mailed alert {} ({} v{}) to {} recipients via {}:{}", name, alert.id(), alert.kind(), alert.version(),
                to.length, settings.host(), settings.port());
    }

    private DeliveryException failure(String what, MessagingException e, boolean retryable) {
        return new DeliveryException(redaction.scrub("sink " + name + ": " + what + " at " + settings.host() + ":" + settings.port()
                + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage().strip()) + ")"), retryable);
    }
}
