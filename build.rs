//! Reads and validates `data.toml` when karabakh is built, and embeds it in a compact binary
//! encoding that the program decodes at start-up in microseconds. A mistake in `data.toml`
//! fails the build with the same located message `karabakh data check` gives.

use std::path::Path;

// The dataset code of the program itself, so that the build reads the dataset exactly as the
// program reads a user's dataset.
#[path = "src/data"]
#[allow(dead_code, unused_imports)]
mod data {
    pub mod binary;
    pub mod error;
    pub mod load;
    pub mod model;
    pub mod raw;
    pub mod text;
    pub mod validate;
    pub mod when;
}

fn main() {
    println!("cargo::rerun-if-changed=data.toml");
    println!("cargo::rerun-if-changed=src/data");
    let text = match std::fs::read_to_string("data.toml") {
        Ok(text) => text,
        Err(e) => fail(&format!("cannot read data.toml: {e}")),
    };
    let ds = match data::load::parse(&text, "data.toml", data::load::Syntax::Toml) {
        Ok(ds) => ds,
        Err(e) => fail(&e.to_string()),
    };
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let path = Path::new(&out).join("data.bin");
    if let Err(e) = std::fs::write(&path, data::binary::encode(&ds)) {
        fail(&format!("cannot write {}: {e}", path.display()));
    }
}

fn fail(message: &str) -> ! {
    for line in message.lines() {
        println!("cargo::error={line}");
    }
    std::process::exit(1);
}
