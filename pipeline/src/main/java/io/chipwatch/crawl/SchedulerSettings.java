package io.chipwatch.crawl;

import java.time.Duration;
import java.time.ZoneId;

/**
 * When sources run: the scheduling part of the {@code crawler:} section.
 *
 * @param zone        the time zone cron expressions are read in (Asia/Shanghai: the sites' own clock)
 * @param jitter      each run starts up to this much later than its cron time, so sources sharing a
 *                    schedule do not all fire in the same second
 * @param runOnStart  run every source once when the crawler starts, then follow the schedules
 * @param maxArticles default cap of article fetches per source run
 */
public record SchedulerSettings(ZoneId zone, Duration jitter, boolean runOnStart, int maxArticles) {

    public static SchedulerSettings defaults() {
        return new SchedulerSettings(ZoneId.of("Asia/Shanghai"), Duration.ofSeconds(30), true, 50);
    }
}
