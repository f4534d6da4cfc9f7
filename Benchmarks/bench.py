#!/usr/bin/env python3
"""make bench: times schema-audit on a generated application and against the tools users would pick.

Runs inside scripts/with-postgres.sh (SCHEMA_AUDIT_TEST_DATABASE_URL names a throwaway cluster):

  1. `schema-audit-bench generate` writes N tables as Drizzle files, SQLAlchemy models, the SQL of the
     matching database and the SQL of the same database with K drifts of every finding kind.
  2. Both databases are loaded (bench_clean, bench_drifted).
  3. `schema-audit compare --drizzle --sqlalchemy --database <drifted> --timings` runs R times per
     report format; phases come from --timings, wall time and peak RSS from wait4().
  4. Recall: the JSON report's findings against injected-drizzle.json (default Drizzle reference).
  5. pg_dump --schema-only, migra (clean vs drifted) and Alembic's compare_metadata (models vs
     drifted) run on the same inputs, from a virtualenv with Benchmarks/requirements.txt.

Writes Benchmarks/results/bench-<N>.json and bench-<N>.md. Standard library only.
"""
import argparse
import json
import mmap
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import bench_report
import bench_tools
import splice_results

ROOT = Path(__file__).resolve().parent.parent


def run_timed(argv, env=None, stdout=subprocess.DEVNULL, usage_out=None):
    """Runs argv; returns (exit status, wall seconds, peak RSS in MB, stderr text).

    `usage_out`, when given, receives the child's CPU seconds (user + system) and minor page faults.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=stdout, stderr=subprocess.PIPE, env=env)
    # Read stderr before waiting so a chatty child cannot block on a full pipe.
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if usage_out is not None:
        usage_out["cpu"] = usage.ru_utime + usage.ru_stime
        usage_out["faults"] = usage.ru_minflt
    return proc.returncode, wall, usage.ru_maxrss / 1024.0, err


def stats(values):
    values = sorted(values)
    return {"min": values[0], "median": statistics.median(values), "max": values[-1], "runs": len(values)}


def parse_timings(stderr):
    """`timing: <phase>: <ms> ms` lines -> {phase: seconds}."""
    phases = {}
    for line in stderr.splitlines():
        if not line.startswith("timing: "):
            continue
        body = line[len("timing: "):]
        phase, _, value = body.rpartition(": ")
        phases[phase] = float(value.split()[0]) / 1000.0
    return phases


def directory_bytes(path):
    return sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())


def psql(url, *args):
    subprocess.run(["psql", url, "-q", "-v", "ON_ERROR_STOP=1", *args], check=True, stdout=subprocess.DEVNULL)


def load_databases(admin_url, work):
    base = admin_url.rsplit("/", 1)[0]
    urls = {}
    for name, script in (("bench_clean", "database.sql"), ("bench_drifted", "drifted.sql")):
        psql(admin_url, "-c", f"DROP DATABASE IF EXISTS {name}", "-c", f"CREATE DATABASE {name}")
        start = time.perf_counter()
        psql(f"{base}/{name}", "-f", str(work / script))
        # Settled as a database in use would be: without this, autovacuum analyzes the grown system
        # catalogs and the checkpointer writes the load out while the first measurements run (at
        # 10,000 tables the compare then took 4.6 s instead of 3.4-3.7 s).
        psql(f"{base}/{name}", "-c", "VACUUM ANALYZE", "-c", "CHECKPOINT")
        print(f"bench: loaded {name} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        urls[name] = f"{base}/{name}"
    return urls


def measure_compare(binary, work, database_url, runs, report_format):
    argv = [
        str(binary), "compare", "--drizzle", str(work / "drizzle"), "--sqlalchemy", str(work / "sqlalchemy"),
        "--database", database_url, "--format", report_format, "--fail-on", "never", "--timings",
        "--output", str(work / f"report.{'md' if report_format == 'markdown' else report_format}"),
    ]
    walls, rss, phases = [], [], {}
    for _ in range(runs):
        status, wall, peak, err = run_timed(argv)
        if status != 0:
            raise SystemExit(f"bench: compare exited {status}:\n{err[-2000:]}")
        walls.append(wall)
        rss.append(peak)
        for phase, seconds in parse_timings(err).items():
            phases.setdefault(phase, []).append(seconds)
    return {"wall": stats(walls), "rssMB": stats(rss), "phases": {k: stats(v) for k, v in sorted(phases.items())}}


def measure_readers(binary, work, runs):
    """Each file reader alone (`inspect --timings`, nothing else running): its own time, both cores.

    Also the whole process's CPU time and minor page faults (reading, rendering the text summary,
    start and exit), which say how much of the time is work and how much is waiting for fresh pages.
    """
    readers = {}
    speed, memory = [], []
    for name in ("drizzle", "sqlalchemy"):
        argv = [str(binary), "inspect", f"--{name}", str(work / name), "--format", "text", "--output", os.devnull, "--timings"]
        times, cpu, faults = [], [], []
        for _ in range(runs):
            speed.append(cpu_speed_sample())
            usage = {}
            status, _, _, err = run_timed(argv, usage_out=usage)
            if status != 0:
                raise SystemExit(f"bench: inspect --{name} exited {status}:\n{err[-2000:]}")
            times.append(parse_timings(err)[f"{name}: total"])
            cpu.append(usage["cpu"])
            faults.append(usage["faults"])
            memory.append(fresh_memory_sample())
        readers[name] = stats(times)
        readers[name]["processCPUSeconds"] = statistics.median(cpu)
        readers[name]["processPageFaults"] = statistics.median(faults)
    readers["cpuSpeedCheck"] = stats(speed)
    readers["freshMemoryCheck"] = stats(memory)
    return readers


def fresh_memory_sample():
    """Milliseconds per MiB that touching fresh memory costs, sampled after each reader run.

    A run's first touch of a page makes the kernel zero it, and on the bench machine (KVM with free
    page reporting: memory the guest freed is handed back to the host) often makes the host fault
    it in as well. Touching 30 MB took 2.5 ms or 30 ms from one run to the next. A reader touches
    about that much, so its median depends on this as much as on its code. Sampled after a run, so
    that it never leaves the reader memory it has just made ready. It touches
    `bench_report.FRESH_MEMORY_MB` MiB, more than a reader frees, advised for huge pages as
    schema-audit's heaps are. The second pass over the same pages (no faults) is subtracted: it is
    the cost of the Python loop.
    """
    size = bench_report.FRESH_MEMORY_MB << 20
    region = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    try:
        if hasattr(region, "madvise") and hasattr(mmap, "MADV_HUGEPAGE"):
            region.madvise(mmap.MADV_HUGEPAGE)
        passes = []
        for value in (1, 2):
            start = time.perf_counter()
            for offset in range(0, size, 4096):
                region[offset] = value
            passes.append(time.perf_counter() - start)
        return max(passes[0] - passes[1], 0.0) * 1000 / bench_report.FRESH_MEMORY_MB
    finally:
        region.close()


def cpu_speed_sample():
    """Seconds a fixed loop of Python takes, sampled before each reader run.

    The bench machine's cores run at two speeds, about 1.7x apart for this loop, switching every few
    tens of milliseconds (a shared host). The spread of these samples tells how much of the run the
    machine was slow, which the readers' medians cannot tell apart from the code.
    """
    start = time.perf_counter()
    total = 0
    for k in range(200_000):
        total += k * k
    return time.perf_counter() - start


def recall(work):
    report = json.loads((work / "report.json").read_text())
    injected = {(d["id"], d["objectKey"]) for d in json.loads((work / "injected-drizzle.json").read_text())}
    found = {(f["id"], f["objectKey"]) for f in report["findings"] if f["compared"]["source"] == "database"}
    other = [f for f in report["findings"] if f["compared"]["source"] != "database"]
    per_kind = {}
    for finding_id, key in sorted(injected):
        entry = per_kind.setdefault(finding_id, {"injected": 0, "found": 0})
        entry["injected"] += 1
        entry["found"] += (finding_id, key) in found
    unmatched = sorted(found - injected)
    return {
        "injected": len(injected), "found": len(injected & found),
        "unmatched": [f"{i} {k}" for i, k in unmatched][:50], "unmatchedCount": len(unmatched),
        "codeVsCodeFindings": len(other), "perKind": per_kind,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--tool-runs", type=int, default=3, help="runs of pg_dump, migra and Alembic")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--drifts", type=int, default=2, help="drifts injected per finding kind")
    parser.add_argument("--bin", default=str(ROOT / ".build/release"))
    parser.add_argument("--work", default=None, help="scratch directory (default .build/bench/<N>)")
    parser.add_argument("--results", default=str(ROOT / "Benchmarks/results"))
    parser.add_argument("--skip-tools", action="store_true", help="measure schema-audit only")
    parser.add_argument("--tools-from", default=None,
                        help="copy the other tools' figures from an earlier bench-<N>.json of the same arguments "
                             "instead of re-running them (they do not depend on schema-audit; the report says so)")
    parser.add_argument("--reuse", action="store_true",
                        help="keep the generated files and loaded databases of an earlier run with the same arguments")
    args = parser.parse_args()

    admin_url = os.environ.get("SCHEMA_AUDIT_TEST_DATABASE_URL")
    if not admin_url:
        raise SystemExit("bench: run under scripts/with-postgres.sh (SCHEMA_AUDIT_TEST_DATABASE_URL is not set)")
    binary = Path(args.bin) / "schema-audit"
    work = Path(args.work or ROOT / f".build/bench/{args.tables}")
    work.mkdir(parents=True, exist_ok=True)

    start = time.perf_counter()
    subprocess.run([str(Path(args.bin) / "schema-audit-bench"), "generate", "--tables", str(args.tables),
                    "--seed", str(args.seed), "--drifts", str(args.drifts), "--output", str(work)], check=True)
    generated = time.perf_counter() - start
    if args.reuse:
        # The generator is deterministic, so the same arguments give the databases already loaded.
        base = admin_url.rsplit("/", 1)[0]
        urls = {name: f"{base}/{name}" for name in ("bench_clean", "bench_drifted")}
    else:
        urls = load_databases(admin_url, work)

    sizes = {name: directory_bytes(work / name) for name in ("drizzle", "sqlalchemy")}
    sizes["database.sql"] = (work / "database.sql").stat().st_size
    result = {
        "tables": args.tables, "seed": args.seed, "driftsPerKind": args.drifts, "runs": args.runs,
        "machine": bench_tools.machine(), "generateSeconds": generated, "bytes": sizes,
        "compare": {fmt: measure_compare(binary, work, urls["bench_drifted"], args.runs, fmt) for fmt in ("markdown", "json")},
    }
    result["readersAlone"] = measure_readers(binary, work, args.runs)
    result["recall"] = recall(work)
    phases = result["compare"]["markdown"]["phases"]
    result["readerMBps"] = {
        name: sizes[name] / 1e6 / phases[f"{name}: read files"]["median"] for name in ("drizzle", "sqlalchemy")
    }
    if args.tools_from:
        earlier = json.loads(Path(args.tools_from).read_text())
        same = all(earlier.get(k) == result[k] for k in ("tables", "seed", "driftsPerKind"))
        if not same or "tools" not in earlier:
            raise SystemExit(f"bench: {args.tools_from} has no tool figures for these arguments")
        result["tools"] = earlier["tools"]
        result["toolsFromEarlierRun"] = True
    elif not args.skip_tools:
        result["tools"] = bench_tools.measure_all(work, urls, args.tool_runs, run_timed, stats)

    results = Path(args.results)
    results.mkdir(parents=True, exist_ok=True)
    (results / f"bench-{args.tables}.json").write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")
    markdown = bench_report.render(result)
    (results / f"bench-{args.tables}.md").write_text(markdown)
    if results.resolve() == (ROOT / "Benchmarks/results").resolve():
        splice_results.main()
    print(markdown)


if __name__ == "__main__":
    main()
