package io.chipwatch.nlp;

import io.chipwatch.model.Mention;
import io.chipwatch.model.Sentence;
import io.chipwatch.time.Period;

import java.util.List;

/**
 * What the figure and event finders need to know about one sentence: its mentions and time
 * expressions, with offsets relative to the sentence.
 */
record SentenceFacts(Sentence sentence, List<Mention> mentions, List<Period> periods) {

    String text() {
        return sentence.text();
    }

    /** Start of the clause holding the offset: clauses end at commas, colons and semicolons. */
    int clauseStart(int at) {
        String t = text();
        for (int i = Math.min(at, t.length()) - 1; i >= 0; i--) {
            if (isClauseEnd(t.charAt(i))) {
                return i + 1;
            }
        }
        return 0;
    }

    int clauseEnd(int at) {
        String t = text();
        for (int i = at; i < t.length(); i++) {
            if (isClauseEnd(t.charAt(i))) {
                return i;
            }
        }
        return t.length();
    }

    static boolean isClauseEnd(char c) {
        return c == '，' || c == ',' || c == '；' || c == ';' || c == '：' || c == ':' || c == '。' || c == '(' || c == '（';
    }
}
