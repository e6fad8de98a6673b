//! Turns `data.toml` into JSON when karabakh is built: the program embeds the JSON and reads it
//! at start-up with the same loader and checks as any `--data FILE.json`, which is quicker than
//! reading TOML. The conversion knows nothing of the dataset's schema; a test checks that
//! `data.toml` itself is a valid dataset, with the located messages `karabakh data check` gives.
//!
//! On Linux with glibc it also links GCC's unwinder into the binary, as `gcc -static-libgcc`
//! does, where the C compiler has it (see `link_the_unwinder`).

use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo::rerun-if-changed=data.toml");
    link_the_unwinder();
    let text = std::fs::read_to_string("data.toml")
        .unwrap_or_else(|e| fail(&format!("cannot read data.toml: {e}")));
    let table: toml::Table = toml::from_str(&text)
        .unwrap_or_else(|e| fail(&format!("data.toml is not valid TOML: {e}")));
    let json = to_json(toml::Value::Table(table));
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let path = Path::new(&out).join("data.json");
    if let Err(e) = std::fs::write(&path, json.to_string()) {
        fail(&format!("cannot write {}: {e}", path.display()));
    }
}

/// The same value in JSON; a date becomes its text, which the dataset's date type reads.
fn to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as Json;
    match value {
        toml::Value::String(s) => Json::String(s),
        toml::Value::Integer(n) => Json::from(n),
        toml::Value::Float(x) => Json::from(x),
        toml::Value::Boolean(b) => Json::Bool(b),
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(items) => Json::Array(items.into_iter().map(to_json).collect()),
        toml::Value::Table(table) => {
            Json::Object(table.into_iter().map(|(k, v)| (k, to_json(v))).collect())
        }
    }
}

/// Links GCC's unwinder (`libgcc_eh.a`) into the program instead of loading `libgcc_s.so.1` at
/// every start.
// The standard library needs only the unwinder of libgcc_s, yet loading that library costs a
// start more than all of karabakh's own work on the built-in dataset: mapping and relocating it,
// and its constructor, which asks the processor what it supports (slow in a virtual machine).
// Linking the unwinder statically is what `gcc -static-libgcc` does for C++ programs and what
// Rust itself does for `crt-static` builds. It is taken whole (`+whole-archive`) so that every
// unwinder symbol is defined before the standard library asks for libgcc_s, which the linker
// then leaves out (`--as-needed`). Where the C compiler has no libgcc_eh.a (clang with its own
// runtime, another target), nothing changes.
fn link_the_unwinder() {
    let var = |name: &str| std::env::var(name).unwrap_or_default();
    let static_crt = var("CARGO_CFG_TARGET_FEATURE")
        .split(',')
        .any(|f| f == "crt-static");
    if var("CARGO_CFG_TARGET_OS") != "linux" || var("CARGO_CFG_TARGET_ENV") != "gnu" || static_crt {
        return;
    }
    println!("cargo::rerun-if-env-changed=RUSTC_LINKER");
    // rustc links with `cc` unless a linker is configured; cargo then names it here.
    let linker = std::env::var_os("RUSTC_LINKER").unwrap_or_else(|| "cc".into());
    let found = Command::new(linker)
        .arg("-print-file-name=libgcc_eh.a")
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        // A driver that lacks the file prints its bare name back.
        .is_some_and(|path| Path::new(&path).is_absolute() && Path::new(&path).is_file());
    if found {
        println!("cargo::rustc-link-lib=static:+whole-archive,-bundle=gcc_eh");
    }
}

fn fail(message: &str) -> ! {
    for line in message.lines() {
        println!("cargo::error={line}");
    }
    std::process::exit(1);
}
