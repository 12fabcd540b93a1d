package io.chipwatch.nlp;

/**
 * Who the article is talking about at this point of the reading: the last sentence's subject,
 * which a following sentence without a name of its own continues (现在只有50%).
 */
final class Topic {

    private final int publishedYear;
    private String subject;
    private String period;
    private String organization;

    /** The company the article last named, for "the company" (公司) in a later sentence. */
    String organization() {
        return organization;
    }

    void setOrganization(String organization) {
        if (organization != null) {
            this.organization = organization;
        }
    }

    private final ArticleFocus.Focus focus;

    Topic(int publishedYear) {
        this(publishedYear, new ArticleFocus.Focus(null, null, null));
    }

    Topic(int publishedYear, ArticleFocus.Focus focus) {
        this.publishedYear = publishedYear;
        this.focus = focus;
    }

    /** The company the whole article keeps naming, or null: who a figure no rule attributes is about. */
    String articleSubject() {
        return focus.subject();
    }

    /** The currency a bare 元 means in this article when not the renminbi (TWD), else null. */
    String yuan() {
        return focus.yuan();
    }

    /** The quarter or half year a results article reports on, or null (第三季财报 in its lead). */
    String reportPeriod() {
        return focus.reportPeriod();
    }

    int publishedYear() {
        return publishedYear;
    }

    /** The time the previous sentence was about, or null. */
    String period() {
        return period;
    }

    void setPeriod(String period) {
        this.period = period;
    }

    private String product;
    private String continuedSubject;

    /**
     * The subject of the previous sentence's last figure when that sentence ended in ；: the
     * clauses of one statement (我国进口总量5492亿片，同比增长14.6%；全年进口总额3850亿美元) share it.
     */
    String continuedSubject() {
        return continuedSubject;
    }

    void setContinuedSubject(String subject) {
        this.continuedSubject = subject;
    }

    /** The product the previous sentence named last, or null: 总算力达到300P after a sentence on CloudMatrix. */
    String product() {
        return product;
    }

    void setProduct(String product) {
        this.product = product;
    }

    private String paragraphSubject;

    /**
     * Who the current paragraph's previous sentence gave figures for (or named first, when it gave
     * none): a sentence of the same paragraph that names nobody goes on about it, as results and
     * market reports do (中芯收入22亿美元，…。期内销售晶圆239万片). Null at a paragraph's start.
     */
    String paragraphSubject() {
        return paragraphSubject;
    }

    void setParagraphSubject(String subject) {
        this.paragraphSubject = subject;
    }

    String subject() {
        return subject;
    }

    void set(String subject) {
        if (subject != null) {
            this.subject = subject;
        }
    }
}
