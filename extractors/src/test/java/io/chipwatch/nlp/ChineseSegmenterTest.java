package io.chipwatch.nlp;

import com.hankcs.hanlp.seg.common.Term;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChineseSegmenterTest {

    @Test
    void gazetteerNamesStayWholeWithTheNatureOfTheirType() throws IOException {
        ChineseSegmenter segmenter = new ChineseSegmenter(Gazetteer.defaults());

        List<Term> terms = segmenter.segment("摩尔线程和寒武纪都在追赶昇腾，燧原科技也不甘落后。");

        assertThat(terms).extracting(t -> t.word).contains("摩尔线程", "寒武纪", "昇腾", "燧原科技");
        Term moore = terms.stream().filter(t -> t.word.equals("摩尔线程")).findFirst().orElseThrow();
        assertThat(moore.nature.toString()).isEqualTo("nt");
        assertThat(moore.offset).isZero();
    }
}
