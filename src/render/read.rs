//! Reading a figure's models without panicking on documents that came from elsewhere: a
//! value of the wrong kind is an error naming the model and property; properties are
//! read through rokeh's typed keys or by name (Bokeh's schema gives the defaults).

use std::borrow::Cow;

use crate::core::{ArrayData, NdArray, PropType, Rgba};
use crate::document::{AnyId, Document, Value};
use crate::models::{DashPattern, FontStyle, LineCap, LineJoin, TextLike};

use super::format::TickLabel;
use super::math;
use super::surface::{Font, Stroke};
use super::text::parse_font_size;
use super::{Following, Inspected, RenderError};
use crate::format::tex::Macro;

#[derive(Clone, Copy)]
pub(crate) struct Reader<'d> {
    pub doc: &'d Document,
    /// DataRange1ds whose `start`/`end` are a page's own computation: they follow the
    /// data as if unset (see [`super::Following`]).
    following: Option<&'d Following>,
    /// The rows a hover tool inspects (see [`super::Inspected`]).
    inspected: Option<&'d Inspected>,
}

impl<'d> Reader<'d> {
    pub fn new(
        doc: &'d Document,
        following: Option<&'d Following>,
        inspected: Option<&'d Inspected>,
    ) -> Reader<'d> {
        Reader {
            doc,
            following,
            inspected,
        }
    }

    /// The source rows of `source` a hover tool inspects.
    pub fn inspected(&self, source: AnyId) -> &'d [usize] {
        self.inspected
            .and_then(|i| i.get(&source))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether `range`'s start and end are to be computed from the data, whatever the
    /// document says.
    pub fn follows(&self, range: AnyId) -> bool {
        self.following.is_some_and(|f| f.contains(&range))
    }

    pub fn type_name(&self, any: AnyId) -> &'d str {
        &self.doc.model(any).type_name
    }

    /// Whether the model is a `base` (its type or a Bokeh subtype).
    pub fn is_a(&self, any: AnyId, base: &str) -> bool {
        self.doc.schema_of(any).is_some_and(|t| t.is_a(base))
    }

    pub fn value(&self, any: AnyId, attr: &str) -> Result<Value, RenderError> {
        self.value_ref(any, attr).map(Cow::into_owned)
    }

    /// [`Reader::value`], borrowed where the document stores it.
    pub fn value_ref(&self, any: AnyId, attr: &str) -> Result<Cow<'d, Value>, RenderError> {
        self.doc
            .attr(any, attr)
            .map_err(|e| RenderError::Model(e.to_string()))
    }

    pub fn bad(&self, any: AnyId, attr: &str, expected: &str) -> RenderError {
        let model = self.doc.model(any);
        RenderError::Model(format!(
            "{} {}.{attr} is not {expected}",
            model.type_name, model.id
        ))
    }

    /// Property `attr` as a `T`.
    pub fn get<T: PropType>(&self, any: AnyId, attr: &str) -> Result<T, RenderError> {
        let value = self.value_ref(any, attr)?;
        T::from_value(&value, self.doc)
            .ok_or_else(|| self.bad(any, attr, &format!("readable as {}", T::KIND.describe())))
    }

    pub fn number(&self, any: AnyId, attr: &str) -> Result<f64, RenderError> {
        self.get(any, attr)
    }

    /// A screen length in CSS pixels (an int or float property).
    pub fn pixels(&self, any: AnyId, attr: &str) -> Result<f64, RenderError> {
        self.number(any, attr)
    }

    pub fn flag(&self, any: AnyId, attr: &str) -> Result<bool, RenderError> {
        self.get(any, attr)
    }

    pub fn string(&self, any: AnyId, attr: &str) -> Result<String, RenderError> {
        self.get(any, attr)
    }

    /// A text property that may be a text model (`TeX`, `MathML`, `PlainText`), as the
    /// label drawn: TeX typeset, MathML's words without its markup, a `PlainText` as it
    /// is, and a string as BokehJS reads one (`parse_delimited_string`): its math between
    /// `$$…$$`, `\[…\]` or `\(…\)` as TeX.
    pub fn text_like(&self, any: AnyId, attr: &str) -> Result<TickLabel, RenderError> {
        Ok(match self.get::<TextLike>(any, attr)? {
            TextLike::Plain(s) => math::label(s),
            TextLike::Model(m) => {
                let text = self.string(m, "text").unwrap_or_default();
                match self.type_name(m) {
                    "MathML" => TickLabel::plain(mathml_words(&text)),
                    "TeX" => {
                        let display = !self.flag(m, "inline").unwrap_or(false);
                        math::tex_model(text, display, &self.macros(m)?)
                    }
                    _ => TickLabel::plain(text),
                }
            }
        })
    }

    /// A `TeX` model's (or a TeXGlyph's) `macros`: each name's TeX, or TeX and how many
    /// arguments it takes.
    pub fn macros(&self, any: AnyId) -> Result<Vec<Macro>, RenderError> {
        let Value::Map(entries) = self.value(any, "macros")? else {
            return Ok(Vec::new());
        };
        Ok(entries
            .into_iter()
            .filter_map(|(name, def)| {
                let (body, args) = match def {
                    Value::Str(body) => (body, 0),
                    Value::List(pair) => match pair.as_slice() {
                        [Value::Str(body), n] => (body.clone(), n.as_f64()? as usize),
                        _ => return None,
                    },
                    _ => return None,
                };
                Some(Macro {
                    name: name.as_str()?.to_owned(),
                    body,
                    args,
                })
            })
            .collect())
    }

    /// A scalar color property with its alpha companion applied (`None`: not drawn).
    pub fn color(
        &self,
        any: AnyId,
        attr: &str,
        alpha_attr: Option<&str>,
    ) -> Result<Option<Rgba>, RenderError> {
        let alpha = match alpha_attr {
            Some(a) => self.number(any, a)?,
            None => 1.0,
        };
        match &*self.value_ref(any, attr)? {
            Value::Null => Ok(None),
            v => parse_color(v)
                .map(|c| Some(c.with_alpha(alpha)))
                .ok_or_else(|| self.bad(any, attr, "a color")),
        }
    }

    /// How many rows a glyph or annotation draws of `source`: its length, or one when it
    /// has no columns or there is none (a glyph of values alone,
    /// `plot.add_glyph(Circle(x=0, …))`), as BokehJS's `source.get_length() ?? 1`.
    pub fn rows_of(&self, source: Option<AnyId>) -> usize {
        match source.map(|s| (s, self.doc.columns(s))) {
            Some((s, Some(Value::Map(c)))) if !c.is_empty() => self.doc.row_count(s),
            _ => 1,
        }
    }

    /// The model a reference property points to, if set.
    pub fn reference(&self, any: AnyId, attr: &str) -> Result<Option<AnyId>, RenderError> {
        match &*self.value_ref(any, attr)? {
            Value::Null => Ok(None),
            v => self.lookup(any, attr, v).map(Some),
        }
    }

    pub fn lookup(&self, any: AnyId, attr: &str, v: &Value) -> Result<AnyId, RenderError> {
        v.as_ref_id()
            .and_then(|id| self.doc.lookup(id))
            .ok_or_else(|| self.bad(any, attr, "a reference to a model of the document"))
    }

    /// A list of references.
    pub fn refs(&self, any: AnyId, attr: &str) -> Result<Vec<AnyId>, RenderError> {
        let value = self.value_ref(any, attr)?;
        let items = value
            .as_list()
            .ok_or_else(|| self.bad(any, attr, "a list"))?;
        items.iter().map(|v| self.lookup(any, attr, v)).collect()
    }

    /// A scalar line visual (`{prefix}line_color`, `_alpha`, `_width`, …) as a stroke in
    /// device pixels; `None` when it draws nothing.
    pub fn stroke(
        &self,
        any: AnyId,
        prefix: &str,
        scale: f64,
    ) -> Result<Option<Stroke>, RenderError> {
        let name = |p: &str| prop_name(&[prefix, "line_", p]);
        let Some(color) = self.color(any, &name("color"), Some(&name("alpha")))? else {
            return Ok(None);
        };
        let width = self.number(any, &name("width"))?;
        if width.is_nan() || width <= 0.0 || color.alpha <= 0.0 {
            return Ok(None);
        }
        let dash: DashPattern = self.get(any, &name("dash"))?;
        Ok(Some(Stroke {
            color,
            width: width * scale,
            cap: self.get::<LineCap>(any, &name("cap"))?,
            join: self.get::<LineJoin>(any, &name("join"))?,
            dash: dash.0.iter().map(|d| d * scale).collect(),
            dash_offset: self.number(any, &name("dash_offset"))? * scale,
        }))
    }

    /// A scalar fill visual (`{prefix}fill_color` and `_alpha`).
    pub fn fill(&self, any: AnyId, prefix: &str) -> Result<Option<Rgba>, RenderError> {
        let color = self.color(
            any,
            &prop_name(&[prefix, "fill_color"]),
            Some(&prop_name(&[prefix, "fill_alpha"])),
        )?;
        Ok(color.filter(|c| c.alpha > 0.0))
    }

    /// A scalar text visual's font (`{prefix}text_font`, `_font_size`, `_font_style`) in
    /// device pixels.
    pub fn font(&self, any: AnyId, prefix: &str, scale: f64) -> Result<Font, RenderError> {
        let family = self
            .string(any, &prop_name(&[prefix, "text_font"]))
            .unwrap_or_else(|_| "helvetica".into());
        let size_attr = prop_name(&[prefix, "text_font_size"]);
        let size = self.string(any, &size_attr)?;
        let size =
            parse_font_size(&size).ok_or_else(|| self.bad(any, &size_attr, "a CSS font size"))?;
        let style = self
            .get::<FontStyle>(any, &prop_name(&[prefix, "text_font_style"]))
            .unwrap_or(FontStyle::Normal);
        Ok(Font {
            family,
            size: size * scale,
            style,
        })
    }
}

