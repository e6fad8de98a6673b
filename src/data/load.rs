//! Reading a dataset from text: TOML or JSON, with every problem placed in the file.
//!
//! The common case is fast: the text is deserialized straight into the raw structs and
//! validated. Only when that fails is the text read again, more slowly, to find every problem
//! and its line and column.

use std::cell::OnceCell;
use std::mem::MaybeUninit;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::error::{DataError, DocPath, LocatedProblem, Problem, line_column};
use super::model::Dataset;
use super::raw::*;
use super::validate::validate;

/// The syntax of a dataset file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// TOML, the format of the built-in dataset.
    Toml,
    /// JSON with the same structure, as `karabakh data export --format json` writes it.
    Json,
}

impl Syntax {
    /// JSON for a file whose name ends in `.json`, TOML otherwise.
    pub fn of_path(path: &Path) -> Syntax {
        match path.extension().and_then(|e| e.to_str()) {
            Some(ext) if ext.eq_ignore_ascii_case("json") => Syntax::Json,
            _ => Syntax::Toml,
        }
    }
}

/// A dataset file, read and decoded to text: the dataset parsed from it borrows its text.
#[derive(Debug)]
pub struct DataFile {
    /// The name of the file in messages.
    pub origin: String,
    /// The syntax it is written in.
    pub syntax: Syntax,
    contents: Contents,
    // The text of mapped bytes that are not UTF-8 as they stand (UTF-16, or not text at all),
    // decoded when the file is parsed.
    decoded: OnceCell<String>,
}

#[derive(Debug)]
enum Contents {
    Read(Vec<u8>),
    Mapped(memmap2::Mmap),
}

// Files at least this large are mapped into memory rather than read: no copy of the file
// and no fresh memory to fault in, which saves about a tenth of the time on 100,000 records.
const MAP_FROM_BYTES: u64 = 1 << 20;

impl DataFile {
    /// Reads the file at `path`, in the syntax its name says.
    pub fn read(path: &Path) -> Result<DataFile, DataError> {
        let failed = |source| DataError::Read {
            path: path.to_owned(),
            source,
        };
        let mut file = std::fs::File::open(path).map_err(failed)?;
        let large = file
            .metadata()
            .is_ok_and(|m| m.is_file() && m.len() >= MAP_FROM_BYTES);
        // SAFETY: the mapping is only read. As with any memory map (ripgrep maps files the
        // same way), another program truncating the file while karabakh reads it could end
        // karabakh with SIGBUS; it is the user's own data file, read once.
        let contents = match large.then(|| unsafe { memmap2::Mmap::map(&file) }) {
            Some(Ok(map)) => Contents::Mapped(map),
            // Pipes and special files cannot be mapped; small files are read at once.
            _ => {
                let mut bytes = Vec::new();
                std::io::Read::read_to_end(&mut file, &mut bytes).map_err(failed)?;
                Contents::Read(bytes)
            }
        };
        Ok(DataFile {
            origin: path.display().to_string(),
            syntax: Syntax::of_path(path),
            contents,
            decoded: OnceCell::new(),
        })
    }

    /// The file whose bytes are `bytes`; `origin` names it in messages.
    pub fn from_bytes(bytes: Vec<u8>, origin: &str, syntax: Syntax) -> Result<DataFile, DataError> {
        let file = DataFile {
            origin: origin.to_owned(),
            syntax,
            contents: Contents::Read(bytes),
            decoded: OnceCell::new(),
        };
        // Bytes that are not text are refused now, as a file that is read is.
        file.text()?;
        Ok(file)
    }

