//! CSS colors as Bokeh accepts them: `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(…)`,
//! `rgba(…)`, `hsl(…)`, `hsla(…)` and the 148 CSS named colors (Bokeh's `NamedColor`).

/// A color with its alpha in 0..=1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rgba {
    /// Red, 0..=255.
    pub r: u8,
    /// Green, 0..=255.
    pub g: u8,
    /// Blue, 0..=255.
    pub b: u8,
    /// Opacity: 0 is transparent, 1 opaque.
    pub alpha: f64,
}

impl Rgba {
    /// Opaque white.
    pub const WHITE: Rgba = Rgba::rgb(255, 255, 255);

    /// An opaque color.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Rgba {
        Rgba {
            r,
            g,
            b,
            alpha: 1.0,
        }
    }

    /// A color as Bokeh's `Color` property takes one: a named color, hex, `rgb()` or
    /// `rgba()`; not the `hsl()` or `transparent` CSS also takes (Python's Bokeh refuses a
    /// document holding one).
    pub fn parse_bokeh(css: &str) -> Option<Rgba> {
        let css = css.trim();
        let hsl = css.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("hsl"));
        match hsl || css.eq_ignore_ascii_case("transparent") {
            true => None,
            false => Rgba::parse(css),
        }
    }

    /// Parses a CSS color string.
    pub fn parse(css: &str) -> Option<Rgba> {
        let css = css.trim();
        // Every paint parses its figure's colors: most are lower case already (Bokeh
        // writes them so), and are read without a copy.
        let s = if css.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(css.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(css)
        };
        if let Some(hex) = s.strip_prefix('#') {
            parse_hex(hex)
        } else if let Some(args) = s.strip_prefix("rgba(").or_else(|| s.strip_prefix("rgb(")) {
            parse_rgb_args(args.strip_suffix(')').unwrap_or(""))
        } else if let Some(args) = s.strip_prefix("hsla(").or_else(|| s.strip_prefix("hsl(")) {
            parse_hsl_args(args.strip_suffix(')').unwrap_or(""))
        } else {
            NAMED
                .binary_search_by(|(name, _)| name.cmp(&&*s))
                .ok()
                .map(|at| {
                    let [r, g, b] = NAMED[at].1;
                    Rgba::rgb(r, g, b)
                })
                .or_else(|| (s == "transparent").then_some(Rgba::TRANSPARENT))
        }
    }

    const TRANSPARENT: Rgba = Rgba {
        r: 0,
        g: 0,
        b: 0,
        alpha: 0.0,
    };

    /// The same color with its alpha multiplied by `alpha` (Bokeh's `line_alpha`).
    pub fn with_alpha(self, alpha: f64) -> Rgba {
        Rgba {
            alpha: (self.alpha * alpha).clamp(0.0, 1.0),
            ..self
        }
    }

    /// The color as CSS writes it: `rgba(r,g,b,alpha)`.
    pub fn to_css(self) -> String {
        format!("rgba({},{},{},{})", self.r, self.g, self.b, self.alpha)
    }

    /// What this color looks like painted over an opaque `under`, rounded to bytes.
    pub fn over(self, under: Rgba) -> [u8; 3] {
        let mix = |top: u8, bottom: u8| {
            (f64::from(top) * self.alpha + f64::from(bottom) * (1.0 - self.alpha)).round() as u8
        };
        [
            mix(self.r, under.r),
            mix(self.g, under.g),
            mix(self.b, under.b),
        ]
    }
}

fn parse_hex(hex: &str) -> Option<Rgba> {
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
    Some(Rgba {
        r,
        g,
        b,
        alpha: f64::from(a) / 255.0,
    })
}

/// `r, g, b` or `r, g, b, a` with channels 0..=255 and alpha 0..=1.
fn parse_rgb_args(args: &str) -> Option<Rgba> {
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
    Some(Rgba {
        r: channel(parts[0])?,
        g: channel(parts[1])?,
        b: channel(parts[2])?,
        alpha,
    })
}

/// `h, s%, l%` or `h, s%, l%, a`, as CSS writes them.
fn parse_hsl_args(args: &str) -> Option<Rgba> {
    let parts: Vec<&str> = args.split(',').map(str::trim).collect();
    let percent = |s: &str| {
        let v: f64 = s.strip_suffix('%')?.parse().ok()?;
        (0.0..=100.0).contains(&v).then_some(v / 100.0)
    };
    let alpha = match parts.len() {
        3 => 1.0,
        4 => parts[3].parse().ok().filter(|a| (0.0..=1.0).contains(a))?,
        _ => return None,
    };
    let h: f64 = parts[0].parse().ok().filter(|h: &f64| h.is_finite())?;
    let (s, l) = (percent(parts[1])?, percent(parts[2])?);
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let h = h.rem_euclid(360.0) / 60.0;
    let x = c * (1.0 - (h % 2.0 - 1.0).abs());
    let (r, g, b) = match h as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = l - c / 2.0;
    let byte = |v: f64| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    Some(Rgba {
        r: byte(r),
        g: byte(g),
        b: byte(b),
        alpha,
    })
}

