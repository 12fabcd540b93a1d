package io.chipwatch.nlp;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.dictionary.CoreDictionary;

import com.hankcs.hanlp.seg.common.Term;
import io.chipwatch.model.Mention;
import io.chipwatch.model.Sentence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * People and organisations the gazetteer does not know, from HanLP's recognisers. HanLP
 * proposes many fragments (公司会, 如有, 时说), so a person is kept only when the name starts
 * with a family name and the sentence marks it as a person: a title beside it (院长, 教授, CEO)
 * or a verb of saying after it (表示, 认为). An organisation is kept only when it ends with a
 * word organisations end with (公司, 研究院, 协会...). Transliterated names (布莱恩·科莱洛) and
 * Latin names before a verb of saying (Handel Jones 表示) are found by their shape.
 */
final class NameRecognizer {

    private static final Pattern HAN_NAME = Pattern.compile("\\p{IsHan}{2,4}");
    private static final Pattern TRANSLITERATED = Pattern.compile("\\p{IsHan}{1,5}[·•・]\\p{IsHan}{1,6}");
    private static final Pattern LATIN_SPEAKER = Pattern.compile(
            "(?<![A-Za-z])([A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15}){1,2})\\s*(?=表示|说|認為|认为|指出|称|稱|强调|強調|透露|介绍|介紹)");
    private static final Set<String> SPEECH = Set.of("表示", "说", "說", "认为", "認為", "指出", "称", "稱", "强调", "強調",
            "透露", "介绍", "介紹", "坦言", "告诉", "告訴", "直言", "呼吁", "呼籲", "提到", "预计", "預計", "曾表示", "说道");
    private static final Set<String> TITLES = Set.of("CEO", "CTO", "CFO", "COO", "首席执行官", "首席執行官", "创始人", "創始人",
            "董事长", "董事長", "总裁", "總裁", "总经理", "總經理", "院长", "院長", "教授", "院士", "分析师", "分析師", "理事长",
            "理事長", "副总裁", "副總裁", "主席", "总监", "總監", "经理", "經理", "研究员", "研究員", "负责人", "負責人", "所长",
            "所長", "部长", "部長", "发言人", "發言人", "合伙人", "合夥人", "博士", "轮值董事长", "副董事长", "首席科学家",
            "董事", "主任", "秘书长", "秘書長", "处长", "處長", "局长", "局長", "厂长", "廠長", "社长", "社長", "会长", "會長",
            "执行官", "執行官", "总工程师", "總工程師", "工程师", "工程師", "创办人", "創辦人", "先生", "女士", "议员", "議員",
            "总统", "總統", "大使", "官员", "官員", "专家", "專家", "学者", "學者", "记者", "記者", "主编", "主編");
    private static final Pattern ORG_SUFFIX = Pattern.compile(
            "(?:公司|集团|集團|科技|研究院|研究所|大学|大學|学院|學院|协会|協會|分会|分會|实验室|實驗室|委员会|委員會|银行|銀行|证券|證券|基金|资本|資本|联盟|聯盟|中心|半导体|半導體|电子|電子|微电子|微電子|智能)$");
    private static final Pattern ORG_BAD_START = Pattern.compile("^(?:公司|如|该|該|此|这|這|其|各|本|我|你|他|她|某|多|另|同|旗下|国内|國內|全球|互联网|互聯網|云|雲|芯片|晶片|半导体|半導體|上市|国产|國產|大型|头部|頭部|龙头|龍頭|相关|相關|初创|初創|新兴|新興|科技|设计|設計)");

    private final ChineseSegmenter segmenter;
    private final Set<String> surnames;

    NameRecognizer(ChineseSegmenter segmenter, Set<String> surnames) {
        this.segmenter = segmenter;
        this.surnames = surnames;
    }