    /// Parses and validates the dataset.
    pub fn parse(&self) -> Result<Dataset<'_>, DataError> {
        parse(self.text()?, &self.origin, self.syntax)
    }

    // The text: the bytes themselves when they are UTF-8, decoded otherwise.
    fn text(&self) -> Result<&str, DataError> {
        let bytes: &[u8] = match &self.contents {
            Contents::Read(bytes) => bytes,
            Contents::Mapped(map) => map,
        };
        if let Ok(text) = std::str::from_utf8(bytes) {
            return Ok(text);
        }
        if self.decoded.get().is_none() {
            let _ = self.decoded.set(decode(bytes.to_vec(), &self.origin)?);
        }
        Ok(self.decoded.get().map_or("", String::as_str))
    }
}

/// The text of a file as editors save it: UTF-8 with or without a byte order mark, or UTF-16
/// with one (as Windows Notepad writes "Unicode").
fn decode(bytes: Vec<u8>, origin: &str) -> Result<String, DataError> {
    let problem = |position, message: &str| {
        DataError::Invalid(vec![LocatedProblem {
            origin: origin.to_owned(),
            position,
            path: DocPath::root(),
            message: message.to_owned(),
        }])
    };
    let utf16 = |units: Vec<u16>| {
        String::from_utf16(&units).map_err(|_| {
            problem(
                None,
                "the dataset is not valid UTF-16 text; save it as UTF-8",
            )
        })
    };
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(
            rest.chunks(2)
                .map(|c| u16::from_le_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect(),
        ),
        [0xFE, 0xFF, rest @ ..] => utf16(
            rest.chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect(),
        ),
        // UTF-8 becomes text in place, without a copy; `parse` skips a byte order mark.
        _ => String::from_utf8(bytes).map_err(|e| {
            let bytes = e.as_bytes();
            let start = if bytes.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            // The valid prefix is text, so the first bad byte has a line and column.
            let valid = std::str::from_utf8(&bytes[start..e.utf8_error().valid_up_to()])
                .unwrap_or_default();
            let position = line_column(valid, valid.len());
            problem(
                Some(position),
                "the dataset is not UTF-8 text; save it as UTF-8 (a dataset is a TOML or JSON \
                 text file)",
            )
        }),
    }
}

/// Parses and validates dataset `text` of `syntax`; `origin` names it in error messages.
pub fn parse<'a>(text: &'a str, origin: &str, syntax: Syntax) -> Result<Dataset<'a>, DataError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        let problem = Problem::at(
            DocPath::root(),
            "the dataset is empty; it needs at least `schema`, `country`, `sources` and \
             `territories` (see docs/data.md)",
        );
        return Err(locate(origin, text, syntax, vec![problem]));
    }
    let raw = match syntax {
        Syntax::Toml => toml_in_pieces(text).or_else(|| toml::from_str::<RawDataset>(text).ok()),
        Syntax::Json => serde_json::from_str::<RawDataset>(text).ok(),
    };
    let problems = match raw {
        Some(raw) => match validate(raw) {
            Ok(ds) => return Ok(ds),
            Err(problems) => problems,
        },
        None => match syntax {
            Syntax::Toml => diagnose_toml(text),
            Syntax::Json => diagnose_json(text),
        },
    };
    Err(locate(origin, text, syntax, problems))
}

// Below this size a file is read in one go; above it, in pieces.
const PIECES_FROM_BYTES: usize = 256 * 1024;

// From this size on, the pieces are read on every core.
const PARALLEL_FROM_BYTES: usize = 8 << 20;

/// Reads a large TOML dataset in pieces, in parallel if it is larger still: it is cut before
/// the lines that are exactly `[[territories]]`, each piece is read on its own, and the pieces
/// are joined in order.
///
/// `None` when the file is small, when cutting it could change its meaning (multi-line
/// strings), or when any piece fails or the pieces do not join as the whole would: the caller
/// then reads the file in one go, which also finds and places every problem.
fn toml_in_pieces(text: &str) -> Option<RawDataset<'_>> {
    // Searched with `memchr`'s vectorised search: `str::contains` took a twelfth of the time
    // of a large file, before the pieces could be read in parallel.
    let has = |needle: &str| memchr::memmem::find(text.as_bytes(), needle.as_bytes()).is_some();
    if text.len() < PIECES_FROM_BYTES || has("\"\"\"") || has("\'\'\'") {
        return None;
    }
    let cuts = territory_headers(text);
    if cuts.len() < 2 {
        return None;
    }
    // A file of a few megabytes is read on this thread: threads of their own would each take
    // memory (a stack and a heap) that weighs against so small a file.
    let threads = if text.len() < PARALLEL_FROM_BYTES {
        1
    } else {
        std::thread::available_parallelism()
            .map_or(1, usize::from)
            .min(8)
    };
    read_pieces(text, &cuts, threads)
}

