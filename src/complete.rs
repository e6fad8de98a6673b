//! Shell completion that knows the data: clap_complete's dynamic completion, which the shell
//! asks at every Tab (`COMPLETE=bash karabakh -- karabakh show ka`), offering the dataset's
//! territories, figures, sources and each command's fields besides the options and choices.

use std::io::{self, Write};
use std::sync::LazyLock;

use clap::CommandFactory;
use clap_complete::engine::ArgValueCompleter;
use clap_complete::{ArgValueCandidates, CompletionCandidate};

use crate::cli::Cli;
use crate::commands;
use crate::data::{self, DataFile, Dataset};
use crate::escape::escape_for_terminal;
use crate::query::AreaUnit;

/// The variable through which the shell asks for completions.
const VAR: &str = "COMPLETE";

/// Answers the shell and exits, if the shell is asking; returns at once otherwise.
pub fn answer_the_shell() {
    // Looked at first, so that an ordinary run touches none of the completion code.
    if std::env::var_os(VAR).is_some() {
        clap_complete::CompleteEnv::with_factory(command)
            .var(VAR)
            .complete();
    }
}

/// The script that makes `shell` ask `karabakh` for completions.
pub fn registration(shell: clap_complete::Shell, out: &mut dyn Write) -> io::Result<()> {
    let name = shell.to_string();
    let shells = clap_complete::env::Shells::builtins();
    let Some(completer) = shells.completer(&name) else {
        return Err(io::Error::other(format!("no completion for {name}")));
    };
    completer.write_registration(VAR, "karabakh", "karabakh", "karabakh", out)
}

/// The command line with the dataset's values attached to the arguments that take them.
pub fn command() -> clap::Command {
    let fields = |name: &'static str| ArgValueCandidates::new(move || fields_of(name));
    let mut cli = Cli::command()
        .mut_subcommand("show", |c| c.mut_arg("name", |a| a.add(territories())))
        .mut_subcommand("timeline", |c| {
            c.mut_arg("territory", |a| a.add(territories()))
        })
        .mut_subcommand("figures", |c| {
            c.mut_arg("id", |a| a.add(ArgValueCandidates::new(figure_ids)))
        })
        .mut_subcommand("sources", |c| {
            c.mut_arg("id", |a| a.add(ArgValueCandidates::new(source_ids)))
        })
        .mut_subcommand("cite", |c| {
            c.mut_arg("items", |a| {
                a.add(folded(|| {
                    let mut both = cite_names();
                    both.extend(cite_fields());
                    both
                }))
            })
        });
    for command in commands::LISTING_COMMANDS {
        let name = command.name;
        let words: Vec<&str> = name.split(' ').collect();
        cli = nested(cli, &words, &|c| {
            c.mut_arg("fields", |a| a.add(fields(name)))
        });
    }
    cli
}

// `cli` with `change` made to the subcommand the `words` name, as ["data", "diff"].
fn nested(
    cli: clap::Command,
    words: &[&str],
    change: &dyn Fn(clap::Command) -> clap::Command,
) -> clap::Command {
    match words {
        [] => change(cli),
        [first, rest @ ..] => cli.mut_subcommand(*first, |c| nested(c, rest, change)),
    }
}

// The dataset completions come from: KARABAKH_DATA's, else the built-in one. Where
// KARABAKH_DATA names one that does not load, nothing is offered (the shell shows no
// candidates), since the command would refuse whatever was offered and say why. `--data` on
// the line being completed is not seen.
static DATASET: LazyLock<Option<Dataset>> =
    LazyLock::new(
        || match std::env::var_os("KARABAKH_DATA").filter(|v| !v.is_empty()) {
            Some(path) => DataFile::read(path.as_ref(), None).ok()?.parse().ok(),
            None => data::embedded().ok(),
        },
    );

