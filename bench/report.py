#!/usr/bin/env python3
"""Turns the results of bench/run.sh into BENCHMARKS.md on standard output.

Usage: bench/report.py RESULTS_DIR KARABAKH_BINARY
"""

import datetime
import glob
import json
import os
import platform
import subprocess
import sys


def medians(path):
    with open(path) as f:
        results = json.load(f)["results"]
    return {r["command"]: r["median"] for r in results}


def ms(seconds):
    return f"{seconds * 1000:.2f} ms"


def machine():
    model = "unknown processor"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(open("/proc/meminfo").readline().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GiB memory"
    except (OSError, ValueError, IndexError):
        pass
    return f"{model}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}"


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, check=False).stdout
        return out.strip().splitlines()[0] if out.strip() else "?"
    except OSError:
        return "?"


def table(title, m, base, note=""):
    lines = [f"### {title}", ""]
    if note:
        lines += [note, ""]
    lines += ["| tool | median | karabakh ÷ tool |", "|---|---:|---:|"]
    for cmd, t in sorted(m.items(), key=lambda kv: kv[1]):
        ratio = m[base] / t if t > 0 else float("inf")
        lines.append(f"| {cmd} | {ms(t)} | {ratio:.2f}× |")
    return lines + [""]


def verdict(ok):
    return "met" if ok else "**not met**"


def main():
    results, binary = sys.argv[1], sys.argv[2]
    out = ["# Benchmarks", ""]
    out += [
        f"Run on {datetime.date.today().isoformat()}, on {machine()}.",
        "",
        "Reproduce with `bench/run.sh` (it installs hyperfine, sqlite3, miller and jq if they are",
        "missing, builds the binary users get with `cargo install --path .` and generates the records",
        "with `bench/generate.py`). What was tried, and what each change gave, is in",
        "[bench/NOTES.md](bench/NOTES.md).",
        "Times are medians of hyperfine runs without a shell (`-N`); ratios are karabakh's time",
        "divided by the other tool's, so below 1 means karabakh is faster.",
        "",
        f"Versions: {version([binary, '--version'])}; {version(['sqlite3', '--version'])[:40]}; "
        f"{version(['mlr', '--version'])}; {version(['jq', '--version'])}; {version(['hyperfine', '--version'])}.",
        "",
        f"Installed binary: {os.path.getsize(binary) / 1024:.0f} KiB (the release profile: LTO, one "
        "codegen unit, stripped).",
        "",
    ]

    targets = []
    nine = medians(os.path.join(results, "nine-tsv.json"))
    out += ["## Nine territories", ""]
    out += table("Sorted by date, as TSV", nine, "karabakh")
    targets.append(("nine records, TSV: at most 0.75× sqlite3 on a prepared database",
                    nine["karabakh"] / nine["sqlite3"], 0.75))
    embedded = os.path.join(results, "embedded.txt")
    if os.path.exists(embedded):
        load_us = int(open(embedded).read().split()[0]) / 1000
        out += ["Loading the built-in dataset (reading its JSON and validating it into the typed "
                f"model), timed inside the program: {load_us:.1f} µs, the median of 2,001 loads "
                "(`cargo bench --bench embedded`).", ""]
    out += table("Sorted by date, as a table", medians(os.path.join(results, "nine-table.json")), "karabakh")
    out += table("Total area", medians(os.path.join(results, "total.json")), "karabakh")

    out += ["## Generated territories, sorted by area, as TSV", "",
            "Each tool reads its own format from disk on every run; sqlite3 imports the CSV. Wide "
            "records have eight columns, narrow ones six.", ""]
    for shape, label in (("territories", "wide"), ("narrow", "narrow")):
        sorts = {}
        for path in glob.glob(os.path.join(results, f"sort-{shape}-*.json")):
            n = int(os.path.basename(path)[len(f"sort-{shape}-"):-5])
            sorts[n] = medians(path)
        for n in sorted(sorts):
            m = sorts[n]
            out += table(f"{n:,} {label} territories", m, "karabakh-toml",
                         "karabakh-json's ratios: " + ", ".join(
                             f"{k} {m['karabakh-json'] / v:.2f}×" for k, v in sorted(m.items())
                             if k != "karabakh-json"))
        if 100000 in sorts:
            m = sorts[100000]
            targets.append((f"100,000 {label} records from TOML: at most 1.5× sqlite3",
                            m["karabakh-toml"] / m["sqlite3"], 1.5))
            targets.append((f"100,000 {label} records from JSON: at most 0.75× sqlite3",
                            m["karabakh-json"] / m["sqlite3"], 0.75))
        if 100000 in sorts and 1000000 in sorts:
            for fmt in ("toml", "json"):
                key = f"karabakh-{fmt}"
                targets.append((f"1,000,000 {label} records ({fmt.upper()}): at most 12× the time of 100,000",
                                sorts[1000000][key] / sorts[100000][key], 12.0))

    out += ["## Peak memory", "",
            "The bound is 4× the file from 100,000 records up, and 12 MB + 4× the file below that.", "",
            "| records | input | file size | peak resident memory | ÷ file size | bound |",
            "|---:|---|---:|---:|---:|---:|"]
    met = True
    worst = 0.0
    for line in open(os.path.join(results, "memory.tsv")):
        shape, n, ext, size, peak = line.split()
        n, size, peak = int(n), int(size), int(peak)
        bound = 4 * size if n >= 100000 else 12e6 + 4 * size
        met &= peak <= bound
        if n >= 100000:
            worst = max(worst, peak / size)
        label = "wide" if shape == "territories" else shape
        out.append(f"| {n:,} {label} | {ext} | {size / 1e6:.1f} MB | {peak / 1e6:.1f} MB | "
                   f"{peak / size:.2f}× | {bound / 1e6:.1f} MB |")
    out.append("")
    targets.append(("peak memory within its bound for every file (worst ÷ file from 100,000 up)",
                    worst, 4.0 if met else 0.0))

    out += ["## Targets", "", "| target | measured | |", "|---|---:|---|"]
    for name, value, limit, *unit in targets:
        shown = f"{value:.1f} {unit[0]}" if unit else f"{value:.2f}×"
        out.append(f"| {name} | {shown} | {verdict(value <= limit)} |")
    out.append("")
    print("\n".join(out))


if __name__ == "__main__":
    main()
