//! A compact binary encoding of a validated dataset, for the dataset built into the binary.
//!
//! `build.rs` reads and validates `data.toml` when the program is built and encodes the result
//! with [`encode`]; at start-up [`decode`] turns the bytes back into a [`Dataset`] in a few
//! microseconds, where parsing the TOML would take about a millisecond. The decoder checks
//! every index and value, so damaged bytes give an error, never an invalid dataset.

use std::num::NonZeroU32;

use super::model::*;
use super::text::Text;
use super::when::When;

// The first bytes of an encoded dataset, with the version of this encoding.
const MAGIC: &[u8; 4] = b"KBK1";

/// The encoded bytes are not a dataset this build can decode.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the built-in dataset is damaged ({0}); rebuild karabakh")]
pub struct DecodeError(&'static str);

/// Encodes a validated dataset.
pub fn encode(ds: &Dataset<'_>) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(64 * 1024));
    w.0.extend_from_slice(MAGIC);
    w.uint(u64::from(ds.schema));
    w.str(&ds.country.name);
    w.uint(ds.country.area_km2.get());
    w.cited(&ds.country.source);
    w.opt(ds.country.occupied_share, |w, f| w.uint(f.0 as u64));
    w.seq(&ds.sources, |w, s| {
        w.str(&s.id);
        w.str(&s.title);
        w.opt_str(&s.publisher);
        w.opt_str(&s.url);
        w.opt(s.date, Writer::when);
    });
    w.seq(&ds.territories, |w, t| {
        w.str(&t.id);
        w.str(&t.name);
        w.opt_str(&t.name_az);
        w.seq(&t.aliases, |w, a| {
            w.str(&a.name);
            w.opt_str(&a.note);
            w.opt(a.source.as_ref(), Writer::cited);
        });
        w.uint(match t.kind {
            Kind::Region => 0,
            Kind::District => 1,
        });
        w.when(t.occupied);
        w.uint(t.area_km2.get());
        w.cited(&t.source);
        w.opt(t.within.as_ref(), |w, x| {
            w.uint(x.territory.0 as u64);
            w.opt_str(&x.note);
            w.opt(x.source.as_ref(), Writer::cited);
        });
        w.opt(t.partial.as_ref(), |w, p| {
            w.str(&p.note);
            w.cited(&p.source);
        });
        w.opt(t.restored.as_ref(), |w, r| {
            w.when(r.date);
            w.opt_str(&r.note);
            w.cited(&r.source);
        });
        w.seq(&t.alternatives, |w, a| {
            w.uint(a.area_km2.get());
            w.opt_str(&a.note);
            w.cited(&a.source);
        });
    });
    w.seq(&ds.figures, |w, f| {
        w.str(&f.id);
        w.str(&f.label);
        w.str(&f.unit);
        w.seq(&f.observations, |w, o| {
            w.opt(o.as_of, Writer::when);
            w.uint(o.value);
            w.seq(&o.parts, |w, p| {
                w.str(&p.id);
                w.opt_str(&p.label);
                w.uint(p.value);
                w.opt(p.of, |w, i| w.uint(i as u64));
            });
            w.opt_str(&o.note);
            w.cited(&o.source);
            w.seq(&o.alternatives, |w, a| {
                w.opt(a.value, Writer::uint);
                w.opt(a.as_of, Writer::when);
                w.opt_str(&a.note);
                w.cited(&a.source);
            });
        });
    });
    w.seq(&ds.events, |w, e| {
        w.when(e.date);
        w.str(&e.label);
        w.opt_str(&e.note);
        w.cited(&e.source);
        w.seq(&e.territories, |w, r| w.uint(r.0 as u64));
    });
    w.0
}

/// Decodes what [`encode`] wrote.
/// The text of the dataset is borrowed from `bytes`.
pub fn decode(bytes: &[u8]) -> Result<Dataset<'_>, DecodeError> {
    let rest = bytes
        .strip_prefix(MAGIC)
        .ok_or(DecodeError("unknown format"))?;
    let mut r = Reader { bytes: rest };
    let schema = u32::try_from(r.uint()?).map_err(|_| DecodeError("schema"))?;
    let country_name = r.str()?;
    let country_area = r.area()?;
    let country_source = r.cited()?;
    let occupied_share = r.opt(|r| r.index().map(FigureRef))?;
    let sources = r.seq(|r| {
        Ok(Source {
            id: r.str()?,
            title: r.str()?,
            publisher: r.opt(Reader::str)?,
            url: r.opt(Reader::str)?,
            date: r.opt(Reader::when)?,
        })
    })?;
    let territories = r.seq(|r| {
        Ok(Territory {
            id: r.str()?,
            name: r.str()?,
            name_az: r.opt(Reader::str)?,
            aliases: r
                .seq(|r| {
                    Ok(Alias {
                        name: r.str()?,
                        note: r.opt(Reader::str)?,
                        source: r.opt(Reader::cited)?,
                    })
                })?
                .into_boxed_slice(),
            kind: match r.uint()? {
                0 => Kind::Region,
                1 => Kind::District,
                _ => return Err(DecodeError("kind")),
            },
            occupied: r.when()?,
            area_km2: r.area()?,
            source: r.cited()?,
            within: r.opt(|r| {
                Ok(Box::new(Within {
                    territory: TerritoryRef(r.index()?),
                    note: r.opt(Reader::str)?,
                    source: r.opt(Reader::cited)?,
                }))
            })?,
            partial: r.opt(|r| {
                Ok(Box::new(Note {
                    note: r.str()?,
                    source: r.cited()?,
                }))
            })?,
            restored: r.opt(|r| {
                Ok(Restored {
                    date: r.when()?,
                    note: r.opt(Reader::str)?,
                    source: r.cited()?,
                })
            })?,
            alternatives: r
                .seq(|r| {
                    Ok(AreaAlternative {
                        area_km2: r.area()?,
                        note: r.opt(Reader::str)?,
                        source: r.cited()?,
                    })
                })?
                .into_boxed_slice(),
        })
    })?;
    let figures = r.seq(|r| {
        Ok(Figure {
            id: r.str()?,
            label: r.str()?,
            unit: r.str()?,
            observations: r.seq(|r| {
                Ok(Observation {
                    as_of: r.opt(Reader::when)?,
                    value: r.uint()?,
                    parts: r.seq(|r| {
                        Ok(Part {
                            id: r.str()?,
                            label: r.opt(Reader::str)?,
                            value: r.uint()?,
                            of: r.opt(Reader::index)?,
                        })
                    })?,
                    note: r.opt(Reader::str)?,
                    source: r.cited()?,
                    alternatives: r.seq(|r| {
                        Ok(ObservationAlternative {
                            value: r.opt(Reader::uint)?,
                            as_of: r.opt(Reader::when)?,
                            note: r.opt(Reader::str)?,
                            source: r.cited()?,
                        })
                    })?,
                })
            })?,
        })
    })?;
    let events = r.seq(|r| {
        Ok(Event {
            date: r.when()?,
            label: r.str()?,
            note: r.opt(Reader::str)?,
            source: r.cited()?,
            territories: r.seq(|r| r.index().map(TerritoryRef))?,
        })
    })?;
    if !r.bytes.is_empty() {
        return Err(DecodeError("trailing bytes"));
    }
    let ds = Dataset {
        schema,
        country: Country {
            name: country_name,
            area_km2: country_area,
            source: country_source,
            occupied_share,
        },
        sources,
        territories,
        figures,
        events,
    };
    check_references(&ds)?;
    Ok(ds)
}

