//! Text measured without a browser: Helvetica's advance widths (which Liberation Sans,
//! the font Chromium picks for "helvetica" here, shares) and its vertical metrics,
//! rounded as Chromium rounds them. Natively, layout uses these so a picture does not
//! depend on the font files installed; the page measures with the canvas.

use crate::models::FontStyle;

use super::surface::{Font, FontMetrics, TextMeasure};

/// Measures text with Helvetica's metrics, as Chromium would draw it.
pub struct Estimate;

impl TextMeasure for Estimate {
    fn text_width(&self, text: &str, font: &Font) -> f64 {
        estimate_width(text, font)
    }

    fn font_metrics(&self, font: &Font) -> FontMetrics {
        estimate_metrics(font)
    }
}

/// Advance widths of ASCII 32..=126 in thousandths of an em: regular, then bold.
#[rustfmt::skip]
const REGULAR: [u16; 95] = [
    278,278,355,556,556,889,667,191,333,333,389,584,278,333,278,278,556,556,556,556,556,556,
    556,556,556,556,278,278,584,584,584,556,1015,667,667,722,722,667,611,778,722,278,500,667,
    556,833,722,778,667,778,722,667,611,722,667,944,667,667,611,278,278,278,469,556,333,556,
    556,500,556,556,278,556,556,222,222,500,222,833,556,556,556,556,333,500,278,556,500,722,
    500,500,500,334,260,334,584,
];
#[rustfmt::skip]
const BOLD: [u16; 95] = [
    278,333,474,556,556,889,722,238,333,333,389,584,278,333,278,278,556,556,556,556,556,556,
    556,556,556,556,333,333,584,584,584,611,975,722,722,722,722,667,611,778,722,278,556,722,
    611,833,722,778,667,778,722,667,611,722,667,944,667,667,611,333,278,333,584,556,333,556,
    611,556,611,556,333,611,611,278,278,556,278,889,611,611,611,611,389,556,333,611,556,778,
    556,556,500,389,280,389,584,
];

/// The width of `text` in `font`, in the font's pixels.
pub fn estimate_width(text: &str, font: &Font) -> f64 {
    let table = match font.style {
        FontStyle::Bold | FontStyle::BoldItalic => &BOLD,
        FontStyle::Normal | FontStyle::Italic => &REGULAR,
    };
    let em: u32 = text
        .chars()
        .map(|c| match c {
            ' '..='~' => u32::from(table[c as usize - 32]),
            '\u{2212}' => 584,
            _ => 556,
        })
        .sum();
    f64::from(em) / 1000.0 * font.size
}

/// Liberation Sans' vertical metrics, whole pixels as Chromium reports them.
pub fn estimate_metrics(font: &Font) -> FontMetrics {
    let s = font.size;
    let cap = match font.style {
        FontStyle::Bold | FontStyle::BoldItalic => 0.70,
        FontStyle::Normal | FontStyle::Italic => 0.69,
    };
    FontMetrics {
        ascent: (0.905 * s).round(),
        descent: (0.212 * s).round(),
        cap_height: (cap * s).round(),
        x_height: (0.54 * s).round(),
    }
}

/// A CSS font size ("13px", "10pt", "1.2em") in CSS pixels: an em is 13 px, the font size
/// of the element BokehJS draws its canvas in (its `:host`), a rem the page's 16 px.
pub fn parse_font_size(css: &str) -> Option<f64> {
    let css = css.trim();
    let (number, unit_px) = if let Some(n) = css.strip_suffix("px") {
        (n, 1.0)
    } else if let Some(n) = css.strip_suffix("pt") {
        (n, 4.0 / 3.0)
    } else if let Some(n) = css.strip_suffix("rem") {
        (n, 16.0)
    } else if let Some(n) = css.strip_suffix("em") {
        (n, 13.0)
    } else {
        return None;
    };
    let size = crate::format::parse(number.trim())?;
    (size.is_finite() && size > 0.0).then_some(size * unit_px)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font(size: f64, style: FontStyle) -> Font {
        Font {
            family: "helvetica".into(),
            size,
            style,
        }
    }

    #[test]
    fn font_sizes_in_css_units() {
        assert_eq!(parse_font_size("13px"), Some(13.0));
        assert_eq!(parse_font_size("9pt"), Some(12.0));
        assert_eq!(parse_font_size("2em"), Some(26.0));
        assert_eq!(parse_font_size("1rem"), Some(16.0));
        assert_eq!(parse_font_size("big"), None);
        assert_eq!(parse_font_size("-3px"), None);
    }

    #[test]
    fn widths_and_metrics_are_chromiums() {
        let f = font(100.0, FontStyle::Normal);
        assert!((estimate_width("10", &f) - 111.2).abs() < 1e-9);
        assert!(estimate_width("\u{2212}0.5", &f) > estimate_width("0.5", &f));
        // Chromium: 11px helvetica ascent 10, descent 2, "M" 8 tall, "x" 6.
        let m = estimate_metrics(&font(11.0, FontStyle::Normal));
        assert_eq!(
            (m.ascent, m.descent, m.cap_height, m.x_height),
            (10.0, 2.0, 8.0, 6.0)
        );
        let bold = font(100.0, FontStyle::Bold);
        assert!(estimate_width("bokeh", &bold) > estimate_width("bokeh", &f));
    }
}
