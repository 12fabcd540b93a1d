package io.chipwatch.bus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process publishing to a journaled bus is killed with SIGKILL while it writes large records:
 * every record it saw acknowledged is there when the journal is opened again, once, in order per
 * key, and publishing goes on after it.
 */
class JournaledBusKillTest {

    private static final Logger LOG = LoggerFactory.getLogger(JournaledBusKillTest.class);
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedRecordSurvivesASigkillInTheMiddleOfWriting() throws Exception {
        long seed = Long.getLong("chipwatch.killSeed", System.nanoTime());
        LOG.info("Kill moments from seed {} (rerun with -Dchipwatch.killSeed={})", seed, seed);
        Random random = new Random(seed);
        Path journal = dir.resolve("bus");
        List<String> acked = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Path out = dir.resolve("publisher-" + round + ".out");
            Process publisher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), JournalPublisher.class.getName(),
                    journal.toString(), "r" + round, "40000")
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            int wanted = 20 + random.nextInt(100);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (ackedIn(out).size() < wanted && publisher.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(publisher.isAlive()).as("publisher %d; its output:%n%s", round, Files.readString(out)).isTrue();
            publisher.destroyForcibly();
            assertThat(publisher.waitFor(30, TimeUnit.SECONDS)).isTrue();
            List<String> thisRound = ackedIn(out);
            acked.addAll(thisRound);
            LOG.info("Round {}: killed after {} acknowledged records", round, thisRound.size());

            try (InMemoryBus bus = InMemoryBus.journaled(journal, 2, 100_000)) {
                List<BusRecord> kept = bus.readAll("journal-kill");
                List<String> values = kept.stream().map(r -> r.value().substring(0, r.value().indexOf('|'))).toList();
                assertThat(values).as("round %d", round).doesNotHaveDuplicates().containsAll(acked);
                assertThat(kept).allSatisfy(r -> assertThat(r.value()).endsWith("芯".repeat(10)));
                String prefix = "r" + round + "-";
                Map<String, List<Integer>> byKey = kept.stream().filter(r -> r.value().startsWith(prefix))
                        .collect(Collectors.groupingBy(BusRecord::key,
                                Collectors.mapping(r -> Integer.parseInt(r.value().substring(r.value().indexOf('-') + 1,
                                        r.value().indexOf('|'))), Collectors.toList())));
                byKey.forEach((key, numbers) -> assertThat(numbers).as(key).isSorted());
            }
        }
    }

    private static List<String> ackedIn(Path out) throws IOException {
        return Files.readAllLines(out).stream().filter(l -> l.startsWith("acked ")).map(l -> l.substring(6)).toList();
    }
}