    /** Names in the sentence that no known mention covers, with body offsets. */
    List<Mention> recognize(Sentence sentence, List<Mention> known) {
        List<Mention> found = new ArrayList<>();
        String text = sentence.text();
        if (text.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            return found;
        }
        // A person is only kept beside a title or a verb of saying, so sentences with neither
        // need no segmentation, which is most of the cost of the whole analysis.
        List<Term> terms = mayNameAPerson(text) ? segment(text) : List.of();
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            String nature = t.nature.toString();
            int start = sentence.start() + t.offset;
            int end = start + t.word.length();
            if (isCovered(known, start, end) || isCovered(found, start, end)) {
                continue;
            }
            if (nature.startsWith("nr") && isPerson(t.word, terms, i)) {
                found.add(new Mention("PERSON", t.word, t.word, start, end));
            } else if (nature.startsWith("nt") && isOrganization(t.word)) {
                found.add(new Mention("ORG", t.word, t.word, start, end));
            }
        }
        if (text.indexOf('·') >= 0 || text.indexOf('•') >= 0 || text.indexOf('・') >= 0) {
            addByShape(sentence, TRANSLITERATED.matcher(text), 0, known, found);
        }
        addByShape(sentence, LATIN_SPEAKER.matcher(text), 1, known, found);
        addTitled(sentence, known, found);
        return found;
    }

    /**
     * HanLP's name recognisers learnt from Simplified text and miss most names in Traditional
     * (張衛, 陳佳嵐): a Traditional sentence is segmented in its Simplified form, and the words
     * are given back as written.
     */
    private List<Term> segment(String text) {
        String simplified = HanLP.convertToSimplifiedChinese(text);
        if (simplified.equals(text) || simplified.length() != text.length()) {
            return segmenter.segment(text);
        }
        List<Term> terms = new ArrayList<>();
        for (Term t : segmenter.segment(simplified)) {
            Term written = new Term(text.substring(t.offset, t.offset + t.word.length()), t.nature);
            written.offset = t.offset;
            terms.add(written);
        }
        return terms;
    }

    private void addByShape(Sentence sentence, Matcher m, int group, List<Mention> known, List<Mention> found) {
        while (m.find()) {
            int from = m.start(group);
            int dot = firstDot(sentence.text(), m.start(group));
            // the pattern may take the end of a title as a given name: 分析师布莱恩·科莱洛, 部長雷內特•克萊弗
            for (int i = m.end(group) - 1; i > m.start(group); i--) {
                if (TITLE_END.indexOf(sentence.text().charAt(i - 1)) >= 0 && i <= dot) {
                    from = i;
                    break;
                }
            }
            if (m.end(group) - from < 3) {
                continue;
            }
            int to = m.end(group);
            for (String verb : SPEECH) {
                if (sentence.text().startsWith(verb, to - verb.length()) && to - verb.length() > from + 2) {
                    to -= verb.length();
                    break;
                }
            }
            String name = sentence.text().substring(from, to);
            int start = sentence.start() + from;
            int end = sentence.start() + to;
            // the segmenter may have taken one part of the whole name (雷內特 of 雷內特•克萊弗)
            found.removeIf(f -> f.start() >= start && f.end() <= end && "PERSON".equals(f.type()));
            if (!isCovered(known, start, end) && !isCovered(found, start, end)) {
                found.add(new Mention("PERSON", name, name, start, end));
            }
        }
    }

    /** Titles that stand right before a name (发言人束珏婷, 首相岸田文雄) besides those of {@link #TITLES}. */
    private static final Set<String> TITLES_BEFORE = Set.of("首相", "大臣", "书记", "書記", "市长", "市長", "区长", "區長",
            "省长", "省長", "州长", "州長", "总理", "總理", "议长", "議長", "部长", "部長");
    /** What may follow a name after a title: a mark, a digit, or a verb or word that cannot end a name. */
    private static final Pattern AFTER_TITLED = Pattern.compile(
            "^(?:$|[\\s\\d，,。、；;：:（()）「」“”]|表示|表明|称|稱|说|說|指出|认为|認為|强调|強調|透露|坦言|曾|也|会后|會後|透过|透過|通过|通過|在|于|於|和|与|與|等|一行|今天|日前|近日)");

    /**
     * A name right after a title (发言人束珏婷6日, 院长张卫一行, 分析师郭明錤曾表示): a family name
     * and one or two more characters, ended by a mark or a word no name ends with. A dictionary
     * word there (许诺, 表示) is not taken for a name.
     */
    private void addTitled(Sentence sentence, List<Mention> known, List<Mention> found) {
        String text = sentence.text();
        for (int i = 1; i < text.length() - 1; i++) {
            if (!surnames.contains(text.substring(i, i + 1)) || !titleEndsAt(text, i)) {
                continue;
            }
            for (int len = 3; len >= 2; len--) {
                int end = i + len;
                if (end > text.length() || !HAN_NAME.matcher(text.substring(i, end)).matches()
                        || !AFTER_TITLED.matcher(text.substring(end, Math.min(text.length(), end + 2))).find()) {
                    continue;
                }
                String name = text.substring(i, end);
                String simplified = HanLP.convertToSimplifiedChinese(name);
                if (CoreDictionary.contains(name) || CoreDictionary.contains(simplified) || SPEECH.contains(name)) {
                    break;
                }
                int start = sentence.start() + i;
                int stop = sentence.start() + end;
                // the segmenter may have cut the given name short (钟立 of 钟立岚)
                found.removeIf(f -> f.start() >= start && f.end() <= stop && "PERSON".equals(f.type()));
                if (!isCovered(known, start, stop) && !isCovered(found, start, stop)) {
                    found.add(new Mention("PERSON", name, name, start, sentence.start() + end));
                }
                break;
            }
        }
    }

    private static boolean titleEndsAt(String text, int i) {
        for (int len = 2; len <= 5 && len <= i; len++) {
            String w = text.substring(i - len, i);
            if (TITLES.contains(w) || TITLES_BEFORE.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Where the first name-joining dot (·, • or ・) at or after {@code from} is, or -1. */
    private static int firstDot(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if ("·•・".indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static final String TITLE_END = "师長长员員者家官人总總裁";

    private static boolean mayNameAPerson(String text) {
        for (String w : SPEECH) {
            if (text.contains(w)) {
                return true;
            }
        }
        for (String w : TITLES) {
            if (text.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private boolean isPerson(String word, List<Term> terms, int i) {
        if (!HAN_NAME.matcher(word).matches()) {
            return false;
        }
        boolean surname = surnames.contains(word.substring(0, 1)) || word.length() >= 3 && surnames.contains(word.substring(0, 2));
        if (!surname) {
            return false;
        }
        String next = i + 1 < terms.size() ? terms.get(i + 1).word : "";
        String prev = i > 0 ? terms.get(i - 1).word : "";
        boolean titled = isTitle(terms, i - 1) || isTitle(terms, i + 1);
        return titled || SPEECH.contains(next) || (next.equals("曾") || next.equals("也")) && i + 2 < terms.size()
                && SPEECH.contains(terms.get(i + 2).word) || prev.equals("CEO");
    }

    private static boolean isTitle(List<Term> terms, int i) {
        if (i < 0 || i >= terms.size()) {
            return false;
        }
        Term t = terms.get(i);
        return TITLES.contains(t.word) || t.nature.toString().startsWith("nnt");
    }

    private static boolean isOrganization(String word) {
        return word.length() >= 4 && ORG_SUFFIX.matcher(word).find() && !ORG_BAD_START.matcher(word).find();
    }

    private static boolean isCovered(List<Mention> mentions, int start, int end) {
        for (Mention m : mentions) {
            if (m.start() < end && m.end() > start) {
                return true;
            }
        }
        return false;
    }

    /** The family names of {@code chipwatch/surnames.txt}; read once per analyzer and shared by the finders that need them. */
    static Set<String> loadSurnames() {
        Set<String> names = new HashSet<>();
        try (InputStream in = NameRecognizer.class.getClassLoader().getResourceAsStream("chipwatch/surnames.txt")) {
            if (in == null) {
                throw new IllegalStateException("classpath resource chipwatch/surnames.txt is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.startsWith("#")) {
                    for (String n : line.trim().split("\\s+")) {
                        if (!n.isEmpty()) {
                            names.add(n);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read chipwatch/surnames.txt", e);
        }
        return Set.copyOf(names);
    }
}
