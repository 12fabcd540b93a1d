#!/usr/bin/env bash
# Scores the Simplified texts of a dev split as written, converted to Traditional script (Taiwan
# forms) and with full-width Latin letters, digits and marks, against the same gold; the issue
# asks that the variants score within 0.05 of the original on every measure.
# Usage: [KEEP=DIR] scripts/script-gap.sh [tune|check]   (default tune; the texts must be in eval/dev/texts)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
split="${1:-tune}"
jar=pipeline/target/chipwatch.jar
./chipwatch --version >/dev/null
# KEEP=DIR keeps the converted texts and gold there (to look at misses with chipwatch eval -v)
work="${KEEP:-$(mktemp -d)}"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
for v in simplified traditional fullwidth; do mkdir -p "$work/$v" "$work/gold"; done
while IFS=$'\t' read -r id s _ _ script _; do
  [ "$s" = "$split" ] && [ "$script" = "simplified" ] || continue
  cp "eval/dev/$split/$id.gold.json" "$work/gold/"
  cp "eval/dev/texts/$split/$id.txt" "$work/simplified/"
done < eval/dev/manifest.tsv
for v in traditional fullwidth; do
  java -cp "$jar" scripts/ScriptVariants.java "$v" "$work/$v" "$work"/simplified/*.txt
done
for v in simplified traditional fullwidth; do
  echo "== $split $v"
  ./chipwatch eval "$work/gold" --inputs "$work/$v" | tail -1 | tee "$work/$v.score"
done
# the gap per measure: variant minus simplified
python3 - "$work" <<'PY'
import sys
w = sys.argv[1]
read = lambda v: dict(kv.split("=") for kv in open(f"{w}/{v}.score").read().split())
base = read("simplified")
for v in ("traditional", "fullwidth"):
    other = read(v)
    print(f"gap {v}: " + " ".join(f"{k}={float(other[k]) - float(base[k]):+.3f}" for k in base))
PY
