package io.chipwatch.bench;

import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.model.Article;
import io.chipwatch.model.ExtractionException;
import io.chipwatch.model.RawPage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The articles the benchmarks run over: the extracted bodies of the pages in a folder (the
 * system property {@code chipwatch.bench.pages}, by default the shared corpus beside the
 * repository), each cut to about 3,000 characters, the length of a typical news story.
 */
final class BenchArticles {

    static final int LENGTH = 3_000;

    private BenchArticles() {
    }

    static List<Article> load() {
        Path dir = Path.of(System.getProperty("chipwatch.bench.pages", "../shared/corpus/pages"));
        if (!Files.isDirectory(dir)) {
            dir = Path.of("examples");
        }
        ArticleExtractor extractor = ArticleExtractor.withDefaults();
        List<Article> articles = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                try {
                    Article a = extractor.extract(RawPage.of(Files.readAllBytes(p), null));
                    if (a.body() != null && a.body().length() >= LENGTH / 2) {
                        articles.add(new Article(a.id(), a.url(), a.canonicalUrl(), a.title(), a.published(), a.author(),
                                a.source(), a.lang(), cut(a.body()), a.charset()));
                    }
                } catch (ExtractionException e) {
                    // pages without article text are not benchmark material
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read benchmark pages in " + dir, e);
        }
        if (articles.isEmpty()) {
            throw new IllegalStateException("no article of at least " + LENGTH / 2 + " characters in " + dir.toAbsolutePath());
        }
        return articles;
    }

    private static String cut(String body) {
        return body.length() <= LENGTH ? body : body.substring(0, LENGTH);
    }
}