// A candidate for `value`, described by `help`; none where the value holds what a shell would
// act on or split at, or a terminal show wrongly (a control or invisible character, a line
// break, a bidirectional override), since it could not be offered as it is. The help is
// escaped as a table escapes it.
fn offered(value: &str, help: &str) -> Option<CompletionCandidate> {
    (escape_for_terminal(value) == value)
        .then(|| CompletionCandidate::new(value).help(Some(escape_for_terminal(help).into())))
}

fn territories() -> ArgValueCompleter {
    folded(territory_names)
}

// The candidates of `all` that start with what was typed, ignoring case and diacritics as
// `show` does: `fuz` offers Füzuli, Fizuli's alias Fuzuli and the rest.
fn folded(all: fn() -> Vec<CompletionCandidate>) -> ArgValueCompleter {
    ArgValueCompleter::new(move |current: &std::ffi::OsStr| {
        let typed = crate::query::fold(&current.to_string_lossy());
        (all().into_iter())
            .filter(|c| crate::query::fold(&c.get_value().to_string_lossy()).starts_with(&typed))
            .collect::<Vec<_>>()
    })
}

// Every id, name and alias of the territories.
fn territory_names() -> Vec<CompletionCandidate> {
    {
        let Some(ds) = DATASET.as_ref() else {
            return Vec::new();
        };
        let mut candidates = Vec::new();
        for t in &ds.territories {
            candidates.extend(offered(&t.id, &t.name));
            let names = [Some(&t.name), t.name_az.as_ref().map(|a| &a.name)]
                .into_iter()
                .flatten();
            for name in names.chain(t.aliases.iter().map(|a| &a.name)) {
                candidates.extend(offered(name, &t.id));
            }
        }
        candidates
    }
}

// What `cite` takes: a territory, a figure id or `totals`.
fn cite_names() -> Vec<CompletionCandidate> {
    let mut names = territory_names();
    names.extend(figure_ids());
    names.push(
        CompletionCandidate::new("totals").help(Some("the totals of every territory".into())),
    );
    names
}

// The fields of `show`, `figures` and `totals`, which `cite` takes.
fn cite_fields() -> Vec<CompletionCandidate> {
    let mut fields: Vec<CompletionCandidate> = Vec::new();
    for command in ["show", "figures", "totals"] {
        for field in fields_of(command) {
            let name = field.get_value().to_owned();
            if name != "cited" && !fields.iter().any(|f| f.get_value() == name) {
                fields.push(field);
            }
        }
    }
    fields
}

fn figure_ids() -> Vec<CompletionCandidate> {
    let Some(ds) = DATASET.as_ref() else {
        return Vec::new();
    };
    (ds.figures.iter())
        .filter_map(|f| offered(&f.id, &f.label))
        .collect()
}

fn source_ids() -> Vec<CompletionCandidate> {
    let Some(ds) = DATASET.as_ref() else {
        return Vec::new();
    };
    (ds.sources.iter())
        .filter_map(|s| offered(&s.id, &s.title))
        .collect()
}

/// The fields `--fields` takes for `command`: the columns of its listings (the rows of `show`,
/// whose fields are rows), in every unit of area.
fn fields_of(command: &str) -> Vec<CompletionCandidate> {
    let Some(ds) = DATASET.as_ref() else {
        return Vec::new();
    };
    let mut keys: Vec<String> = Vec::new();
    for unit in [AreaUnit::Km2, AreaUnit::Mi2, AreaUnit::Ha] {
        let names: Vec<String> = if command == "show" {
            (ds.territories.iter().take(100))
                .filter_map(|t| commands::show::report(ds, &t.id, unit, None).ok())
                .flat_map(|report| {
                    (report
                        .rows()
                        .filter_map(|row| Some(row.first()?.machine().into_owned())))
                    .collect::<Vec<_>>()
                })
                .collect()
        } else {
            (commands::fields::listings(ds, Some(command), unit).into_iter())
                .flat_map(|(_, columns)| columns.into_iter().map(|c| c.key.into_owned()))
                .collect()
        };
        for name in names {
            if !keys.contains(&name) {
                keys.push(name);
            }
        }
    }
    keys.into_iter().map(CompletionCandidate::new).collect()
}
