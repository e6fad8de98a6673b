#!/usr/bin/env bash
# The benchmark of issues 4 and 10: karabakh beside sqlite3, miller (mlr) and jq on the same records,
# each tool reading its own natural format from disk. Writes BENCHMARKS.md.
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
for tool in hyperfine sqlite3 mlr jq python3 /usr/bin/time; do
  command -v "$tool" >/dev/null 2>&1 || need+=("$tool")
done
if [ ${#need[@]} -gt 0 ]; then
  packages=()
  for tool in "${need[@]}"; do
    case $tool in mlr) packages+=(miller) ;; /usr/bin/time) packages+=(time) ;; *) packages+=("$tool") ;; esac
  done
  echo "installing ${packages[*]}" >&2
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi

# The binary users get: `cargo install --path .`, with no special flags.
cargo install --path . --locked --quiet --force --root "$work/install"
bin=$work/install/bin/karabakh

# --- The records ---------------------------------------------------------------------------
# The nine territories in each tool's natural format: a database file, CSV and JSON.
"$bin" districts --format csv > "$work/nine.csv"
"$bin" districts --format json > "$work/nine.json"
rm -f "$work/nine.db"
sqlite3 "$work/nine.db" <<SQL
.mode csv
.import $work/nine.csv territories
SQL

sizes=(10000 100000)
$quick || sizes+=(1000000)
for n in "${sizes[@]}"; do
  [ -f "$work/territories-$n.csv" ] || python3 bench/generate.py "$n" "$work"
  [ -f "$work/narrow-$n.csv" ] || python3 bench/generate.py --narrow "$n" "$work"
done

runs=(--warmup 3 --min-runs 20)
$quick && runs=(--warmup 1 --runs 5)
json=$work/results
mkdir -p "$json"

# Loading the built-in dataset, timed inside the program (the median of 2,001 loads): at
# this scale a whole run of the program is mostly the process starting.
cargo bench --locked -q --bench embedded > "$json/embedded.txt"

# The nine records sorted by date, as TSV. A period such as 1988/1992 sorts by its start,
# which is also how the text sorts.
hyperfine "${runs[@]}" -N --export-json "$json/nine-tsv.json" \
  -n karabakh "$bin districts --sort date --format tsv" \
  -n sqlite3 "sqlite3 -tabs -header $work/nine.db 'SELECT * FROM territories ORDER BY occupied, name'" \
  -n mlr "mlr --icsv --otsv sort -f occupied,name $work/nine.csv" \
  -n jq "jq -r '(.[0] | keys_unsorted | @tsv), (sort_by(.occupied, .name)[] | [.[] | tostring] | @tsv)' $work/nine.json" \
  -n true "/usr/bin/true"

# The same as a table for a terminal.
hyperfine "${runs[@]}" -N --export-json "$json/nine-table.json" \
  -n karabakh "$bin districts --sort date --format table" \
  -n sqlite3 "sqlite3 -box $work/nine.db 'SELECT * FROM territories ORDER BY occupied, name'" \
  -n mlr "mlr --icsv --opprint --barred sort -f occupied,name $work/nine.csv"

# The total area.
hyperfine "${runs[@]}" -N --export-json "$json/total.json" \
  -n karabakh "$bin totals --format tsv" \
  -n sqlite3 "sqlite3 $work/nine.db 'SELECT SUM(area_km2) FROM territories'" \
  -n mlr "mlr --icsv --otsv stats1 -a sum -f area_km2 $work/nine.csv" \
  -n jq "jq 'map(.area_km2) | add' $work/nine.json"

# Generated territories sorted by area, as TSV, each tool reading its own format from disk
# each time: wide records (eight columns) and narrow ones (six).
for shape in territories narrow; do
  case $shape in
    territories) jq_fields='.id, .name, .name_az, .kind, .occupied, .area_km2, .restored.date, .source' ;;
    narrow) jq_fields='.id, .name, .kind, .occupied, .area_km2, .source' ;;
  esac
  for n in "${sizes[@]}"; do
    base=$work/$shape-$n
    # Large inputs take seconds a run; a few runs give a stable median. A million records still
    # get a warm-up run: the first run may read files of 200 MB back from disk, and with three
    # runs one slow moment of the VM moved the median by a fifth.
    big_runs=("${runs[@]}")
    [ "$n" -ge 100000 ] && ! $quick && big_runs=(--warmup 1 --min-runs 5)
    [ "$n" -ge 1000000 ] && big_runs=(--warmup 1 --runs 5)
    others=()
    # miller and jq take tens of seconds a run on a million records; they are compared below that.
    if [ "$n" -lt 1000000 ]; then
      others=(-n mlr "mlr --icsv --otsv sort -nf area_km2 -f name $base.csv"
              -n jq "jq -r '.territories | sort_by(.area_km2, .name)[] | [$jq_fields] | @tsv' $base.json")
    fi
    hyperfine "${big_runs[@]}" -N --export-json "$json/sort-$shape-$n.json" \
      -n karabakh-toml "$bin districts --sort area --format tsv --data $base.toml" \
      -n karabakh-json "$bin districts --sort area --format tsv --data $base.json" \
      -n sqlite3 "sqlite3 :memory: -cmd '.mode csv' -cmd '.import $base.csv territories' -cmd '.mode tabs' -cmd '.headers on' 'SELECT * FROM territories ORDER BY CAST(area_km2 AS INTEGER), name'" \
      "${others[@]}"
  done
done

# Peak memory (maximum resident set size) of karabakh on each input file.
memory=$json/memory.tsv
: > "$memory"
for shape in territories narrow; do
  for n in "${sizes[@]}"; do
    for ext in toml json; do
      file=$work/$shape-$n.$ext
      kb=$( { /usr/bin/time -f '%M' "$bin" districts --sort area --format tsv --data "$file" > /dev/null; } 2>&1 | tail -1)
      printf '%s\t%s\t%s\t%s\t%s\n' "$shape" "$n" "$ext" "$(stat -c %s "$file")" "$((kb * 1024))" >> "$memory"
    done
  done
done

python3 bench/report.py "$json" "$bin" > BENCHMARKS.md
echo "wrote BENCHMARKS.md" >&2