// Every index points into its list, so the accessors of `Dataset` cannot go out of bounds.
fn check_references(ds: &Dataset<'_>) -> Result<(), DecodeError> {
    let sources = ds.sources.len();
    let cited_ok = |c: &Cited| c.refs().iter().all(|s| s.0 < sources);
    let territory_ok = |t: &TerritoryRef| t.0 < ds.territories.len();
    let ok = cited_ok(&ds.country.source)
        && ds
            .country
            .occupied_share
            .is_none_or(|f| f.0 < ds.figures.len())
        && ds.territories.iter().all(|t| {
            cited_ok(&t.source)
                && t.aliases
                    .iter()
                    .all(|a| a.source.as_ref().is_none_or(cited_ok))
                && t.within.as_ref().is_none_or(|w| {
                    territory_ok(&w.territory) && w.source.as_ref().is_none_or(cited_ok)
                })
                && t.partial.as_ref().is_none_or(|p| cited_ok(&p.source))
                && t.restored.as_ref().is_none_or(|r| cited_ok(&r.source))
                && t.alternatives.iter().all(|a| cited_ok(&a.source))
        })
        && ds.figures.iter().all(|f| {
            !f.observations.is_empty()
                && f.observations.iter().all(|o| {
                    cited_ok(&o.source)
                        && o.parts
                            .iter()
                            .all(|p| p.of.is_none_or(|i| i < o.parts.len()))
                        && o.alternatives.iter().all(|a| cited_ok(&a.source))
                })
        })
        && ds
            .events
            .iter()
            .all(|e| cited_ok(&e.source) && e.territories.iter().all(territory_ok));
    ok.then_some(())
        .ok_or(DecodeError("reference out of range"))
}

