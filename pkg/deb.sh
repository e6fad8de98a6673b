#!/usr/bin/env bash
# Builds the Debian package, target/debian/karabakh_VERSION-1_ARCH.deb, with cargo-deb.
# The manual pages and shell completions come from the program itself, so they are made here,
# from the release build, into target/deb-assets, where the `assets` of
# [package.metadata.deb] in Cargo.toml find them.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v cargo-deb >/dev/null 2>&1 || cargo install --locked cargo-deb@3.8.0

cargo build --release --locked
bin=target/release/karabakh
assets=target/deb-assets
rm -rf "$assets"
mkdir -p "$assets/man" "$assets/completions"
"$bin" man --dir "$assets/man"
# Debian compresses manual pages with gzip -9n (no name or time, so the build is reproducible).
gzip -9n "$assets"/man/*.1
"$bin" completions bash > "$assets/completions/karabakh"
"$bin" completions zsh > "$assets/completions/_karabakh"
"$bin" completions fish > "$assets/completions/karabakh.fish"
cargo deb --no-build --locked "$@"
