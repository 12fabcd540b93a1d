package io.chipwatch.alert;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertMessageTest {

    @Test
    void everyFormCarriesHeadlineFiguresSentenceAndLinks() {
        AlertMessage m = AlertMessage.of(Fixtures.alert());

        assertThat(m.title()).isEqualTo("新品发布: 华为 昇腾950PR，计划 2026-Q1");
        assertThat(m.text()).contains("shipments 100万 units (2026-Q1)", "原文: 华为将于2026年第一季度推出昇腾950PR芯片",
                "华为公布昇腾芯片路线图 2025-09-18 https://news.example.cn/a/1", "规则: huawei-ai-chips");
        assertThat(m.markdown()).startsWith("### 新品发布").contains("[华为公布昇腾芯片路线图](https://news.example.cn/a/1)",
                "> 华为将于2026年");
        assertThat(m.slack()).contains("<https://news.example.cn/a/1|华为公布昇腾芯片路线图>", "*关键数据*");
    }

    @Test
    void anUpdateSaysSoAndListsTheChanges() {
        Alert update = new AlertComposer().next(Fixtures.alert(), Fixtures.candidate("2026-Q2", List.of(), "https://b/2"),
                Fixtures.NOW).alert();

        AlertMessage m = AlertMessage.of(update);

        assertThat(m.title()).startsWith("更新 新品发布");
        assertThat(m.text()).contains("变化: planned date 2026-Q1 → 2026-Q2");
    }

    @Test
    void numbersUseChineseMagnitudes() {
        assertThat(AlertMessage.number(2e9)).isEqualTo("20亿");
        assertThat(AlertMessage.number(1_500_000)).isEqualTo("150万");
        assertThat(AlertMessage.number(12.5)).isEqualTo("12.5");
    }
}
