//! RangeSlider, DateRangeSlider and DatetimeRangeSlider: two range inputs on one track,
//! each a slider with a name of its own (`"<title>: start"`, `"<title>: end"`; Bokeh's handles
//! have none). A handle stops at the other; `value` follows the moves, `value_throttled`
//! takes it when a move is committed.

use leptos::html;
use leptos::prelude::*;

use crate::core::{AnyId, Value};

use super::super::element;
use super::super::page::Page;
use super::control::{watch, watch_box};
use super::slider::{position, title_view, Scale, Spec};

pub fn range_slider(page: Page, model: AnyId) -> AnyView {
    two_handles(page, model, Scale::Number)
}

pub fn date_range_slider(page: Page, model: AnyId) -> AnyView {
    two_handles(page, model, Scale::Date)
}

pub fn datetime_range_slider(page: Page, model: AnyId) -> AnyView {
    two_handles(page, model, Scale::Datetime)
}

fn two_handles(page: Page, model: AnyId, scale: Scale) -> AnyView {
    let disabled = element::disabled();
    let spec = watch_box(page, model, move |a| Spec::read(a, scale));
    let value = watch(page, model, |a| {
        let v = a.value("value");
        let items = v.as_list().unwrap_or_default();
        let at = |i: usize| items.get(i).and_then(position).unwrap_or(0.0);
        (at(0), at(1))
    });
    let id = page.element_id(model);
    let (low_el, high_el) = (NodeRef::<html::Input>::new(), NodeRef::<html::Input>::new());
    let header = move || spec.with(|s| s.header(&[value.get().0, value.get().1]));
    let write = move |attr: &'static str, (low, high): (f64, f64)| {
        page.edit(
            model,
            attr,
            Value::List(vec![Value::Float(low), Value::Float(high)]),
        );
    };
    // Moving one handle: it stops at the other.
    let moved = move |handle: usize, ev: &leptos::ev::Event| {
        let Ok(v) = event_target_value(ev).parse::<f64>() else {
            return;
        };
        let (low, high) = value.get_untracked();
        let (new, el) = match handle {
            0 => ((v.min(high), high), low_el),
            _ => ((low, v.max(low)), high_el),
        };
        let kept = if handle == 0 { new.0 } else { new.1 };
        if kept != v {
            if let Some(el) = el.get_untracked() {
                el.set_value(&kept.to_string());
            }
        }
        write("value", new);
    };
    let percent = move |v: f64| spec.with(|s| s.percent(v));
    let handle = move |which: usize, node: NodeRef<html::Input>, element_id: String| {
        let name = move || {
            let title = spec.with(|s| s.title.clone().unwrap_or_default());
            let end = if which == 0 { "start" } else { "end" };
            if title.is_empty() {
                end.to_owned()
            } else {
                format!("{title}: {end}")
            }
        };
        let at = move || {
            let (low, high) = value.get();
            if which == 0 {
                low
            } else {
                high
            }
        };
        view! {
            <input
                type="range"
                node_ref=node
                id=element_id
                aria-label=name
                aria-valuetext=move || spec.with(|s| s.pretty(at()))
                min=move || spec.with(|s| s.start)
                max=move || spec.with(|s| s.end)
                step=move || spec.with(|s| s.step)
                prop:value=move || at().to_string()
                disabled=disabled
                on:input=move |ev| moved(which, &ev)
                on:change=move |_| write("value_throttled", value.get_untracked())
            />
        }
    };
    view! {
        <div class="rk-slider rk-range-slider">
            {
                let id = id.clone();
                move || header().map(|(title, shown)| view! {
                    <label for=id.clone()>
                        {title_view(title)}
                        <span class="rk-slider-value">{shown}</span>
                    </label>
                })
            }
            <div class="rk-slider-track">
                <div class="rk-slider-bar">
                    <div
                        class="rk-slider-fill"
                        style:background=move || spec.with(|s| s.bar_color.clone())
                        style:left=move || format!("{}%", percent(value.get().0))
                        style:right=move || format!("{}%", 100.0 - percent(value.get().1))
                    ></div>
                </div>
                {handle(0, low_el, id.clone())}
                {handle(1, high_el, format!("{id}-end"))}
            </div>
        </div>
    }
    .into_any()
}
