/** Text to facts: the domain gazetteer now; entities, figures and events as the NLP issue lands. */
package io.chipwatch.nlp;