/// Where the lines of `text` that are exactly `[[territories]]` start.
fn territory_headers(text: &str) -> Vec<usize> {
    const HEADER: &str = "\n[[territories]]\n";
    memchr::memmem::find_iter(text.as_bytes(), HEADER.as_bytes())
        .map(|i| i + 1)
        .collect()
}

/// Reads `text` in pieces cut at `cuts` (the starts of its `[[territories]]` lines), on
/// `threads` threads.
fn read_pieces<'a>(text: &'a str, cuts: &[usize], threads: usize) -> Option<RawDataset<'a>> {
    // Many more pieces than threads keep each piece's parse tree small; each thread reads a
    // run of neighbouring pieces, so the order is kept by joining the runs in turn.
    let piece_count = (text.len() / (4 * 1024)).clamp(threads, cuts.len());
    // The index in `cuts` of the first territory of each piece.
    let mut firsts: Vec<usize> = (0..piece_count)
        .map(|i| i * cuts.len() / piece_count)
        .collect();
    firsts.dedup();
    // Every territory has its place in one list from the start: each piece's records are
    // moved there as soon as the piece is read, so they are never held twice, and the list
    // becomes the validated records in place. The places are written only by the pieces,
    // in parallel: filling them first would cost a pass over all the memory, on one thread.
    let mut territories: Vec<RawTerritory<'_>> = Vec::with_capacity(cuts.len());
    let mut rest = &mut territories.spare_capacity_mut()[..cuts.len()];
    // The head, up to the first [[territories]], is a piece of its own, with no territories.
    let mut jobs: Vec<(&str, &mut [MaybeUninit<RawTerritory<'_>>])> =
        vec![(&text[..cuts[0]], &mut [])];
    for (k, &first) in firsts.iter().enumerate() {
        let end = firsts.get(k + 1).copied().unwrap_or(cuts.len());
        let (mine, more) = std::mem::take(&mut rest).split_at_mut(end - first);
        rest = more;
        let until = cuts.get(end).copied().unwrap_or(text.len());
        jobs.push((&text[cuts[first]..until], mine));
    }
    let per_thread = jobs.len().div_ceil(threads);
    let mut jobs = jobs.into_iter();
    let read: Vec<Option<Vec<RawPiece>>> = if threads == 1 {
        vec![
            jobs.map(|(piece, slots)| read_piece(piece, slots))
                .collect(),
        ]
    } else {
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|_| {
                    let run: Vec<_> = jobs.by_ref().take(per_thread).collect();
                    scope.spawn(move || {
                        (run.into_iter())
                            .map(|(piece, slots)| read_piece(piece, slots))
                            .collect()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().ok().flatten())
                .collect()
        })
    };
    let mut parts = read
        .into_iter()
        .collect::<Option<Vec<Vec<RawPiece>>>>()?
        .into_iter()
        .flatten();
    let head = parts.next()?;
    let mut whole = RawDataset {
        schema: head.schema?,
        country: head.country?,
        sources: head.sources,
        territories: Vec::new(),
        figures: head.figures,
        events: head.events,
    };
    for piece in parts {
        // A table or array of tables written in two places would be refused by the whole.
        let twice = piece.schema.is_some()
            || piece.country.is_some()
            || (!piece.sources.is_empty() && !whole.sources.is_empty())
            || (!piece.figures.is_empty() && !whole.figures.is_empty())
            || (!piece.events.is_empty() && !whole.events.is_empty());
        if twice {
            return None;
        }
        whole.sources.extend(piece.sources);
        whole.figures.extend(piece.figures);
        whole.events.extend(piece.events);
    }
    // SAFETY: the places `0..cuts.len()` are split, without gaps, among the pieces (`firsts`
    // starts at 0 and each piece runs to the next one's first, the last to `cuts.len()`), and
    // every piece returned `Some`, which `read_piece` does only after writing every place it
    // was given. Had one failed, the records written would be left unread and never dropped
    // (a leak, on a path that then reads the file whole), as this line would not be reached.
    unsafe { territories.set_len(cuts.len()) };
    whole.territories = territories;
    Some(whole)
}

/// Reads one piece of a TOML dataset and moves its territories to `slots`, writing every one
/// of them: `None` if it does not read, or if it has not one territory for each slot (a
/// header the cut did not see).
fn read_piece<'a>(
    piece: &'a str,
    slots: &mut [MaybeUninit<RawTerritory<'a>>],
) -> Option<RawPiece<'a>> {
    let mut read = toml::from_str::<RawPiece>(piece).ok()?;
    // Taken out, so that the piece's own list is freed at once.
    let territories = std::mem::take(&mut read.territories);
    if territories.len() != slots.len() {
        return None;
    }
    for (slot, territory) in slots.iter_mut().zip(territories) {
        slot.write(territory);
    }
    Some(read)
}

