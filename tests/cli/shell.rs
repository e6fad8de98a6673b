//! The shell integration: the overview without a command, help texts checked against committed
//! copies, completions and the manual page.

use crate::common;

use common::{karabakh, stdout};

/// Every command, as the overview and the manual page must name them.
const COMMANDS: [&str; 15] = [
    "districts",
    "totals",
    "show",
    "figures",
    "timeline",
    "sources",
    "chart",
    "cite",
    "check",
    "audit",
    "report",
    "fields",
    "data",
    "completions",
    "man",
];

fn snapshot(name: &str, text: &str) {
    insta::with_settings!({ snapshot_path => "snapshots/help", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn without_a_command_karabakh_prints_a_short_overview_and_succeeds() {
    let overview = stdout(&[]);
    snapshot("overview", &overview);
    for command in COMMANDS {
        assert!(
            overview.contains(&format!("\n  {command} ")),
            "the overview lacks {command}"
        );
    }
    assert!(overview.lines().count() < 30, "the overview is short");
}

#[test]
fn the_help_of_every_command_matches_its_committed_copy() {
    // A change to the interface shows up in review as a change to these snapshots.
    snapshot("karabakh", &stdout(&["--help"]));
    for command in COMMANDS {
        let help = stdout(&[command, "--help"]);
        assert!(
            help.contains("Examples:"),
            "`{command} --help` has no examples"
        );
        snapshot(command, &help);
    }
    for command in ["check", "export"] {
        let help = stdout(&["data", command, "--help"]);
        assert!(help.contains("Examples:"));
        snapshot(&format!("data-{command}"), &help);
    }
}

/// What bash completes for `line` (the last word is the one being completed), through the
/// script `karabakh completions bash` prints, with the freshly built `karabakh` on the PATH.
fn bash_completes(line: &str) -> Vec<String> {
    let script = stdout(&["completions", "bash"]);
    let words: Vec<&str> = line.split(' ').collect();
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "{script}\nCOMP_WORDS=({})\nCOMP_CWORD={}\nCOMP_TYPE=9\n\
         _clap_complete_karabakh karabakh '{}' '{}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"",
        quoted.join(" "),
        words.len() - 1,
        words[words.len() - 1],
        words[words.len() - 2],
    );
    let path = common::path_with_karabakh();
    let out = common::succeeded(
        std::process::Command::new("bash")
            .args(["--norc", "-c", &program])
            .env("PATH", path)
            .env_remove("KARABAKH_DATA"),
        "bash",
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_owned)
        .collect()
}

#[test]
fn bash_completes_the_datasets_names_ids_and_fields() {
    // Case is ignored, as `show` ignores it.
    assert_eq!(
        bash_completes("karabakh show ka"),
        [
            "Karabagh",
            "Kashatagh",
            "kalbajar",
            "Kalbajar",
            "Kalbadjar",
            "Karvachar"
        ]
    );
    let names = bash_completes("karabakh show K");
    for name in ["Kalbajar", "Karvachar", "Kelbajar", "Kəlbəcər"] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
    assert_eq!(
        bash_completes("karabakh timeline --territory shu"),
        ["shusha", "Shusha", "Shushi"]
    );
    assert_eq!(bash_completes("karabakh figures mis"), ["missing-persons"]);
    assert_eq!(
        bash_completes("karabakh sources unsc-8"),
        ["unsc-822", "unsc-853", "unsc-874", "unsc-884"]
    );
    // Fields are each command's own, after a comma too, in every unit.
    assert_eq!(
        bash_completes("karabakh districts --fields name"),
        ["name", "name_az"]
    );
    assert_eq!(
        bash_completes("karabakh districts --fields id,yea"),
        ["id,years_held"]
    );
    assert_eq!(
        bash_completes("karabakh totals --fields cumulative_area_m"),
        ["cumulative_area_mi2"]
    );
    assert_eq!(
        bash_completes("karabakh show kalbajar --fields restor"),
        ["restored", "restored_later"]
    );
    assert_eq!(
        bash_completes("karabakh data diff old.toml new.toml --fields ch"),
        ["change"]
    );
    assert_eq!(bash_completes("karabakh fields --fields me"), ["meaning"]);
    // `cite` takes territories, figures and the totals, and their fields.
    assert_eq!(bash_completes("karabakh cite mis"), ["missing-persons"]);
    assert_eq!(bash_completes("karabakh cite tot"), ["totals"]);
    assert_eq!(
        bash_completes("karabakh cite kal"),
        ["kalbajar", "Kalbajar", "Kalbadjar"]
    );
    assert_eq!(
        bash_completes("karabakh cite kalbajar years"),
        ["years_held"]
    );
    assert_eq!(
        bash_completes("karabakh cite totals share_percent_l"),
        ["share_percent_listed"]
    );
    assert_eq!(
        bash_completes("karabakh cite kalbajar area --format csl"),
        ["csl-json"]
    );
    // Commands, options and choices, as before.
    assert_eq!(bash_completes("karabakh tot"), ["totals"]);
    assert_eq!(bash_completes("karabakh districts --units m"), ["mi2"]);
    assert!(bash_completes("karabakh chart --cu").contains(&"--cumulative".to_owned()));
}

// Loads karabakh's completion script in `shell` with `load`, which must succeed.
fn completion_loads(shell: &str, load: &str) {
    common::require(shell, &["-c", "true"]);
    let out = std::process::Command::new(shell)
        .args(["-c", load])
        .env("PATH", common::path_with_karabakh())
        .env("HOME", std::env::temp_dir())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{shell}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
#[ignore = "needs zsh"]
fn the_zsh_script_loads() {
    completion_loads(
        "zsh",
        "autoload -Uz compinit && compinit -u && source <(karabakh completions zsh) && (( $+functions[_clap_dynamic_completer_karabakh] ))",
    );
}

#[test]
#[ignore = "needs fish"]
fn the_fish_script_loads() {
    completion_loads(
        "fish",
        "karabakh completions fish | source; and complete -c karabakh | string match -q '*COMPLETE*'",
    );
}

#[test]
fn the_elvish_and_powershell_scripts_register_their_completers() {
    for (shell, marker) in [
        ("elvish", "edit:completion:arg-completer[karabakh]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        assert!(stdout(&["completions", shell]).contains(marker), "{shell}");
    }
}

#[test]
fn an_unknown_shell_is_an_error_that_lists_the_shells() {
    let output = karabakh(&["completions", "tcsh"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("[possible values: bash, elvish, fish, powershell, zsh]"),
        "{stderr}"
    );
}

#[test]
fn the_manual_pages_cover_every_command() {
    let pages = stdout(&["man"]);
    assert!(
        pages.starts_with(".ie \\n(.g .ds Aq \\(aq"),
        "{}",
        &pages[..80]
    );
    assert!(pages.contains("\n.TH karabakh 1"), "no page of karabakh");
    for command in COMMANDS.iter().chain(&["data-check", "data-export"]) {
        let header = format!("\n.TH karabakh-{command} 1");
        assert!(pages.contains(&header), "no page {header}");
        // The main page refers to the page of each command, which is there.
        if !command.starts_with("data-") {
            assert!(pages.contains(&format!("karabakh\\-{}(1)", command.replace('-', "\\-"))));
        }
    }
    // The options of the commands are in them, with their explanations.
    for option in [
        "\\-\\-cumulative",
        "\\-\\-fields",
        "\\-\\-min\\-area",
        "\\-\\-history",
    ] {
        assert!(pages.contains(option), "the pages lack {option}");
    }
    assert!(pages.contains("Armenia–Azerbaijan"));
    // The main page says what the exit codes mean and which variables count.
    for section in [".SH \"EXIT STATUS\"", ".SH ENVIRONMENT"] {
        assert_eq!(pages.matches(section).count(), 1, "{section}");
    }
    for variable in [
        "KARABAKH_DATA",
        "KARABAKH_MAX_DATA_MB",
        "KARABAKH_PAGER",
        "PAGER",
        "NO_COLOR",
        "CLICOLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
    ] {
        assert!(
            pages.contains(&format!(".TP\n\\fB{variable}\\fR\n")),
            "{variable}"
        );
    }
    // Every page referred to is one of the pages.
    let pages_there: Vec<String> = (pages.lines())
        .filter_map(|l| l.strip_prefix(".TH "))
        .map(|l| l.split(' ').next().unwrap().replace('-', "\\-"))
        .collect();
    let mut rest = pages.as_str();
    let mut referred = 0;
    while let Some(i) = rest.find("(1)") {
        let before = &rest[..i];
        let start = before
            .rfind(|c: char| c.is_whitespace() || c == 'B')
            .map_or(0, |s| s + 1);
        let name = before[start..].trim_end_matches("\\fR");
        assert!(
            pages_there.iter().any(|p| p == name),
            "{name}(1) is no page here"
        );
        referred += 1;
        rest = &rest[i + 3..];
    }
    assert!(referred > COMMANDS.len(), "{referred}");
}

#[test]
fn the_manual_pages_can_be_written_where_man_finds_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(&["man", "--dir", dir.path().to_str().unwrap()]);
    assert_eq!(out, "");
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    let mut expected: Vec<String> = COMMANDS
        .iter()
        .chain(&["data-check", "data-diff", "data-export", "data-package"])
        .map(|c| format!("karabakh-{c}.1"))
        .chain(["karabakh.1".to_owned()])
        .collect();
    expected.sort();
    assert_eq!(files, expected);
    let page = std::fs::read_to_string(dir.path().join("karabakh-districts.1")).unwrap();
    assert!(page.contains(".TH karabakh-districts 1"), "{page}");
}

#[test]
fn completion_ignores_case_and_diacritics_as_show_does() {
    let names = bash_completes("karabakh show fuz");
    for name in ["Fuzuli", "Füzuli"] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
    let names = bash_completes("karabakh show kəl");
    for name in ["Kelbajar", "Kəlbəcər", "Kelbadjar"] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
    assert_eq!(
        bash_completes("karabakh timeline --territory SHU"),
        ["shusha", "Shusha", "Shushi"]
    );
}

/// The candidates `karabakh` gives bash for `show WORD`, asked as the bash script asks, with
/// `KARABAKH_DATA` set to `data`.
fn show_candidates(data: &str, word: &str) -> Vec<String> {
    let out = common::karabakh(&["--", "karabakh", "show", word])
        .env("COMPLETE", "bash")
        .env("KARABAKH_DATA", data)
        .env("_CLAP_IFS", "\u{b}")
        .env("_CLAP_COMPLETE_INDEX", "2")
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "false")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .split(['\u{b}', '\n'])
        // Options are offered too; only the values are of interest here.
        .filter(|c| !c.is_empty() && !c.starts_with('-'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn completion_leaves_out_names_a_shell_or_terminal_would_act_on_and_offers_nothing_from_a_broken_dataset()
 {
    let mut text = common::MINIMAL.to_owned();
    for (i, name) in [
        r"Evil\u001b[31m",
        r"Nor\u000bth",
        r"Two\nLines",
        r"Ri\u202egh",
        r"Zero\u200bwidth",
        "Plain",
    ]
    .iter()
    .enumerate()
    {
        text.push_str(&format!(
            "\n[[territories]]\nid = \"t{i}\"\nname = \"{name}\"\nkind = \"district\"\n\
             occupied = 2001-02-03\narea_km2 = 1\nsource = \"atlas\"\n"
        ));
    }
    let file = common::dataset_file(&text);
    let data = file.path().to_str().unwrap();
    assert_eq!(
        show_candidates(data, "t"),
        ["t0", "t1", "t2", "t3", "t4", "t5"]
    );
    assert_eq!(
        show_candidates(data, ""),
        [
            "north", "North", "south", "South", "t0", "t1", "t2", "t3", "t4", "t5", "Plain"
        ]
    );
    // A dataset that does not load: nothing, rather than the built-in territories.
    let broken = common::dataset_file("schema = 1\n[country\n");
    assert_eq!(
        show_candidates(broken.path().to_str().unwrap(), "ka"),
        Vec::<String>::new()
    );
    assert!(
        !show_candidates("/nonexistent.toml", "")
            .iter()
            .any(|c| c == "kalbajar")
    );
}
