#!/usr/bin/env bash
# How long building and testing take at a revision, in a clean checkout of it: the clean
# release build (`cargo build --release --locked`), a warm `cargo test` (everything already
# built, the tests run) and `cargo test` after touching one file in src/; and the lines of
# src/ and src/data/ there.
#
# Usage: bench/build-times.sh REV   (prints a line for each: what, a tab, the number)
set -euo pipefail
rev=$1
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$dir" >/dev/null 2>&1 || rm -rf "$dir"' EXIT
git -C "$root" worktree add --detach "$dir" "$rev" >/dev/null 2>&1
cd "$dir"
# The shared sources sit beside the checkout, as in CI.
[ -e ../shared ] || ln -s "$root/../shared" ../shared 2>/dev/null || true
lines() { find "$1" -name '*.rs' -print0 | xargs -0 cat | wc -l; }
echo "lines of src/	$(lines src)"
echo "lines of src/data/	$(lines src/data)"
seconds() { local start=$SECONDS; "$@" >/dev/null 2>&1 || true; echo $((SECONDS - start)); }
export CARGO_TARGET_DIR=$dir/target
echo "clean release build	$(seconds cargo build --release --locked)"
cargo test --locked --no-run >/dev/null 2>&1
seconds cargo test --locked >/dev/null
echo "warm cargo test	$(seconds cargo test --locked)"
touch src/output/table.rs
echo "cargo test after touching one file	$(seconds cargo test --locked)"
