//! Bokeh's default look, in CSS pixels: fonts, tick lengths, standoffs, borders.

use plotters::style::FontFamily;

/// The font family Bokeh's default theme names. In the page the browser resolves it;
/// natively, tests register a font under this name (plotters' `register_font`).
pub const FONT_FAMILY: &str = "helvetica";

pub(crate) fn font_family() -> FontFamily<'static> {
    FontFamily::Name(FONT_FAMILY)
}

pub(crate) const TICK_LABEL_FONT_PX: f64 = 11.0;
/// Text line height over font size, for the title band.
pub(crate) const LINE_HEIGHT: f64 = 1.15;
pub(crate) const TITLE_STANDOFF: f64 = 10.0;
pub(crate) const MIN_BORDER: f64 = 5.0;
pub(crate) const MAJOR_TICK_OUT: f64 = 6.0;
pub(crate) const MAJOR_TICK_IN: f64 = 2.0;
pub(crate) const MINOR_TICK_OUT: f64 = 4.0;
pub(crate) const LABEL_STANDOFF: f64 = 5.0;

/// A label's width in CSS pixels with Helvetica's advance widths (Arial and Liberation
/// Sans share them). Layout must not depend on a backend's text measurement, so the
/// page and the tests get the same frame.
pub(crate) fn estimate_text_width(text: &str, font_px: f64) -> f64 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            '0'..='9' => 0.556,
            '.' | ',' => 0.278,
            '\u{2212}' | '+' => 0.584,
            '-' => 0.333,
            ' ' => 0.278,
            'i' | 'l' | 'j' => 0.222,
            'm' | 'w' => 0.833,
            'A'..='Z' => 0.667,
            _ => 0.556,
        })
        .sum();
    em * font_px
}

/// A CSS font size ("13px", "10pt", "1.2em") in CSS pixels.
pub(crate) fn parse_font_size(css: &str) -> Option<f64> {
    let css = css.trim();
    let (number, unit_px) = if let Some(n) = css.strip_suffix("px") {
        (n, 1.0)
    } else if let Some(n) = css.strip_suffix("pt") {
        (n, 4.0 / 3.0)
    } else if let Some(n) = css.strip_suffix("em") {
        (n, 16.0)
    } else {
        return None;
    };
    let size: f64 = number.trim().parse().ok()?;
    (size.is_finite() && size > 0.0).then_some(size * unit_px)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_sizes_in_css_units() {
        assert_eq!(parse_font_size("13px"), Some(13.0));
        assert_eq!(parse_font_size("9pt"), Some(12.0));
        assert_eq!(parse_font_size("1em"), Some(16.0));
        assert_eq!(parse_font_size("big"), None);
        assert_eq!(parse_font_size("-3px"), None);
    }

    #[test]
    fn digits_are_tabular() {
        assert_eq!(
            estimate_text_width("10", 11.0),
            estimate_text_width("88", 11.0)
        );
        assert!(estimate_text_width("\u{2212}0.5", 11.0) > estimate_text_width("0.5", 11.0));
    }
}
