//! Text of the dataset, borrowed from the file it was read from wherever the file has it as is.

use std::borrow::{Borrow, Cow};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A piece of the dataset's text: borrowed from the file, or owned where the file escapes it
/// (`\"` in a string) or where it was built by the program.
#[derive(Clone)]
pub struct Text<'a>(Compact<'a>);

// A dataset of many records holds several texts a record; borrowing them from the file,
// instead of copying each into an allocation of its own, halves the memory a large file
// needs and saves most of the time spent reading it. `beef`'s `Cow` takes two words where
// the standard one takes three, which makes each record some 50 bytes smaller; in exchange
// a text can be at most 4 GiB long, which `Deserialize` checks.

// `beef`'s two-word `Cow` exists on 64-bit targets only; elsewhere its three-word one serves.
#[cfg(target_pointer_width = "64")]
type Compact<'a> = beef::lean::Cow<'a, str>;
#[cfg(not(target_pointer_width = "64"))]
type Compact<'a> = beef::Cow<'a, str>;

/// The longest text a [`Text`] can hold: 4 GiB less a byte.
pub const MAX_LEN: usize = u32::MAX as usize;

impl<'a> Text<'a> {
    /// Text borrowed from elsewhere.
    ///
    /// Only the first [`MAX_LEN`] bytes of a longer text are kept, so the caller checks the
    /// length of text that does not come from the program itself.
    pub const fn borrowed(text: &'a str) -> Text<'a> {
        Text(Compact::const_str(text))
    }

    /// Text borrowed from a file being read: an error if it is too long for a `Text`.
    pub(crate) fn read_borrowed<E: de::Error>(text: &'a str) -> Result<Text<'a>, E> {
        fits(text)?;
        Ok(Text::borrowed(text))
    }

    /// Text of a file being read that had to be copied (it was escaped): an error if it is too
    /// long for a `Text`.
    pub(crate) fn read_owned<E: de::Error>(text: String) -> Result<Text<'a>, E> {
        fits(&text)?;
        Ok(Text::from(text))
    }

    /// The text as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, borrowed if it was.
    pub fn into_cow(self) -> Cow<'a, str> {
        if self.0.is_borrowed() {
            Cow::Borrowed(self.0.unwrap_borrowed())
        } else {
            Cow::Owned(self.0.into_owned())
        }
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
    /// The text, owned; it must be at most [`MAX_LEN`] bytes long, as all text the program
    /// makes is.
    fn from(mut text: String) -> Self {
        // `beef` keeps the capacity in 32 bits too.
        text.shrink_to_fit();
        Text(Compact::owned(text))
    }
}

impl Default for Text<'_> {
    fn default() -> Self {
        Text::borrowed("")
    }
}

impl PartialEq for Text<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text<'_> {}

impl PartialOrd for Text<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Text<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for Text<'_> {
    // As `str` hashes, since maps keyed by `Text` are looked up by `&str` (`Borrow<str>`).
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
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

impl Serialize for Text<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Text<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text<'de>, E> {
                Text::read_borrowed(v)
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text<'de>, E> {
                Text::read_owned(v.to_owned())
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text<'de>, E> {
                Text::read_owned(v)
            }
        }
        deserializer.deserialize_str(TextVisitor)
    }
}

// An error unless `text` fits in a `Text`.
fn fits<E: de::Error>(text: &str) -> Result<(), E> {
    if text.len() > MAX_LEN {
        return Err(E::custom(
            "a string longer than 4 GiB; a dataset's texts are names and notes",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_strings_are_borrowed_from_the_input_and_escaped_ones_are_owned() {
        let json = r#"["plain", "esc\"aped"]"#;
        let texts: Vec<Text> = serde_json::from_str(json).unwrap();
        assert!(texts[0].0.is_borrowed() && texts[0] == "plain");
        assert!(texts[1].0.is_owned() && texts[1] == "esc\"aped");

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

    #[test]
    fn a_text_takes_two_words_and_owned_text_survives_clones_and_conversions() {
        let words = if cfg!(target_pointer_width = "64") {
            2
        } else {
            3
        };
        assert_eq!(
            std::mem::size_of::<Text>(),
            words * std::mem::size_of::<usize>()
        );
        assert_eq!(
            std::mem::size_of::<Option<Text>>(),
            std::mem::size_of::<Text>()
        );
        let owned = Text::from(String::from("owned ") + "text");
        let copy = owned.clone();
        drop(owned);
        assert_eq!(copy, "owned text");
        assert_eq!(
            copy.clone().into_cow(),
            Cow::<str>::Owned("owned text".into())
        );
        assert_eq!(Text::from(String::new()).as_str(), "");
        assert_eq!(Text::default(), Text::borrowed(""));
    }

    #[test]
    fn a_string_too_long_for_a_text_is_an_error_not_a_truncation() {
        let long = " ".repeat(MAX_LEN + 1);
        let error = fits::<serde::de::value::Error>(&long).unwrap_err();
        assert!(error.to_string().contains("longer than 4 GiB"), "{error}");
        assert!(fits::<serde::de::value::Error>(&long[1..]).is_ok());
    }
}
