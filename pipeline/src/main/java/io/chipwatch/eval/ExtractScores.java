package io.chipwatch.eval;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Article-extraction scores in the manner of {@code score_extract.py}: mean body token P/R/F1 over
 * all gold documents, and the share of right publication times, authors and titles over the
 * documents whose gold has one.
 */
public record ExtractScores(int documents, int predicted,
                            double bodyP, double bodyR, double bodyF1,
                            int dateCorrect, int dateN, int authorCorrect, int authorN,
                            int titleCorrect, int titleN) {

    public double dateAcc() {
        return NlpScores.ratio(dateCorrect, dateN);
    }

    public double authorAcc() {
        return NlpScores.ratio(authorCorrect, authorN);
    }

    public double titleAcc() {
        return NlpScores.ratio(titleCorrect, titleN);
    }

    /** The figures {@code --min} can name: body_p, body_r, body_f1, date_acc, author_acc, title_acc. */
    public Map<String, Double> summary() {
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("body_p", bodyP);
        s.put("body_r", bodyR);
        s.put("body_f1", bodyF1);
        s.put("date_acc", dateAcc());
        s.put("author_acc", authorAcc());
        s.put("title_acc", titleAcc());
        return s;
    }

    /** Counts, body P and R and title accuracy: {@code gold=N predicted=M missing=K body_p=… body_r=… title_acc=…}. */
    public String detailLine() {
        return "gold=" + documents + " predicted=" + predicted + " missing=" + (documents - predicted)
                + " body_p=" + Py.format3(bodyP) + " body_r=" + Py.format3(bodyR)
                + " title_acc=" + Py.format3(titleAcc()) + " published=" + dateCorrect + "/" + dateN
                + " author=" + authorCorrect + "/" + authorN + " title=" + titleCorrect + "/" + titleN;
    }

    /** The last line of {@code score_extract.py}: {@code body_f1=… date_acc=… author_acc=… n=N}. */
    public String summaryLine() {
        return "body_f1=" + Py.format3(bodyF1) + " date_acc=" + Py.format3(dateAcc())
                + " author_acc=" + Py.format3(authorAcc()) + " n=" + documents;
    }
}