struct Writer(Vec<u8>);

impl Writer {
    fn uint(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.0.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }

    fn opt<T>(&mut self, value: Option<T>, write: impl FnOnce(&mut Self, T)) {
        match value {
            None => self.0.push(0),
            Some(v) => {
                self.0.push(1);
                write(self, v);
            }
        }
    }

    fn opt_str(&mut self, s: &Option<Text<'_>>) {
        self.opt(s.as_deref(), Writer::str);
    }

    fn seq<T>(&mut self, items: &[T], mut write: impl FnMut(&mut Self, &T)) {
        self.uint(items.len() as u64);
        for item in items {
            write(self, item);
        }
    }

    fn cited(&mut self, cited: &Cited) {
        self.seq(cited.refs(), |w, r| w.uint(r.0 as u64));
    }

    // A date as its text form, which `When::parse` reads back exactly.
    fn when(&mut self, when: When) {
        self.str(&when.to_string());
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    fn uint(&mut self) -> Result<u64, DecodeError> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let (&b, rest) = self.bytes.split_first().ok_or(DecodeError("truncated"))?;
            self.bytes = rest;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(n);
            }
        }
        Err(DecodeError("number too long"))
    }

    fn index(&mut self) -> Result<usize, DecodeError> {
        usize::try_from(self.uint()?).map_err(|_| DecodeError("index"))
    }

    fn str(&mut self) -> Result<Text<'a>, DecodeError> {
        let len = self.index()?;
        if len > self.bytes.len() {
            return Err(DecodeError("truncated text"));
        }
        let (text, rest) = self.bytes.split_at(len);
        self.bytes = rest;
        std::str::from_utf8(text)
            .map(Text::borrowed)
            .map_err(|_| DecodeError("text"))
    }

    fn opt<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<T, DecodeError>,
    ) -> Result<Option<T>, DecodeError> {
        let (&flag, rest) = self.bytes.split_first().ok_or(DecodeError("truncated"))?;
        self.bytes = rest;
        match flag {
            0 => Ok(None),
            1 => read(self).map(Some),
            _ => Err(DecodeError("flag")),
        }
    }

    fn seq<T>(
        &mut self,
        mut read: impl FnMut(&mut Self) -> Result<T, DecodeError>,
    ) -> Result<Vec<T>, DecodeError> {
        let len = self.index()?;
        // Every item takes at least a byte, which bounds what damaged bytes can ask for.
        if len > self.bytes.len() {
            return Err(DecodeError("truncated list"));
        }
        (0..len).map(|_| read(self)).collect()
    }

    fn cited(&mut self) -> Result<Cited, DecodeError> {
        Cited::new(self.seq(|r| r.index().map(SourceRef))?).ok_or(DecodeError("no source"))
    }

    fn area(&mut self) -> Result<Km2, DecodeError> {
        u32::try_from(self.uint()?)
            .ok()
            .and_then(NonZeroU32::new)
            .map(Km2)
            .ok_or(DecodeError("area"))
    }

    fn when(&mut self) -> Result<When, DecodeError> {
        When::parse(&self.str()?).map_err(|_| DecodeError("date"))
    }
}

#[cfg(test)]
mod tests {
    use super::super::load::{Syntax, parse};
    use super::*;

    #[test]
    fn a_dataset_decodes_to_what_was_encoded() {
        let text = include_str!("../../data.toml");
        let ds = parse(text, "data.toml", Syntax::Toml).unwrap();
        assert_eq!(decode(&encode(&ds)).unwrap(), ds);
    }

    #[test]
    fn damaged_bytes_are_an_error_not_a_panic() {
        let text = include_str!("../../data.toml");
        let bytes = encode(&parse(text, "data.toml", Syntax::Toml).unwrap());
        for cut in [0, 3, 4, 10, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer).is_err());
    }
}
