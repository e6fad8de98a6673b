//! Tab-separated values: one record a line, tabs, newlines and backslashes escaped.

use std::io::{self, Write};

use super::{Options, Report, Value};

/// Writes `report` as TSV.
pub fn write(report: &Report<'_>, options: Options, out: &mut dyn Write) -> io::Result<()> {
    if options.header {
        let keys: Vec<&str> = report.columns.iter().map(|c| c.key.as_ref()).collect();
        writeln!(out, "{}", keys.join("\t"))?;
    }
    for row in report.rows() {
        for (i, value) in row.iter().enumerate() {
            if i > 0 {
                out.write_all(b"\t")?;
            }
            write_value(out, value)?;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

// Writes straight to the output: a listing of many records allocates nothing per cell.
fn write_value(out: &mut dyn Write, value: &Value<'_>) -> io::Result<()> {
    match value {
        Value::Null => Ok(()),
        Value::Text(s) => out.write_all(escape(s).as_bytes()),
        Value::Int(n) => write_u64(out, *n),
        Value::Decimal(x, places) => write_decimal(out, *x, *places),
        Value::Date(w) => match w.as_day() {
            Some(day) => write_day(out, day),
            None => write!(out, "{}", w.iso_display()),
        },
        Value::List(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.write_all(b"; ")?;
                }
                out.write_all(escape(item).as_bytes())?;
            }
            Ok(())
        }
        Value::Structured(s) => out.write_all(escape(&s.text).as_bytes()),
    }
}

// Digits by hand: the formatting machinery costs more than the write in a long listing.
fn write_u64(out: &mut dyn Write, mut n: u64) -> io::Result<()> {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.write_all(&buf[i..])
}

// A decimal as `{x:.places$}` writes it. That formatting is exact (and slow); a value not
// near a tie rounds the same way in plain arithmetic, which covers almost every value.
fn write_decimal(out: &mut dyn Write, x: f64, places: u8) -> io::Result<()> {
    let scale = 10f64.powi(i32::from(places));
    let scaled = (x * scale).abs();
    let rounded = scaled.round();
    if places > 6
        || !scaled.is_finite()
        || scaled >= 1e15
        || ((scaled - rounded).abs() - 0.5).abs() < 1e-6
    {
        return write!(out, "{x:.*}", usize::from(places));
    }
    let n = rounded as u64;
    let scale = 10u64.pow(u32::from(places));
    if x.is_sign_negative() {
        out.write_all(b"-")?;
    }
    write_u64(out, n / scale)?;
    if places > 0 {
        let fraction = n % scale;
        let mut digits = [b'0'; 6];
        let width = usize::from(places);
        let mut f = fraction;
        for d in digits[..width].iter_mut().rev() {
            *d = b'0' + (f % 10) as u8;
            f /= 10;
        }
        out.write_all(b".")?;
        out.write_all(&digits[..width])?;
    }
    Ok(())
}

fn write_day(out: &mut dyn Write, day: chrono::NaiveDate) -> io::Result<()> {
    use chrono::Datelike;
    let (y, m, d) = (day.year(), day.month(), day.day());
    if !(0..=9999).contains(&y) {
        return write!(out, "{}", day.format("%Y-%m-%d"));
    }
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let y = y as u32;
    let text = [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(d / 10),
        digit(d),
    ];
    out.write_all(&text)
}

// The escapes of the IANA text/tab-separated-values convention, as PostgreSQL's COPY uses.
fn escape(field: &str) -> std::borrow::Cow<'_, str> {
    // A byte scan, not a `char` search: almost no field needs an escape, and this is the loop
    // that runs over every byte of a long listing.
    if !field
        .bytes()
        .any(|b| matches!(b, b'\\' | b'\t' | b'\n' | b'\r'))
    {
        return field.into();
    }
    let mut s = String::with_capacity(field.len() + 4);
    for c in field.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            '\t' => s.push_str("\\t"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            c => s.push(c),
        }
    }
    s.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_days_are_written_as_the_formatter_would() {
        let mut out = Vec::new();
        for n in [0, 7, 10, 14682, u64::MAX] {
            write_u64(&mut out, n).unwrap();
            out.push(b' ');
        }
        let day = chrono::NaiveDate::from_ymd_opt(992, 5, 8).unwrap();
        write_day(&mut out, day).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            format!("0 7 10 14682 {} 0992-05-08", u64::MAX)
        );
    }

    #[test]
    fn decimals_are_written_as_the_formatter_would() {
        let values = [
            0.0,
            -0.0,
            0.05,
            0.15,
            0.25,
            0.35,
            1.005,
            2.5,
            9.95,
            9.96,
            10.0,
            16.619_999,
            27.7,
            -3.25,
            -0.04,
            123_456.789,
            1e14,
            1e16,
            f64::NAN,
            f64::INFINITY,
        ];
        for x in values {
            for places in [0u8, 1, 2, 3, 7] {
                let mut out = Vec::new();
                write_decimal(&mut out, x, places).unwrap();
                assert_eq!(
                    String::from_utf8(out).unwrap(),
                    format!("{x:.*}", usize::from(places)),
                    "{x} to {places} places"
                );
            }
        }
        for days in 0..40_000 {
            let x = (f64::from(days) / 365.2425 * 10.0).round() / 10.0;
            let mut out = Vec::new();
            write_decimal(&mut out, x, 1).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), format!("{x:.1}"));
        }
    }

    #[test]
    fn separators_inside_fields_are_escaped() {
        assert_eq!(escape("a\tb\nc\\d\re"), "a\\tb\\nc\\\\d\\re");
        assert_eq!(escape("plain"), "plain");
    }
}
