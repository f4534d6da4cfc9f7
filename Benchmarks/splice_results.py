#!/usr/bin/env python3
"""Copies Benchmarks/results/bench-*.md into Benchmarks/README.md between the results markers.

bench.py runs it after each run, so the README always shows the latest result of every size, once,
smallest first. Headings are moved two levels down to sit under the README's "Results" section.
"""
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BEGIN, END = "<!-- results:begin -->", "<!-- results:end -->"


def demoted(markdown):
    return re.sub(r"^(#+) ", lambda m: "#" * (len(m.group(1)) + 2) + " ", markdown, flags=re.M)


def splice(readme_text, results_dir):
    if BEGIN not in readme_text or END not in readme_text:
        raise SystemExit(f"splice_results: {BEGIN} / {END} markers not found in the README")
    files = sorted(results_dir.glob("bench-*.md"), key=lambda p: int(re.sub(r"\D", "", p.stem) or 0))
    body = "\n".join(demoted(p.read_text()).rstrip("\n") + "\n" for p in files)
    head, rest = readme_text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    return head + BEGIN + "\n\n" + body + "\n" + END + tail


def main():
    readme = HERE / "README.md"
    readme.write_text(splice(readme.read_text(), HERE / "results"))


if __name__ == "__main__":
    sys.exit(main())
