//! `karabakh audit FILE…`: `check` over whole files of prose (Markdown or plain text), reported
//! as a linter reports: `FILE:LINE:COLUMN: differs: …`, one line a figure, and a summary.

use serde_json::json;

use crate::data::Dataset;
use crate::escape::escape_for_terminal;
use crate::query::{self, Checked, Verdict};

use super::check::{Places, as_json, compared, listed, note, verdict_word};

/// A file to audit: its name in messages and its text.
pub struct Document {
    /// The name the user gave, or `-` for standard input.
    pub name: String,
    /// The text.
    pub text: String,
}

/// How the audit is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// A line a figure, `FILE:LINE:COLUMN: verdict: …`, and a summary.
    Lines,
    /// One JSON array of every figure.
    Json,
    /// One JSON object a line.
    Jsonl,
}

/// The audit of `documents` as text in `style`: the figures that differ (with `all`, every
/// figure), and whether any differs.
pub fn audit(ds: &Dataset, documents: &[Document], style: Style, all: bool) -> (String, bool) {
    let mut lines = Vec::new();
    let mut items = Vec::new();
    let (mut figures, mut differ) = (0, 0);
    for doc in documents {
        let mut places = Places::new(&doc.text);
        for c in query::check(ds, &prose(&doc.text)) {
            figures += 1;
            if c.verdict == Verdict::Differs {
                differ += 1;
            } else if !all {
                continue;
            }
            let (line, column) = places.of(c.quoted.start);
            // Only what the style writes is made: a line, or a JSON item.
            if style == Style::Lines {
                lines.push(format!(
                    "{}:{line}:{column}: {}",
                    escape_for_terminal(&doc.name),
                    escape_for_terminal(&message(ds, &c))
                ));
                continue;
            }
            items.push(json!({
                "file": doc.name,
                "line": line,
                "column": column,
                "text": c.quoted.text,
                "verdict": verdict_word(c.verdict),
                "compared": compared(&c).iter().map(|v| as_json(ds, v)).collect::<Vec<_>>(),
                "sources": compared(&c)
                    .iter()
                    .flat_map(|v| v.sources.map(|s| ds.source_ids(s)).unwrap_or_default())
                    .collect::<Vec<_>>(),
            }));
        }
    }
    let s = |n: usize| if n == 1 { "" } else { "s" };
    let text = match style {
        Style::Lines => {
            lines.push(format!(
                "{figures} figure{} checked in {} file{}: {differ} differ{}",
                s(figures),
                documents.len(),
                s(documents.len()),
                if differ == 1 { "s" } else { "" }
            ));
            lines.join("\n") + "\n"
        }
        Style::Json => serde_json::to_string_pretty(&items).unwrap_or_default() + "\n",
        Style::Jsonl => items.iter().map(|i| format!("{i}\n")).collect(),
    };
    (text, differ > 0)
}

// What the audit says of a figure: `differs: "2,500 km²"; the dataset gives …`, and what
// qualifies the values it rests on.
fn message(ds: &Dataset, c: &Checked<'_>) -> String {
    let values = listed(ds, compared(c), None);
    let verdict = verdict_word(c.verdict);
    let said = match c.verdict {
        Verdict::Matches => format!("{verdict}: \"{}\": {values}", c.quoted.text),
        Verdict::Differs => format!(
            "{verdict}: \"{}\"; the dataset gives {values}",
            c.quoted.text
        ),
        Verdict::Unknown => format!("{verdict}: \"{}\"", c.quoted.text),
    };
    match note(ds, c) {
        note if note.is_empty() => said,
        note => format!("{said}; note: {note}"),
    }
}

/// The prose of a Markdown or plain text, each byte at its place: code blocks, code spans and
/// link targets become spaces, and a line break inside a paragraph a space, so that a sentence
/// wrapped over lines is read whole; a blank line, a heading or a list item still ends one.
pub fn prose(text: &str) -> String {
    let mut out: Vec<u8> = text.as_bytes().to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for b in &mut out[from..to] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    };
    // Fenced code blocks.
    let mut fence: Option<&str> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => {
                fence = Some(m);
                blank(&mut out, at, at + line.len());
            }
            (Some(open), Some(m)) if m == open => {
                fence = None;
                blank(&mut out, at, at + line.len());
            }
            (Some(_), _) => blank(&mut out, at, at + line.len()),
            (None, None) => {}
        }
        at += line.len();
    }
    // Code spans and link targets.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'`' if out[i] == b'`' => {
                let close = bytes[i + 1..].iter().position(|&b| b == b'`' || b == b'\n');
                match close.map(|k| i + 1 + k) {
                    Some(end) if bytes[end] == b'`' => {
                        blank(&mut out, i, end + 1);
                        i = end + 1;
                    }
                    _ => i += 1,
                }
            }
            b']' if bytes.get(i + 1) == Some(&b'(') => {
                match bytes[i + 2..].iter().position(|&b| b == b')' || b == b'\n') {
                    Some(k) if bytes[i + 2 + k] == b')' => {
                        blank(&mut out, i + 1, i + 3 + k);
                        i += 3 + k;
                    }
                    _ => i += 1,
                }
            }
            _ => i += 1,
        }
    }
    // Line breaks within a paragraph.
    let starts_block = |rest: &[u8]| {
        // Only the spaces of the next line: never a walk past its end.
        let indent = rest
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
        let rest = &rest[indent..];
        rest.is_empty()
            || rest[0] == b'\n'
            || matches!(rest[0], b'#' | b'-' | b'*' | b'+' | b'>' | b'|')
            || rest.iter().take_while(|b| b.is_ascii_digit()).count() > 0
                && rest.iter().find(|b| !b.is_ascii_digit()) == Some(&b'.')
    };
    for k in 0..out.len() {
        if out[k] == b'\n' && k > 0 && out[k - 1] != b'\n' && !starts_block(&out[k + 1..]) {
            out[k] = b' ';
        }
    }
    // Every byte of a blanked character became a space, so the text is still UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_and_link_targets_are_not_prose_and_wrapped_lines_are_one_sentence() {
        let text = "Kalbajar, an area\nof `3,054 km²`, [see](http://x/1993).\n\n```\n1,936 km²\n```\n# 1993\n";
        let p = prose(text);
        assert_eq!(p.len(), text.len());
        // The wrapped line is one sentence; code and the link's target are gone, its text
        // stays; a blank line and a heading still end a sentence.
        assert!(p.starts_with("Kalbajar, an area of "), "{p:?}");
        for gone in ["3,054", "http", "1,936", "```"] {
            assert!(!p.contains(gone), "{gone} in {p:?}");
        }
        assert!(
            p.contains("[see]") && p.contains(".\n\n") && p.ends_with("\n# 1993\n"),
            "{p:?}"
        );
    }
}
