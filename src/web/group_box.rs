//! GroupBox: its child in a `<fieldset>` under its title (the `<legend>`); `checkable`
//! puts a check box in the legend that enables and disables what it holds by writing the
//! box's `disabled`, as BokehJS's GroupBoxView does.

use leptos::prelude::*;

use crate::core::{AnyId, Value};

use super::element::{Enclosing, Flow};
use super::layout::model_view;
use super::page::Page;

pub fn view(page: Page, model: AnyId) -> AnyView {
    Enclosing::provide_for_children(Flow::Block);
    let attr = move |d: &crate::document::Document, name: &str| {
        d.get_attr(model, name).unwrap_or(Value::Null)
    };
    let title = page.watch(model, move |d| attr(d, "title").as_str().map(str::to_owned));
    let checkable = page.watch(model, move |d| attr(d, "checkable").as_bool() == Some(true));
    // Its own `disabled`: a layout holding it that is disabled leaves the check box as it is.
    let enabled = page.watch(model, move |d| attr(d, "disabled").as_bool() != Some(true));
    let child = page.watch(model, move |d| {
        attr(d, "child").as_ref_id().and_then(|id| d.lookup(id))
    });
    let toggle = move |ev: leptos::ev::Event| {
        let checked = event_target_checked(&ev);
        page.edit(model, "disabled", Value::Bool(!checked));
    };
    view! {
        <fieldset class="rk-group-box">
            <legend>
                <input
                    type="checkbox"
                    hidden=move || !checkable.get()
                    prop:checked=move || enabled.get()
                    aria-label=move || title.get().unwrap_or_default()
                    // It enables what the box holds: never disabled by the box's own
                    // aria-disabled, which its contents inherit.
                    aria-disabled="false"
                    on:change=toggle
                />
                {move || title.get()}
            </legend>
            {move || child.get().map(|child| model_view(page, child))}
        </fieldset>
    }
    .into_any()
}
