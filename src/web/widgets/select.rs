//! Select and MultiSelect: real `<select>` elements labelled by their titles. Select's
//! options may be grouped (`<optgroup>`); its `value` is the chosen option's value, of
//! whatever type. MultiSelect's `value` lists the chosen options' values.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::{AnyId, PropType, Value};
use crate::models::{SelectOption, SelectOptions};

use super::super::element;
use super::super::page::Page;
use super::control::{title_label, watch};

pub fn select(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let options = page.watch(model, move |d| {
        d.get_attr(model, "options")
            .ok()
            .and_then(|v| SelectOptions::from_value(&v, d))
            .unwrap_or(SelectOptions::List(Vec::new()))
    });
    let value = watch(page, model, |a| a.value("value"));
    let id = page.element_id(model);
    let option = move |i: usize, o: SelectOption| {
        let chosen = o.value.clone();
        view! {
            <option value=i.to_string() prop:selected=move || value.with(|v| *v == chosen)>
                {o.label}
            </option>
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let Ok(i) = event_target_value(&ev).parse::<usize>() else {
            return;
        };
        let chosen = options.with_untracked(|o| o.all().get(i).map(|o| o.value.clone()));
        if let Some(chosen) = chosen {
            page.edit(model, "value", chosen);
        }
    };
    view! {
        <div class="rk-input-widget rk-select">
            {title_label(page, model, id.clone())}
            <select id=id disabled=disabled on:change=on_change>
                {move || match options.get() {
                    SelectOptions::List(list) => list
                        .into_iter()
                        .enumerate()
                        .map(|(i, o)| option(i, o))
                        .collect_view()
                        .into_any(),
                    SelectOptions::Groups(groups) => {
                        let mut next = 0;
                        groups
                            .into_iter()
                            .map(|(name, list)| {
                                let first = next;
                                next += list.len();
                                view! {
                                    <optgroup label=name>
                                        {list
                                            .into_iter()
                                            .enumerate()
                                            .map(|(i, o)| option(first + i, o))
                                            .collect_view()}
                                    </optgroup>
                                }
                            })
                            .collect_view()
                            .into_any()
                    }
                }}
            </select>
        </div>
    }
    .into_any()
}

pub fn multi_select(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let options = page.watch(model, move |d| {
        d.get_attr(model, "options")
            .ok()
            .and_then(|v| Vec::<SelectOption>::from_value(&v, d))
            .unwrap_or_default()
    });
    let shown = watch(page, model, |a| {
        (a.texts("value"), a.int("size").unwrap_or(4))
    });
    let id = page.element_id(model);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(select) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        else {
            return;
        };
        let chosen = select.selected_options();
        let values: Vec<Value> = (0..chosen.length())
            .filter_map(|i| {
                chosen
                    .item(i)?
                    .get_attribute("value")?
                    .parse::<usize>()
                    .ok()
            })
            .filter_map(|i| {
                options.with_untracked(|o| o.get(i).map(|o| Value::Str(o.value_text())))
            })
            .collect();
        page.edit(model, "value", Value::List(values));
    };
    view! {
        <div class="rk-input-widget rk-multi-select">
            {title_label(page, model, id.clone())}
            <select
                id=id
                multiple
                size=move || shown.with(|s| s.1)
                disabled=disabled
                on:change=on_change
            >
                {move || {
                    options
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, o)| {
                            let text = o.value_text();
                            view! {
                                <option
                                    value=i.to_string()
                                    prop:selected=move || shown.with(|s| s.0.contains(&text))
                                >
                                    {o.label}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
    .into_any()
}
