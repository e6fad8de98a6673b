//! The checks the fuzz targets in `fuzz/` run. The targets and the regression tests
//! (`tests/cli/fuzz_regressions.rs`) both include this file, so that every input a fuzzer ever
//! found a fault with is replayed through exactly the same checks, and none of it is in the
//! program.

use std::sync::LazyLock;

use karabakh::commands;
use karabakh::data::{self, Dataset, Syntax};
use karabakh::output::chart::ChartOptions;
use karabakh::output::cite::Style;
use karabakh::output::{self, Format, Naming, Options};
use karabakh::query::{self, AreaUnit, Filter, Lookup, SortKey};

/// How large an input the `load` target makes of one whose first byte asks for it: large
/// enough that quadratic work takes seconds (`-timeout=3` catches it), linear well under one.
pub const AMPLIFIED_BYTES: usize = 4 << 20;

/// An input made about `size` bytes long. Each piece between a line `#repeat` and a line
/// `#end` (or the whole input, if it has none) is repeated, all of them the same number of
/// times, with `{n}` the number of the repetition (from 1) and `{p}` the one before: so a
/// dataset can have a head kept once and records with ids of their own (`id = "t{n}"`), a list
/// that names them all, and chains of references (`of = "p{p}"`), which is where quadratic
/// work hides.
pub fn amplified(input: &[u8], size: usize) -> Vec<u8> {
    let input = String::from_utf8_lossy(input);
    // Literal text and pieces, in turn: literal, piece, literal, piece, ...
    let mut parts: Vec<&str> = Vec::new();
    let mut rest: &str = &input;
    while let Some((literal, after)) = rest.split_once("#repeat\n") {
        let (piece, tail) = after.split_once("#end\n").unwrap_or((after, ""));
        parts.extend([literal, piece]);
        rest = tail;
    }
    if parts.is_empty() {
        parts.extend(["", rest]);
    } else {
        parts.push(rest);
    }
    let pieces: usize = parts.iter().skip(1).step_by(2).map(|p| p.len()).sum();
    let times = size / pieces.max(1);
    let mut text = String::with_capacity(size + input.len());
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 0 {
            text.push_str(part);
            continue;
        }
        for n in 1..=times {
            let numbered = part
                .replace("{n}", &n.to_string())
                .replace("{p}", &(n - 1).to_string());
            text.push_str(&numbered);
        }
    }
    text.into_bytes()
}

/// Loads arbitrary bytes as a dataset (the first byte picks TOML or JSON, and with its top bit
/// set, the rest is [`amplified`] to a megabyte: work that grows faster than the input then
/// takes long enough for libFuzzer's `-timeout` to catch); whatever loads is listed, summed,
/// cited, put on the page and rendered in every format, and exports to a dataset that loads
/// back unchanged. Panics on any fault.
pub fn load(bytes: &[u8]) {
    load_amplified_to(bytes, AMPLIFIED_BYTES);
}

/// [`load`], with an input that asks for it amplified to `size` bytes: the regression tests
/// replay inputs smaller, since they look for faults, not for time.
pub fn load_amplified_to(bytes: &[u8], size: usize) {
    let Some((&first, rest)) = bytes.split_first() else {
        return;
    };
    let syntax = if first % 2 == 0 {
        Syntax::Toml
    } else {
        Syntax::Json
    };
    let text = if first & 0x80 != 0 && !rest.is_empty() {
        amplified(rest, size)
    } else {
        rest.to_vec()
    };
    let Ok(file) = data::DataFile::from_bytes(text, "fuzz", syntax) else {
        return;
    };
    let Ok(ds) = file.parse() else {
        return;
    };
    let filter = Filter::default();
    let mut reports = vec![
        commands::districts::report(
            &ds,
            &filter,
            SortKey::Held,
            true,
            AreaUnit::Mi2,
            Naming::Names,
        ),
        commands::totals::report(&ds, &filter, AreaUnit::Km2, Naming::Names),
        commands::totals::by_year(&ds, &filter, AreaUnit::Ha),
        commands::figures::latest(&ds),
        commands::figures::history(&ds, Naming::Names),
        commands::timeline::report(
            &ds,
            &commands::timeline::Selection::default(),
            Naming::Names,
        ),
        commands::sources::report(&ds),
    ];
    if let Some(t) = ds.territories.first() {
        reports.extend(
            commands::show::report(&ds, &t.name, AreaUnit::Km2, Some(t.occupied.first_day())).ok(),
        );
    }
    for report in &reports {
        for format in [
            Format::Table,
            Format::Tsv,
            Format::Csv,
            Format::Json,
            Format::Markdown,
            Format::Sql,
        ] {
            let mut sink = Vec::new();
            for (width, wide) in [(None, false), (Some(40), false), (Some(80), true)] {
                let options = Options {
                    header: true,
                    color: true,
                    width,
                    wide,
                    bom: false,
                    table: "listing",
                };
                output::render(report, format, options, Some(&ds), &mut sink)
                    .expect("writing to memory works");
            }
        }
    }
    let charts = [
        commands::chart::bars(&ds, &filter, SortKey::Area, false),
        commands::chart::cumulative(&ds, &filter),
    ];
    for chart in &charts {
        for (width, ascii) in [(1, true), (40, false), (200, true)] {
            let options = ChartOptions {
                width,
                ascii,
                color: true,
                unit: AreaUnit::Mi2,
            };
            let mut sink = Vec::new();
            output::chart::write(chart, options, &mut sink).expect("writing to memory works");
        }
    }
    if let Some(t) = ds.territories.first() {
        let cited = commands::cite::cite(&ds, &t.id, Some("area"), AreaUnit::Km2, None)
            .expect("a territory's area is cited");
        for style in [
            Style::Text,
            Style::Markdown,
            Style::Bibtex,
            Style::CslJson,
            Style::Ris,
        ] {
            let mut sink = Vec::new();
            let dataset = query::Identity::of(&ds).citation();
            output::cite::write(&cited, dataset.as_ref(), style, &mut sink)
                .expect("writing to memory works");
        }
    }
    if let Ok(page) = commands::report::page(&ds, AreaUnit::Km2) {
        let mut sink = Vec::new();
        output::html::write(&page, &mut sink).expect("writing to memory works");
    }
    let toml = data::to_toml(&ds).expect("a valid dataset exports as TOML");
    let again = data::parse(&toml, "export", Syntax::Toml).expect("the export loads");
    assert_eq!(again, ds, "the export loads back unchanged");
}

// The matcher is the target, not the loader, so the dataset is loaded once.
static EMBEDDED: LazyLock<Dataset> =
    LazyLock::new(|| data::embedded().expect("the built-in dataset is valid"));

/// Looks up arbitrary text as a territory name: folding is stable, a match has the name,
/// and suggestions are few. Panics on any fault.
pub fn name(name: &str) {
    let ds = &*EMBEDDED;
    let folded = query::fold(name);
    assert_eq!(
        query::fold(&folded),
        folded,
        "folding twice changes nothing"
    );
    match query::lookup(ds, name) {
        Lookup::Found(r) => {
            let t = ds.territory(r);
            let mut names = [
                Some(&t.id),
                Some(&t.name),
                t.name_az.as_ref().map(|a| &a.name),
            ]
            .into_iter()
            .flatten()
            .chain(t.aliases.iter().map(|a| &a.name));
            assert!(
                names.any(|n| query::fold(n) == folded),
                "a match has the name"
            );
        }
        Lookup::Ambiguous(refs) => assert!(refs.len() > 1),
        Lookup::NotFound(close) => assert!(close.len() <= 3),
    }
}
