#!/usr/bin/env bash
# Formation roll-up under load: wrk with 64 connections against GET /api/v1/units/{id} (the root unit of
# the `large` demo municipality: its formation rolled up over the whole tree, read with an HR session)
# and, in the same run and on the same server, GET /api/v1/health (the server's own ceiling). Reports
# requests/s and p99 latency of each and the ratio.
#
# Usage: bench/api/units.sh
# Environment: KWM_BIN (default build/kwartiermaker), KWM_BENCH_DIR (default bench/out/api),
#   DURATION (wrk -d, default 20s), THREADS (wrk -t, default 2), CONNECTIONS (wrk -c, default 64),
#   PORT (default: a free one).
# Builds nothing: build the binary first (make build). Results: docs/benchmarks.md, "Formation roll-up
# under load".
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
bin="${KWM_BIN:-build/kwartiermaker}"
work="${KWM_BENCH_DIR:-bench/out/api}"
duration="${DURATION:-20s}"
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

run_wrk() {  # name, path -> "requests/s p99" on stdout, wrk's report in $work/<name>.txt
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -H "$cookie" "$base$2" >"$work/$1.txt"
  if grep -q "Non-2xx" "$work/$1.txt"; then echo "bench: $2 answered errors under load; see $work/$1.txt" >&2; exit 1; fi
  local rps p99
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$work/$1.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$work/$1.txt")
  echo "$rps $p99"
}
read -r units_rps units_p99 < <(run_wrk units "/units/$root_id")
read -r health_rps health_p99 < <(run_wrk health "/health")
ratio=$(awk -v a="$units_rps" -v b="$health_rps" 'BEGIN { printf "%.3f", a / b }')

echo "large demo municipality $code: root unit $root_id, $people people in the roll-up"
echo "wrk -t$threads -c$connections -d$duration --latency"
echo "| endpoint | requests/s | p99 |"
echo "|---|---:|---:|"
echo "| GET /api/v1/units/$root_id (formation roll-up) | $units_rps | $units_p99 |"
echo "| GET /api/v1/health (ceiling) | $health_rps | $health_p99 |"
echo "ratio units / health: $ratio"
