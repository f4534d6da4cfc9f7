"""The tools schema-audit is measured against, and the machine description for the results."""
import os
import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".build/bench-venv"


def machine():
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "unknown"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    postgres = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    return {
        "cpu": cpu, "cores": os.cpu_count(), "memory": memory, "kernel": platform.release(),
        "postgres": postgres, "swift": swift[0] if swift else "unknown",
    }


def venv_python():
    """A virtualenv with Benchmarks/requirements.txt, created once under .build/."""
    python = VENV / "bin/python"
    stamp = VENV / ".requirements"
    wanted = (ROOT / "Benchmarks/requirements.txt").read_text()
    if not python.exists() or not stamp.exists() or stamp.read_text() != wanted:
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-r", str(ROOT / "Benchmarks/requirements.txt")], check=True)
        stamp.write_text(wanted)
    return python


def driver_url(url):
    # SQLAlchemy 2.x (under migra's sqlbag and Alembic) wants the driver named in the URL.
    return url.replace("postgresql://", "postgresql+psycopg2://", 1)


def measure_all(work, urls, runs, run_timed, stats):
    python = venv_python()
    tools = {}

    def timed(name, argv, accept=(0,), env=None):
        walls, rss, out = [], [], None
        for _ in range(runs):
            status, wall, peak, err = run_timed(argv, env=env, stdout=subprocess.PIPE if name == "alembic" else subprocess.DEVNULL)
            if status not in accept:
                raise SystemExit(f"bench: {name} exited {status}:\n{err[-2000:]}")
            walls.append(wall)
            rss.append(peak)
            out = err
        tools[name] = {"wall": stats(walls), "rssMB": stats(rss)}
        return out

    timed("pg_dump --schema-only", ["pg_dump", "--schema-only", "--no-owner", "-f", os.devnull, urls["bench_drifted"]])
    # migra exits 2 when the databases differ, which they do.
    timed("migra", [str(python.parent / "migra"), "--unsafe", driver_url(urls["bench_clean"]), driver_url(urls["bench_drifted"])],
          accept=(0, 2))
    err = timed("alembic compare_metadata",
                [str(python), str(ROOT / "Benchmarks/alembic_compare.py"), str(work / "sqlalchemy"), driver_url(urls["bench_drifted"])])
    for line in (err or "").splitlines():
        if line.startswith("alembic: "):
            tools["alembic compare_metadata"]["report"] = line[len("alembic: "):]
    return tools
