#!/usr/bin/env bash
# CSV import benchmark: `kwartiermaker import people` of the national demo's people file (all 340 demo
# municipalities folded into one tenant, ~205,000 rows) into SQLite, side by side with the sqlite3 shell's
# `.import` of the same file into a bare table: the floor, a plain bulk insert with no parsing beyond CSV,
# no validation, no keys, no audit. Each run starts from an empty database and runs both, who goes first
# alternating; the best run of each counts. CPU seconds (user + system) are shown beside the wall clock.
#
# Usage: bench/org/import.sh [--runs N]     (default 3)
# Environment: KWM_BIN (default build/kwartiermaker), KWM_BENCH_DIR (default bench/out/import).
# Builds nothing: build the binary first (make build). Results: docs/benchmarks.md, "CSV import".
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
bin="${KWM_BIN:-build/kwartiermaker}"
work="${KWM_BENCH_DIR:-bench/out/import}"
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    *) echo "usage: $0 [--runs N]" >&2; exit 64 ;;
  esac
done
[ -x "$bin" ] || { echo "bench: no kwartiermaker at $bin (set KWM_BIN or run make build)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "bench: the sqlite3 shell is needed (apt-get install sqlite3)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }

# A fixed seed and reference date, so every machine imports the same bytes.
csv_dir="$work/csv"
if [ ! -f "$csv_dir/merged/people.csv" ]; then
  rm -rf "$csv_dir"
  "$bin" demo --size national --seed 1 --reference-date 2026-06-01 --write-csv "$csv_dir" >/dev/null
fi
merged="$csv_dir/merged"
people="$merged/people.csv"
rows=$(( $(wc -l <"$people") - 1 ))
IFS=, read -r code name inhabitants _region < <(tail -n 1 "$merged/municipality.csv" | tr -d '\r')

now_ns() { date +%s%N; }
rate() { awk -v rows="$1" -v ns="$2" 'BEGIN { printf "%.0f", rows / (ns / 1e9) }'; }
seconds() { awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'; }
cpu() { awk '{ printf "%.2f", $1 + $2 }' "$1"; }

import_kwm() {  # a fresh database with the units and function levels, then the timed people import
  db="$work/kwm.db"
  rm -f "$db" "$db-wal" "$db-shm"
  url="sqlite:$db"
  "$bin" migrate --db "$url" >/dev/null
  "$bin" municipality add --code "$code" --name "$name" --inhabitants "$inhabitants" --db "$url" >/dev/null
  # The people refer to units and function levels, which must be there first; only people is timed.
  "$bin" import units "$merged/units.csv" --municipality "$code" --db "$url" >/dev/null
  "$bin" import functions "$merged/functions.csv" --municipality "$code" --db "$url" >/dev/null
  start=$(now_ns)
  /usr/bin/time -f '%U %S' -o "$work/kwm.cpu" "$bin" import people "$people" --municipality "$code" --db "$url" >/dev/null
  kwm_ns=$(( $(now_ns) - start ))
  stored=$(sqlite3 "$db" "SELECT COUNT(*) FROM people")
  [ "$stored" -eq "$rows" ] || { echo "bench: kwartiermaker stored $stored of $rows people" >&2; exit 1; }
}

import_floor() {
  floor_db="$work/floor.db"
  rm -f "$floor_db"
  start=$(now_ns)
  /usr/bin/time -f '%U %S' -o "$work/floor.cpu" sqlite3 "$floor_db" ".mode csv" ".import '$people' people"
  floor_ns=$(( $(now_ns) - start ))
  stored=$(sqlite3 "$floor_db" "SELECT COUNT(*) FROM people")
  [ "$stored" -eq "$rows" ] || { echo "bench: sqlite3 .import stored $stored of $rows rows" >&2; exit 1; }
}

best_kwm=0
best_floor=0
for run in $(seq 1 "$runs"); do
  mkdir -p "$work"
  # Who goes first alternates, so that neither always meets the other's write-back on the disk.
  if [ $((run % 2)) -eq 1 ]; then import_kwm; import_floor; else import_floor; import_kwm; fi

  # Wall clock is what counts; CPU seconds (user + system) show how much of it is waiting for the disk.
  echo "run $run: kwartiermaker $(seconds "$kwm_ns") s ($(rate "$rows" "$kwm_ns") rows/s, $(cpu "$work/kwm.cpu") s CPU)," \
    "sqlite3 .import $(seconds "$floor_ns") s ($(rate "$rows" "$floor_ns") rows/s, $(cpu "$work/floor.cpu") s CPU)," \
    "database $(du -h "$db" | cut -f1) vs $(du -h "$floor_db" | cut -f1)"
  if [ "$best_kwm" -eq 0 ] || [ "$kwm_ns" -lt "$best_kwm" ]; then best_kwm=$kwm_ns; best_kwm_cpu=$(cpu "$work/kwm.cpu"); fi
  if [ "$best_floor" -eq 0 ] || [ "$floor_ns" -lt "$best_floor" ]; then best_floor=$floor_ns; best_floor_cpu=$(cpu "$work/floor.cpu"); fi
done

kwm_rate=$(rate "$rows" "$best_kwm")
floor_rate=$(rate "$rows" "$best_floor")
ratio=$(awk -v a="$kwm_rate" -v b="$floor_rate" 'BEGIN { printf "%.3f", a / b }')
echo
echo "people.csv: $rows rows, $(du -h "$people" | cut -f1), best of $runs runs"
echo "| importer | seconds | rows/s | CPU seconds |"
echo "|---|---:|---:|---:|"
echo "| kwartiermaker import people (SQLite) | $(seconds "$best_kwm") | $kwm_rate | $best_kwm_cpu |"
echo "| sqlite3 .import into a bare table (floor) | $(seconds "$best_floor") | $floor_rate | $best_floor_cpu |"
echo "ratio kwartiermaker / floor: $ratio (CPU: $(awk -v a="$best_kwm_cpu" -v b="$best_floor_cpu" 'BEGIN { printf "%.3f", b / a }'))"
