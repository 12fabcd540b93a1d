package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.model.Event;
import io.chipwatch.model.Figure;
import io.chipwatch.model.Mention;
import io.chipwatch.model.Sentence;
import io.chipwatch.model.Truncation;
import io.chipwatch.text.LanguageIdentifier;
import io.chipwatch.text.SentenceSplitter;
import io.chipwatch.time.Period;
import io.chipwatch.time.PeriodContext;
import io.chipwatch.time.PeriodResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The NLP stage's work on one article: sentences and their languages, entities, figures and
 * events. Building one loads the gazetteer, HanLP's dictionaries and the language model (about
 * a second); keep one and share it, it is thread-safe.
 *
 * <p>Work per article is bounded: only the first {@link #MAX_BODY_CHARS} of the body are
 * analysed, sentences longer than {@link SentenceSplitter#MAX_SENTENCE_CHARS} are cut, and no
 * sentence yields more than {@link #MAX_FIGURES_PER_SENTENCE} figures. What was left out is
 * counted in {@link Analysis#truncated()}.
 */
public final class NlpAnalyzer {

    /** News paragraphs run to a few hundred characters; past this a text has lost its paragraph breaks. */
    static final int MAX_PARAGRAPH = 1000;

    /**
     * Body chars analysed, from the start, in UTF-16 chars. The longest body of the 61 corpus
     * pages has about 9,000; a body beyond this is a table dump, a book or junk, and its head is
     * what matters.
     */
    public static final int MAX_BODY_CHARS = 50_000;
    /**
     * Figures reported per sentence; real sentences hold up to 7 in the corpus, and a sentence
     * listing more than this is a table of numbers, not prose.
     */
    public static final int MAX_FIGURES_PER_SENTENCE = 20;

    private final SentenceSplitter splitter = new SentenceSplitter();
    private final LanguageIdentifier languages;
    private final EntityFinder entities;
    private final EntityAggregator aggregator;
    private final PeriodResolver periods = new PeriodResolver();
    private final FigureFinder figures;
    private final EventFinder events;
    private final CreditEntities credits;
    private final HeadlineEntities headline;
    private final ArticleFocus focus;

    public NlpAnalyzer(Gazetteer gazetteer, Lexicon lexicon) {
        EntityDictionary dictionary = new EntityDictionary(gazetteer);
        this.languages = new LanguageIdentifier();
        java.util.Set<String> surnames = NameRecognizer.loadSurnames();
        this.entities = new EntityFinder(dictionary, new ChineseSegmenter(gazetteer), surnames);
        this.aggregator = new EntityAggregator(gazetteer);
        this.figures = new FigureFinder(lexicon, gazetteer);
        this.events = new EventFinder(lexicon, gazetteer);
        this.credits = new CreditEntities(gazetteer, surnames);
        this.headline = new HeadlineEntities(entities, aggregator);
        this.focus = new ArticleFocus(new Sources(gazetteer));
    }

    /** An analyzer over the gazetteer and lexicon shipped in the models module. */
    public static NlpAnalyzer withDefaults() {
        try {
            return new NlpAnalyzer(Gazetteer.defaults(), Lexicon.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last plain time expression of a sentence (not a span such as 未来五年), or null. */
    private static String lastPeriod(SentenceFacts facts) {
        Period last = null;
        for (Period p : facts.periods()) {
            if (!p.text().startsWith("未来") && !p.text().startsWith("过去") && !FigureFinder.glosses(last, p, facts.text())) {
                last = p;
            }
        }
        return last == null ? null : last.label();
    }

    /** A product launched under a quoted name no dictionary knows (推出了“X”系统) is an entity too. */
    private static List<Mention> launchedProducts(String body, List<Event> events, List<Mention> mentions) {
        List<Mention> out = new ArrayList<>();
        for (Event e : events) {
            if (e.product() == null || mentions.stream().anyMatch(m -> m.name().equals(e.product()))
                    || out.stream().anyMatch(m -> m.name().equals(e.product()))) {
                continue;
            }
            int at = body.indexOf(e.product(), e.start());
            if (at >= 0 && at < e.end()) {
                out.add(new Mention("PRODUCT", e.product(), e.product(), at, at + e.product().length()));
            }
        }
        return out;
    }

    private static String lastOrganization(List<Mention> mentions) {
        String name = null;
        for (Mention m : mentions) {
            if ("ORG".equals(m.type())) {
                name = m.name();
            }
        }
        return name;
    }

    private static String firstSubject(List<Mention> mentions) {
        for (Mention m : mentions) {
            if ("ORG".equals(m.type()) || "PLACE".equals(m.type())) {
                return m.name();
            }
        }
        return null;
    }

    /**
     * Where the analysed head of a body ends: at the last sentence end before the limit when
     * there is one in its second half, else at the limit (not inside a surrogate pair).
     */
    static int analysedLength(String body) {
        if (body.length() <= MAX_BODY_CHARS) {
            return body.length();
        }
        for (int i = MAX_BODY_CHARS; i > MAX_BODY_CHARS / 2; i--) {
            char c = body.charAt(i - 1);
            if (c == '。' || c == '\n' || c == '！' || c == '？') {
                return i;
            }
        }
        return Character.isLowSurrogate(body.charAt(MAX_BODY_CHARS)) ? MAX_BODY_CHARS - 1 : MAX_BODY_CHARS;
    }

    /**
     * The sentences, entities, figures and events of the article. Offsets index into the
     * article's whole body; when it is longer than {@link #MAX_BODY_CHARS} only its head is
     * analysed and the analysis says so.
     */
    public Analysis analyze(Article article) {
        String fullBody = article.body() == null ? "" : article.body();
        String body = fullBody.substring(0, analysedLength(fullBody));
        int sentencesCut = 0;
        int figuresDropped = 0;
        List<Sentence> sentences = new ArrayList<>();
        for (SentenceSplitter.Span span : splitter.split(body)) {
            sentencesCut += span.cut() ? 1 : 0;
            String text = body.substring(span.start(), span.end());
            sentences.add(new Sentence(text, span.start(), span.end(), languages.identify(text)));
        }
        List<Mention> mentions = entities.find(body, sentences);
        LocalDate published = article.published() != null ? article.published().toLocalDate() : LocalDate.now(ZoneOffset.UTC);
        PeriodContext time = new PeriodContext(published);
        List<SentenceFacts> allFacts = new ArrayList<>(sentences.size());
        int next = 0;
        for (Sentence s : sentences) {
            List<Mention> inSentence = new ArrayList<>();
            while (next < mentions.size() && mentions.get(next).start() < s.start()) {
                next++;
            }
            for (int i = next; i < mentions.size() && mentions.get(i).start() < s.end(); i++) {
                Mention m = mentions.get(i);
                inSentence.add(new Mention(m.type(), m.name(), m.surface(), m.start() - s.start(), m.end() - s.start()));
            }
            // a year named in an earlier sentence does not date a later bare 9月6日: news means
            // the publication year there; fiscal years do carry over (第二财季 after 2026财年)
            time.setLastYear(null);
            allFacts.add(new SentenceFacts(s, inSentence, periods.findAll(s.text(), time)));
        }
        Topic topic = new Topic(published.getYear(), focus.of(body, mentions, allFacts));
        List<Figure> foundFigures = new ArrayList<>();
        List<Event> foundEvents = new ArrayList<>();
        int paragraphEnd = -1;
        boolean carries = false;
        for (SentenceFacts facts : allFacts) {
            Sentence s = facts.sentence();
            List<Mention> inSentence = facts.mentions();
            if (s.start() > paragraphEnd) {
                topic.setParagraphSubject(null);
                int nl = body.indexOf('\n', s.start());
                int paragraphStart = body.lastIndexOf('\n', s.start()) + 1;
                paragraphEnd = nl < 0 ? body.length() : nl;
                // a "paragraph" longer than any a reporter writes is a page whose paragraphs were
                // lost: there is no paragraph to go on about, and carrying over misattributes
                carries = paragraphEnd - paragraphStart <= MAX_PARAGRAPH;
            }
            FigureFinder.Found found = figures.find(facts, topic, MAX_FIGURES_PER_SENTENCE);
            List<Figure> sentenceFigures = found.figures();
            figuresDropped += found.dropped();
            foundFigures.addAll(sentenceFigures);
            foundEvents.addAll(events.find(facts, published, topic));
            if (sentenceFigures.isEmpty()) {
                topic.set(firstSubject(inSentence));
            }
            topic.setPeriod(lastPeriod(facts));
            topic.setOrganization(lastOrganization(inSentence));
            String lastSubject = sentenceFigures.isEmpty() ? null : sentenceFigures.get(sentenceFigures.size() - 1).subject();
            String named = firstSubject(inSentence);
            if (lastSubject != null || named != null) {
                topic.setParagraphSubject(carries ? (lastSubject != null ? lastSubject : named) : null);
            }
            topic.setContinuedSubject(s.text().stripTrailing().matches(".*[；;]$") ? lastSubject : null);
            topic.setProduct(inSentence.stream().filter(m -> "PRODUCT".equals(m.type())).reduce((a, b) -> b).map(Mention::name).orElse(null));
        }
        List<Mention> all = new ArrayList<>(mentions);
        all.addAll(launchedProducts(body, foundEvents, mentions));
        all.sort((a, b) -> Integer.compare(a.start(), b.start()));
        Truncation truncated = new Truncation(fullBody.length() - body.length(), sentencesCut, figuresDropped);
        return new Analysis(sentences, credits.add(article, body, headline.add(article.title(), aggregator.aggregate(all))), foundFigures,
                EventRestatements.drop(foundEvents), truncated);
    }
}
