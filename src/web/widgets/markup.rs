//! Markup: Div (its `text` as HTML, or as plain text with `render_as_text`), Paragraph
//! and PreText. TeX math in a Div's or a Paragraph's text (`$$…$$`, `\(…\)`) is shown as
//! MathML, as BokehJS shows it with MathJax, unless `disable_math` is set (and in a page
//! built with `views::TEX`).

use leptos::prelude::*;

use crate::core::AnyId;
use crate::format::escape_html;
use crate::render::math;

use super::super::page::Page;
use super::control::watch;

pub fn div(page: Page, model: AnyId) -> AnyView {
    let html = watch(page, model, |a| {
        let text = a.text("text");
        if a.flag("render_as_text") {
            escape_html(&text)
        } else if a.flag("disable_math") {
            text
        } else {
            math::html(&text).unwrap_or(text)
        }
    });
    view! { <div class="rk-markup rk-div" prop:innerHTML=html></div> }.into_any()
}

pub fn paragraph(page: Page, model: AnyId) -> AnyView {
    // Text with math is HTML around it, as BokehJS's Paragraph writes it.
    let html = watch(page, model, |a| {
        let text = a.text("text");
        let html = (!a.flag("disable_math"))
            .then(|| math::html(&text))
            .flatten();
        html.unwrap_or_else(|| escape_html(&text))
    });
    view! { <p class="rk-markup rk-paragraph" prop:innerHTML=html></p> }.into_any()
}

pub fn pre_text(page: Page, model: AnyId) -> AnyView {
    let text = watch(page, model, |a| a.text("text"));
    view! { <pre class="rk-markup rk-pre-text">{text}</pre> }.into_any()
}
