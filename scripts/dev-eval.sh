#!/usr/bin/env bash
# Scores the NLP stage on the development corpus: the tune split, then the check split.
# Usage: scripts/dev-eval.sh [extra chipwatch eval options, e.g. -v or --min figure_f1=0.8]
# The texts live in eval/dev/texts/{tune,check}/ID.txt (git-ignored; eval/dev/README.md says how
# to rebuild them); each must match the sha-1 that eval/dev/manifest.tsv records for its id.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
texts=eval/dev/texts
status=0
while IFS=$'\t' read -r id split _ _ _ sha _; do
  [ "$id" = "id" ] && continue
  f="$texts/$split/$id.txt"
  if [ ! -f "$f" ]; then
    echo "missing text: $f" >&2; status=2
  elif [ "$(sha1sum "$f" | cut -d' ' -f1)" != "$sha" ]; then
    echo "text differs from the one annotated: $f" >&2; status=2
  fi
done < eval/dev/manifest.tsv
[ "$status" -eq 0 ] || { echo "rebuild the texts first (eval/dev/README.md)" >&2; exit "$status"; }
for split in tune check; do
  echo "== $split"
  ./chipwatch eval "eval/dev/$split" --inputs "$texts/$split" "$@"
done
