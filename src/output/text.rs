//! Text for people, in one place: how lines are wrapped to a width, in columns of a terminal
//! or in pixels of a picture, and how wide the terminal is.

/// The indent of a note's continuation lines, under the text after `note: `.
const NOTE_INDENT: &str = "      ";

// Lines break at spaces only (never inside a word at a hyphen, so `nagorno-karabakh` stays
// whole), and a word longer than a line is broken only where `break_words` asks for it.
fn options(width: usize, break_words: bool) -> textwrap::Options<'static> {
    textwrap::Options::new(width.max(1))
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .break_words(break_words)
}

/// A note cut at spaces into lines of at most `width` columns, continuation lines indented
/// under the text after `note: `; a word longer than a line is broken so that every line fits.
/// Whole without a width.
pub fn note_lines(note: &str, width: Option<usize>) -> Vec<String> {
    let Some(width) = width else {
        return vec![note.to_owned()];
    };
    let options = options(width, true).subsequent_indent(NOTE_INDENT);
    (textwrap::wrap(note, options).into_iter())
        .map(|line| line.into_owned())
        .collect()
}

/// `text` broken at spaces into lines of at most `width` columns, joined by newlines; a word
/// longer than that stands on a line of its own, whole, unless `break_words`.
pub fn fill(text: &str, width: usize, break_words: bool) -> String {
    textwrap::fill(text, options(width, break_words))
}

/// `text` broken at spaces into lines of at most `width` pixels, in a font whose letters are
/// estimated at `per_char` pixels each; a word longer than a line is broken.
pub fn wrap_pixels(text: &str, width: f64, per_char: f64) -> Vec<String> {
    let columns = (width / per_char).floor().max(1.0) as usize;
    (textwrap::wrap(text.trim(), options(columns, true)).into_iter())
        .filter(|line| !line.is_empty())
        .map(|line| line.into_owned())
        .collect()
}

/// The width of the terminal that standard output is, if it is one that tells, else
/// `$COLUMNS`, else none.
pub fn terminal_width(stdout_is_terminal: bool) -> Option<usize> {
    // Asked through comfy-table, which draws the tables: it reads the columns even where the
    // terminal gives no rows (`script` makes such a terminal), where terminal_size gives none.
    let terminal = stdout_is_terminal
        .then(|| comfy_table::Table::new().width())
        .flatten()
        .map(usize::from);
    terminal
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .filter(|&w| w > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_wrap_at_spaces_to_the_width_with_an_indent() {
        let note = "note: the shares are computed against Azerbaijan's area";
        assert_eq!(
            note_lines(note, Some(24)),
            [
                "note: the shares are",
                "      computed against",
                "      Azerbaijan's area"
            ]
        );
        assert_eq!(note_lines(note, None), [note]);
        assert_eq!(note_lines("note: x", Some(24)), ["note: x"]);
    }

    #[test]
    fn a_word_longer_than_the_line_is_broken_in_a_note_so_that_every_line_fits() {
        let note = "note: see https://example.org/a-very-long-address-indeed";
        for line in note_lines(note, Some(20)) {
            assert!(line.chars().count() <= 20, "{line:?}");
        }
    }

    #[test]
    fn words_wrap_at_spaces_and_are_broken_only_when_asked() {
        assert_eq!(
            fill("the area counted once", 10, false),
            "the area\ncounted\nonce"
        );
        assert_eq!(
            fill("occupation-in-figures", 5, false),
            "occupation-in-figures"
        );
        assert_eq!(fill("Kəlbəcər", 4, true), "Kəlb\nəcər");
        assert_eq!(fill("", 5, false), "");
    }

    #[test]
    fn pixel_widths_wrap_as_columns_of_the_letter_width() {
        assert_eq!(
            wrap_pixels("a bb ccc dddd", 30.0, 6.0),
            ["a bb", "ccc", "dddd"]
        );
    }
}
