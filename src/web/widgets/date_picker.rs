//! DatePicker: the browser's own date input (typed, or chosen from its calendar, by keys
//! or pointer), within `min_date..=max_date`; `value` is the date as `"YYYY-MM-DD"`.

use leptos::prelude::*;

use crate::core::{AnyId, Date, PropType, Value};

use super::super::element;
use super::super::page::Page;
use super::control::{title_label, watch, Attrs};

fn date(a: &Attrs, name: &str) -> Option<String> {
    Date::from_value(&a.value(name), a.doc).map(Date::iso)
}

pub fn view(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let title = watch(page, model, |a| a.text("title"));
    let shown = watch(page, model, |a| {
        (date(a, "value"), date(a, "min_date"), date(a, "max_date"))
    });
    let id = page.element_id(model);
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let value = match Date::parse(&text) {
            Some(d) => Value::Str(d.iso()),
            None if text.is_empty() => Value::Null,
            // Half-typed: the input reports nothing until the date is whole.
            None => return,
        };
        page.edit(model, "value", value);
    };
    view! {
        <div class="rk-input-widget rk-date-picker">
            {title_label(title, id.clone())}
            <input
                type="date"
                id=id
                prop:value=move || shown.with(|s| s.0.clone().unwrap_or_default())
                min=move || shown.with(|s| s.1.clone())
                max=move || shown.with(|s| s.2.clone())
                disabled=disabled
                on:change=on_change
            />
        </div>
    }
    .into_any()
}
