//! Text made safe to show: on a terminal, where a dataset's control characters would act, and
//! in a link, where its spaces and quotes would break it. Data, queries and output all quote
//! the dataset, so this sits below them.

/// Text made safe for a terminal: control characters, escape sequences, bidirectional
/// overrides and invisible characters (zero-width spaces and joiners, a byte order mark, a soft
/// hyphen) from a dataset are shown escaped, so that they neither act on the terminal nor make
/// two names that differ look the same.
pub fn escape_for_terminal(s: &str) -> String {
    escape(s, |_, _| false)
}

// `s` with what would act on a terminal or hide escaped, but for the characters `kept` (a
// character and the one after it) says are the text's own.
fn escape(s: &str, kept: fn(char, Option<char>) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            c if kept(c, chars.peek().copied()) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() || is_bidi_control(c) || is_invisible(c) => {
                out.extend(c.escape_unicode())
            }
            c => out.push(c),
        }
    }
    out
}

/// A message made safe for a terminal line by line: its own line breaks are kept, and
/// everything else [`escape_for_terminal`] escapes is escaped.
pub fn escape_lines_for_terminal(s: &str) -> String {
    s.split('\n')
        .map(escape_for_terminal)
        .collect::<Vec<_>>()
        .join("\n")
}

// Characters of Unicode's format category and fillers that show as nothing, or as a space.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00ad}' | '\u{034f}' | '\u{115f}' | '\u{1160}' | '\u{17b4}' | '\u{17b5}'
        | '\u{180b}'..='\u{180f}' | '\u{200b}'..='\u{200d}' | '\u{2028}' | '\u{2029}'
        | '\u{2060}'..='\u{2065}' | '\u{206a}'..='\u{206f}' | '\u{3164}' | '\u{feff}'
        | '\u{ffa0}' | '\u{fff9}'..='\u{fffb}')
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// An address as a link's target: the characters an address may not hold as they are (spaces,
/// quotes, angle brackets and the like, which a dataset may have) percent-encoded, so that the
/// link goes where the text says.
pub fn link_target(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_control() || c.is_whitespace() || "\"<>\\^`{|}".contains(c) {
            let mut bytes = [0; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Output of a machine format, shown on a terminal: what [`escape_for_terminal`] escapes is
/// escaped, but for the line breaks and tabs that are the format's own (a carriage return only
/// before a line break, as CSV ends its lines).
pub fn escape_output_for_terminal(s: &str) -> String {
    escape(s, |c, next| {
        matches!(c, '\n' | '\t') || (c == '\r' && next == Some('\n'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_are_made_visible() {
        assert_eq!(escape_for_terminal("a\u{1b}[31mb"), "a\\u{1b}[31mb");
        assert_eq!(escape_for_terminal("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(escape_for_terminal("Kəlbəcər"), "Kəlbəcər");
        // Invisible characters would make two different names look the same.
        assert_eq!(escape_for_terminal("So\u{200b}uth"), "So\\u{200b}uth");
        assert_eq!(
            escape_for_terminal("a\u{200d}b\u{feff}"),
            "a\\u{200d}b\\u{feff}"
        );
    }

    #[test]
    fn machine_output_on_a_terminal_keeps_its_own_line_breaks_and_tabs() {
        assert_eq!(
            escape_output_for_terminal("a\tb\r\nc\u{1b}[2J\rd\n"),
            "a\tb\r\nc\\u{1b}[2J\\u{d}d\n"
        );
    }
}
