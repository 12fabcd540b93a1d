/** Pipeline stages, as functions from one record to its outputs, and the runner that moves records between them and the bus. */
package io.chipwatch.stage;
