package io.chipwatch.nlp;

/**
 * What a dictionary key stands for.
 *
 * @param entry     the gazetteer entry named
 * @param ambiguous whether the alias also has an ordinary meaning and needs corroboration
 * @param caseExact whether the alias only counts when written in its own case (short
 *                  upper-case abbreviations such as US or IT are English words in lower case)
 */
record AliasTarget(GazetteerEntry entry, boolean ambiguous, boolean caseExact, String alias) {
}