/// Places problems at lines and columns and orders them as they stand in the text.
fn locate(origin: &str, text: &str, syntax: Syntax, problems: Vec<Problem>) -> DataError {
    let tree = match syntax {
        Syntax::Toml => Some(DeTable::parse_recoverable(text).0),
        Syntax::Json => None,
    };
    let mut located: Vec<LocatedProblem> = problems
        .into_iter()
        .map(|p| {
            let offset = p
                .offset
                .or_else(|| tree.as_ref().and_then(|t| offset_of(t, &p.path)));
            LocatedProblem {
                origin: origin.to_owned(),
                position: offset.map(|o| line_column(text, o)),
                path: p.path,
                message: p.message,
            }
        })
        .collect();
    located.sort_by(|a, b| (a.position, &a.path).cmp(&(b.position, &b.path)));
    DataError::Invalid(located)
}

// The start of the deepest value on `path` that the document has; none for the whole document.
fn offset_of(root: &Spanned<DeTable>, path: &DocPath) -> Option<usize> {
    if path.segments().is_empty() {
        return None;
    }
    use super::error::Segment;
    let mut offset = root.span().start;
    let mut table: Option<&DeTable> = Some(root.get_ref());
    let mut value: Option<&Spanned<DeValue>> = None;
    for segment in path.segments() {
        let next = match (segment, table, value.map(|v| v.get_ref())) {
            (Segment::Key(k), Some(t), _) => t.get(k.as_str()),
            (Segment::Index(i), _, Some(DeValue::Array(a))) => a.get(*i),
            _ => None,
        };
        let Some(next) = next else { break };
        offset = next.span().start;
        table = match next.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => None,
        };
        value = Some(next);
    }
    Some(offset)
}

const SECTIONS: &str = "`schema`, `country`, `sources`, `territories`, `figures` and `events`";

