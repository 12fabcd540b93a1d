/** Scoring of evaluation records against gold files, computing what the python scorers in shared/eval compute. */
package io.chipwatch.eval;
