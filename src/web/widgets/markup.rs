//! Markup: Div (its `text` as HTML, or as plain text with `render_as_text`), Paragraph
//! and PreText.

use leptos::prelude::*;

use crate::core::AnyId;
use crate::format::escape_html;

use super::super::page::Page;
use super::control::watch;

pub fn div(page: Page, model: AnyId) -> AnyView {
    let html = watch(page, model, |a| {
        let text = a.text("text");
        if a.flag("render_as_text") {
            escape_html(&text)
        } else {
            text
        }
    });
    view! { <div class="rk-markup rk-div" prop:innerHTML=html></div> }.into_any()
}

pub fn paragraph(page: Page, model: AnyId) -> AnyView {
    let text = watch(page, model, |a| a.text("text"));
    view! { <p class="rk-markup rk-paragraph">{text}</p> }.into_any()
}

pub fn pre_text(page: Page, model: AnyId) -> AnyView {
    let text = watch(page, model, |a| a.text("text"));
    view! { <pre class="rk-markup rk-pre-text">{text}</pre> }.into_any()
}
