//! CSS colors as Bokeh accepts them: `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(…)`,
//! `rgba(…)` and the common named colors.

use plotters::style::RGBAColor;

use super::RenderError;

/// A color with its alpha in 0..=1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub alpha: f64,
}

impl Color {
    pub const WHITE: Color = Color::rgb(255, 255, 255);

    pub const fn rgb(r: u8, g: u8, b: u8) -> Color {
        Color {
            r,
            g,
            b,
            alpha: 1.0,
        }
    }

    /// Parses a CSS color string.
    pub fn parse(css: &str) -> Result<Color, RenderError> {
        let s = css.trim().to_ascii_lowercase();
        let parsed = if let Some(hex) = s.strip_prefix('#') {
            parse_hex(hex)
        } else if let Some(args) = s.strip_prefix("rgba(").or_else(|| s.strip_prefix("rgb(")) {
            parse_rgb_args(args.strip_suffix(')').unwrap_or(""))
        } else {
            NAMED
                .iter()
                .find(|(name, _)| *name == s)
                .map(|&(_, [r, g, b])| Color::rgb(r, g, b))
                .or_else(|| (s == "transparent").then_some(Color::TRANSPARENT))
        };
        parsed.ok_or_else(|| RenderError::Color(css.to_owned()))
    }

    const TRANSPARENT: Color = Color {
        r: 0,
        g: 0,
        b: 0,
        alpha: 0.0,
    };

    /// The same color with its alpha multiplied by `alpha` (Bokeh's `line_alpha`).
    pub fn with_alpha(self, alpha: f64) -> Color {
        Color {
            alpha: (self.alpha * alpha).clamp(0.0, 1.0),
            ..self
        }
    }

    /// What this color looks like painted over an opaque `under`, rounded to bytes.
    pub fn over(self, under: Color) -> [u8; 3] {
        let mix = |top: u8, bottom: u8| {
            (f64::from(top) * self.alpha + f64::from(bottom) * (1.0 - self.alpha)).round() as u8
        };
        [
            mix(self.r, under.r),
            mix(self.g, under.g),
            mix(self.b, under.b),
        ]
    }

    pub fn to_plotters(self) -> RGBAColor {
        RGBAColor(self.r, self.g, self.b, self.alpha)
    }
}

fn parse_hex(hex: &str) -> Option<Color> {
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
    let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
    let (r, g, b, a) = match hex.len() {
        3 | 4 => {
            let short = |i| digit(i).map(|d| d * 17);
            let a = if hex.len() == 4 { short(3)? } else { 255 };
            (short(0)?, short(1)?, short(2)?, a)
        }
        6 | 8 => {
            let a = if hex.len() == 8 { pair(6)? } else { 255 };
            (pair(0)?, pair(2)?, pair(4)?, a)
        }
        _ => return None,
    };
    Some(Color {
        r,
        g,
        b,
        alpha: f64::from(a) / 255.0,
    })
}

/// `r, g, b` or `r, g, b, a` with channels 0..=255 and alpha 0..=1.
fn parse_rgb_args(args: &str) -> Option<Color> {
    let parts: Vec<&str> = args.split(',').map(str::trim).collect();
    let channel = |s: &str| {
        let v: f64 = s.parse().ok()?;
        (0.0..=255.0).contains(&v).then(|| v.round() as u8)
    };
    let alpha = match parts.len() {
        3 => 1.0,
        4 => parts[3].parse().ok().filter(|a| (0.0..=1.0).contains(a))?,
        _ => return None,
    };
    Some(Color {
        r: channel(parts[0])?,
        g: channel(parts[1])?,
        b: channel(parts[2])?,
        alpha,
    })
}

/// The named colors Bokeh documents use most (its palettes are hex strings).
const NAMED: &[(&str, [u8; 3])] = &[
    ("black", [0, 0, 0]),
    ("white", [255, 255, 255]),
    ("red", [255, 0, 0]),
    ("green", [0, 128, 0]),
    ("blue", [0, 0, 255]),
    ("yellow", [255, 255, 0]),
    ("orange", [255, 165, 0]),
    ("purple", [128, 0, 128]),
    ("navy", [0, 0, 128]),
    ("olive", [128, 128, 0]),
    ("teal", [0, 128, 128]),
    ("maroon", [128, 0, 0]),
    ("firebrick", [178, 34, 34]),
    ("crimson", [220, 20, 60]),
    ("gold", [255, 215, 0]),
    ("tomato", [255, 99, 71]),
    ("steelblue", [70, 130, 180]),
    ("skyblue", [135, 206, 235]),
    ("darkblue", [0, 0, 139]),
    ("darkgreen", [0, 100, 0]),
    ("darkred", [139, 0, 0]),
    ("gray", [128, 128, 128]),
    ("grey", [128, 128, 128]),
    ("darkgray", [169, 169, 169]),
    ("darkgrey", [169, 169, 169]),
    ("lightgray", [211, 211, 211]),
    ("lightgrey", [211, 211, 211]),
    ("silver", [192, 192, 192]),
    ("whitesmoke", [245, 245, 245]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_forms_and_names_parse() {
        assert_eq!(
            Color::parse("#1f77b4").unwrap(),
            Color::rgb(0x1f, 0x77, 0xb4)
        );
        assert_eq!(Color::parse("#fff").unwrap(), Color::WHITE);
        assert_eq!(Color::parse("Navy").unwrap(), Color::rgb(0, 0, 128));
        let half = Color::parse("#ff000080").unwrap();
        assert!((half.alpha - 128.0 / 255.0).abs() < 1e-9);
        let rgba = Color::parse("rgba(10, 20, 30, 0.5)").unwrap();
        assert_eq!((rgba.r, rgba.g, rgba.b, rgba.alpha), (10, 20, 30, 0.5));
    }

    #[test]
    fn bad_colors_are_errors() {
        for bad in ["#12", "#ggg", "rgb(1,2)", "rgb(300,0,0)", "nocolor", ""] {
            assert!(Color::parse(bad).is_err(), "{bad} parsed");
        }
    }

    #[test]
    fn alpha_blends_over_white() {
        let line = Color::rgb(0x1f, 0x77, 0xb4).with_alpha(0.6);
        assert_eq!(line.over(Color::WHITE), [121, 173, 210]);
    }
}
