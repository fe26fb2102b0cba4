//! ColorPicker: the browser's own color input; `color` is written `"#rrggbb"` (a named or
//! rgb() color from elsewhere shows as its hex).

use leptos::prelude::*;

use crate::core::{AnyId, Rgba, Value};

use super::super::element;
use super::super::page::Page;
use super::control::{title_label, watch};

pub fn view(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let color = watch(page, model, |a| {
        let css = a.text("color");
        Rgba::parse(&css).map_or_else(
            || "#000000".to_owned(),
            |c| format!("#{:02x}{:02x}{:02x}", c.r, c.g, c.b),
        )
    });
    let id = page.element_id(model);
    view! {
        <div class="rk-input-widget rk-color-picker">
            {title_label(page, model, id.clone())}
            <input
                type="color"
                id=id
                prop:value=color
                disabled=disabled
                on:change=move |ev| page.edit(model, "color", Value::Str(event_target_value(&ev)))
            />
        </div>
    }
    .into_any()
}
