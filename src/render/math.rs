//! TeX in text as a figure draws it and a widget shows it ([`crate::format::tex`]):
//! natively always; in the page only when it is built with `views::TEX`, so that a page
//! without TeX carries none of it (its TeX then shows as written).

use crate::format::tex::MathText;

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
    Some(crate::format::tex::MATH_TEXT)
}

/// A widget's HTML with its math as MathML; `None` when it holds none (or the page shows
/// no TeX). Widgets are the page's only.
#[cfg(target_arch = "wasm32")]
pub(crate) fn html(text: &str) -> Option<String> {
    shown().and_then(|m| (m.html)(text))
}

/// A string property's text as drawn: its TeX as one line of Unicode.
pub(crate) fn line(text: String) -> String {
    shown().and_then(|m| (m.line)(&text)).unwrap_or(text)
}

/// A `TeX` model's text as drawn.
pub(crate) fn tex_line(tex: String) -> String {
    match shown() {
        Some(m) => (m.tex_line)(&tex),
        None => tex,
    }
}
