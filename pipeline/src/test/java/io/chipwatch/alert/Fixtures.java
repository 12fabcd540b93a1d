package io.chipwatch.alert;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Alerts and candidates the tests share. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2025-09-18T02:00:00Z");

    private Fixtures() {
    }

    static AlertCandidate candidate(String planned, List<KeyFigure> figures, String url) {
        AnnouncementIdentity id = new AnnouncementIdentity("华为", "昇腾950PR", "product_announcement", planned);
        return new AlertCandidate("huawei-ai-chips", id, new IdentityKeys().key(id), figures,
                "华为将于2026年第一季度推出昇腾950PR芯片，预计出货量将超过100万颗。",
                new SourceLink(url, "华为公布昇腾芯片路线图", OffsetDateTime.parse("2025-09-18T10:00:00+08:00")));
    }

    static KeyFigure shipments() {
        return new KeyFigure("shipments", 1_000_000, null, "units", "2026-Q1", "预计出货量将超过100万颗。");
    }

    static Alert alert() {
        return new AlertComposer().next(null, candidate("2026-Q1", List.of(shipments()), "https://news.example.cn/a/1"), NOW).alert();
    }
}
