#!/usr/bin/env python3
"""Writes N generated territories as the same records in three formats, for the benchmark:

    DIR/territories-N.toml   a karabakh dataset (--data reads it)
    DIR/territories-N.json   the same dataset as JSON (--data reads it too)
    DIR/territories-N.csv    one row per territory, for sqlite3 and miller

With --narrow, the records have only the fields every territory needs (six columns instead of
eight, no tables inside a record), in DIR/narrow-N.*: sqlite3 imports narrow CSV fastest.

Usage: bench/generate.py [--narrow] N DIR
"""

import json
import os
import sys


NARROW = ("id", "name", "kind", "occupied", "area_km2", "source")
WIDE = ("id", "name", "name_az", "kind", "occupied", "area_km2", "restored", "source")


def records(n):
    for i in range(n):
        year, month, day = 1900 + i % 120, 1 + i % 12, 1 + i % 28
        yield {
            "id": f"t{i}",
            "name": f"Territory {i}",
            "name_az": f"Ərazi {i}",
            "kind": "region" if i % 10 == 0 else "district",
            "occupied": f"{year:04}-{month:02}-{day:02}",
            "area_km2": 1 + (i * 7919) % 5000,
            "restored": f"{year + 10:04}-{month:02}-{day:02}",
            "source": "atlas",
        }


HEADER = {
    "schema": 1,
    "country": {"name": "Testland", "area_km2": 4000000000, "source": "atlas"},
    "sources": [{"id": "atlas", "title": "A generated atlas"}],
}


def write_toml(path, n, fields):
    with open(path, "w", encoding="utf-8") as f:
        f.write('schema = 1\n\n[country]\nname = "Testland"\narea_km2 = 4000000000\n')
        f.write('source = "atlas"\n\n[[sources]]\nid = "atlas"\ntitle = "A generated atlas"\n')
        for r in records(n):
            f.write("\n[[territories]]\n")
            for k in fields:
                if k in ("occupied", "area_km2"):
                    f.write(f"{k} = {r[k]}\n")
                elif k == "restored":
                    f.write(f'restored = {{ date = {r[k]}, source = "atlas" }}\n')
                else:
                    f.write(f'{k} = "{r[k]}"\n')


def write_json(path, n, fields):
    territories = []
    for r in records(n):
        t = {k: r[k] for k in fields}
        if "restored" in t:
            t["restored"] = {"date": r["restored"], "source": "atlas"}
        territories.append(t)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(dict(HEADER, territories=territories), f, ensure_ascii=False)


def write_csv(path, n, fields):
    with open(path, "w", encoding="utf-8") as f:
        f.write(",".join(fields) + "\n")
        for r in records(n):
            f.write(",".join(str(r[k]) for k in fields))
            f.write("\n")


def main():
    args = sys.argv[1:]
    narrow = args[:1] == ["--narrow"]
    if narrow:
        args = args[1:]
    if len(args) != 2:
        sys.exit(__doc__)
    n, out = int(args[0]), args[1]
    fields, stem = (NARROW, "narrow") if narrow else (WIDE, "territories")
    os.makedirs(out, exist_ok=True)
    write_toml(os.path.join(out, f"{stem}-{n}.toml"), n, fields)
    write_json(os.path.join(out, f"{stem}-{n}.json"), n, fields)
    write_csv(os.path.join(out, f"{stem}-{n}.csv"), n, fields)


if __name__ == "__main__":
    main()
