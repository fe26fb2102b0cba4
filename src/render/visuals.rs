//! A glyph's line, fill, hatch and text visuals, per row: each property a value or a
//! column (specs), read once, turned into strokes, fill colors, hatch patterns and text
//! styles in device pixels when painting.

use crate::core::Rgba;
use crate::models::{DashPattern, FontStyle, LineCap, LineJoin, TextAlign, TextBaseline};

use super::hatch::hatch_pattern;
use super::read::prop_name;
use super::specs::{Numbers, Specs, Uniform};
use super::surface::{Font, Pattern, Stroke, TextStyle};
use super::text::parse_font_size;
use super::RenderError;

/// `{prefix}line_*`.
#[derive(Clone, Debug)]
pub(crate) struct LineVisual {
    color: Uniform<Option<Rgba>>,
    width: Numbers<'static>,
    cap: Uniform<LineCap>,
    join: Uniform<LineJoin>,
    dash: Uniform<DashPattern>,
    dash_offset: Numbers<'static>,
}

impl LineVisual {
    pub fn read(s: &Specs<'_, '_>, prefix: &str) -> Result<LineVisual, RenderError> {
        let name = |p: &str| prop_name(&[prefix, "line_", p]);
        Ok(LineVisual {
            color: s.colors(&name("color"), Some(&name("alpha")))?,
            width: s.numbers(&name("width"))?.into_owned(),
            cap: s.values(&name("cap"))?,
            join: s.values(&name("join"))?,
            dash: s.values(&name("dash"))?,
            dash_offset: s.numbers(&name("dash_offset"))?.into_owned(),
        })
    }

    /// Whether any row draws a line.
    pub fn doit(&self) -> bool {
        self.color.any(|c| c.is_some_and(|c| c.alpha > 0.0))
            && match &self.width {
                Numbers::Scalar(w) => *w > 0.0,
                Numbers::Vector(_) | Numbers::Stored(_) => true,
            }
    }

    /// Row `i`'s stroke in device pixels (`scale` per CSS pixel), if it draws one.
    pub fn stroke(&self, i: usize, scale: f64) -> Option<Stroke> {
        let color = self.color.get(i).filter(|c| c.alpha > 0.0)?;
        let width = self.width.get(i);
        if width.is_nan() || width <= 0.0 {
            return None;
        }
        Some(Stroke {
            color,
            width: width * scale,
            cap: self.cap.get(i),
            join: self.join.get(i),
            dash: self.dash.get(i).0.iter().map(|d| d * scale).collect(),
            dash_offset: self.dash_offset.get(i) * scale,
        })
    }

    /// Whether every row strokes alike (one path can draw them all).
    pub fn is_uniform(&self) -> bool {
        matches!(
            (&self.color, &self.width, &self.dash),
            (Uniform::Scalar(_), Numbers::Scalar(_), Uniform::Scalar(_))
        )
    }
}

/// `{prefix}fill_color` and `_alpha`.
#[derive(Clone, Debug)]
pub(crate) struct FillVisual {
    color: Uniform<Option<Rgba>>,
}

impl FillVisual {
    pub fn read(s: &Specs<'_, '_>, prefix: &str) -> Result<FillVisual, RenderError> {
        Ok(FillVisual {
            color: s.colors(
                &prop_name(&[prefix, "fill_color"]),
                Some(&prop_name(&[prefix, "fill_alpha"])),
            )?,
        })
    }

    pub fn color(&self, i: usize) -> Option<Rgba> {
        self.color.get(i).filter(|c| c.alpha > 0.0)
    }

    pub fn is_uniform(&self) -> bool {
        matches!(self.color, Uniform::Scalar(_))
    }
}

/// `{prefix}hatch_*`.
#[derive(Clone, Debug)]
pub(crate) struct HatchVisual {
    pattern: Uniform<Option<String>>,
    color: Uniform<Option<Rgba>>,
    scale: Numbers<'static>,
    weight: Numbers<'static>,
}

impl HatchVisual {
    pub fn read(s: &Specs<'_, '_>, prefix: &str) -> Result<HatchVisual, RenderError> {
        let name = |p: &str| prop_name(&[prefix, "hatch_", p]);
        Ok(HatchVisual {
            pattern: s.values(&name("pattern"))?,
            color: s.colors(&name("color"), Some(&name("alpha")))?,
            scale: s.numbers(&name("scale"))?.into_owned(),
            weight: s.numbers(&name("weight"))?.into_owned(),
        })
    }

    pub fn doit(&self) -> bool {
        self.pattern.any(|p| {
            p.as_deref()
                .is_some_and(|p| !p.is_empty() && p != " " && p != "blank")
        })
    }

    /// Row `i`'s hatch tile in device pixels, if it has one.
    pub fn pattern(&self, i: usize, scale: f64) -> Option<Pattern> {
        let name = self.pattern.get(i)?;
        let color = self.color.get(i)?;
        hatch_pattern(
            &name,
            color,
            self.scale.get(i) * scale,
            self.weight.get(i) * scale,
            scale,
        )
    }
}

/// `{prefix}text_*`.
#[derive(Clone, Debug)]
pub(crate) struct TextVisual {
    color: Uniform<Option<Rgba>>,
    font: Uniform<String>,
    size: Uniform<String>,
    style: Uniform<FontStyle>,
    align: Uniform<TextAlign>,
    baseline: Uniform<TextBaseline>,
}

impl TextVisual {
    pub fn read(s: &Specs<'_, '_>, prefix: &str) -> Result<TextVisual, RenderError> {
        let name = |p: &str| prop_name(&[prefix, "text_", p]);
        Ok(TextVisual {
            color: s.colors(&name("color"), Some(&name("alpha")))?,
            font: s.values(&name("font"))?,
            size: s.values(&name("font_size"))?,
            style: s.values(&name("font_style"))?,
            align: s.values(&name("align"))?,
            baseline: s.values(&name("baseline"))?,
        })
    }

    /// Row `i`'s text style at `angle` (radians, counter-clockwise), if it is drawn.
    pub fn style(&self, i: usize, scale: f64, angle: f64) -> Option<TextStyle> {
        let color = self.color.get(i).filter(|c| c.alpha > 0.0)?;
        let size = parse_font_size(&self.size.get(i)).unwrap_or(16.0);
        Some(TextStyle {
            font: Font {
                family: self.font.get(i),
                size: size * scale,
                style: self.style.get(i),
            },
            color,
            align: self.align.get(i),
            baseline: self.baseline.get(i),
            angle,
        })
    }
}
