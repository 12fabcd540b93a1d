package io.chipwatch.crawl;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.ZonedDateTime;
import java.util.Optional;

/** A source's cron expression: five fields as in crontab (minute hour day-of-month month day-of-week). */
public final class CrawlSchedule {

    private final String expression;
    private final ExecutionTime times;

    private CrawlSchedule(String expression, ExecutionTime times) {
        this.expression = expression;
        this.times = times;
    }

    /** @throws IllegalArgumentException naming the expression when it is not a valid crontab line */
    public static CrawlSchedule parse(String expression) {
        try {
            CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
            return new CrawlSchedule(expression, ExecutionTime.forCron(parser.parse(expression).validate()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schedule '" + expression + "' is not a cron expression: " + e.getMessage(), e);
        }
    }

    /** The first run strictly after {@code after}, if the expression ever fires again. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        return times.nextExecution(after);
    }

    @Override
    public String toString() {
        return expression;
    }
}
