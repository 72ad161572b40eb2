#!/usr/bin/env bash
# Competence heatmap benchmark (issue 3, "Benchmark"): the national demo (340 municipalities, ~205,000
# people) in SQLite, plus one selection round in its largest municipality with self, manager and external
# scores on 15 competencies x 3 indicators for everyone; then the organisation heatmap and the largest
# unit's team heatmap through the product's handlers, side by side with a single SQL GROUP BY over the same
# ratings, in one run (bench/competence/heatmap_bench.cpp).
#
# Usage: bench/competence/run.sh [--runs N] [--db URL]
#   --runs N   timed runs of each side (default 7)
#   --db URL   use this database instead of a fresh SQLite file (e.g. postgresql://… of scripts/with-postgres)
# Environment: KWM_BUILD (default build), KWM_BENCH_DIR (default bench/out/competence).
# Builds nothing: build first (make build, or ninja -C build kwartiermaker competence_heatmap_bench).
# A database that already holds the round is reused, so repeated runs skip the load.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
build="${KWM_BUILD:-build}"
work="${KWM_BENCH_DIR:-bench/out/competence}"
bin="$build/kwartiermaker"
bench="$build/bench/competence/competence_heatmap_bench"
runs=7
url=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --db) url="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N] [--db URL]" >&2; exit 64 ;;
  esac
done
for program in "$bin" "$bench"; do
  [ -x "$program" ] || { echo "bench: $program is missing (build it first, or set KWM_BUILD)" >&2; exit 1; }
done
mkdir -p "$work"
[ -n "$url" ] || url="sqlite:$work/national.db"
round=selectie-demo

seconds_since() { awk -v start="$1" -v now="$(date +%s%N)" 'BEGIN { printf "%.1f", (now - start) / 1e9 }'; }

# The largest municipality by people: the demo prints one line per municipality with its head count.
if ! "$bin" municipality list --db "$url" >/dev/null 2>&1 || [ -z "$("$bin" municipality list --db "$url" 2>/dev/null)" ]; then
  start=$(date +%s%N)
  # A fixed seed and reference date, so every machine loads the same organisation.
  "$bin" demo --size national --seed 1 --reference-date 2026-06-01 --db "$url" >"$work/demo.log"
  echo "national demo loaded in $(seconds_since "$start") s ($(grep -c ' personen$' "$work/demo.log") municipalities)"
fi
largest=$(grep -E '^GM[0-9]{4} ' "$work/demo.log" | awk '{ print $(NF-1), $1 }' | sort -n | tail -n 1 | cut -d' ' -f2)
[ -n "$largest" ] || { echo "bench: cannot tell the largest municipality from $work/demo.log" >&2; exit 1; }

if ! "$bench" --db "$url" --municipality "$largest" --round "$round" --runs 0 >/dev/null 2>&1; then
  start=$(date +%s%N)
  "$bin" assessment-demo --db "$url" --municipality "$largest" --round "$round" --seed 1
  echo "selection round loaded in $(seconds_since "$start") s"
fi
if [[ "$url" == sqlite:* ]]; then
  db_file="${url#sqlite:}"
  echo "database: $(du -m "$db_file" | cut -f1) MB"
fi
echo
"$bench" --db "$url" --municipality "$largest" --round "$round" --runs "$runs"
