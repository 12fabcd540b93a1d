package io.chipwatch.alert;

import java.util.List;
import java.util.Objects;

/**
 * Which announcements to alert on and where to send them. Each non-empty criterion must hold,
 * and within one criterion any entry will do; the watch-lists (orgs, products, people) count
 * as one criterion, so a rule watching 华为 and 昇腾 fires for either.
 *
 * @param name       unique name, used in logs, alert ids and the throttle
 * @param events     event types to consider; product_announcement when the file gives none
 * @param orgs       organisations by canonical name or any alias, either script; empty: any
 * @param products   products, likewise
 * @param people     people named in the event's sentence, likewise
 * @param keywords   words of which one must appear in the article's title or body; empty: any
 * @param sources    sites (host or parent domain, "eetimes.com") or outlet names; empty: any
 * @param figures    thresholds of which one a figure of the announcement must reach; empty: any
 * @param sinks      names of the sinks to deliver to
 * @param maxPerHour most alerts this rule may send in any hour; further ones are held back
 */
public record AlertRule(String name, List<String> events, List<String> orgs, List<String> products, List<String> people,
                        List<String> keywords, List<String> sources, List<Threshold> figures, List<String> sinks,
                        int maxPerHour) {

    public AlertRule {
        Objects.requireNonNull(name, "name");
        events = List.copyOf(events);
        orgs = List.copyOf(orgs);
        products = List.copyOf(products);
        people = List.copyOf(people);
        keywords = List.copyOf(keywords);
        sources = List.copyOf(sources);
        figures = List.copyOf(figures);
        sinks = List.copyOf(sinks);
        if (maxPerHour < 1) {
            throw new IllegalArgumentException("rule " + name + ": max_per_hour must be at least 1, got " + maxPerHour);
        }
    }

    /**
     * A figure that is large enough: same metric, same unit (no currency conversion, so give
     * one threshold per currency), value at least {@code min} in whole units.
     *
     * @param metric as the figure finder names it: shipments, investment, revenue, ...
     * @param min    the least value, in whole units: 1e9 for 10亿
     * @param unit   units, USD, CNY, ...
     */
    public record Threshold(String metric, double min, String unit) {

        public Threshold {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(unit, "unit");
        }

        boolean reachedBy(KeyFigure f) {
            // the low end of a range: "10万到100万颗" has not promised a million
            return metric.equals(f.metric()) && unit.equals(f.unit()) && f.value() >= min;
        }
    }
}
