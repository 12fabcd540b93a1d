package io.chipwatch.bench;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.nlp.NlpAnalyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Articles per second, one thread: chipwatch's whole NLP (sentences, languages, entities,
 * figures, time, events) beside HanLP's plain segmentation of the same bodies, its baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xss4m", "-Dfile.encoding=UTF-8"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class NlpBenchmark {

    private List<Article> articles;
    private NlpAnalyzer nlp;
    private Segment segment;
    private int next;

    @Setup
    public void setUp() {
        articles = BenchArticles.load();
        nlp = NlpAnalyzer.withDefaults();
        segment = HanLP.newSegment();
        // HanLP loads its dictionaries on first use; that belongs to neither benchmark
        for (Article a : articles) {
            segment.seg(a.body());
            nlp.analyze(a);
        }
    }

    private Article nextArticle() {
        Article a = articles.get(next);
        next = (next + 1) % articles.size();
        return a;
    }

    @Benchmark
    public Object hanlpSegmentation() {
        return segment.seg(nextArticle().body());
    }

    @Benchmark
    public Analysis fullNlp() {
        return nlp.analyze(nextArticle());
    }
}