/// Finds every problem of a TOML dataset that does not deserialize: every syntax error, or
/// else every record of the wrong shape.
fn diagnose_toml(text: &str) -> Vec<Problem> {
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        return errors
            .into_iter()
            .map(|e| Problem {
                path: DocPath::root(),
                offset: e.span().map(|s| s.start),
                message: e.message().trim_end().to_owned(),
            })
            .collect();
    }
    let mut problems = Vec::new();
    let top = DocPath::root();
    for (key, value) in root.get_ref() {
        let at = top.key(key.get_ref());
        match key.get_ref().as_ref() {
            "schema" => check::<i64>(value, at, &mut problems),
            "country" => check::<RawCountry>(value, at, &mut problems),
            "sources" => check_each::<RawSource>(value, at, &mut problems),
            "territories" => check_each::<RawTerritory>(value, at, &mut problems),
            "figures" => check_each::<RawFigure>(value, at, &mut problems),
            "events" => check_each::<RawEvent>(value, at, &mut problems),
            other => problems.push(Problem {
                path: DocPath::root(),
                offset: Some(key.span().start),
                message: format!("unknown key `{other}`; a dataset has {SECTIONS}"),
            }),
        }
    }
    for required in ["schema", "country", "sources", "territories"] {
        if root.get_ref().get(required).is_none() {
            problems.push(Problem::at(
                DocPath::root(),
                format!("missing `{required}`; every dataset needs `schema`, `country`, `sources` and `territories`"),
            ));
        }
    }
    problems
}

fn check<'i, T: Deserialize<'i>>(
    value: &Spanned<DeValue<'i>>,
    at: DocPath,
    problems: &mut Vec<Problem>,
) {
    let deserializer = ValueDeserializer::from(value.clone());
    if let Err(e) = serde_path_to_error::deserialize::<_, T>(deserializer) {
        let path = at.join(&DocPath::from_serde(e.path()));
        let error = e.into_inner();
        problems.push(Problem {
            path,
            offset: error.span().map(|s| s.start),
            message: in_user_terms(error.message()),
        });
    }
}

/// A serde message with Rust's type names put in the terms of the file (`i64` is a whole
/// number, a map is a table).
fn in_user_terms(message: &str) -> String {
    let mut s = message.trim_end().to_owned();
    for (rust, user) in [
        ("expected i64", "expected a whole number"),
        (
            "expected u64",
            "expected a whole number that is not negative",
        ),
        ("expected a sequence", "expected an array"),
        ("expected a map", "expected a table"),
        ("invalid type: map", "invalid type: table"),
        ("invalid type: sequence", "invalid type: array"),
        ("wanted string or table", "expected a string"),
    ] {
        s = s.replace(rust, user);
    }
    if let Some(i) = s.find("expected struct ") {
        s.truncate(i);
        s.push_str("expected a table");
    }
    s
}

fn check_each<'i, T: Deserialize<'i>>(
    value: &Spanned<DeValue<'i>>,
    at: DocPath,
    problems: &mut Vec<Problem>,
) {
    match value.get_ref() {
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check::<T>(item, at.index(i), problems);
            }
        }
        _ => problems.push(Problem {
            path: at,
            offset: Some(value.span().start),
            message: "expected an array of tables, such as [[territories]]".to_owned(),
        }),
    }
}

/// Finds the first problem of a JSON dataset that does not deserialize, with its path.
fn diagnose_json(text: &str) -> Vec<Problem> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let Err(e) = serde_path_to_error::deserialize::<_, RawDataset>(&mut deserializer) else {
        return vec![Problem::at(
            DocPath::root(),
            "the dataset could not be read",
        )];
    };
    let path = DocPath::from_serde(e.path());
    let error = e.into_inner();
    let message = error.to_string();
    // serde_json ends its messages with the position, which the problem carries instead.
    let message = match message.rfind(" at line ") {
        Some(i) => in_user_terms(&message[..i]),
        None => in_user_terms(&message),
    };
    vec![Problem {
        path,
        offset: offset_at(text, error.line(), error.column()),
        message,
    }]
}

