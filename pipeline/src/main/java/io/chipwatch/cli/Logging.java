package io.chipwatch.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the logging options before a command runs: {@code --debug} lowers chipwatch's level to
 * DEBUG, {@code --log-format json} (or CHIPWATCH_LOG_FORMAT=json) writes one JSON object per log
 * event to standard error for collectors. Logback's configuration is process-wide by nature; this
 * only changes it at start, before any command logs.
 */
final class Logging {

    /** The formats of {@code --log-format}. */
    enum Format { text, json }

    private Logging() {
    }

    static void apply(boolean debug, Format format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        // a library's java.util.logging lines would otherwise go to stderr in their own format
        if (!org.slf4j.bridge.SLF4JBridgeHandler.isInstalled()) {
            org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
            org.slf4j.bridge.SLF4JBridgeHandler.install();
        }
        if (debug) {
            context.getLogger("io.chipwatch").setLevel(Level.DEBUG);
        }
        if (format == Format.json) {
            JsonEncoder encoder = new JsonEncoder();
            encoder.setContext(context);
            // a collector wants the message as read, not its template and arguments, and no logback internals
            encoder.setWithFormattedMessage(true);
            encoder.setWithMessage(false);
            encoder.setWithArguments(false);
            encoder.setWithContext(false);
            encoder.setWithSequenceNumber(false);
            encoder.setWithNanoseconds(false);
            encoder.start();
            ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
            appender.setContext(context);
            appender.setName("STDERR-JSON");
            appender.setTarget("System.err");
            appender.setEncoder(encoder);
            appender.start();
            ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            root.detachAndStopAllAppenders();
            root.addAppender(appender);
        }
    }
}
