#!/usr/bin/python3
"""Placement engine benchmark driver (run it through bench/placement/run.sh).

Generates seeded instances, writes each once as a problem file in the `place` format, and runs the engine
(`placement_cli place`, its own solve_ms) and the reference on that same file, interleaved, several times:
scipy.optimize.linear_sum_assignment for the dense instances (the call only), LEMON NetworkSimplex and
CostScaling for the sparse one (model construction plus solve). Objectives and unplaced counts must agree.
Prints a Markdown table and writes it with the raw figures to bench/out/placement/.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

DENSE_SIZES = [(1000, 1000), (2000, 2000), (4000, 4000), (2000, 8000)]
CLASSES = ["uniform", "suitability"]
SEED = 20240601


# ---------------------------------------------------------------------------------------------- instances

def uniform_scores(rng, n, m):
    return rng.integers(0, 1_000_000, size=(n, m), dtype=np.int64)


def suitability_scores(rng, n, m):
    """A low-rank competency fit plus a little noise plus a bonus on three stated preferences: small
    integers, so many exact ties."""
    k = 5
    ratings = rng.integers(0, 5, size=(n, k), dtype=np.int64)
    requirements = rng.integers(0, 5, size=(m, k), dtype=np.int64)
    scores = ratings @ requirements.T + rng.integers(0, 4, size=(n, m), dtype=np.int64)
    preferences = np.argsort(rng.random((n, m)), axis=1)[:, :3]
    rows = np.arange(n)
    for rank, bonus in enumerate((30, 20, 10)):
        scores[rows, preferences[:, rank]] += bonus
    return scores


def write_dense(path, scores):
    n, m = scores.shape
    with open(path + ".tmp", "w") as f:
        f.write('{"positions":[')
        f.write(",".join('{"id":"p%d","slots":1}' % j for j in range(m)))
        f.write('],"employees":[')
        f.write(",".join('{"id":"e%d"}' % i for i in range(n)))
        f.write('],"rounds":[{"name":"dense","matrix":{"employees":[')
        f.write(",".join('"e%d"' % i for i in range(n)))
        f.write('],"positions":[')
        f.write(",".join('"p%d"' % j for j in range(m)))
        f.write('],"scores":[')
        for i in range(n):
            if i:
                f.write(",")
            f.write("[" + ",".join(map(str, scores[i].tolist())) + "]")
        f.write("]}}]}\n")
    os.replace(path + ".tmp", path)


def write_sparse(path, rng, employees=20_000, positions=2_000, slots=10):
    popularity = rng.gamma(2.0, size=positions)
    popularity /= popularity.sum()
    k = 5
    ratings = rng.integers(0, 5, size=(employees, k))
    requirements = rng.integers(0, 5, size=(positions, k))
    candidates = []
    for e in range(employees):
        count = int(rng.integers(5, 16))  # ~10 on average
        chosen = rng.choice(positions, size=count, replace=False, p=popularity)
        fit = requirements[chosen] @ ratings[e] + rng.integers(0, 4, size=count)
        for rank, p in enumerate(chosen.tolist()):
            bonus = (30, 20, 10)[rank] if rank < 3 else 0
            candidates.append('{"employee":"e%d","position":"p%d","score":%d}' % (e, p, int(fit[rank]) + bonus))
    with open(path + ".tmp", "w") as f:
        f.write('{"positions":[')
        f.write(",".join('{"id":"p%d","slots":%d}' % (j, slots) for j in range(positions)))
        f.write('],"employees":[')
        f.write(",".join('{"id":"e%d"}' % i for i in range(employees)))
        f.write('],"rounds":[{"name":"sparse","candidates":[')
        f.write(",".join(candidates))
        f.write("]}]}\n")
    os.replace(path + ".tmp", path)


def instances(out, only):
    listed = []
    for n, m in DENSE_SIZES:
        for cls in CLASSES:
            listed.append(("dense-%s-%dx%d" % (cls, n, m), "dense", (cls, n, m)))
    listed.append(("sparse-20000x2000x10", "sparse", None))
    for name, kind, params in listed:
        if only and not any(o in name for o in only):
            continue
        path = os.path.join(out, "%s-seed%d.json" % (name, SEED))
        if not os.path.exists(path):
            started = time.perf_counter()
            rng = np.random.default_rng([SEED, len(name), sum(map(ord, name))])
            if kind == "dense":
                cls, n, m = params
                scores = (uniform_scores if cls == "uniform" else suitability_scores)(rng, n, m)
                write_dense(path, scores)
            else:
                write_sparse(path, rng)
            print("generated %s in %.1f s" % (os.path.basename(path), time.perf_counter() - started), file=sys.stderr)
        yield name, kind, path


# ------------------------------------------------------------------------------------------------ solvers

def run_measured(command):
    """Runs a command, returns (stdout, peak RSS in MiB of that process alone)."""
    with tempfile.TemporaryFile() as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        stderr = process.stderr.read().decode()
        process.stderr.close()
        if os.waitstatus_to_exitcode(status) != 0:
            raise RuntimeError("%s failed: %s" % (" ".join(command), stderr))
        out.seek(0)
        return out.read().decode(), usage.ru_maxrss / 1024.0


def run_engine(cli, path):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as result_file:
        result_path = result_file.name
    try:
        _, peak = run_measured([cli, "place", "--problem", path, "--out", result_path])
        with open(result_path) as f:
            result = json.load(f)
    finally:
        os.unlink(result_path)
    return {
        "ms": result["timing"]["solve_ms"],
        "parse_ms": result["timing"]["parse_ms"],
        "placed": result["objective"]["placed"],
        "total_score": result["objective"]["total_score"],
        "unplaced": len(result["unplaced"]),
        "peak_mib": peak,
    }


class ScipyWorker:
    """A separate Python process that reads the problem file once and then times single calls of
    linear_sum_assignment on request, so the (slow) JSON load in Python is not repeated per run."""

    def __init__(self, path):
        self.process = subprocess.Popen([sys.executable, __file__, "--scipy-worker", path],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.ready = json.loads(self.process.stdout.readline())

    def ask(self, what):
        self.process.stdin.write(what + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def peak_resident_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def scipy_worker(path):
    from scipy.optimize import linear_sum_assignment

    with open(path) as f:
        problem = json.load(f)
    matrix = problem["rounds"][0]["matrix"]
    scores = np.array(matrix["scores"], dtype=np.float64)
    del problem, matrix
    n = scores.shape[0]
    print(json.dumps({"rows": n, "columns": scores.shape[1]}), flush=True)
    for line in sys.stdin:
        if line.strip() == "floor":
            started = time.perf_counter()
            total = float(scores.sum())
            print(json.dumps({"ms": (time.perf_counter() - started) * 1000, "sum": total}), flush=True)
            continue
        # Reset the process's peak resident size (Linux clear_refs), so the peak below is that of the call,
        # with the matrix already resident, and not that of the JSON load before it.
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        started = time.perf_counter()
        rows, cols = linear_sum_assignment(scores, maximize=True)
        elapsed = (time.perf_counter() - started) * 1000
        print(json.dumps({"ms": elapsed, "placed": int(len(rows)), "total_score": float(scores[rows, cols].sum()),
                          "unplaced": int(n - len(rows)), "peak_mib": peak_resident_mib(),
                          "matrix_mib": scores.nbytes / 2**20}), flush=True)


def run_lemon(lemon, algorithm, path):
    output, peak = run_measured([lemon, algorithm, path])
    result = json.loads(output)
    return {"ms": result["solve_ms"], "placed": result["placed"], "total_score": result["total_score"],
            "unplaced": result["unplaced"], "peak_mib": peak}


# ------------------------------------------------------------------------------------------------- report

def agree(a, b):
    return (a["placed"] == b["placed"] and a["unplaced"] == b["unplaced"]
            and abs(a["total_score"] - b["total_score"]) <= 1e-9 * max(1.0, abs(a["total_score"])))


def median(runs, key="ms"):
    return statistics.median(r[key] for r in runs)


def bench_dense(cli, path, runs):
    worker = ScipyWorker(path)
    engine, scipy = [], []
    floors = [worker.ask("floor")["ms"] for _ in range(runs)]
    for k in range(runs):
        # Alternate who goes first, so neither side always runs on a warmer machine.
        if k % 2 == 0:
            engine.append(run_engine(cli, path))
            scipy.append(worker.ask("run"))
        else:
            scipy.append(worker.ask("run"))
            engine.append(run_engine(cli, path))
    worker.close()
    for e, s in zip(engine, scipy):
        if not agree(e, s):
            raise RuntimeError("objectives differ on %s: engine %s, scipy %s" % (path, e, s))
    return engine, {"scipy": scipy}, statistics.median(floors)


def bench_sparse(cli, lemon, path, runs):
    engine, references = [], {"network-simplex": [], "cost-scaling": []}
    for k in range(runs):
        order = ["engine", "network-simplex", "cost-scaling"]
        if k % 2:
            order.reverse()
        for who in order:
            if who == "engine":
                engine.append(run_engine(cli, path))
            else:
                references[who].append(run_lemon(lemon, who, path))
    for name, results in references.items():
        for e, r in zip(engine, results):
            if not agree(e, r):
                raise RuntimeError("objectives differ on %s: engine %s, %s %s" % (path, e, name, r))
    return engine, references, None


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--scipy-worker":
        scipy_worker(sys.argv[2])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", required=True)
    parser.add_argument("--lemon", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("only", nargs="*", help="run only instances whose name contains one of these")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)

    header = ("| instance | engine solve_ms (median) | reference | reference ms (median) | ratio engine/ref "
              "| engine parse_ms | read floor ms | engine peak RSS MiB | reference memory MiB | placed | unplaced |")
    lines = [header, "|" + "---|" * (header.count("|") - 1)]
    print(lines[0])
    print(lines[1])
    raw = {}
    for name, kind, path in instances(args.out, args.only):
        if kind == "dense":
            engine, references, floor = bench_dense(args.cli, path, args.runs)
        else:
            engine, references, floor = bench_sparse(args.cli, args.lemon, path, args.runs)
        best_name = min(references, key=lambda r: median(references[r]))
        best = references[best_name]
        if kind == "dense":
            memory = "%.0f (peak during the call; matrix %.0f)" % (max(r["peak_mib"] for r in best), best[0]["matrix_mib"])
        else:
            memory = "%.0f (process)" % max(r["peak_mib"] for r in best)
        others = [r for r in references if r != best_name]
        reference = best_name + "".join(" (%s %.0f ms)" % (o, median(references[o])) for o in others)
        line = "| %s | %.0f | %s | %.0f | %.2f | %.0f | %s | %.0f | %s | %d | %d |" % (
            name, median(engine), reference, median(best), median(engine) / median(best), median(engine, "parse_ms"),
            "%.1f" % floor if floor is not None else "n/a", max(e["peak_mib"] for e in engine), memory,
            engine[0]["placed"], engine[0]["unplaced"])
        print(line, flush=True)
        lines.append(line)
        raw[name] = {"engine": engine, "references": references, "read_floor_ms": floor}
    with open(os.path.join(args.out, "results.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(raw, f, indent=1)


if __name__ == "__main__":
    main()
