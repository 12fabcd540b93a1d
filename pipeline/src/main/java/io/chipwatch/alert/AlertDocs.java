package io.chipwatch.alert;

import io.chipwatch.store.AlertDoc;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Shapes an alert into the document the search store keeps of it. Figures become short text
 * in plain digits ("shipments 1000000 units 2026"), not the Chinese magnitudes of the messages
 * (100万), so a search or a Kibana filter on the number finds it.
 */
final class AlertDocs {

    private AlertDocs() {
    }

    static AlertDoc of(Alert a) {
        AnnouncementIdentity who = a.identity();
        List<String> urls = a.sources().stream().map(SourceLink::url).filter(Objects::nonNull).toList();
        List<String> titles = a.sources().stream().map(SourceLink::title).filter(Objects::nonNull).toList();
        return new AlertDoc(a.id(), a.kind().name(), a.version(), a.rule(), who.org(), who.product(), who.eventType(),
                who.planned(), a.headline(), a.sentence(), a.figures().stream().map(AlertDocs::figure).toList(),
                urls, titles, a.created(), a.changes());
    }

    /** "shipments 1000000 units 2026"; a range as "20000000000-30000000000"; missing parts left out. */
    static String figure(KeyFigure f) {
        StringBuilder b = new StringBuilder(f.metric()).append(' ').append(plain(f.value()));
        if (f.valueMax() != null) {
            b.append('-').append(plain(f.valueMax()));
        }
        if (f.unit() != null) {
            b.append(' ').append(f.unit());
        }
        if (f.period() != null) {
            b.append(' ').append(f.period());
        }
        return b.toString();
    }

    private static String plain(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
