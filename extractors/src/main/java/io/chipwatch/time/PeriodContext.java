package io.chipwatch.time;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Running state across the sentences of one article: publication date plus the last year and
 * fiscal year the article named. Create one per article and pass it to every
 * {@link PeriodResolver#findAll} call in reading order. Not thread-safe.
 */
public final class PeriodContext {

    private final LocalDate published;
    private Integer lastYear;
    private Integer lastFiscalYear;

    public PeriodContext(LocalDate published) {
        this.published = Objects.requireNonNull(published, "published");
    }

    public LocalDate published() {
        return published;
    }

    /** The calendar year last named (as digits or as 今年/去年…), or null. */
    public Integer lastYear() {
        return lastYear;
    }

    /** The fiscal year last named, or null. */
    public Integer lastFiscalYear() {
        return lastFiscalYear;
    }

    /** Lets a caller reset or seed the year, e.g. from a headline processed elsewhere. */
    public void setLastYear(Integer year) {
        this.lastYear = year;
    }

    public void setLastFiscalYear(Integer fiscalYear) {
        this.lastFiscalYear = fiscalYear;
    }

    /** A detached copy, so candidate matches can be tried without disturbing the article's state. */
    PeriodContext copy() {
        PeriodContext c = new PeriodContext(published);
        c.lastYear = lastYear;
        c.lastFiscalYear = lastFiscalYear;
        return c;
    }
}
