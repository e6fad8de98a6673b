#!/usr/bin/env python3
"""Writes N generated territories as the same records in three formats, for the benchmark:

    DIR/territories-N.toml   a karabakh dataset (--data reads it)
    DIR/territories-N.json   the same dataset as JSON (--data reads it too)
    DIR/territories-N.csv    one row per territory, for sqlite3 and miller

Usage: bench/generate.py N DIR
"""

import json
import os
import sys


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


def write_toml(path, n):
    with open(path, "w", encoding="utf-8") as f:
        f.write('schema = 1\n\n[country]\nname = "Testland"\narea_km2 = 4000000000\n')
        f.write('source = "atlas"\n\n[[sources]]\nid = "atlas"\ntitle = "A generated atlas"\n')
        for r in records(n):
            f.write(
                f'\n[[territories]]\nid = "{r["id"]}"\nname = "{r["name"]}"\n'
                f'name_az = "{r["name_az"]}"\nkind = "{r["kind"]}"\noccupied = {r["occupied"]}\n'
                f'area_km2 = {r["area_km2"]}\nsource = "atlas"\n'
                f'restored = {{ date = {r["restored"]}, source = "atlas" }}\n'
            )


def write_json(path, n):
    territories = []
    for r in records(n):
        t = {k: r[k] for k in ("id", "name", "name_az", "kind", "occupied", "area_km2", "source")}
        t["restored"] = {"date": r["restored"], "source": "atlas"}
        territories.append(t)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(dict(HEADER, territories=territories), f, ensure_ascii=False)


def write_csv(path, n):
    with open(path, "w", encoding="utf-8") as f:
        f.write("id,name,name_az,kind,occupied,area_km2,restored,source\n")
        for r in records(n):
            f.write(",".join(str(r[k]) for k in
                             ("id", "name", "name_az", "kind", "occupied", "area_km2", "restored", "source")))
            f.write("\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    write_toml(os.path.join(out, f"territories-{n}.toml"), n)
    write_json(os.path.join(out, f"territories-{n}.json"), n)
    write_csv(os.path.join(out, f"territories-{n}.csv"), n)


if __name__ == "__main__":
    main()
