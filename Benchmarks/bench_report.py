"""Renders a bench result (the JSON bench.py writes) as the Markdown in Benchmarks/results/."""

# How much fresh memory bench.py's fresh memory check touches, in MiB (here, as the report names it).
FRESH_MEMORY_MB = 64


def ms(seconds):
    return f"{seconds * 1000:,.0f}"


def row(name, s, extra=""):
    return f"| {name} | {ms(s['min'])} | {ms(s['median'])} | {ms(s['max'])} | {extra} |"


def render(result):
    m = result["machine"]
    md = result["compare"]["markdown"]
    js = result["compare"]["json"]
    phases = md["phases"]
    sizes = result["bytes"]
    lines = [
        f"# make bench N={result['tables']}",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']}, Linux {m['kernel']}; {m['postgres']}; {m['swift']}.",
        f"Generated with seed {result['seed']}, {result['driftsPerKind']} drifts per finding kind, in {result['generateSeconds']:.1f} s; "
        f"Drizzle {sizes['drizzle'] / 1e6:.2f} MB, SQLAlchemy {sizes['sqlalchemy'] / 1e6:.2f} MB, database.sql {sizes['database.sql'] / 1e6:.2f} MB. "
        f"{result['runs']} runs of each measurement; times in milliseconds.",
        "",
        "## schema-audit compare (Drizzle + SQLAlchemy + database, release build)",
        "",
        "| phase | min | median | max | note |",
        "|---|--:|--:|--:|---|",
        row("Drizzle read", phases["drizzle: read files"], f"{result['readerMBps']['drizzle']:.1f} MB/s"),
        row("SQLAlchemy read", phases["sqlalchemy: read files"], f"{result['readerMBps']['sqlalchemy']:.1f} MB/s"),
        row("catalog read", phases["database: total"], "all catalog queries and mapping"),
        row("diff", phases["diff"], ""),
        row("render Markdown", phases["render markdown"], ""),
        row("render JSON", js["phases"]["render json"], ""),
        row("whole compare, Markdown", md["wall"], f"process wall time; peak RSS {md['rssMB']['median']:.0f} MB"),
        row("whole compare, JSON", js["wall"], f"peak RSS {js['rssMB']['median']:.0f} MB"),
        "",
        "The database is read beside the two file sources (read one after another), so the whole compare is less than the sum of the reads.",
        "",
    ]
    alone = result.get("readersAlone")
    if alone:
        lines += [
            "Each reader alone (`schema-audit inspect --timings`, nothing else running, both cores):",
            "",
            "| reader | min | median | max | MB/s at the median | whole process: CPU ms, page faults (medians) |",
            "|---|--:|--:|--:|--:|--:|",
        ]
        for name, title in (("drizzle", "Drizzle"), ("sqlalchemy", "SQLAlchemy")):
            process = ""
            if "processCPUSeconds" in alone[name]:
                process = f"{ms(alone[name]['processCPUSeconds'])}, {alone[name]['processPageFaults']:,.0f}"
            lines.append(row(title, alone[name], f"{sizes[name] / 1e6 / alone[name]['median']:.1f} | {process}"))
        lines.append("")
        speed = alone.get("cpuSpeedCheck")
        if speed:
            lines += [
                f"CPU speed check: a fixed Python loop, run before each of those reader runs, took {speed['min'] * 1000:.1f} ms at least, "
                f"{speed['median'] * 1000:.1f} ms at the median and {speed['max'] * 1000:.1f} ms at most (median / min = {speed['median'] / speed['min']:.2f}; "
                "1.00 would mean the cores ran at one speed throughout).",
                "",
            ]
        fresh = alone.get("freshMemoryCheck")
        if fresh:
            lines += [
                f"Fresh memory check: touching {FRESH_MEMORY_MB} MiB of new memory, after each of those reader runs, cost {fresh['min']:.2f} ms per MiB at least, "
                f"{fresh['median']:.2f} at the median and {fresh['max']:.2f} at most (about 0.09 when the host has the memory ready, "
                "up to 1 when it must fault it in). At 1,000 tables a reader touches 22 MB (Drizzle) to 30 MB (SQLAlchemy) of fresh memory.",
                "",
            ]
    catalog = [(k, v) for k, v in phases.items() if k.startswith("database: ") and k != "database: total"]
    if catalog:
        lines += ["Catalog queries (median ms): " + ", ".join(f"{k[len('database: '):]} {ms(v['median'])}" for k, v in catalog), ""]
    r = result["recall"]
    lines += [
        "## Recall of injected drift",
        "",
        f"{r['found']} of {r['injected']} injected findings reported ({100.0 * r['found'] / max(r['injected'], 1):.1f}%); "
        f"{r['unmatchedCount']} database findings match nothing injected; {r['codeVsCodeFindings']} findings between the two code sources.",
        "",
        "| finding id | injected | found |",
        "|---|--:|--:|",
    ]
    lines += [f"| `{k}` | {v['injected']} | {v['found']} |" for k, v in sorted(r["perKind"].items())]
    if r["unmatched"]:
        lines += ["", "Unmatched: " + "; ".join(f"`{u}`" for u in r["unmatched"])]
    tools = result.get("tools")
    if tools:
        ours = md["wall"]["median"]
        lines += [
            "",
            "## The same inputs with other tools",
            "",
            "| tool | what it does here | min | median | max | peak RSS MB | median / schema-audit |",
            "|---|---|--:|--:|--:|--:|--:|",
            f"| schema-audit compare | three sources, Markdown report | {ms(md['wall']['min'])} | {ms(ours)} | {ms(md['wall']['max'])} | {md['rssMB']['median']:.0f} | 1.0 |",
        ]
        what = {
            "pg_dump --schema-only": "reads the drifted catalog only (the floor)",
            "migra": "clean database vs drifted database",
            "alembic compare_metadata": "SQLAlchemy models vs drifted database",
        }
        for name, t in tools.items():
            lines.append(
                f"| {name} | {what.get(name, '')} | {ms(t['wall']['min'])} | {ms(t['wall']['median'])} | {ms(t['wall']['max'])} | "
                f"{t['rssMB']['median']:.0f} | {t['wall']['median'] / ours:.1f} |")
        if result.get("toolsFromEarlierRun"):
            lines += ["", "The other tools' figures were copied from an earlier run on the same generated inputs "
                      "(`bench.py --tools-from`): they do not depend on schema-audit."]
        if "report" in tools.get("alembic compare_metadata", {}):
            lines += ["", f"Alembic: {tools['alembic compare_metadata']['report']}."]
    return "\n".join(lines) + "\n"
