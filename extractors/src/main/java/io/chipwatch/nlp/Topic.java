package io.chipwatch.nlp;

/**
 * Who the article is talking about at this point of the reading: the last sentence's subject,
 * which a following sentence without a name of its own continues (现在只有50%).
 */
final class Topic {

    private String subject;

    String subject() {
        return subject;
    }

    void set(String subject) {
        if (subject != null) {
            this.subject = subject;
        }
    }
}
