//! TeX in text as a figure draws it and a widget shows it ([`crate::format::tex`] reads
//! it, [`super::typeset`] sets it): natively always; in the page only when it is built
//! with `views::TEX`, so that a page without TeX carries none of it (its TeX then shows
//! as written).

use std::rc::Rc;

use crate::format::tex::{self, Macro};

use super::format::TickLabel;
use super::surface::{Font, Surface, TextMeasure};
use super::typeset::Formula;
use crate::core::Rgba;

/// What a page does with TeX, as function pointers (`views::TEX`): a page built without
/// that view holds none of it.
#[derive(Clone, Copy, Debug)]
pub struct MathText {
    /// A widget's HTML with its math as MathML; `None` when it holds none.
    #[cfg_attr(
        not(target_arch = "wasm32"),
        allow(dead_code, reason = "widgets are the page's")
    )]
    html: fn(&str) -> Option<String>,
    /// The TeX a string property's text stands for, and whether it is display math.
    delimited: fn(&str) -> Option<(String, bool)>,
    /// TeX as one line of Unicode: the label's text where a string is wanted.
    unicode: fn(&str) -> String,
    /// TeX typeset in a font, measured as a surface measures text.
    typeset: fn(&str, bool, &Font, &dyn TextMeasure) -> Formula,
    /// TeX with a `TeX` model's macros expanded.
    expand: fn(&str, &[Macro]) -> String,
    /// A typeset formula drawn, placed as [`super::typeset::draw`] places it.
    draw: Draw,
}

/// How a formula is drawn: see [`super::typeset::draw`].
type Draw = fn(&Formula, &mut dyn Surface, ((f64, f64), (f64, f64), f64), Rgba);

/// TeX read and set as this crate reads and sets it.
pub const MATH_TEXT: MathText = MathText {
    html: tex::html_with_mathml,
    delimited: tex::delimited,
    unicode: tex::unicode,
    typeset: super::typeset::typeset,
    expand: tex::expand,
    draw: super::typeset::draw,
};

/// TeX to typeset, as a text property holds it.
#[derive(Clone, Debug, PartialEq)]
pub struct Tex {
    /// The TeX, without its delimiters.
    pub source: Rc<str>,
    /// Display math (`$$…$$`, `\[…\]`, a `TeX` model not `inline`): full-size fractions,
    /// a sum's limits above and below it.
    pub display: bool,
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static SHOWN: std::cell::Cell<Option<MathText>> = const { std::cell::Cell::new(None) };
}

/// What the page does with TeX (`None`: shows it as written).
#[cfg(target_arch = "wasm32")]
pub(crate) fn show(math: Option<MathText>) {
    SHOWN.set(math);
}

fn shown() -> Option<MathText> {
    #[cfg(target_arch = "wasm32")]
    return SHOWN.get();
    #[cfg(not(target_arch = "wasm32"))]
    Some(MATH_TEXT)
}

/// A widget's HTML with its math as MathML; `None` when it holds none (or the page shows
/// no TeX). Widgets are the page's only.
#[cfg(target_arch = "wasm32")]
pub(crate) fn html(text: &str) -> Option<String> {
    shown().and_then(|m| (m.html)(text))
}

/// A string property's text as a label: its math between `$$…$$`, `\[…\]` or `\(…\)`
/// typeset, the text around it as `\text{…}` (as BokehJS's `parse_delimited_string`).
pub(crate) fn label(text: String) -> TickLabel {
    let Some(m) = shown() else {
        return TickLabel::plain(text);
    };
    match (m.delimited)(&text) {
        Some((source, display)) => tex_label(m, &source, display),
        None => TickLabel::plain(text),
    }
}

/// A `TeX` model's (or a TeXGlyph's) text as a label, its `macros` expanded (as written
/// where the page shows no TeX).
pub(crate) fn tex_model(text: String, display: bool, macros: &[Macro]) -> TickLabel {
    match shown() {
        Some(m) if macros.is_empty() => tex_label(m, &text, display),
        Some(m) => tex_label(m, &(m.expand)(&text, macros), display),
        None => TickLabel::plain(text),
    }
}

fn tex_label(m: MathText, source: &str, display: bool) -> TickLabel {
    TickLabel {
        text: (m.unicode)(source),
        exponent: None,
        tex: Some(Tex {
            source: source.into(),
            display,
        }),
    }
}

/// `tex` typeset in `font`; `None` where the page shows no TeX.
pub(crate) fn typeset(tex: &Tex, font: &Font, m: &dyn TextMeasure) -> Option<Formula> {
    shown().map(|math| (math.typeset)(&tex.source, tex.display, font, m))
}

/// Draws a formula [`typeset`] made (nothing where the page shows no TeX, which made none).
pub(crate) fn draw(
    surface: &mut dyn Surface,
    f: &Formula,
    placed: ((f64, f64), (f64, f64), f64),
    color: Rgba,
) {
    if let Some(m) = shown() {
        (m.draw)(f, surface, placed, color);
    }
}
