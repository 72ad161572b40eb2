#!/usr/bin/env bash
# Placement engine benchmark: engine vs scipy's linear_sum_assignment (dense) and LEMON's NetworkSimplex /
# CostScaling (sparse), on identical seeded instances. Usage: bench/placement/run.sh [--runs N] [NAME...]
# Figures go to bench/out/placement/results.md; see docs/benchmarks.md, "Placement engine".
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${BUILD_DIR:-$root/build-bench}"
out="$root/bench/out"

# Benchmark-only dependencies. python3-scipy itself is NOT installed: through pythran it depends on
# Boost 1.74 and would remove Boost 1.81. It is unpacked into bench/out instead, with the plain
# libraries its optimize module loads.
needed=(python3-numpy liblemon-dev liblbfgsb0 libgfortran5 libblas3 liblapack3 python3-decorator)
missing=()
for p in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
sudo_cmd=""
[ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench: installing ${missing[*]}" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
scipy_dir="$out/scipy"
scipy_site="$scipy_dir/root/usr/lib/python3/dist-packages"
if [ ! -d "$scipy_site/scipy" ]; then
  mkdir -p "$scipy_dir"
  (cd "$scipy_dir" && apt-get download python3-scipy 2>/dev/null && dpkg -x python3-scipy_*.deb root)
fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKWM_BUILD_TESTS=OFF >/dev/null
ninja -C "$build" placement_cli placement_lemon_reference >/dev/null

PYTHONPATH="$scipy_site" /usr/bin/python3 "$root/bench/placement/driver.py" \
  --cli "$build/bench/placement/placement_cli" \
  --lemon "$build/bench/placement/placement_lemon_reference" \
  --out "$out/placement" "$@"
