package io.chipwatch.alert;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Entity;
import io.chipwatch.model.Event;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityKeysTest {

    private final IdentityKeys keys = new IdentityKeys();

    private static Event launch(String org, String product, String date) {
        return new Event("product_announcement", org, product, date, "planned", "推出", "…", 0, 10);
    }

    private static Analysis with(Entity... entities) {
        return new Analysis(List.of(), List.of(entities), List.of(), List.of());
    }

    @Test
    void traditionalAndSimplifiedNamesGiveOneKey() {
        Analysis none = with();
        String simplified = keys.key(keys.identity(launch("华为", "昇腾950PR", "2026-Q1"), none));
        String traditional = keys.key(keys.identity(launch("華為", "昇騰 950pr", "2026-Q1"), none));

        assertThat(traditional).isEqualTo(simplified);
    }

    @Test
    void anAliasTakesTheEntitysCanonicalName() {
        Analysis analysis = with(new Entity("PRODUCT", "昇腾950PR", List.of("昇騰950PR", "Ascend 950PR", "升腾950PR"), 1, List.of()),
                new Entity("ORG", "华为", List.of("華為", "Huawei"), 1, List.of()));

        AnnouncementIdentity fromEnglish = keys.identity(launch("Huawei", "ASCEND 950PR", "2026-Q1"), analysis);
        AnnouncementIdentity fromMisspelling = keys.identity(launch("华为", "升腾950PR", "2026-Q1"), analysis);

        assertThat(fromEnglish.org()).isEqualTo("华为");
        assertThat(fromEnglish.product()).isEqualTo("昇腾950PR");
        assertThat(keys.key(fromEnglish)).isEqualTo(keys.key(fromMisspelling));
    }

    @Test
    void aDifferentProductIsADifferentAnnouncement() {
        Analysis none = with();

        assertThat(keys.key(keys.identity(launch("华为", "昇腾950PR", "2026-Q1"), none)))
                .isNotEqualTo(keys.key(keys.identity(launch("华为", "昇腾950DT", "2026-Q1"), none)));
    }

    @Test
    void theEventTypeIsPartOfTheKey() {
        Event massProduction = new Event("mass_production", "华为", "昇腾950PR", null, "released", "量产", "…", 0, 10);

        assertThat(keys.key(keys.identity(massProduction, with())))
                .isNotEqualTo(keys.key(keys.identity(launch("华为", "昇腾950PR", null), with())));
    }

    @Test
    void aMovedPlannedDateKeepsTheKeyButNotTheIdentity() {
        AnnouncementIdentity q1 = keys.identity(launch("华为", "昇腾950PR", "2026-Q1"), with());
        AnnouncementIdentity q2 = keys.identity(launch("华为", "昇腾950PR", "2026-Q2"), with());

        assertThat(keys.key(q2)).isEqualTo(keys.key(q1));
        assertThat(q2).isNotEqualTo(q1);
        assertThat(q1.planned()).isEqualTo("2026-Q1");
    }

    @Test
    void onlyAPlannedEventHasAPlannedDate() {
        Event released = new Event("product_announcement", "华为", "昇腾910B", "2024-03", "released", "发布", "…", 0, 10);

        assertThat(keys.identity(released, with()).planned()).isNull();
    }

    @Test
    void normalisingFoldsWidthCaseSpaceAndScript() {
        assertThat(keys.normalise(" Ａｓｃｅｎｄ  950PR ")).isEqualTo("ascend950pr");
        assertThat(keys.normalise("長江存儲")).isEqualTo("长江存储");
        assertThat(keys.normalise("  ")).isNull();
    }
}
