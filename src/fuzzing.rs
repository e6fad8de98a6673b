//! The checks the fuzz targets in `fuzz/` run, kept here so that the regression tests run
//! exactly the same checks on every input the fuzzers ever found a fault with.

use std::sync::LazyLock;

use crate::commands;
use crate::data::{self, Dataset, Syntax};
use crate::output::chart::ChartOptions;
use crate::output::{self, Format, Options};
use crate::query::{self, AreaUnit, Filter, Lookup, SortKey};

/// How large an input the `load` target makes of one whose first byte asks for it.
pub const AMPLIFIED_BYTES: usize = 1 << 20;

/// Loads arbitrary bytes as a dataset (the first byte picks TOML or JSON, and with its top bit
/// set, the rest is repeated to a megabyte: work that grows faster than the input then takes
/// long enough for libFuzzer's `-timeout` to catch); whatever loads is listed, summed and
/// rendered in every format, and exports to a dataset that loads back unchanged. Panics on any
/// fault.
pub fn load(bytes: &[u8]) {
    let Some((&first, rest)) = bytes.split_first() else {
        return;
    };
    let syntax = if first % 2 == 0 {
        Syntax::Toml
    } else {
        Syntax::Json
    };
    let mut text = rest.to_vec();
    if first & 0x80 != 0 && !rest.is_empty() {
        while text.len() < AMPLIFIED_BYTES {
            text.extend_from_slice(rest);
        }
    }
    let Ok(file) = data::DataFile::from_bytes(text, "fuzz", syntax) else {
        return;
    };
    let Ok(ds) = file.parse() else {
        return;
    };
    let filter = Filter::default();
    let mut reports = vec![
        commands::districts::report(&ds, &filter, SortKey::Held, true, AreaUnit::Mi2),
        commands::totals::report(&ds, &filter, AreaUnit::Km2),
        commands::totals::by_year(&ds, &filter, AreaUnit::Ha),
        commands::figures::latest(&ds),
        commands::figures::history(&ds),
        commands::timeline::report(&ds, &commands::timeline::Selection::default()),
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
        ] {
            let mut sink = Vec::new();
            for (width, wide) in [(None, false), (Some(40), false), (Some(80), true)] {
                let options = Options {
                    header: true,
                    color: true,
                    width,
                    wide,
                    bom: false,
                };
                output::render(report, format, options, &[], &mut sink)
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
    let toml = data::to_toml(&ds).expect("a valid dataset exports as TOML");
    let again = data::parse(&toml, "export", Syntax::Toml).expect("the export loads");
    assert_eq!(again, ds, "the export loads back unchanged");
}

/// Reads arbitrary text as a TOML dataset both in pieces (of a size the first byte picks) and
/// whole: whenever the pieces give a dataset, the whole file gives the same one. Panics if not.
pub fn pieces(text: &str) {
    let Some((first, rest)) = text.chars().next().map(|c| (c, &text[c.len_utf8()..])) else {
        return;
    };
    let piece_bytes = 1 + (u32::from(first) as usize % 512);
    if let Some(pieces) = data::toml_in_pieces(rest, piece_bytes) {
        let whole = toml::from_str::<data::RawDataset>(rest).ok();
        assert_eq!(Some(pieces), whole, "the pieces read as the whole does");
    }
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
