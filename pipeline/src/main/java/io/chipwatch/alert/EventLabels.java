package io.chipwatch.alert;

import java.util.Map;

/** Chinese labels of the event types, for headlines and messages. */
final class EventLabels {

    private static final Map<String, String> LABELS = Map.of(
            "product_announcement", "新品发布",
            "mass_production", "量产",
            "investment_deal", "投资",
            "supply_deal", "供货",
            "partnership", "合作",
            "export_control", "出口管制",
            "ipo", "上市",
            "funding", "融资",
            "other", "动态");

    private EventLabels() {
    }

    static String of(String type) {
        return LABELS.getOrDefault(type, type);
    }
}
