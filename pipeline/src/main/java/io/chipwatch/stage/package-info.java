/** Pipeline stages, as functions from one record (or one poll's records) to their outputs, and the runner that moves records between them and the bus. */
package io.chipwatch.stage;
