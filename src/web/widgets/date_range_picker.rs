//! DateRangePicker and DatetimeRangePicker: two of the browser's date (datetime-local)
//! inputs, each showing its end in the model's `date_format` as the single pickers do,
//! named `"<title>: start"` and `"<title>: end"` as a range slider's handles are.
//! As BokehJS's range picker, `value` is written once both ends are whole, earlier first,
//! and cleared (null) when both are emptied; one end alone is a choice in progress.

use leptos::html;
use leptos::prelude::*;

use crate::core::{AnyId, Value};

use super::super::element;
use super::super::page::Page;
use super::control::watch;
use super::date_picker::{formatted, open_picker, refused, Moment, Offered};

pub fn date_range_picker(page: Page, model: AnyId) -> AnyView {
    range(page, model, false)
}

pub fn datetime_range_picker(page: Page, model: AnyId) -> AnyView {
    range(page, model, true)
}

fn range(page: Page, model: AnyId, time: bool) -> AnyView {
    let disabled = element::disabled();
    let title = watch(page, model, |a| a.text("title"));
    // Shown as markup (it may be a DOM node); the inputs are named by its text.
    let face = watch(page, model, |a| a.markup("title"));
    let shown = watch(page, model, move |a| {
        let moment = Moment::of(a, true, time);
        let value = a.value("value");
        let (ends, displayed) = match value.as_list() {
            Some([start, end]) => (
                [moment.shown(a, start), moment.shown(a, end)],
                [start, end].map(|v| moment.displayed(a, v).unwrap_or_default()),
            ),
            _ => ([None, None], Default::default()),
        };
        (
            moment,
            ends,
            moment.shown_bounds(a),
            displayed,
            Offered::read(a),
        )
    });
    let nodes = [NodeRef::<html::Input>::new(), NodeRef::<html::Input>::new()];
    let changed = move |_| {
        let texts = nodes.map(|n| n.get_untracked().map(|el| el.value()).unwrap_or_default());
        let moment = shown.with_untracked(|s| s.0);
        let value = match texts.each_ref().map(|t| moment.written(t)) {
            [Some(a), Some(b)] if !shown.with_untracked(|s| s.4.offers(&a) && s.4.offers(&b)) => {
                // Each input shows the model's end again; the one not offered says why.
                let ends = shown.with_untracked(|s| s.1.clone());
                let offered = shown.with_untracked(|s| [&a, &b].map(|v| s.4.offers(v)));
                for (((node, end), text), offered) in
                    nodes.iter().zip(ends).zip(&texts).zip(offered)
                {
                    if let Some(el) = node.get_untracked() {
                        el.set_value(&end.unwrap_or_default());
                        refused(&el, (!offered).then_some(text.as_str()));
                    }
                }
                return;
            }
            [Some(a), Some(b)] => {
                // ISO text orders as the instants do.
                let mut ends = [a, b];
                ends.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
                Value::List(ends.into())
            }
            _ if texts.iter().all(String::is_empty) => Value::Null,
            _ => return,
        };
        for el in nodes.iter().filter_map(|n| n.get_untracked()) {
            refused(&el, None);
        }
        page.edit(model, "value", value);
    };
    let id = page.element_id(model);
    let end = move |which: usize| {
        let name = move || {
            let end = ["start", "end"][which];
            title.with(|t| match t.is_empty() {
                true => end.to_owned(),
                false => format!("{t}: {end}"),
            })
        };
        let input = view! {
            <input
                type=move || shown.with(|s| s.0.input_type())
                class="rk-picker-input"
                step=move || shown.with(|s| s.0.step())
                node_ref=nodes[which]
                id=format!("{id}-{which}")
                aria-label=name
                prop:value=move || shown.with(|s| s.1[which].clone().unwrap_or_default())
                min=move || shown.with(|s| s.2 .0.clone())
                max=move || shown.with(|s| s.2 .1.clone())
                disabled=disabled
                on:change=changed
                on:click=open_picker
            />
        };
        formatted(move || shown.with(|s| s.3[which].clone()), input)
    };
    view! {
        <div class="rk-input-widget rk-date-range-picker">
            {move || {
                let face = face.get();
                (!face.is_empty()).then(|| view! { <span class="rk-title" inner_html=face></span> })
            }}
            <div class="rk-date-range">{end(0)} <span aria-hidden="true">"–"</span> {end(1)}</div>
        </div>
    }
    .into_any()
}
