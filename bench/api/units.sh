#!/usr/bin/env bash
# Formation roll-up under load: wrk with 64 connections against GET /api/v1/units/{id} (the root unit of
# the `large` demo municipality: its formation rolled up over the whole tree, read with an HR session)
# and, on the same server, GET /api/v1/health (the server's own ceiling). The two alternate in ROUNDS
# rounds (who goes first alternates too), so that load from elsewhere on the machine falls on both; the
# figures are the medians over the rounds. Reports requests/s, p99 latency and the server's CPU time per
# request (user + system, from /proc) of each, and the ratio.
#
# Usage: bench/api/units.sh
# Environment: KWM_BIN (default build/kwartiermaker), KWM_BENCH_DIR (default bench/out/api),
#   ROUNDS (default 3), DURATION (wrk -d per endpoint and round, default 10s), THREADS (wrk -t, default 2),
#   CONNECTIONS (wrk -c, default 64), PORT (default: a free one).
# Builds nothing: build the binary first (make build). Results: docs/benchmarks.md, "Formation roll-up
# under load".
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
bin="${KWM_BIN:-build/kwartiermaker}"
work="${KWM_BENCH_DIR:-bench/out/api}"
rounds="${ROUNDS:-3}"
duration="${DURATION:-10s}"
threads="${THREADS:-2}"
connections="${CONNECTIONS:-64}"
[ -x "$bin" ] || { echo "bench: no kwartiermaker at $bin (set KWM_BIN or run make build)" >&2; exit 1; }
for tool in wrk curl jq; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is needed (apt-get install $tool)" >&2; exit 1; }
done
port="${PORT:-$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
base="http://127.0.0.1:$port/api/v1"

mkdir -p "$work"
db="$work/large.db"
rm -f "$db" "$db-wal" "$db-shm"
url="sqlite:$db"
"$bin" migrate --db "$url" >/dev/null
"$bin" demo --size large --seed 1 --reference-date 2026-06-01 --db "$url" >/dev/null
code=$(sqlite3 "$db" "SELECT code FROM municipalities LIMIT 1")
username="bench.hr"
password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 24)"
printf '%s\n' "$password" | "$bin" user add --municipality "$code" --username "$username" --role hr --password-stdin --db "$url" >/dev/null

server_log="$work/server.log"
"$bin" serve --db "$url" --listen "127.0.0.1:$port" >"$server_log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "bench: the server stopped; see $server_log" >&2; exit 1; }
  sleep 0.1
done

cookies="$work/cookies.txt"
curl -fsS -c "$cookies" -H 'Content-Type: application/json' \
  -d "$(jq -n --arg u "$username" --arg p "$password" '{username: $u, password: $p}')" "$base/session" >/dev/null
token=$(awk '$6 == "kwm_session" { print $7 }' "$cookies")
[ -n "$token" ] || { echo "bench: login gave no session cookie" >&2; exit 1; }
cookie="Cookie: kwm_session=$token"
root_id=$(curl -fsS -H "$cookie" "$base/units/tree" | jq '[.units[] | select(.parent_id == null)][0].id')
[ "$root_id" != "null" ] || { echo "bench: no root unit found" >&2; exit 1; }
# The answer must be the real roll-up, not an error page served fast.
people=$(curl -fsS -H "$cookie" "$base/units/$root_id" | jq '.total.people')
[ "$people" -gt 0 ] || { echo "bench: GET /units/$root_id shows no people" >&2; exit 1; }

clock_ticks=$(getconf CLK_TCK)
server_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }

run_wrk() {  # name, path, round -> "requests/s p99_ms cpu_us_per_request" on stdout, wrk's report in $work/<name>-<round>.txt
  local report="$work/$1-$3.txt" before after
  before=$(server_ticks)
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "$cookie" "$base$2" >"$report"
  after=$(server_ticks)
  if grep -q "Non-2xx" "$report"; then echo "bench: $2 answered errors under load; see $report" >&2; exit 1; fi
  awk -v ticks=$((after - before)) -v hz="$clock_ticks" '
    function ms(text) {  # wrk prints 950.00us, 12.34ms or 1.20s
      if (text ~ /us$/) return substr(text, 1, length(text) - 2) / 1000
      if (text ~ /ms$/) return substr(text, 1, length(text) - 2) + 0
      return substr(text, 1, length(text) - 1) * 1000
    }
    /^Requests\/sec:/ { rps = $2 }
    $1 == "99%" { p99 = ms($2) }
    / requests in / { requests = $1 }
    END { printf "%s %.2f %.1f\n", rps, p99, ticks / hz * 1e6 / requests }' "$report"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

: >"$work/rounds.txt"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then order="units health"; else order="health units"; fi
  for name in $order; do
    if [ "$name" = units ]; then path="/units/$root_id"; else path="/health"; fi
    run_wrk "$name" "$path" "$round" >"$work/last.txt"
    read -r rps p99 cpu <"$work/last.txt"
    echo "round $round $name: $rps requests/s, p99 $p99 ms, server CPU $cpu us/request"
    echo "$round $name $rps $p99 $cpu" >>"$work/rounds.txt"
  done
done
column_of() { awk -v name="$1" -v column="$2" '$2 == name { print $column }' "$work/rounds.txt" | median; }
units_rps=$(column_of units 3); units_p99=$(column_of units 4); units_cpu=$(column_of units 5)
health_rps=$(column_of health 3); health_p99=$(column_of health 4); health_cpu=$(column_of health 5)
ratio=$(awk -v a="$units_rps" -v b="$health_rps" 'BEGIN { printf "%.3f", a / b }')
round_ratios=$(awk '{ rps[$1, $2] = $3; n = $1 } END { for (r = 1; r <= n; r++) printf "%s%.3f", (r > 1 ? " " : ""), rps[r, "units"] / rps[r, "health"] }' "$work/rounds.txt")

echo "large demo municipality $code: root unit $root_id, $people people in the roll-up"
echo "wrk -t$threads -c$connections -d$duration --latency, $rounds alternating rounds, medians"
echo "| endpoint | requests/s | p99 | server CPU per request |"
echo "|---|---:|---:|---:|"
echo "| GET /api/v1/units/$root_id (formation roll-up) | $units_rps | $units_p99 ms | $units_cpu us |"
echo "| GET /api/v1/health (ceiling) | $health_rps | $health_p99 ms | $health_cpu us |"
echo "ratio units / health: $ratio (per round: $round_ratios)"
