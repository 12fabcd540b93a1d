package io.chipwatch.html;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.chipwatch.yaml.StrictYaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Site-specific extraction rules, read from YAML ({@code sites: [ {hosts: [...], body: "css"} ]}).
 * Unknown keys are rejected at load time, naming the key. Immutable once loaded.
 */
public final class SiteRules {

    /** The rules shipped in the models module. */
    public static final String DEFAULT_RESOURCE = "chipwatch/site-rules.yml";

    private final List<SiteRule> rules;

    public SiteRules(List<SiteRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static SiteRules none() {
        return new SiteRules(List.of());
    }

    /** The default rules from the classpath, or none when the resource is absent. */
    public static SiteRules defaults() {
        try (InputStream in = SiteRules.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            return in == null ? none() : read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** @throws io.chipwatch.yaml.InvalidConfigException when the file is missing or has mistakes, each named with its line */
    public static SiteRules read(Path yaml) throws IOException {
        return of(new StrictYaml().read(yaml, File.class));
    }

    public static SiteRules read(InputStream yaml) throws IOException {
        return of(new StrictYaml().read(yaml, DEFAULT_RESOURCE, File.class));
    }

    private static SiteRules of(File file) {
        return new SiteRules(file.sites() == null ? List.of() : file.sites());
    }

    /** These rules with {@code more} added in front: the first rule matching a host wins, so {@code more} overrides. */
    public SiteRules plus(SiteRules more) {
        List<SiteRule> all = new ArrayList<>(more.rules);
        all.addAll(rules);
        return new SiteRules(all);
    }

    public Optional<SiteRule> forUrl(URI url) {
        if (url == null || url.getHost() == null) {
            return Optional.empty();
        }
        return rules.stream().filter(r -> r.appliesTo(url.getHost())).findFirst();
    }

    public int size() {
        return rules.size();
    }

    private record File(@JsonProperty("sites") List<SiteRule> sites) {
    }
}
