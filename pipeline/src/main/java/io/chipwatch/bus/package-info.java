/** The bus port between pipeline stages ({@link io.chipwatch.bus.Bus}) and its in-memory adapter. */
package io.chipwatch.bus;
