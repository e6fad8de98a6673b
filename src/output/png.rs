//! A chart as a PNG picture, for the systems that take no SVG: the SVG picture drawn in-process
//! by resvg with the fonts karabakh carries, so that it is the same on every machine, and its
//! title and credit line written into the file as text as well as into the picture.

use std::sync::Arc;

use resvg::{tiny_skia, usvg};

use super::chart::Chart;
use super::svg::{self, Size};
use crate::query::AreaUnit;

// DejaVu Sans, the first family the SVG asks for; its licence is in assets/fonts/LICENSE.
const SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// The PNG file of `chart`, as large in pixels as `size` says, with areas in `unit`; or why
/// it cannot be drawn at that size.
pub fn picture(chart: &Chart<'_>, size: Size, unit: AreaUnit) -> Result<Vec<u8>, String> {
    let document = svg::element(chart, size, unit)?;
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(SANS.to_vec());
    fonts.load_font_data(SANS_BOLD.to_vec());
    fonts.set_sans_serif_family("DejaVu Sans");
    let options = usvg::Options {
        fontdb: Arc::new(fonts),
        ..usvg::Options::default()
    };
    // The SVG is karabakh's own: a failure here is a fault of the program, said as one.
    let fault = |what: &str| format!("cannot draw the PNG picture ({what}); please report this");
    let tree = usvg::Tree::from_str(&document, &options).map_err(|e| fault(&e.to_string()))?;
    let pixels = tree.size().to_int_size();
    let mut pixmap = tiny_skia::Pixmap::new(pixels.width(), pixels.height())
        .ok_or_else(|| fault("no room for its pixels"))?;
    resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
    // tiny-skia keeps colours premultiplied by their opacity; PNG stores them straight.
    let rgba: Vec<u8> = (pixmap.pixels().iter())
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect();
    let texts = [
        ("Title", chart.drawing.title(unit)),
        ("Source", chart.credit.clone()),
        (
            "Software",
            format!("karabakh {}", env!("CARGO_PKG_VERSION")),
        ),
    ];
    encode(pixels.width(), pixels.height(), &rgba, &texts).map_err(|e| fault(&e.to_string()))
}

// RGBA pixels as a PNG file with `texts` as its international text chunks.
fn encode(
    width: u32,
    height: u32,
    rgba: &[u8],
    texts: &[(&str, String)],
) -> Result<Vec<u8>, png::EncodingError> {
    let mut bytes = Vec::new();
    let mut encoder = png::Encoder::new(&mut bytes, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    for (keyword, text) in texts {
        encoder.add_itxt_chunk((*keyword).to_owned(), text.clone())?;
    }
    let mut writer = encoder.write_header()?;
    writer.write_image_data(rgba)?;
    writer.finish()?;
    Ok(bytes)
}
