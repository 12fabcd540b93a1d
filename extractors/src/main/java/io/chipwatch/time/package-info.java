/** Dates and times as Chinese news writes them, resolved to {@link java.time.OffsetDateTime}. */
package io.chipwatch.time;
