package io.chipwatch.alert;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.model.Entity;
import io.chipwatch.model.Event;
import io.chipwatch.model.Figure;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Picks the announcements each rule wants out of one enriched article. A pure function of the
 * article, its analysis and the rules; thread-safe.
 *
 * <p>An event is a candidate for a rule when its type is one the rule selects and each of the
 * rule's non-empty criteria holds (see {@link AlertRule}). How the criteria read the analysis:
 * <ul>
 *   <li>orgs: the event's organisation, or an organisation named in the event's sentence;</li>
 *   <li>products: likewise for products, and a watched name also covers the family it starts
 *       (昇腾 covers 昇腾910B), since analysts watch lines, not model numbers;</li>
 *   <li>people: a person named in the event's sentence;</li>
 *   <li>figures: the figures of the event's sentence and those about its product; for an event
 *       without a product (a deal, a control), those about its organisation.</li>
 * </ul>
 * Names match by canonical name or any alias of the entity, after {@link IdentityKeys#normalise}.
 * One article yields at most one candidate per rule and key; repeated events merge their figures.
 */
public final class RuleMatcher {

    private final List<Compiled> rules;
    private final IdentityKeys keys;

    public RuleMatcher(List<AlertRule> rules, IdentityKeys keys) {
        this.keys = keys;
        this.rules = rules.stream().map(r -> new Compiled(r, keys)).toList();
    }

    /** The candidates of every rule, rules in their order, events in text order; empty, never null. */
    public List<AlertCandidate> match(Article article, Analysis analysis) {
        List<AlertCandidate> out = new ArrayList<>();
        Text text = new Text(article, keys);
        for (Compiled rule : rules) {
            if (!rule.sourceMatches(article, keys) || !rule.keywordsMatch(text)) {
                continue;
            }
            Map<String, AlertCandidate> byKey = new LinkedHashMap<>();
            for (Event event : analysis.events()) {
                if (!rule.rule.events().contains(event.type()) || (event.org() == null && event.product() == null)) {
                    continue;
                }
                AnnouncementIdentity identity = keys.identity(event, analysis);
                List<KeyFigure> figures = figures(event, identity, analysis);
                if (!rule.entitiesMatch(event, identity, analysis, keys) || !rule.figuresMatch(figures)) {
                    continue;
                }
                String key = keys.key(identity);
                AlertCandidate c = new AlertCandidate(rule.rule.name(), identity, key, figures, event.text(), SourceLink.of(article));
                byKey.merge(key, c, RuleMatcher::merge);
            }
            out.addAll(byKey.values());
        }
        return out;
    }

    private List<KeyFigure> figures(Event event, AnnouncementIdentity identity, Analysis analysis) {
        String product = keys.normalise(identity.product());
        String org = keys.normalise(identity.org());
        List<KeyFigure> out = new ArrayList<>();
        for (Figure f : analysis.figures()) {
            boolean inSentence = f.start() >= event.start() && f.start() < event.end();
            boolean about = product != null ? product.equals(keys.normalise(f.product()))
                    : org != null && f.product() == null && org.equals(keys.normalise(f.subject()));
            if (inSentence || about) {
                KeyFigure k = KeyFigure.of(f);
                if (out.stream().noneMatch(k::sameAs)) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    private static AlertCandidate merge(AlertCandidate first, AlertCandidate again) {
        List<KeyFigure> figures = new ArrayList<>(first.figures());
        for (KeyFigure f : again.figures()) {
            if (figures.stream().noneMatch(f::sameAs)) {
                figures.add(f);
            }
        }
        AnnouncementIdentity identity = first.identity().planned() == null ? first.identity().withPlanned(again.identity().planned())
                : first.identity();
        return new AlertCandidate(first.rule(), identity, first.key(), figures, first.sentence(), first.source());
    }

    /** The article's title and body in normalised form, made once for all rules. */
    private static final class Text {
        private final Article article;
        private final IdentityKeys keys;
        private String normalised;

        Text(Article article, IdentityKeys keys) {
            this.article = article;
            this.keys = keys;
        }

        String normalised() {
            if (normalised == null) {
                String s = keys.normalise((article.title() == null ? "" : article.title()) + "\n" + article.body());
                normalised = s == null ? "" : s;
            }
            return normalised;
        }
    }

    /** A rule with its lists normalised once. */
    private static final class Compiled {
        final AlertRule rule;
        final Set<String> orgs;
        final Set<String> products;
        final Set<String> people;
        final List<String> keywords;
        final List<String> sources;

        Compiled(AlertRule rule, IdentityKeys keys) {
            this.rule = rule;
            this.orgs = normalised(rule.orgs(), keys);
            this.products = normalised(rule.products(), keys);
            this.people = normalised(rule.people(), keys);
            this.keywords = List.copyOf(normalised(rule.keywords(), keys));
            this.sources = List.copyOf(normalised(rule.sources(), keys));
        }

        private static Set<String> normalised(List<String> names, IdentityKeys keys) {
            Set<String> out = new HashSet<>();
            names.stream().map(keys::normalise).filter(Objects::nonNull).forEach(out::add);
            return out;
        }

        boolean keywordsMatch(Text text) {
            return keywords.isEmpty() || keywords.stream().anyMatch(k -> text.normalised().contains(k));
        }

        boolean sourceMatches(Article article, IdentityKeys keys) {
            if (sources.isEmpty()) {
                return true;
            }
            String outlet = keys.normalise(article.source());
            Set<String> hosts = new HashSet<>();
            for (String url : new String[]{article.url(), article.canonicalUrl()}) {
                String host = host(url);
                if (host != null) {
                    hosts.add(host);
                }
            }
            for (String s : sources) {
                if (s.equals(outlet) || hosts.stream().anyMatch(h -> h.equals(s) || h.endsWith("." + s))) {
                    return true;
                }
            }
            return false;
        }

        private static String host(String url) {
            if (url == null) {
                return null;
            }
            try {
                String host = URI.create(url.strip()).getHost();
                return host == null ? null : host.toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        boolean entitiesMatch(Event event, AnnouncementIdentity identity, Analysis analysis, IdentityKeys keys) {
            if (orgs.isEmpty() && products.isEmpty() && people.isEmpty()) {
                return true;
            }
            Set<String> orgNames = new HashSet<>();
            Set<String> productNames = new HashSet<>();
            Set<String> personNames = new HashSet<>();
            addName(orgNames, identity.org(), keys);
            addName(productNames, identity.product(), keys);
            for (Entity e : analysis.entities()) {
                boolean acting = e.name().equals(identity.org()) || e.name().equals(identity.product());
                if (!acting && !namedIn(e, event)) {
                    continue;
                }
                Set<String> into = switch (e.type()) {
                    case "ORG" -> orgNames;
                    case "PRODUCT" -> productNames;
                    case "PERSON" -> acting ? null : personNames;
                    default -> null;
                };
                if (into != null) {
                    addName(into, e.name(), keys);
                    e.aliases().forEach(a -> addName(into, a, keys));
                }
            }
            return orgNames.stream().anyMatch(orgs::contains)
                    || productNames.stream().anyMatch(p -> products.stream().anyMatch(p::startsWith))
                    || personNames.stream().anyMatch(people::contains);
        }

        private static boolean namedIn(Entity e, Event event) {
            return e.offsets().stream().anyMatch(o -> o[0] >= event.start() && o[0] < event.end());
        }

        private static void addName(Set<String> into, String name, IdentityKeys keys) {
            String n = keys.normalise(name);
            if (n != null) {
                into.add(n);
            }
        }

        boolean figuresMatch(List<KeyFigure> figures) {
            return rule.figures().isEmpty()
                    || figures.stream().anyMatch(f -> rule.figures().stream().anyMatch(t -> t.reachedBy(f)));
        }
    }
}
