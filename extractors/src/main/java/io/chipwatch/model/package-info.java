/** Immutable records passed between extractors and pipeline stages. */
package io.chipwatch.model;
