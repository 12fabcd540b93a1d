package io.chipwatch.alert;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileAlertLedgerTest {

    @TempDir
    Path dir;

    @Test
    void whatWasWrittenIsThereAfterReopening() {
        Alert first = Fixtures.alert();
        Alert repost = new AlertComposer().next(first, Fixtures.candidate("2026-Q1", List.of(Fixtures.shipments()),
                "https://other.example.cn/b/2"), Fixtures.NOW).alert();
        try (FileAlertLedger ledger = FileAlertLedger.open(dir)) {
            ledger.sent(first, "article-1", List.of("desk", "archive"));
            ledger.keep(repost);
            ledger.markDelivered(first.id(), "desk");
        }
        try (FileAlertLedger ledger = FileAlertLedger.open(dir)) {
            assertThat(ledger.last(first.rule(), first.key())).contains(repost);
            assertThat(ledger.last(first.rule(), first.key()).orElseThrow().sources()).hasSize(2);
            assertThat(ledger.sentFor(first.rule(), first.key(), "article-1")).contains(first);
            assertThat(ledger.sentFor(first.rule(), first.key(), "article-2")).isEmpty();
            assertThat(ledger.delivered(first.id(), "desk")).isTrue();
            assertThat(ledger.pending()).containsExactly(new AlertLedger.Pending(first, "archive"));
            assertThat(ledger.recent(5)).containsExactly(first);
        }
    }

    @Test
    void aPartialLastLineLeftByACrashIsDroppedAndTheLedgerWritesOn() throws Exception {
        Alert alert = Fixtures.alert();
        try (FileAlertLedger ledger = FileAlertLedger.open(dir)) {
            ledger.sent(alert, "article-1", List.of("desk"));
        }
        Path file = dir.resolve(FileAlertLedger.FILE);
        Files.writeString(file, "{\"op\":\"delivered\",\"alert\":\"" + alert.id().substring(0, 6), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (FileAlertLedger ledger = FileAlertLedger.open(dir)) {
            assertThat(ledger.delivered(alert.id(), "desk")).isFalse();
            ledger.markDelivered(alert.id(), "desk");
        }
        try (FileAlertLedger ledger = FileAlertLedger.open(dir)) {
            assertThat(ledger.delivered(alert.id(), "desk")).isTrue();
            assertThat(ledger.pending()).isEmpty();
        }
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void aDamagedLineInTheMiddleIsRefusedRatherThanForgettingWhatWasSent() throws Exception {
        try (FileAlertLedger ledger = FileAlertLedger.open(dir)) {
            ledger.sent(Fixtures.alert(), "article-1", List.of("desk"));
        }
        Path file = dir.resolve(FileAlertLedger.FILE);
        String text = Files.readString(file);
        Files.writeString(file, "{broken\n" + text, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> FileAlertLedger.open(dir)).isInstanceOf(IllegalStateException.class).hasMessageContaining("line 1");
    }
}