/// A property name made of parts (`major_tick_` + `line_` + `color`), built on the stack:
/// a figure's read makes dozens per paint, and formatting each into a `String` cost more
/// than reading the property (measured).
pub(crate) enum PropName {
    Short {
        bytes: [u8; PropName::SHORT],
        len: usize,
    },
    Long(String),
}

impl PropName {
    const SHORT: usize = 64;
}

/// `parts`, one after the other, as a property name.
pub(crate) fn prop_name(parts: &[&str]) -> PropName {
    let len: usize = parts.iter().map(|p| p.len()).sum();
    if len > PropName::SHORT {
        return PropName::Long(parts.concat());
    }
    let mut bytes = [0; PropName::SHORT];
    let mut at = 0;
    for part in parts {
        bytes[at..at + part.len()].copy_from_slice(part.as_bytes());
        at += part.len();
    }
    PropName::Short { bytes, len }
}

impl std::ops::Deref for PropName {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            // Whole strs one after the other are UTF-8: this never falls back.
            PropName::Short { bytes, len } => std::str::from_utf8(&bytes[..*len]).unwrap_or(""),
            PropName::Long(name) => name,
        }
    }
}

/// MathML's words without its markup, on one line: `<mfrac><mn>1</mn><mn>4</mn></mfrac>`
/// is "1 4". Not typeset (BokehJS typesets it with MathJax), but readable, and no taller
/// than a line.
fn mathml_words(xml: &str) -> String {
    let mut words = String::new();
    let mut rest = xml;
    while let Some(open) = rest.find('<') {
        words.push_str(&rest[..open]);
        words.push(' ');
        rest = rest[open..]
            .find('>')
            .map_or("", |close| &rest[open + close + 1..]);
    }
    words.push_str(rest);
    let entities = [("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")];
    let words = entities
        .iter()
        .fold(words, |w, (entity, c)| w.replace(entity, c));
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A column of colors given as an array, read as BokehJS reads one: uint32 packed RGBA
/// (`0xRRGGBBAA`), uint8 grays, rows of uint8 RGB(A) bytes, rows of float RGB(A) in
/// 0..1. `None` for any other array (its rows are then read as values).
pub(crate) fn array_colors(a: &NdArray) -> Option<Vec<Option<Rgba>>> {
    let at = |i: usize| a.data.get_f64(i).unwrap_or(0.0);
    let byte = |v: f64| v.clamp(0.0, 255.0) as u8;
    let rows = |n: usize, d: usize, scale: f64| -> Vec<Option<Rgba>> {
        (0..n)
            .map(|i| {
                let c = |k: usize| at(i * d + k) * scale;
                let alpha = if d == 4 { c(3) / 255.0 } else { 1.0 };
                Some(Rgba::rgb(byte(c(0)), byte(c(1)), byte(c(2))).with_alpha(alpha))
            })
            .collect()
    };
    Some(match (&*a.data, a.shape.as_slice()) {
        (ArrayData::U32(_), &[n]) => (0..n)
            .map(|i| {
                let [r, g, b, alpha] = (at(i) as u32).to_be_bytes();
                Some(Rgba::rgb(r, g, b).with_alpha(f64::from(alpha) / 255.0))
            })
            .collect(),
        (ArrayData::U8(_), &[n]) => (0..n)
            .map(|i| Some(Rgba::rgb(byte(at(i)), byte(at(i)), byte(at(i)))))
            .collect(),
        (ArrayData::U8(_), &[n, d @ (3 | 4)]) => rows(n, d, 1.0),
        (ArrayData::F32(_) | ArrayData::F64(_), &[n, d @ (3 | 4)]) => rows(n, d, 255.0),
        _ => return None,
    })
}

/// A color value: a CSS string or an `[r, g, b(, a)]` list.
pub(crate) fn parse_color(v: &Value) -> Option<Rgba> {
    match v {
        Value::Str(s) => Rgba::parse(s),
        Value::List(items) if items.len() == 3 || items.len() == 4 => {
            let byte = |i: usize| {
                items
                    .get(i)
                    .and_then(Value::as_f64)
                    .map(|v| v.clamp(0.0, 255.0) as u8)
            };
            let alpha = items.get(3).and_then(Value::as_f64).unwrap_or(1.0);
            Some(Rgba::rgb(byte(0)?, byte(1)?, byte(2)?).with_alpha(alpha))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mathml_is_read_as_its_words_on_one_line() {
        let xml = "<math>\n  <mrow>\n    <mfrac><mn>1</mn><mn>4</mn></mfrac>\n    <msup><mi>x</mi><mn>2</mn></msup>\n  </mrow>\n</math>";
        assert_eq!(mathml_words(xml), "1 4 x 2");
        assert_eq!(mathml_words("<mi>a</mi><mo>&lt;</mo><mi>b</mi>"), "a < b");
    }

    #[test]
    fn text_between_tex_delimiters_is_read_as_tex() {
        use crate::models::LinearAxis;
        let mut doc = Document::new();
        let axis = doc.add(LinearAxis::default()).any();
        // Its line of Unicode, and its TeX with whether it is display math.
        let r = |doc: &Document| {
            let l = Reader::new(doc, None, None)
                .text_like(axis, "axis_label")
                .unwrap();
            let tex = l.tex.map(|t| (t.source.to_string(), t.display));
            (l.text, tex)
        };
        let label = |text: &str| Value::str(text);
        doc.set_attr(
            axis,
            "axis_label",
            label(r"$$\frac{dx}{dt} \text{ (m/s)}$$"),
        )
        .unwrap();
        let tex = |t: &str, display| Some((t.to_owned(), display));
        assert_eq!(
            r(&doc),
            (
                "dx/dt (m/s)".into(),
                tex(r"\frac{dx}{dt} \text{ (m/s)}", true)
            )
        );
        doc.set_attr(axis, "axis_label", label(r"\(v_0\)")).unwrap();
        assert_eq!(r(&doc), ("v₀".into(), tex("v_0", false)));
        doc.set_attr(axis, "axis_label", label(r"speed \(v_0\)"))
            .unwrap();
        assert_eq!(r(&doc), ("speed v₀".into(), tex(r"\text{speed }v_0", true)));
        // No delimiters, or a PlainText: as written.
        doc.set_attr(axis, "axis_label", label("costs $5")).unwrap();
        assert_eq!(r(&doc), ("costs $5".into(), None));
        let model = doc.add_default("TeX").unwrap();
        doc.set_attr(model, "text", label(r"\alpha^2")).unwrap();
        doc.set_attr(axis, "axis_label", doc.reference(model))
            .unwrap();
        assert_eq!(r(&doc), ("α²".into(), tex(r"\alpha^2", true)));
        doc.set_attr(model, "inline", Value::Bool(true)).unwrap();
        assert_eq!(r(&doc), ("α²".into(), tex(r"\alpha^2", false)));
        // Its macros expanded, as MathJax's configuration expands them.
        doc.set_attr(model, "text", label(r"a \arr \half{x}"))
            .unwrap();
        let macros = vec![
            (Value::str("arr"), Value::str(r"\to")),
            (
                Value::str("half"),
                Value::List(vec![Value::str(r"\frac{#1}{2}"), Value::Int(1)]),
            ),
        ];
        doc.set_attr(model, "macros", Value::Map(macros)).unwrap();
        assert_eq!(
            r(&doc),
            ("a → x/2".into(), tex(r"a \to \frac{x}{2}", false))
        );
    }
}
