#!/usr/bin/env bash
# Recall and label precision of the sequential checks on the hand-labelled
# spots: each INDEPENDENT label (labels.txt, written before any run) is
# detected when a warning of its kind sits on its line (seq: async-sequential-
# await or async-await-late; loop: async-await-in-loop); an ORDERED label with
# such a warning is a false positive on the labels.
#
# Usage: test/real-code/corpus/recall.sh [FINDINGS] [LABELS]
#   FINDINGS  run.sh's output (default: the newest findings-*.txt here)
#   LABELS    default: labels.txt here
# Prints every INDEPENDENT label as "found" or "missed", every ORDERED label
# that got a warning, then the totals. Exit status 0; 2 on a missing file.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
findings=${1:-$(ls -t "$here"/findings-*.txt | head -1)}
labels=${2:-$here/labels.txt}
for f in "$findings" "$labels"; do
  [[ -f $f ]] || { echo "recall.sh: no file $f" >&2; exit 2; }
done
echo "# findings: $findings"
awk -F'|' '
  function trim(s) { gsub(/^[ \t]+|[ \t]+$/, "", s); return s }
  # findings: path:line:col: warning: message [check]
  FNR == NR {
    if (match($0, /^[^:]+:[0-9]+:[0-9]+: warning: .*\[async-(sequential-await|await-late|await-in-loop)\]$/)) {
      split($0, parts, ":")
      kind = ($0 ~ /\[async-await-in-loop\]$/) ? "loop" : "seq"
      warned[parts[1] ":" parts[2] " " kind] = 1
    }
    next
  }
  /^#/ || NF < 4 { next }
  {
    spot = trim($1); verdict = trim($2); kind = trim($3)
    hit = ((spot " " kind) in warned)
    if (verdict == "INDEPENDENT") {
      total++; found += hit
      printf "%-7s %-4s %s\n", hit ? "found" : "missed", kind, spot
    } else if (hit) {
      ordered_hits++
      printf "%-7s %-4s %s (ORDERED)\n", "FP", kind, spot
    }
  }
  END {
    printf "recall: %d / %d INDEPENDENT labels (%.1f %%); ORDERED labels with a warning: %d\n",
      found, total, total ? 100 * found / total : 0, ordered_hits
  }
' FS=: "$findings" FS='|' "$labels"
