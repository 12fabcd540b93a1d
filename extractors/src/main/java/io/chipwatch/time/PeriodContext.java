package io.chipwatch.time;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * Running state across the sentences of one article: publication date plus the last year,
 * fiscal year, month and day the article named. Create one per article and pass it to every
 * {@link PeriodResolver#findAll} call in reading order. Not thread-safe.
 */
public final class PeriodContext {

    private final LocalDate published;
    private Integer lastYear;
    private Integer lastFiscalYear;
    private YearMonth lastMonth;
    private LocalDate lastDate;

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

    /** The month last named with its year known or inferred (10月, 上月), or null: it dates a bare 29日 or 次月. */
    public YearMonth lastMonth() {
        return lastMonth;
    }

    /** The day last named (10月8日, 昨天, 周三), or null: it dates 当天 and 次日. */
    public LocalDate lastDate() {
        return lastDate;
    }

    public void setLastMonth(YearMonth month) {
        this.lastMonth = month;
    }

    public void setLastDate(LocalDate date) {
        this.lastDate = date;
    }

    /** A detached copy, so candidate matches can be tried without disturbing the article's state. */
    PeriodContext copy() {
        PeriodContext c = new PeriodContext(published);
        c.lastYear = lastYear;
        c.lastFiscalYear = lastFiscalYear;
        c.lastMonth = lastMonth;
        c.lastDate = lastDate;
        return c;
    }
}
