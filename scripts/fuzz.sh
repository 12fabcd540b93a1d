#!/usr/bin/env bash
# Long fuzz run of the extractors: scripts/fuzz.sh MINUTES [FIRST_SEED]
# Feeds hostile inputs made from real pages to the HTML and plain-text extractors (with the NLP
# analysis), the quantity finder and the period resolver under -Xmx512m until MINUTES are up, then
# prints inputs, crashes, hangs, lost records, the slowest input and the peak heap. Crashing inputs
# are saved with their seed under extractors/target/fuzz. Exit code 1 when anything crashed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
minutes="${1:?usage: scripts/fuzz.sh MINUTES [FIRST_SEED]}"
cd "$here"
mvn -B -q -pl extractors -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz.classpath >/dev/null
cd extractors
exec java -Xmx512m ${FUZZ_JAVA_OPTS:-} -Dfile.encoding=UTF-8 \
    -cp "target/test-classes:target/classes:$(cat target/fuzz.classpath)" \
    io.chipwatch.fuzz.FuzzRun "$minutes" target/fuzz ${2:-}
