//! Text of the dataset, borrowed from the file it was read from wherever the file has it as is.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Serialize};

/// A piece of the dataset's text: borrowed from the file, or owned where the file escapes it
/// (`\"` in a string) or where it was built by the program.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text<'a>(#[serde(borrow)] Cow<'a, str>);

impl<'a> Text<'a> {
    /// Text borrowed from elsewhere.
    pub const fn borrowed(text: &'a str) -> Text<'a> {
        Text(Cow::Borrowed(text))
    }

    /// The text as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, borrowed if it was.
    pub fn into_cow(self) -> Cow<'a, str> {
        self.0
    }
}

impl Deref for Text<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text<'_> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

// `Cow<str>` hashes and compares as `str` does, so maps keyed by `Text` can be looked up by
// `&str`.
impl Borrow<str> for Text<'_> {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl<'a> From<&'a str> for Text<'a> {
    fn from(text: &'a str) -> Self {
        Text::borrowed(text)
    }
}

impl From<String> for Text<'_> {
    fn from(text: String) -> Self {
        Text(Cow::Owned(text))
    }
}

impl PartialEq<str> for Text<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Text<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl fmt::Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_strings_are_borrowed_from_the_input_and_escaped_ones_are_owned() {
        let json = r#"["plain", "esc\"aped"]"#;
        let texts: Vec<Text> = serde_json::from_str(json).unwrap();
        assert!(matches!(texts[0].0, Cow::Borrowed("plain")));
        assert!(matches!(&texts[1].0, Cow::Owned(s) if s == "esc\"aped"));

        #[derive(Deserialize)]
        struct Doc<'a> {
            #[serde(borrow)]
            name: Text<'a>,
            #[serde(borrow)]
            note: Option<Text<'a>>,
        }
        let doc: Doc = toml::from_str("name = \"plain\"\nnote = 'literal'\n").unwrap();
        assert!(matches!(doc.name.into_cow(), Cow::Borrowed("plain")));
        assert!(matches!(
            doc.note.map(Text::into_cow),
            Some(Cow::Borrowed("literal"))
        ));
    }
}
