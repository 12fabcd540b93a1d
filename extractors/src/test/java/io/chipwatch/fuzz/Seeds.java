package io.chipwatch.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real text the fuzzer mutates: the corpus pages and the seed article of {@code shared/corpus}
 * when a {@code shared} folder sits beside the checkout (or {@code -Dchipwatch.corpus=DIR} names
 * one), and always the invented portal pages of this module's test resources, so that the
 * harness runs without the shared corpus too.
 *
 * @param pages HTML pages as fetched (raw bytes, any charset)
 * @param texts plain-text articles and paragraphs
 */
record Seeds(List<byte[]> pages, List<String> texts) {

    static Seeds load() {
        List<byte[]> pages = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try {
            Path fixtures = fixtures();
            if (fixtures != null) {
                addPages(fixtures, pages);
            }
            Path corpus = corpus();
            if (corpus != null) {
                addPages(corpus.resolve("pages"), pages);
                Path seed = corpus.resolve("seed-article.txt");
                if (Files.isRegularFile(seed)) {
                    texts.add(Files.readString(seed, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (pages.isEmpty()) {
            throw new IllegalStateException("no seed pages: neither test resources nor shared/corpus found");
        }
        if (texts.isEmpty()) {
            // the plain text of a page's paragraphs stands in for the seed article
            texts.add(new String(pages.get(0), StandardCharsets.UTF_8).replaceAll("<[^>]*>", "\n"));
        }
        return new Seeds(List.copyOf(pages), List.copyOf(texts));
    }

    private static void addPages(Path dir, List<byte[]> out) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
    }

    private static Path fixtures() {
        URL url = Seeds.class.getClassLoader().getResource("pages");
        if (url == null || !"file".equals(url.getProtocol())) {
            return null;
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** {@code -Dchipwatch.corpus}, else {@code shared/corpus} beside the working folder or one of its parents. */
    private static Path corpus() {
        String configured = System.getProperty("chipwatch.corpus");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("corpus");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
