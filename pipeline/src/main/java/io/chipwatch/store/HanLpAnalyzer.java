package io.chipwatch.store;

import io.chipwatch.nlp.ChineseSegmenter;
import io.chipwatch.nlp.Gazetteer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;

/**
 * Word-level analysis of Chinese text for Lucene: HanLP segmentation with the gazetteer as
 * custom dictionary ({@link ChineseSegmenter}), so 寒武纪 or 长江存储 is one term and a search
 * for 长江 does not find 长江存储. Punctuation and whitespace are dropped; Latin is lower-cased
 * so GPU and gpu are the same term. The same analyzer must serve indexing and queries, or a
 * word would be cut differently on each side.
 *
 * <p>Thread-safe: Lucene gives each thread its own tokenizer, and the segmenter they share is
 * thread-safe.
 */
public final class HanLpAnalyzer extends Analyzer {

    private final ChineseSegmenter segmenter;

    public HanLpAnalyzer(ChineseSegmenter segmenter) {
        this.segmenter = segmenter;
    }

    public HanLpAnalyzer(Gazetteer gazetteer) {
        this(new ChineseSegmenter(gazetteer));
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        HanLpTokenizer words = new HanLpTokenizer(segmenter);
        TokenStream lowerCased = new LowerCaseFilter(words);
        return new TokenStreamComponents(words, lowerCased);
    }
}
