package io.chipwatch.crawl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Runs each source on its cron schedule, a random jitter after the cron time, never two runs of
 * one source at once. A source that fails (no network, site down) logs its report and simply
 * runs again at its next time.
 */
public final class CrawlScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CrawlScheduler.class);

    private final Crawler crawler;
    private final SchedulerSettings settings;
    private final Consumer<SourceReport> reports;
    private final ScheduledExecutorService timer;
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();
    private final AtomicLong runs = new AtomicLong();
    private final AtomicLong articles = new AtomicLong();
    private volatile boolean closed;

    public CrawlScheduler(Crawler crawler, Consumer<SourceReport> reports) {
        this.crawler = crawler;
        this.settings = crawler.sources().scheduler();
        this.reports = reports;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(
                Math.max(1, crawler.sources().crawler().concurrency()), r -> {
            Thread t = new Thread(r, "chipwatch-crawl-scheduler");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.timer = executor;
    }

    public void start() {
        List<Source> sources = crawler.sources().enabled();
        LOG.info("Crawling {} sources on their schedules ({} jitter, zone {})", sources.size(), settings.jitter(), settings.zone());
        for (Source source : sources) {
            CrawlSchedule schedule = CrawlSchedule.parse(source.schedule());
            running.put(source.name(), new AtomicBoolean());
            if (settings.runOnStart()) {
                timer.schedule(() -> runAndReschedule(source, schedule), jitter().toMillis(), TimeUnit.MILLISECONDS);
            } else {
                scheduleNext(source, schedule);
            }
        }
    }

    /** Source runs finished since start. */
    public long runs() {
        return runs.get();
    }

    /** Article pages handed to the pipeline since start. */
    public long articles() {
        return articles.get();
    }

    private void scheduleNext(Source source, CrawlSchedule schedule) {
        if (closed) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(settings.zone());
        schedule.next(now).ifPresentOrElse(next -> {
            long delay = Duration.between(now, next).plus(jitter()).toMillis();
            timer.schedule(() -> runAndReschedule(source, schedule), Math.max(0, delay), TimeUnit.MILLISECONDS);
        }, () -> LOG.info("Source {}: schedule '{}' never fires again", source.name(), schedule));
    }

    private void runAndReschedule(Source source, CrawlSchedule schedule) {
        AtomicBoolean busy = running.get(source.name());
        if (!busy.compareAndSet(false, true)) {
            LOG.info("Source {}: the previous run is still going, skipping this one", source.name());
            scheduleNext(source, schedule);
            return;
        }
        try {
            SourceReport report = crawler.run(source);
            runs.incrementAndGet();
            articles.addAndGet(report.fetched());
            reports.accept(report);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            LOG.error("Source {}: run failed unexpectedly; it runs again at its next time", source.name(), e);
        } finally {
            busy.set(false);
        }
        scheduleNext(source, schedule);
    }

    private Duration jitter() {
        long max = settings.jitter().toMillis();
        return Duration.ofMillis(max <= 0 ? 0 : ThreadLocalRandom.current().nextLong(max + 1));
    }

    /** Stops scheduling and waits briefly for runs in progress. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
