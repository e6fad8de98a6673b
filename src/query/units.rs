//! Units of area: the square kilometres of the sources, or square miles or hectares.

/// A unit in which areas are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AreaUnit {
    /// Square kilometres, as the sources state areas.
    #[default]
    Km2,
    /// Square miles (international mile: exactly 2.589988110336 km²).
    Mi2,
    /// Hectares (exactly 100 to the km²).
    Ha,
}

// One square mile is 1.609344² km² exactly, that is 2,589,988,110,336 / 10¹² km².
const MI2_IN_KM2_E12: u128 = 2_589_988_110_336;

/// An area converted to a unit, as a whole number of the unit's smallest shown step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Converted {
    /// The area in the unit times 10^`places`, rounded half up.
    pub scaled: u128,
    /// How many decimals the unit is shown with.
    pub places: u8,
}

impl Converted {
    /// The value as a floating-point number, which shows as `scaled` at `places` decimals.
    pub fn value(self) -> f64 {
        self.scaled as f64 / 10f64.powi(i32::from(self.places))
    }
}

impl AreaUnit {
    /// The unit as it ends a column's key: `area_km2`, `area_mi2`, `area_ha`.
    pub fn key(self) -> &'static str {
        match self {
            AreaUnit::Km2 => "km2",
            AreaUnit::Mi2 => "mi2",
            AreaUnit::Ha => "ha",
        }
    }

    /// The unit's symbol for people: `km²`, `mi²`, `ha`.
    pub fn symbol(self) -> &'static str {
        match self {
            AreaUnit::Km2 => "km²",
            AreaUnit::Mi2 => "mi²",
            AreaUnit::Ha => "ha",
        }
    }

    /// Whether this is the unit of the sources, so nothing is converted.
    pub fn is_source_unit(self) -> bool {
        self == AreaUnit::Km2
    }

    /// `km2` square kilometres in this unit, exact to the precision shown: whole km² and
    /// hectares (which are exact), square miles to two decimals, correctly rounded.
    pub fn convert(self, km2: u64) -> Converted {
        let km2 = u128::from(km2);
        match self {
            AreaUnit::Km2 => Converted {
                scaled: km2,
                places: 0,
            },
            AreaUnit::Ha => Converted {
                scaled: km2 * 100,
                places: 0,
            },
            // Hundredths of a square mile: km2 × 100 × 10¹² / 2,589,988,110,336, rounded half up
            // in integers, so no floating-point error can move the last digit.
            AreaUnit::Mi2 => {
                let numerator = km2 * 100 * 1_000_000_000_000;
                Converted {
                    scaled: (numerator + MI2_IN_KM2_E12 / 2) / MI2_IN_KM2_E12,
                    places: 2,
                }
            }
        }
    }

    /// A column key or label written for km² (`area_km2`, `area km²`) rewritten for this unit.
    pub fn rename(self, text: &str) -> String {
        text.replace("km2", self.key())
            .replace("km²", self.symbol())
    }

    /// The unit of areas a field's name holds as one of its words (`area_ha`, `area_mi2_other`,
    /// `country_area_km2`); none for any other field, whatever letters it has (`share_percent`
    /// holds "ha" but no unit of area).
    pub fn of_field(field: &str) -> Option<AreaUnit> {
        [AreaUnit::Km2, AreaUnit::Mi2, AreaUnit::Ha]
            .into_iter()
            .find(|unit| field.split('_').skip(1).any(|word| word == unit.key()))
    }

    /// A field's name without the unit in it, so that one name serves every unit:
    /// `area_mi2_other` is `area_other`, `area_km2` is `area`.
    pub fn unitless(field: &str) -> String {
        let mut name = field.to_owned();
        for unit in [AreaUnit::Km2, AreaUnit::Mi2, AreaUnit::Ha] {
            name = name.replace(&format!("_{}", unit.key()), "");
        }
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_of_area_is_a_word_of_a_field_name_never_letters_inside_one() {
        assert_eq!(AreaUnit::of_field("area_ha"), Some(AreaUnit::Ha));
        assert_eq!(AreaUnit::of_field("area_mi2_other"), Some(AreaUnit::Mi2));
        assert_eq!(AreaUnit::of_field("country_area_km2"), Some(AreaUnit::Km2));
        assert_eq!(AreaUnit::of_field("share_percent"), None);
        assert_eq!(AreaUnit::of_field("stated_share_percent"), None);
        assert_eq!(AreaUnit::of_field("ha"), None);
    }

    #[test]
    fn square_miles_are_correctly_rounded_to_hundredths() {
        // 86,600 km² / 2.589988110336 = 33,436.4469… mi²; 1 km² = 0.386102… mi².
        assert_eq!(AreaUnit::Mi2.convert(86_600).scaled, 3_343_645);
        assert_eq!(AreaUnit::Mi2.convert(1).scaled, 39);
        assert_eq!(AreaUnit::Mi2.convert(14_393).scaled, 555_717);
        // 2,589,988,110,336 km² is exactly 10¹² mi².
        assert_eq!(
            AreaUnit::Mi2.convert(2_589_988_110_336).scaled,
            100_000_000_000_000
        );
        assert_eq!(AreaUnit::Mi2.convert(4400).value(), 1698.85);
    }

    #[test]
    fn hectares_and_square_kilometres_are_exact() {
        assert_eq!(AreaUnit::Ha.convert(3054).scaled, 305_400);
        assert_eq!(AreaUnit::Km2.convert(3054).scaled, 3054);
        assert_eq!(AreaUnit::Ha.rename("area_km2"), "area_ha");
        assert_eq!(
            AreaUnit::Mi2.rename("area counted once, km²"),
            "area counted once, mi²"
        );
    }
}
