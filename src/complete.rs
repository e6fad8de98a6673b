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
        cli = cli.mut_subcommand(name, |c| c.mut_arg("fields", |a| a.add(fields(name))));
    }
    cli
}

// The dataset completions come from: KARABAKH_DATA's, if it names one that loads, else the
// built-in one. `--data` on the line being completed is not seen.
static DATASET: LazyLock<Option<Dataset>> = LazyLock::new(|| {
    let path = std::env::var_os("KARABAKH_DATA").filter(|v| !v.is_empty());
    let from_file = path.and_then(|path| DataFile::read(path.as_ref(), None).ok()?.parse().ok());
    from_file.or_else(|| data::embedded().ok())
});

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
            let help = Some(t.name.to_string().into());
            candidates.push(CompletionCandidate::new(t.id.as_str()).help(help));
            let names = [Some(&t.name), t.name_az.as_ref().map(|a| &a.name)]
                .into_iter()
                .flatten();
            for name in names.chain(t.aliases.iter().map(|a| &a.name)) {
                let help = Some(t.id.to_string().into());
                candidates.push(CompletionCandidate::new(name.as_str()).help(help));
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
        .map(|f| CompletionCandidate::new(f.id.as_str()).help(Some(f.label.to_string().into())))
        .collect()
}

fn source_ids() -> Vec<CompletionCandidate> {
    let Some(ds) = DATASET.as_ref() else {
        return Vec::new();
    };
    (ds.sources.iter())
        .map(|s| CompletionCandidate::new(s.id.as_str()).help(Some(s.title.to_string().into())))
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
            (commands::LISTING_COMMANDS.iter())
                .filter(|c| c.name == command)
                .flat_map(|c| (c.listings)(ds, unit))
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