/// CSS's named colors, as Bokeh's `NamedColor` lists them (sorted, for binary search).
const NAMED: &[(&str, [u8; 3])] = &[
    ("aliceblue", [240, 248, 255]),
    ("antiquewhite", [250, 235, 215]),
    ("aqua", [0, 255, 255]),
    ("aquamarine", [127, 255, 212]),
    ("azure", [240, 255, 255]),
    ("beige", [245, 245, 220]),
    ("bisque", [255, 228, 196]),
    ("black", [0, 0, 0]),
    ("blanchedalmond", [255, 235, 205]),
    ("blue", [0, 0, 255]),
    ("blueviolet", [138, 43, 226]),
    ("brown", [165, 42, 42]),
    ("burlywood", [222, 184, 135]),
    ("cadetblue", [95, 158, 160]),
    ("chartreuse", [127, 255, 0]),
    ("chocolate", [210, 105, 30]),
    ("coral", [255, 127, 80]),
    ("cornflowerblue", [100, 149, 237]),
    ("cornsilk", [255, 248, 220]),
    ("crimson", [220, 20, 60]),
    ("cyan", [0, 255, 255]),
    ("darkblue", [0, 0, 139]),
    ("darkcyan", [0, 139, 139]),
    ("darkgoldenrod", [184, 134, 11]),
    ("darkgray", [169, 169, 169]),
    ("darkgreen", [0, 100, 0]),
    ("darkgrey", [169, 169, 169]),
    ("darkkhaki", [189, 183, 107]),
    ("darkmagenta", [139, 0, 139]),
    ("darkolivegreen", [85, 107, 47]),
    ("darkorange", [255, 140, 0]),
    ("darkorchid", [153, 50, 204]),
    ("darkred", [139, 0, 0]),
    ("darksalmon", [233, 150, 122]),
    ("darkseagreen", [143, 188, 143]),
    ("darkslateblue", [72, 61, 139]),
    ("darkslategray", [47, 79, 79]),
    ("darkslategrey", [47, 79, 79]),
    ("darkturquoise", [0, 206, 209]),
    ("darkviolet", [148, 0, 211]),
    ("deeppink", [255, 20, 147]),
    ("deepskyblue", [0, 191, 255]),
    ("dimgray", [105, 105, 105]),
    ("dimgrey", [105, 105, 105]),
    ("dodgerblue", [30, 144, 255]),
    ("firebrick", [178, 34, 34]),
    ("floralwhite", [255, 250, 240]),
    ("forestgreen", [34, 139, 34]),
    ("fuchsia", [255, 0, 255]),
    ("gainsboro", [220, 220, 220]),
    ("ghostwhite", [248, 248, 255]),
    ("gold", [255, 215, 0]),
    ("goldenrod", [218, 165, 32]),
    ("gray", [128, 128, 128]),
    ("green", [0, 128, 0]),
    ("greenyellow", [173, 255, 47]),
    ("grey", [128, 128, 128]),
    ("honeydew", [240, 255, 240]),
    ("hotpink", [255, 105, 180]),
    ("indianred", [205, 92, 92]),
    ("indigo", [75, 0, 130]),
    ("ivory", [255, 255, 240]),
    ("khaki", [240, 230, 140]),
    ("lavender", [230, 230, 250]),
    ("lavenderblush", [255, 240, 245]),
    ("lawngreen", [124, 252, 0]),
    ("lemonchiffon", [255, 250, 205]),
    ("lightblue", [173, 216, 230]),
    ("lightcoral", [240, 128, 128]),
    ("lightcyan", [224, 255, 255]),
    ("lightgoldenrodyellow", [250, 250, 210]),
    ("lightgray", [211, 211, 211]),
    ("lightgreen", [144, 238, 144]),
    ("lightgrey", [211, 211, 211]),
    ("lightpink", [255, 182, 193]),
    ("lightsalmon", [255, 160, 122]),
    ("lightseagreen", [32, 178, 170]),
    ("lightskyblue", [135, 206, 250]),
    ("lightslategray", [119, 136, 153]),
    ("lightslategrey", [119, 136, 153]),
    ("lightsteelblue", [176, 196, 222]),
    ("lightyellow", [255, 255, 224]),
    ("lime", [0, 255, 0]),
    ("limegreen", [50, 205, 50]),
    ("linen", [250, 240, 230]),
    ("magenta", [255, 0, 255]),
    ("maroon", [128, 0, 0]),
    ("mediumaquamarine", [102, 205, 170]),
    ("mediumblue", [0, 0, 205]),
    ("mediumorchid", [186, 85, 211]),
    ("mediumpurple", [147, 112, 219]),
    ("mediumseagreen", [60, 179, 113]),
    ("mediumslateblue", [123, 104, 238]),
    ("mediumspringgreen", [0, 250, 154]),
    ("mediumturquoise", [72, 209, 204]),
    ("mediumvioletred", [199, 21, 133]),
    ("midnightblue", [25, 25, 112]),
    ("mintcream", [245, 255, 250]),
    ("mistyrose", [255, 228, 225]),
    ("moccasin", [255, 228, 181]),
    ("navajowhite", [255, 222, 173]),
    ("navy", [0, 0, 128]),
    ("oldlace", [253, 245, 230]),
    ("olive", [128, 128, 0]),
    ("olivedrab", [107, 142, 35]),
    ("orange", [255, 165, 0]),
    ("orangered", [255, 69, 0]),
    ("orchid", [218, 112, 214]),
    ("palegoldenrod", [238, 232, 170]),
    ("palegreen", [152, 251, 152]),
    ("paleturquoise", [175, 238, 238]),
    ("palevioletred", [219, 112, 147]),
    ("papayawhip", [255, 239, 213]),
    ("peachpuff", [255, 218, 185]),
    ("peru", [205, 133, 63]),
    ("pink", [255, 192, 203]),
    ("plum", [221, 160, 221]),
    ("powderblue", [176, 224, 230]),
    ("purple", [128, 0, 128]),
    ("rebeccapurple", [102, 51, 153]),
    ("red", [255, 0, 0]),
    ("rosybrown", [188, 143, 143]),
    ("royalblue", [65, 105, 225]),
    ("saddlebrown", [139, 69, 19]),
    ("salmon", [250, 128, 114]),
    ("sandybrown", [244, 164, 96]),
    ("seagreen", [46, 139, 87]),
    ("seashell", [255, 245, 238]),
    ("sienna", [160, 82, 45]),
    ("silver", [192, 192, 192]),
    ("skyblue", [135, 206, 235]),
    ("slateblue", [106, 90, 205]),
    ("slategray", [112, 128, 144]),
    ("slategrey", [112, 128, 144]),
    ("snow", [255, 250, 250]),
    ("springgreen", [0, 255, 127]),
    ("steelblue", [70, 130, 180]),
    ("tan", [210, 180, 140]),
    ("teal", [0, 128, 128]),
    ("thistle", [216, 191, 216]),
    ("tomato", [255, 99, 71]),
    ("turquoise", [64, 224, 208]),
    ("violet", [238, 130, 238]),
    ("wheat", [245, 222, 179]),
    ("white", [255, 255, 255]),
    ("whitesmoke", [245, 245, 245]),
    ("yellow", [255, 255, 0]),
    ("yellowgreen", [154, 205, 50]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_forms_and_names_parse() {
        assert_eq!(Rgba::parse("#1f77b4").unwrap(), Rgba::rgb(0x1f, 0x77, 0xb4));
        assert_eq!(Rgba::parse("#fff").unwrap(), Rgba::WHITE);
        assert_eq!(Rgba::parse("Navy").unwrap(), Rgba::rgb(0, 0, 128));
        assert_eq!(Rgba::parse(" #1F77B4 "), Rgba::parse("#1f77b4"));
        let half = Rgba::parse("#ff000080").unwrap();
        assert!((half.alpha - 128.0 / 255.0).abs() < 1e-9);
        let rgba = Rgba::parse("rgba(10, 20, 30, 0.5)").unwrap();
        assert_eq!((rgba.r, rgba.g, rgba.b, rgba.alpha), (10, 20, 30, 0.5));
    }

    #[test]
    fn bad_colors_are_errors() {
        for bad in ["#12", "#ggg", "rgb(1,2)", "rgb(300,0,0)", "nocolor", ""] {
            assert!(Rgba::parse(bad).is_none(), "{bad} parsed");
        }
    }

    #[test]
    fn alpha_blends_over_white() {
        let line = Rgba::rgb(0x1f, 0x77, 0xb4).with_alpha(0.6);
        assert_eq!(line.over(Rgba::WHITE), [121, 173, 210]);
    }
}
