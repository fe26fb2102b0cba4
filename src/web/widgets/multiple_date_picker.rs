//! MultipleDatePicker and MultipleDatetimePicker: the browser's date (datetime-local)
//! input adds each whole day (datetime) chosen to `value`, in the order chosen, once; the
//! chosen ones are chips, each in the model's `date_format` with a button that removes it.

use leptos::prelude::*;

use crate::core::{AnyId, Value};

use super::super::element;
use super::super::page::Page;
use super::control::{title_label, watch};
use super::date_picker::{refused, Moment, Offered};

pub fn multiple_date_picker(page: Page, model: AnyId) -> AnyView {
    multiple(page, model, false)
}

pub fn multiple_datetime_picker(page: Page, model: AnyId) -> AnyView {
    multiple(page, model, true)
}

fn multiple(page: Page, model: AnyId, time: bool) -> AnyView {
    let disabled = element::disabled();
    let shown = watch(page, model, move |a| {
        let moment = Moment::of(a, true, time);
        // Each chosen value as the input writes it, and as its chip shows it (in the
        // model's format).
        let chosen: Vec<(String, String)> = (a.value("value").as_list().unwrap_or_default())
            .iter()
            .filter_map(|v| Some((moment.shown(a, v)?, moment.displayed(a, v)?)))
            .collect();
        (moment, chosen, moment.shown_bounds(a), Offered::read(a))
    });
    // The model's own values, each as it is (Python's milliseconds stay numbers), but for
    // the one at `skip`, with `added` after them.
    let write = move |skip: Option<usize>, added: Option<Value>| {
        let mut items: Vec<Value> = page.read(|d| {
            d.get_attr(model, "value")
                .ok()
                .and_then(|v| v.as_list().map(<[Value]>::to_vec))
                .unwrap_or_default()
        });
        if let Some(at) = skip.filter(|&at| at < items.len()) {
            items.remove(at);
        }
        items.extend(added);
        page.edit(model, "value", Value::List(items));
    };
    let added = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let moment = shown.with_untracked(|s| s.0);
        let Some(value) = moment.written(&text) else {
            return;
        };
        // Compared as written, so a day Python sent as milliseconds is not added again.
        let (known, offered) = shown.with_untracked(|s| {
            let known = (s.1.iter()).any(|(k, _)| moment.written(k).as_ref() == Some(&value));
            (known, s.3.offers(&value))
        });
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        input.set_value("");
        refused(&input, (!offered).then_some(text.as_str()));
        if !known && offered {
            write(None, Some(value));
        }
    };
    let id = page.element_id(model);
    view! {
        <div class="rk-input-widget rk-multiple-date-picker">
            {title_label(page, model, id.clone())}
            <div class="rk-choices">
                <ul class="rk-chips">
                    <For
                        each=move || shown.with(|s| s.1.clone().into_iter().enumerate().collect::<Vec<_>>())
                        key=|chosen| chosen.clone()
                        let:chosen
                    >
                        {
                            let (at, (_, label)) = chosen;
                            view! {
                                <li class="rk-chip">
                                    <span>{label.clone()}</span>
                                    <button
                                        type="button"
                                        class="rk-chip-remove"
                                        aria-label=format!("Remove {label}")
                                        disabled=disabled
                                        on:click=move |_| write(Some(at), None)
                                    >
                                        "×"
                                    </button>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <input
                    type=move || shown.with(|s| s.0.input_type())
                    step=move || shown.with(|s| s.0.step())
                    id=id
                    min=move || shown.with(|s| s.2 .0.clone())
                    max=move || shown.with(|s| s.2 .1.clone())
                    disabled=disabled
                    on:change=added
                />
            </div>
        </div>
    }
    .into_any()
}
