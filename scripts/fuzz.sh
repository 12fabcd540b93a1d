#!/usr/bin/env bash
# Long fuzz run of the extractors: scripts/fuzz.sh MINUTES [FIRST_SEED] [JOBS]
# Feeds hostile inputs made from real pages to the HTML and plain-text extractors (with the NLP
# analysis), the quantity finder and the period resolver until MINUTES are up, then prints
# inputs, crashes, hangs, lost records, the slowest input and the peak heap. JOBS (default 1)
# JVMs run side by side on disjoint seeds, each under -Xmx512m and each input on one thread, so
# per-input CPU time and each JVM's heap are measured as in a single run; the figures of all
# are summed at the end ("all jobs"). Crashing inputs are saved with their seed under
# extractors/target/fuzz. Exit code 1 when anything crashed or hung.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
minutes="${1:?usage: scripts/fuzz.sh MINUTES [FIRST_SEED] [JOBS]}"
first="${2:-$(date +%s)000}"
jobs="${3:-1}"
cd "$here"
mvn -B -q -pl extractors -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/fuzz.classpath >/dev/null
cd extractors
mkdir -p target/fuzz
classpath="target/test-classes:target/classes:$(cat target/fuzz.classpath)"
pids=()
for ((k = 0; k < jobs; k++)); do
    java -Xmx512m ${FUZZ_JAVA_OPTS:-} -Dfile.encoding=UTF-8 -cp "$classpath" \
        io.chipwatch.fuzz.FuzzRun "$minutes" target/fuzz "$((first + k))" "$jobs" 2>&1 \
        | tee "target/fuzz/job-$k.log" | sed -u "s/^/[job $k] /" &
    pids+=($!)
done
status=0
for pid in "${pids[@]}"; do
    wait "$pid" || status=1
done
# Sum the jobs' "totals" lines: counts add up, the heap and the slowest input are the largest.
awk '/^totals / {
        for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == "slowest") break; v[kv[1]] = kv[2] }
        slowest = substr($0, index($0, "slowest=") + 8)
        for (key in v) if (key != "heapMB" && key != "slowestCpuMs" && key != "seconds") sum[key] += v[key]
        if (v["heapMB"] > heap) heap = v["heapMB"]
        if (v["seconds"] > secs) secs = v["seconds"]
        if (v["slowestCpuMs"] > slow) { slow = v["slowestCpuMs"]; slowName = slowest }
        jobs++
    }
    END {
        if (jobs == 0) { print "no job finished"; exit }
        printf "\nall jobs (%d): %d inputs in %d s, %d records (%d refused), %d lost, %d crashes, %d hangs, %d over 1 s CPU\n",
            jobs, sum["inputs"], secs, sum["records"], sum["refused"], sum["lost"], sum["crashes"], sum["hangs"], sum["over1s"]
        printf "slowest %.3f s CPU: %s\npeak heap of one JVM %d MB (each -Xmx512m)\n", slow / 1000, slowName, heap
    }' target/fuzz/job-*.log
exit "$status"
