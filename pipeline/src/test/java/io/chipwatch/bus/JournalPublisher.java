package io.chipwatch.bus;

import java.nio.file.Path;
import java.util.List;

/**
 * A child process for {@link JournaledBusKillTest}: publishes large records to a journaled bus
 * without end, printing each value once its publish is acknowledged, until it is killed.
 */
public final class JournalPublisher {

    private JournalPublisher() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String run = args[1];
        String padding = "芯".repeat(Integer.parseInt(args[2]));
        try (InMemoryBus bus = InMemoryBus.journaled(dir, 2, 100_000)) {
            // a group reads the topic, as the stages do, so the journal keeps every record for it
            bus.consumer("check", List.of("journal-kill")).close();
            for (int i = 0; ; i++) {
                String value = run + "-" + i;
                bus.publish("journal-kill", "key-" + (i % 5), value + "|" + padding).join();
                System.out.println("acked " + value);
                System.out.flush();
            }
        }
    }
}
