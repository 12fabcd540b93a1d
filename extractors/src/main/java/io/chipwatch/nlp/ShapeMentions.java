package io.chipwatch.nlp;

import io.chipwatch.model.Mention;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names no dictionary holds, found by the shape news gives them: the reporters of a byline
 * (記者林茂仁台北10日電, 记者 王晶／北京报道), a place's government (日本政府, 纽约州政府,
 * 深圳市坪山区人民政府) and companies under their registered name (合肥长鑫集成电路有限责任公司).
 * Each of these shapes says what the name is, so no context is needed to trust it.
 */
final class ShapeMentions {

    private static final Pattern REPORTER_TITLE = Pattern.compile(
            "(?:记者|記者|编辑|編輯|责编|責編|撰文|编译|編譯|采访人员|採訪人員|通讯员|通訊員|实习生|實習生|译者|譯者|核稿|校对|校對)[\\s:：/／|｜]*");
    /** What follows a byline name: a place, the dateline or the end of the byline. */
    private static final Pattern AFTER_NAME = Pattern.compile("^(?:[\\s/／|｜、,，)）\\]】]|报道|報導|报导|報道|摄|攝|电|電|发自|發自|讯|訊|综合|綜合|$)");
    private static final Pattern GOVERNMENT = Pattern.compile("(?:人民)?政府");
    /** What may follow a known place inside a government's name: its own suffix, then smaller divisions. */
    private static final Pattern DIVISIONS = Pattern.compile(
            "(?:省|市|州|县|縣|区|區|特别行政区|特別行政區)?(?:\\p{IsHan}{1,3}?(?:省|市|州|县|縣|区|區))*");
    private static final Pattern REGISTERED = Pattern.compile(
            "(?:股份有限公司|有限责任公司|有限責任公司|有限公司|合伙企业[（(]有限合伙[）)]|合夥企業[（(]有限合夥[）)])");
    /** Words and marks a registered name cannot run across when reading it backwards. */
    private static final Pattern NAME_BREAK = Pattern.compile(
            "[\\s，,。、；;：:“”\"‘’《》（()）的与與和及向由在于於为為是对對从從把被将將等据據称稱]|表示|宣布|公告|持有|旗下|子公司|股东|股東|出资|出資|设立|設立|成立");

    private final Gazetteer gazetteer;
    private final Set<String> surnames;

    ShapeMentions(Gazetteer gazetteer, Set<String> surnames) {
        this.gazetteer = gazetteer;
        this.surnames = surnames;
    }

    /** The shaped names in the body, in text order; they may overlap the dictionary's mentions. */
    List<Mention> find(String body) {
        List<Mention> out = new ArrayList<>();
        reporters(body, out);
        governments(body, out);
        registeredCompanies(body, out);
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private void reporters(String body, List<Mention> out) {
        Matcher m = REPORTER_TITLE.matcher(body);
        while (m.find()) {
            int at = m.end();
            // 記者李孟珊、陳瑩欣／台北報導: one title, several names
            for (int names = 0; names < 4; names++) {
                int end = personEnd(body, at);
                if (end < 0) {
                    break;
                }
                String name = body.substring(at, end);
                out.add(new Mention("PERSON", name, name, at, end));
                if (end < body.length() && (body.charAt(end) == '、' || body.charAt(end) == ' ' && end + 1 < body.length()
                        && isHan(body.charAt(end + 1)) && personEnd(body, end + 1) > 0 && startsName(body, end + 1))) {
                    at = end + 1;
                } else {
                    break;
                }
            }
        }
    }

    private boolean startsName(String body, int at) {
        return surnames.contains(body.substring(at, at + 1));
    }

    /** The end of a two- or three-character name starting at {@code at} with a family name, or -1. */
    private int personEnd(String body, int at) {
        if (at + 2 > body.length() || !isHan(body.charAt(at)) || !isHan(body.charAt(at + 1))) {
            return -1;
        }
        boolean surname = surnames.contains(body.substring(at, at + 1))
                || at + 3 <= body.length() && surnames.contains(body.substring(at, at + 2));
        if (!surname) {
            return -1;
        }
        // 王晶 北京报道 or 张三北京报道: two characters when what follows ends the name
        if (AFTER_NAME.matcher(body.substring(at + 2, Math.min(body.length(), at + 4))).find() || startsPlace(body, at + 2)) {
            return at + 2;
        }
        if (at + 3 <= body.length() && isHan(body.charAt(at + 2))
                && (AFTER_NAME.matcher(body.substring(at + 3, Math.min(body.length(), at + 5))).find() || startsPlace(body, at + 3)
                || at + 3 < body.length() && Character.isDigit(body.charAt(at + 3)))) {
            return at + 3;
        }
        return -1;
    }

    private boolean startsPlace(String body, int at) {
        for (int len = 2; len <= 4 && at + len <= body.length(); len++) {
            if (gazetteer.lookup(body.substring(at, at + len)).stream().anyMatch(e -> "PLACE".equals(e.type()))) {
                return true;
            }
        }
        return false;
    }

    private void governments(String body, List<Mention> out) {
        Matcher m = GOVERNMENT.matcher(body);
        while (m.find()) {
            int start = placeBefore(body, m.start());
            if (start >= 0) {
                String name = body.substring(start, m.end());
                out.add(new Mention("ORG", name, name, start, m.end()));
            }
        }
    }

    /** Where the place named just before {@code end} starts (美国, 纽约州, 深圳市坪山区), or -1. */
    private int placeBefore(String body, int end) {
        int best = -1;
        for (int start = Math.max(0, end - 10); start < end - 1; start++) {
            String words = body.substring(start, end);
            if (!words.codePoints().allMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                continue;
            }
            if (isPlaceChain(words)) {
                best = start;
                break;
            }
        }
        return best;
    }

    /** A known place, possibly followed by smaller divisions of it (深圳市坪山区 → 深圳 + 坪山). */
    private boolean isPlaceChain(String s) {
        for (int len = Math.min(s.length(), 6); len >= 2; len--) {
            if (gazetteer.lookup(s.substring(0, len)).stream().anyMatch(e -> "PLACE".equals(e.type()))) {
                return DIVISIONS.matcher(s.substring(len)).matches();
            }
        }
        return false;
    }

    private void registeredCompanies(String body, List<Mention> out) {
        Matcher m = REGISTERED.matcher(body);
        int floor = 0;
        while (m.find()) {
            int start = m.start();
            int limit = Math.max(floor, m.start() - 24);
            while (start > limit && !breaksAt(body, start - 1)) {
                start--;
            }
            floor = m.end();
            if (m.start() - start >= 2) {
                String name = body.substring(start, m.end());
                out.add(new Mention("ORG", name, name, start, m.end()));
            }
        }
    }

    private static boolean breaksAt(String body, int i) {
        char c = body.charAt(i);
        if (!isHan(c) && !Character.isLetterOrDigit(c)) {
            return true;
        }
        String around = body.substring(Math.max(0, i - 1), Math.min(body.length(), i + 1));
        Matcher m = NAME_BREAK.matcher(around);
        while (m.find()) {
            if (m.end() == around.length()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
