#!/usr/bin/env bash
# Scores article extraction on a folder of pages against gold files named <stem>.json
# (the format of ../shared/eval/score_extract.py).
# usage: scripts/eval-extract.sh PAGES_DIR GOLD_DIR [--per-doc]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pages="$1"; gold="$2"; shift 2
pred="$(mktemp)"
trap 'rm -f "$pred"' EXIT
mapfile -t files < <(ls "$pages"/*.htm* | sort)
"$here/chipwatch" extract --format json "${files[@]}" 2>/dev/null \
  | python3 -c '
import json, os, sys
for line in sys.stdin:
    r = json.loads(line)
    r["id"] = os.path.splitext(os.path.basename(r["input"]))[0]
    print(json.dumps(r, ensure_ascii=False))
' >"$pred" || true
python3 "$here/../shared/eval/score_extract.py" "$gold" "$pred" "$@"
