package io.chipwatch.nlp;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;

import java.util.List;
import java.util.Map;

/**
 * HanLP segmentation with part of speech and name recognition, its dictionary extended with
 * every gazetteer alias under the nature of its type, so 摩尔线程, 寒武纪 and 昇腾 stay whole and
 * reach the name recogniser as organisations and products instead of as fragments. Each
 * instance owns its dictionary (HanLP's global CustomDictionary is left alone). Thread-safe.
 */
public final class ChineseSegmenter {

    private static final Map<String, String> NATURES = Map.of(
            "ORG", "nt", "PERSON", "nr", "PLACE", "ns", "PRODUCT", "nz", "TECH", "nz");
    private static final int FREQUENCY = 2000;

    private final Segment segment;

    public ChineseSegmenter(Gazetteer gazetteer) {
        DynamicCustomDictionary dictionary = new DynamicCustomDictionary();
        for (GazetteerEntry entry : gazetteer.entries()) {
            String nature = NATURES.get(entry.type()) + " " + FREQUENCY;
            for (String alias : entry.allNames()) {
                if (!alias.isBlank() && !entry.ambiguous().contains(alias)) {
                    dictionary.insert(alias.strip(), nature);
                }
            }
        }
        this.segment = HanLP.newSegment()
                .enableCustomDictionary(dictionary)
                .enableNameRecognize(true)
                .enableTranslatedNameRecognize(true)
                .enableOrganizationRecognize(false)
                .enablePlaceRecognize(false)
                .enableOffset(true);
    }

    /** Words with their HanLP nature and offset in the text. */
    public List<Term> segment(String text) {
        return segment.seg(text);
    }
}
