package io.chipwatch.nlp;

import io.chipwatch.model.Event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drops an event an article states again: news repeats its lead in the body and a quote, and an
 * analyst gets one alert per event. The same type, organisation, product and date is the same
 * event; a different date is another one (a plan and its completion), so it stays.
 */
final class EventRestatements {

    private EventRestatements() {
    }

    /** The events in order, each kept at its first statement. */
    static List<Event> drop(List<Event> events) {
        Set<List<String>> seen = new HashSet<>();
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (seen.add(Arrays.asList(e.type(), e.org(), e.product(), e.date()))) {
                out.add(e);
            }
        }
        return out;
    }
}
