#!/usr/bin/env bash
# The benchmark of karabakh's speed and memory targets, on the binary users get
# (`cargo install --locked --path .`), beside the tools that do the same job. Writes
# BENCHMARKS.md with the medians, the ratios, each target and whether it is met.
#
# Usage: bench/run.sh [--quick]   (--quick: fewer runs and no 1,000,000-record step)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/bench/work
mkdir -p "$work"

quick=false
[ "${1:-}" = "--quick" ] && quick=true

# --- What the benchmark needs -------------------------------------------------------------
need=()
for tool in hyperfine sqlite3 python3 rg /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || need+=("$tool")
done
if [ ${#need[@]} -gt 0 ]; then
  packages=()
  for tool in "${need[@]}"; do
    case $tool in
      /usr/bin/time) packages+=(time) ;;
      rg) packages+=(ripgrep) ;;
      *) packages+=("$tool") ;;
    esac
  done
  echo "installing ${packages[*]}" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi
python3 -c 'import tomllib' || { echo "bench/run.sh needs Python 3.11 or later (tomllib)" >&2; exit 1; }

# The binary users get, and the empty program it is held against.
cargo install --path . --locked --quiet --force --root "$work/install"
bin=$work/install/bin/karabakh
printf 'fn main() {\n    println!("hello");\n}\n' > "$work/hello.rs"
rustc -O -o "$work/hello" "$work/hello.rs"

# --- The records ---------------------------------------------------------------------------
"$bin" districts --format csv > "$work/nine.csv"
rm -f "$work/nine.db"
sqlite3 "$work/nine.db" <<SQL
.mode csv
.import $work/nine.csv territories
SQL
sizes=(10000 100000)
$quick || sizes+=(1000000)
for n in "${sizes[@]}"; do
  [ -f "$work/territories-$n.csv" ] || python3 bench/generate.py "$n" "$work"
done

# The 1,000,000 records (about 210 MB of JSON) are over the default limit of a dataset file.
export KARABAKH_MAX_DATA_MB=1000

runs=(--warmup 5 --min-runs 30)
$quick && runs=(--warmup 1 --runs 5)
json=$work/results
rm -rf "$json"
mkdir -p "$json"

# Nine records sorted by date as TSV, beside sqlite3 querying a prepared database and the
# empty program.
hyperfine "${runs[@]}" -N --export-json "$json/nine.json" \
  -n karabakh "$bin districts --sort date --format tsv" \
  -n sqlite3 "sqlite3 -tabs -header $work/nine.db 'SELECT * FROM territories ORDER BY occupied, name'" \
  -n hello "$work/hello"

# Tab completion of `show` on the built-in data, as bash asks for it.
export _CLAP_IFS=$'\013' _CLAP_COMPLETE_INDEX=2 _CLAP_COMPLETE_COMP_TYPE=9 _CLAP_COMPLETE_SPACE=false
COMPLETE=bash hyperfine "${runs[@]}" -N --export-json "$json/complete.json" \
  -n karabakh "$bin -- karabakh show ka" \
  -n hello "$work/hello"
unset _CLAP_IFS _CLAP_COMPLETE_INDEX _CLAP_COMPLETE_COMP_TYPE _CLAP_COMPLETE_SPACE

# 10,000 records from TOML, the size people write by hand, beside Python's tomllib loading the
# same file and printing the sorted TSV.
cat > "$work/tomllib-sort.py" <<'PY'
import sys, tomllib
with open(sys.argv[1], "rb") as f:
    territories = tomllib.load(f)["territories"]
columns = ["id", "name", "name_az", "kind", "occupied", "area_km2", "restored", "source"]
out = ["\t".join(columns)]
for t in sorted(territories, key=lambda t: (t["area_km2"], t["name"].casefold(), t["id"])):
    restored = t.get("restored", {}).get("date", "")
    out.append("\t".join(str(v) for v in (t["id"], t["name"], t.get("name_az", ""), t["kind"], t["occupied"], t["area_km2"], restored, t["source"])))
print("\n".join(out))
PY
hyperfine "${runs[@]}" -N --export-json "$json/toml-10000.json" \
  -n karabakh "$bin districts --sort area --format tsv --data $work/territories-10000.toml" \
  -n python-tomllib "python3 $work/tomllib-sort.py $work/territories-10000.toml"

# 100,000 and 1,000,000 records from JSON, beside sqlite3 importing the same CSV and sorting it.
for n in "${sizes[@]}"; do
  [ "$n" -ge 100000 ] || continue
  base=$work/territories-$n
  big=(--warmup 1 --min-runs 5)
  $quick && big=(--warmup 1 --runs 3)
  hyperfine "${big[@]}" -N --export-json "$json/json-$n.json" \
    -n karabakh "$bin districts --sort area --format tsv --data $base.json" \
    -n sqlite3 "sqlite3 :memory: -cmd '.mode csv' -cmd '.import $base.csv territories' -cmd '.mode tabs' -cmd '.headers on' 'SELECT * FROM territories ORDER BY CAST(area_km2 AS INTEGER), name'"
done

# An article of 1 MB and one of 4 MB, made of the sentences of the test corpus in paragraphs,
# audited with every figure reported, beside ripgrep printing every number of the same file.
# `audit` exits 1 when a figure differs, as some in the corpus do on purpose.
for mb in 1 4; do
  python3 - "$mb" "$work/article-$mb.md" <<'PY'
import sys
mb, path = int(sys.argv[1]), sys.argv[2]
lines = open("tests/data/check-corpus.txt", encoding="utf-8").read().splitlines()
sentences = [l for l in lines if l and not l.startswith(("#", " "))]
out, size, i = [], 0, 0
while size < mb * 1_000_000:
    paragraph = " ".join(sentences[(i + k) % len(sentences)] for k in range(5))
    if i % 40 == 0:
        paragraph = f"## Section {i // 40 + 1}\n\n{paragraph}"
    out.append(paragraph)
    size += len(paragraph.encode()) + 2
    i += 5
open(path, "w", encoding="utf-8").write("\n\n".join(out) + "\n")
PY
done
few=(--warmup 1 --min-runs 5)
$quick && few=(--warmup 1 --runs 3)
hyperfine "${few[@]}" -N -i --export-json "$json/audit.json" \
  -n "karabakh 1 MB" "$bin audit --all $work/article-1.md" \
  -n "karabakh 4 MB" "$bin audit --all $work/article-4.md" \
  -n "ripgrep 1 MB" "rg -o '[0-9][0-9,.]*' $work/article-1.md" \
  -n "ripgrep 4 MB" "rg -o '[0-9][0-9,.]*' $work/article-4.md"

# Peak memory (maximum resident set size) on each input file.
memory=$json/memory.tsv
: > "$memory"
for n in "${sizes[@]}"; do
  for ext in toml json; do
    file=$work/territories-$n.$ext
    [ "$ext" = toml ] && [ "$n" -gt 100000 ] && continue
    kb=$( { /usr/bin/time -f '%M' "$bin" districts --sort area --format tsv --data "$file" > /dev/null; } 2>&1 | tail -1)
    printf '%s\t%s\t%s\t%s\n' "$n" "$ext" "$(stat -c %s "$file")" "$((kb * 1024))" >> "$memory"
  done
done

python3 bench/report.py "$json" "$bin" > BENCHMARKS.md
echo "wrote BENCHMARKS.md" >&2
