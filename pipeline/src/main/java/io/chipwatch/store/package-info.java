/** The search index port ({@link io.chipwatch.store.SearchStore}), its documents, and the embedded Lucene adapter. */
package io.chipwatch.store;
