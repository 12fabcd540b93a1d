package io.chipwatch.store;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuerySyntaxTest {

    private static QueryExpr parse(String q) {
        return QuerySyntax.parse(q, SearchQuery.Kind.ARTICLES);
    }

    @Test
    void andBindsTighterThanOr() {
        assertThat(parse("华为 OR 高通 芯片")).isEqualTo(new QueryExpr.Or(List.of(new QueryExpr.Words("华为"),
                new QueryExpr.And(List.of(new QueryExpr.Words("高通"), new QueryExpr.Words("芯片"))))));
    }

    @Test
    void parenthesesQuotesAndFieldsInAsciiOrChineseForms() {
        QueryExpr expected = new QueryExpr.And(List.of(
                new QueryExpr.Or(List.of(new QueryExpr.Words("华为"), new QueryExpr.Words("高通"))),
                new QueryExpr.Phrase("云端 训练"), new QueryExpr.Field("entity", "Moore Threads")));
        assertThat(parse("(华为 OR 高通) AND \"云端 训练\" entity:\"Moore Threads\"")).isEqualTo(expected);
        assertThat(parse("（华为 OR 高通） “云端 训练” entity：“Moore Threads”")).isEqualTo(expected);
    }

    @Test
    void notAndALeadingMinusExclude() {
        QueryExpr expected = new QueryExpr.And(List.of(new QueryExpr.Words("芯片"), new QueryExpr.Not(new QueryExpr.Field("source", "36氪"))));
        assertThat(parse("芯片 NOT source:36氪")).isEqualTo(expected);
        assertThat(parse("芯片 -source:36氪")).isEqualTo(expected);
        // a hyphen inside a word is part of it
        assertThat(parse("GPT-4")).isEqualTo(new QueryExpr.Words("GPT-4"));
    }

    @Test
    void lowerCaseOperatorsAreWords() {
        assertThat(parse("apple or nvidia")).isEqualTo(new QueryExpr.And(List.of(
                new QueryExpr.Words("apple"), new QueryExpr.Words("or"), new QueryExpr.Words("nvidia"))));
    }

    @Test
    void malformedQueriesSayWhereAndWhy() {
        assertThatThrownBy(() -> parse("(华为 OR 高通")).isInstanceOf(QuerySyntax.SyntaxException.class).hasMessageContaining("unbalanced '('");
        assertThatThrownBy(() -> parse("华为 OR")).hasMessageContaining("the query ended");
        assertThatThrownBy(() -> parse("\"华为")).hasMessageContaining("unclosed quote").hasMessageContaining("character 1");
        assertThatThrownBy(() -> parse("NOT 华为")).hasMessageContaining("NOT needs something");
        assertThatThrownBy(() -> parse("华为)")).hasMessageContaining("unbalanced ')'");
        assertThatThrownBy(() -> parse("metric:shipments")).hasMessageContaining("unknown field metric:").hasMessageContaining("entity, source");
        assertThatThrownBy(() -> parse("source: 华为")).hasMessageContaining("has no value");
    }

    @Test
    void theFieldsDependOnTheKindOfDocument() {
        assertThat(QuerySyntax.parse("metric:shipments", SearchQuery.Kind.FIGURES)).isEqualTo(new QueryExpr.Field("metric", "shipments"));
        assertThat(QuerySyntax.parse("  ", SearchQuery.Kind.FIGURES)).isNull();
    }
}
