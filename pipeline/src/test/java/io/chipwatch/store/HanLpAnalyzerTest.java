package io.chipwatch.store;

import io.chipwatch.nlp.Gazetteer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HanLpAnalyzerTest {

    private final Analyzer analyzer = new HanLpAnalyzer(loadGazetteer());

    @Test
    void emitsGazetteerNamesAsWholeWordsWithoutPunctuationAndLowerCased() throws IOException {
        String text = "长江存储宣布在武汉扩产，NVIDIA 跟进。";

        List<String> words = new ArrayList<>();
        for (Token t : tokens(text)) {
            words.add(t.term());
        }

        assertThat(words).startsWith("长江存储", "宣布", "在", "武汉").contains("nvidia").doesNotContain("，", "。", " ", "长江");
    }

    @Test
    void offsetsPointAtTheWordsInTheOriginalText() throws IOException {
        String text = "寒武纪今日发布思元590芯片，\n英伟达表示 GPU 出货量下降。";

        List<Token> tokens = tokens(text);

        assertThat(tokens).isNotEmpty();
        for (Token t : tokens) {
            assertThat(text.substring(t.start(), t.end())).isEqualToIgnoringCase(t.term());
        }
        assertThat(tokens).extracting(Token::term).contains("寒武纪", "英伟达", "gpu");
    }

    @Test
    void theAnalyzerCanBeReusedForManyTexts() throws IOException {
        assertThat(tokens("寒武纪")).extracting(Token::term).containsExactly("寒武纪");
        assertThat(tokens("")).isEmpty();
        assertThat(tokens("，。！")).isEmpty();
        assertThat(tokens("英伟达")).extracting(Token::term).containsExactly("英伟达");
    }

    private List<Token> tokens(String text) throws IOException {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
            assertThat(offset.endOffset()).isEqualTo(text.length());
        }
        return tokens;
    }

    private static Gazetteer loadGazetteer() {
        try {
            return Gazetteer.defaults();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Token(String term, int start, int end) {
    }
}
