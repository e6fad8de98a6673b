//! Turns `data.toml` into JSON when karabakh is built: the program embeds the JSON and reads it
//! at start-up with the same loader and checks as any `--data FILE.json`, which is quicker than
//! reading TOML. The conversion knows nothing of the dataset's schema; a test checks that
//! `data.toml` itself is a valid dataset, with the located messages `karabakh data check` gives.

use std::path::Path;

fn main() {
    println!("cargo::rerun-if-changed=data.toml");
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

fn fail(message: &str) -> ! {
    for line in message.lines() {
        println!("cargo::error={line}");
    }
    std::process::exit(1);
}
