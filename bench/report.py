#!/usr/bin/env python3
"""Turns the results of bench/run.sh into BENCHMARKS.md on standard output.

Usage: bench/report.py RESULTS_DIR KARABAKH_BINARY

Build and test times are read from RESULTS_DIR/build-times-N-NAME.txt where bench/build-times.sh
wrote them (`bench/build-times.sh REV > bench/work/results/build-times-1-before.txt`).
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
        return {r["command"]: r["median"] for r in json.load(f)["results"]}


def ms(seconds):
    return f"{seconds * 1000:.2f} ms" if seconds < 10 else f"{seconds:.2f} s"


def machine():
    model = "unknown processor"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    kb = int(open("/proc/meminfo").readline().split()[1])
    return f"{model}, {os.cpu_count()} cores, {kb / 1024 / 1024:.0f} GiB memory, {platform.system()} {platform.release()}"


def version(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
        return out.splitlines()[0] if out else "?"
    except OSError:
        return "?"


def table(title, m):
    lines = [f"### {title}", "", "| command | median |", "|---|---:|"]
    for cmd, t in sorted(m.items(), key=lambda kv: kv[1]):
        lines.append(f"| {cmd} | {ms(t)} |")
    return lines + [""]


def lines_of(path):
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            if name.endswith(".rs"):
                with open(os.path.join(root, name)) as f:
                    total += sum(1 for _ in f)
    return total


def main():
    results, binary = sys.argv[1], sys.argv[2]
    targets = []  # (target, measured, bound, met)

    def target(what, value, bound, unit="×"):
        targets.append((what, f"{value:.2f}{unit}", f"{bound:g}{unit}", value <= bound))

    out = ["# Benchmarks", ""]
    out += [f"Run on {datetime.date.today().isoformat()}, on {machine()}.", ""]
    out += [
        "Reproduce with `bench/run.sh`: it installs hyperfine and sqlite3 if they are missing,",
        "builds the binary users get with `cargo install --locked --path .`, generates the records",
        "with `bench/generate.py` and writes this file. Times are medians of hyperfine runs without",
        "a shell (`-N`). Why the code is as it is: [bench/NOTES.md](bench/NOTES.md).",
        "",
        f"Versions: {version([binary, '--version'])}; sqlite3 {version(['sqlite3', '--version']).split(' ')[0]}; "
        f"{version(['python3', '--version'])}; {version(['hyperfine', '--version'])}.",
        "",
        f"Installed binary: {os.path.getsize(binary) // 1024} KiB.",
        "",
        "## Times",
        "",
    ]
    nine = medians(f"{results}/nine.json")
    out += table("Nine records sorted by date, as TSV", nine)
    target("nine records ÷ sqlite3", nine["karabakh"] / nine["sqlite3"], 1.0)
    target("nine records ÷ the empty program", nine["karabakh"] / nine["hello"], 2.0)
    complete = medians(f"{results}/complete.json")
    out += table("Tab completion of `show ka` on the built-in data", complete)
    target("completion ÷ the empty program", complete["karabakh"] / complete["hello"], 4.0)
    toml = medians(f"{results}/toml-10000.json")
    out += table("10,000 records from TOML, sorted by area, as TSV", toml)
    target("10,000 from TOML ÷ Python's tomllib", toml["karabakh"] / toml["python-tomllib"], 1.0)
    big = {}
    for n in (100000, 1000000):
        path = f"{results}/json-{n}.json"
        if os.path.exists(path):
            big[n] = medians(path)
            out += table(f"{n:,} records from JSON, sorted by area, as TSV", big[n])
    if 100000 in big:
        target("100,000 from JSON ÷ sqlite3 importing the CSV", big[100000]["karabakh"] / big[100000]["sqlite3"], 1.0)
    if 1000000 in big:
        target("1,000,000 ÷ 100,000 from JSON", big[1000000]["karabakh"] / big[100000]["karabakh"], 12.0)

    audit_path = f"{results}/audit.json"
    if os.path.exists(audit_path):
        audit = medians(audit_path)
        out += table("Auditing an article, every figure reported, beside ripgrep printing every number", audit)
        out += [
            f"`audit` on 4 MB takes {audit['karabakh 4 MB'] / audit['karabakh 1 MB']:.2f}× its time on 1 MB, "
            f"and {audit['karabakh 1 MB'] / audit['ripgrep 1 MB']:.0f}× ripgrep's on the same 1 MB: "
            "ripgrep only finds the digits, where `audit` also reads each sentence's names and words "
            "and compares each figure with the dataset's values.",
            "",
        ]
        target("audit, 4 MB ÷ 1 MB (linear in the size)", audit["karabakh 4 MB"] / audit["karabakh 1 MB"], 4.4)
    out += ["## Peak memory", "", "| records | format | file | peak memory | ÷ file |", "|---:|---|---:|---:|---:|"]
    for line in open(f"{results}/memory.tsv"):
        n, ext, size, peak = line.split()
        ratio = int(peak) / int(size)
        out.append(f"| {int(n):,} | {ext} | {int(size) / 1e6:.1f} MB | {int(peak) / 1e6:.1f} MB | {ratio:.2f}× |")
        if ext == "json" and n == "100000":
            target("peak memory ÷ file, 100,000 from JSON", ratio, 6.0)
    out += [""]

    out += ["## Targets", "", "| target | measured | bound | met |", "|---|---:|---:|---|"]
    for what, value, bound, met in targets:
        out.append(f"| {what} | {value} | at most {bound} | {'yes' if met else '**no**'} |")
    out += [""]

    times = sorted(glob.glob(f"{results}/build-times-*.txt"))
    if times:
        out += [
            "## Building and testing",
            "",
            "Seconds, and lines of code, from `bench/build-times.sh REV`, each in a clean checkout",
            "of the revision, on this machine:",
            "",
        ]
        # Files are named build-times-N-NAME.txt, N giving the order of the columns.
        names = [os.path.basename(t)[len("build-times-"):-4].split("-", 1)[-1] for t in times]
        rows = {}
        for name, path in zip(names, times):
            for line in open(path):
                if "\t" in line:
                    what, secs = line.rstrip("\n").split("\t")
                    rows.setdefault(what, {})[name] = secs
        out += ["| | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
        for what, by in rows.items():
            out.append(f"| {what} | " + " | ".join(by.get(n, "?") for n in names) + " |")
        out += [""]
    out += [
        "## Size of the code",
        "",
        f"Lines of `src/`: {lines_of('src'):,}, of which `src/data/`: {lines_of('src/data'):,}.",
        "",
    ]
    print("\n".join(out))


main()