// The byte offset of a 1-based line and column (0 when serde_json gives no position).
fn offset_at(text: &str, line: usize, column: usize) -> Option<usize> {
    if line == 0 {
        return None;
    }
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    Some((line_start + column.saturating_sub(1)).min(text.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write;

    fn large(tail: &str) -> String {
        let mut s = String::from(
            "schema = 1\n\n[country]\nname = \"C\"\narea_km2 = 100000000\nsource = \"s\"\n\n\
             [[sources]]\nid = \"s\"\ntitle = \"S\"\n",
        );
        for i in 0..3000 {
            let _ = write!(
                s,
                "\n[[territories]]\nid = \"t{i}\"\nname = \"T {i}\"\nkind = \"district\"\n\
                 occupied = 1993-01-01\narea_km2 = {}\nsource = \"s\"\n\
                 restored = {{ date = 2020-01-01, source = \"s\" }}\n",
                i + 1
            );
        }
        s.push_str(tail);
        s
    }

    #[test]
    fn a_large_file_is_mapped_and_read_as_a_small_one_would_be() {
        // Padded past the size from which files are mapped, in UTF-8 and in UTF-16.
        let text = format!("# {}\n{}", "x".repeat(MAP_FROM_BYTES as usize), large(""));
        let dir = tempfile::tempdir().unwrap();
        let utf8 = dir.path().join("large.toml");
        std::fs::write(&utf8, &text).unwrap();
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let utf16_path = dir.path().join("large16.toml");
        std::fs::write(&utf16_path, utf16).unwrap();
        let expected = parse(&text, "x", Syntax::Toml).unwrap();
        for path in [utf8, utf16_path] {
            let file = DataFile::read(&path).unwrap();
            assert!(
                matches!(file.contents, Contents::Mapped(_)),
                "{path:?} is mapped"
            );
            assert_eq!(file.parse().unwrap(), expected);
        }
    }

    #[test]
    fn a_large_file_read_in_pieces_is_read_as_a_whole() {
        let text = large("\n[[events]]\ndate = 1994\nlabel = \"e\"\nsource = \"s\"\n");
        assert!(text.len() > PIECES_FROM_BYTES);
        let whole: RawDataset = toml::from_str(&text).unwrap();
        assert_eq!(toml_in_pieces(&text).as_ref(), Some(&whole));
        // On one thread and on several.
        let cuts = territory_headers(&text);
        for threads in [1, 2, 3, 8] {
            assert_eq!(
                read_pieces(&text, &cuts, threads).as_ref(),
                Some(&whole),
                "{threads}"
            );
        }
    }

    #[test]
    fn pieces_that_would_not_join_as_the_whole_are_read_as_a_whole() {
        // A second [country] after the territories: the whole file is refused, so must be the pieces.
        let text = large("\n[country]\nname = \"D\"\narea_km2 = 5\nsource = \"s\"\n");
        assert_eq!(toml_in_pieces(&text), None);
        assert!(parse(&text, "x.toml", Syntax::Toml).is_err());
        // A multi-line string could hold a line that looks like a header.
        let text = large(
            "\n[[events]]\ndate = 1994\nlabel = \"\"\"x\n[[territories]]\n\"\"\"\nsource = \"s\"\n",
        );
        assert_eq!(toml_in_pieces(&text), None);
    }

    #[test]
    fn a_header_the_cut_does_not_see_makes_the_file_read_as_a_whole() {
        // An indented header is valid TOML, but no cut is made before it: its piece has one
        // territory more than it has headers.
        let text = large(
            "\n  [[territories]]\nid = \"x\"\nname = \"X\"\nkind = \"district\"\n\
             occupied = 1993\narea_km2 = 5\nsource = \"s\"\n",
        );
        assert_eq!(toml_in_pieces(&text), None);
        // Other pieces may have filled their places by then, on other threads.
        for threads in [1, 2, 3] {
            assert_eq!(read_pieces(&text, &territory_headers(&text), threads), None);
        }
        let whole: RawDataset = toml::from_str(&text).unwrap();
        assert_eq!(whole.territories.len(), 3001);
        assert_eq!(
            parse(&text, "x.toml", Syntax::Toml)
                .unwrap()
                .territories
                .len(),
            3001
        );
    }
}
