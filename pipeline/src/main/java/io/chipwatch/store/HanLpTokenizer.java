package io.chipwatch.store;

import com.hankcs.hanlp.seg.common.Term;
import io.chipwatch.nlp.ChineseSegmenter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.util.Collections;
import java.util.Iterator;

/**
 * One token per HanLP word, with offsets into the original text. HanLP needs the whole text at
 * once (its segmentation looks at the context of a word), so {@link #reset()} reads all of the
 * input. Punctuation and whitespace are no words for search and are skipped.
 */
final class HanLpTokenizer extends Tokenizer {

    /** Longer "words" are runs of junk (base64, URLs without breaks) that nobody searches for. */
    static final int MAX_WORD_LENGTH = 255;

    private final ChineseSegmenter segmenter;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private Iterator<Term> words = Collections.emptyIterator();
    private int textLength;

    HanLpTokenizer(ChineseSegmenter segmenter) {
        this.segmenter = segmenter;
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        while (words.hasNext()) {
            Term word = words.next();
            if (isSearchable(word.word)) {
                term.setEmpty().append(word.word);
                offset.setOffset(correctOffset(word.offset), correctOffset(word.offset + word.length()));
                return true;
            }
        }
        return false;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        String text = readAll();
        textLength = text.length();
        words = segmenter.segment(text).iterator();
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(textLength);
        offset.setOffset(last, last);
    }

    @Override
    public void close() throws IOException {
        super.close();
        words = Collections.emptyIterator();
    }

    private String readAll() throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n = input.read(buffer); n != -1; n = input.read(buffer)) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }

    /** A word with at least one letter or digit, of a sane length. */
    static boolean isSearchable(String word) {
        return !word.isEmpty() && word.length() <= MAX_WORD_LENGTH
                && word.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
