//! NumericInput and Spinner. NumericInput is a text box that takes only what can become a
//! number of its mode (int or float), set as `value` (bounded by `low`/`high`) when the
//! edit is committed. Spinner is an ARIA spinbutton: ArrowUp/ArrowDown step it by `step`,
//! PageUp/PageDown by `page_step_multiplier` steps, its buttons step it while held; when
//! a run of steps ends, `value_throttled` takes the value, as Bokeh's.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

use crate::core::{AnyId, Value};
use crate::format::js_number;

use super::super::element;
use super::super::page::Page;
use super::control::{keep_text, title_label, watch, Attrs};

/// A numeric input's bounds and mode.
#[derive(Clone, PartialEq)]
struct Spec {
    title: String,
    placeholder: String,
    low: Option<f64>,
    high: Option<f64>,
    int: bool,
    step: f64,
    page_steps: f64,
}

impl Spec {
    fn read(a: &Attrs) -> Spec {
        Spec {
            title: a.text("title"),
            placeholder: a.text("placeholder"),
            low: a.number("low"),
            high: a.number("high"),
            int: a.text("mode") == "int",
            step: a.number("step").unwrap_or(1.0),
            page_steps: a.number("page_step_multiplier").unwrap_or(10.0),
        }
    }

    /// Whether `text` can become a number of this mode (typing may pass through "-",
    /// "1.", "1e").
    fn admits(&self, text: &str) -> bool {
        let body = text.strip_prefix(['-', '+']).unwrap_or(text);
        if self.int {
            return body.chars().all(|c| c.is_ascii_digit());
        }
        let (mantissa, exponent) = match body.split_once(['e', 'E']) {
            Some((m, e)) => (m, Some(e.strip_prefix(['-', '+']).unwrap_or(e))),
            None => (body, None),
        };
        let digits_and_point = mantissa.chars().filter(|c| *c == '.').count() <= 1
            && mantissa.chars().all(|c| c.is_ascii_digit() || c == '.');
        digits_and_point
            && exponent
                .is_none_or(|e| !mantissa.is_empty() && e.chars().all(|c| c.is_ascii_digit()))
    }

    /// `v` within `low..=high`.
    fn bound(&self, v: f64) -> f64 {
        let v = self.low.map_or(v, |low| v.max(low));
        self.high.map_or(v, |high| v.min(high))
    }

    fn to_value(&self, v: Option<f64>) -> Value {
        match v {
            None => Value::Null,
            Some(v) if self.int => Value::Int(v.round() as i64),
            Some(v) => Value::Float(v),
        }
    }
}

fn shown_text(v: Option<f64>) -> String {
    v.map(js_number).unwrap_or_default()
}

pub fn numeric_input(page: Page, model: AnyId) -> AnyView {
    number_box(page, model, false)
}

pub fn spinner(page: Page, model: AnyId) -> AnyView {
    number_box(page, model, true)
}

fn number_box(page: Page, model: AnyId, spins: bool) -> AnyView {
    let disabled = element::disabled();
    let spec = watch(page, model, Spec::read);
    let value = watch(page, model, |a| a.number("value"));
    let title = Memo::new(move |_| spec.with(|s| s.title.clone()));
    let text = Memo::new(move |_| shown_text(value.get()));
    let input = NodeRef::<html::Input>::new();
    keep_text(move || input.get(), text, true);
    // The last text the mode admits, put back when a keystroke would break it.
    let admitted = StoredValue::new(String::new());

    let on_input = move |_| {
        let Some(el) = input.get_untracked() else {
            return;
        };
        let now = el.value();
        if spec.with_untracked(|s| s.admits(&now)) {
            admitted.set_value(now);
        } else {
            let back = admitted.get_value();
            let caret = el
                .selection_start()
                .ok()
                .flatten()
                .unwrap_or(0)
                .saturating_sub(1);
            el.set_value(&back);
            let _ = el.set_selection_range(caret, caret);
        }
    };
    let commit = move || {
        let Some(el) = input.get_untracked() else {
            return;
        };
        let raw = el.value();
        let v = if raw.trim().is_empty() {
            None
        } else {
            match raw.trim().parse::<f64>() {
                Ok(v) if v.is_finite() => Some(spec.with_untracked(|s| s.bound(v))),
                // "-" or "1e": nothing to set.
                _ => return,
            }
        };
        page.edit(model, "value", spec.with_untracked(|s| s.to_value(v)));
        if spins {
            page.edit(
                model,
                "value_throttled",
                spec.with_untracked(|s| s.to_value(v)),
            );
        }
        // What was typed ("1e3", "007") is shown as the number it became.
        let shown = shown_text(value.get_untracked());
        el.set_value(&shown);
        admitted.set_value(shown);
    };
    // One step of a spinner, as Bokeh's: from nothing it starts at `low` (or 0), and a
    // step that would leave low..=high is not taken.
    let step_by = move |steps: f64| {
        let (spec, current) = (spec.get_untracked(), value.get_untracked());
        let next = match current {
            None if steps > 0.0 => spec.low.unwrap_or(spec.high.map_or(0.0, |h| h.min(0.0))),
            None => spec.high.unwrap_or(spec.low.map_or(0.0, |l| l.max(0.0))),
            Some(v) => {
                // Rounded off float noise: 0.1 + 0.2 shows as 0.3.
                let next = ((v + steps * spec.step) * 1e10).round() / 1e10;
                let inside =
                    spec.low.is_none_or(|l| next >= l) && spec.high.is_none_or(|h| next <= h);
                if inside {
                    next
                } else {
                    v
                }
            }
        };
        page.edit(model, "value", spec.to_value(Some(next)));
    };
    let throttle = move || {
        let v = value.get_untracked();
        page.edit(
            model,
            "value_throttled",
            spec.with_untracked(|s| s.to_value(v)),
        );
    };
    let on_key = move |ev: KeyboardEvent| {
        if !spins {
            return;
        }
        let page_steps = spec.with_untracked(|s| s.page_steps);
        let steps = match ev.key().as_str() {
            "ArrowUp" => 1.0,
            "ArrowDown" => -1.0,
            "PageUp" => page_steps,
            "PageDown" => -page_steps,
            _ => return,
        };
        ev.prevent_default();
        step_by(steps);
    };
    let on_key_up = move |ev: KeyboardEvent| {
        if spins
            && matches!(
                ev.key().as_str(),
                "ArrowUp" | "ArrowDown" | "PageUp" | "PageDown"
            )
        {
            throttle();
        }
    };
    let id = page.element_id(model);
    let buttons = spins.then(|| spin_buttons(title, disabled, step_by, throttle));
    view! {
        <div class="rk-input-widget rk-numeric-input" class:rk-spinner=spins>
            {title_label(page, model, id.clone())}
            <div class="rk-input-group">
                <input
                    type="text"
                    id=id
                    node_ref=input
                    role=spins.then_some("spinbutton")
                    inputmode=move || if spec.with(|s| s.int) { "numeric" } else { "decimal" }
                    aria-valuenow=move || if spins { value.get() } else { None }
                    aria-valuemin=move || if spins { spec.with(|s| s.low) } else { None }
                    aria-valuemax=move || if spins { spec.with(|s| s.high) } else { None }
                    placeholder=move || spec.with(|s| s.placeholder.clone())
                    disabled=disabled
                    on:focus=move |_| {
                        if let Some(el) = input.get_untracked() {
                            admitted.set_value(el.value());
                        }
                    }
                    on:input=on_input
                    on:change=move |_| commit()
                    on:keydown=on_key
                    on:keyup=on_key_up
                />
                {buttons}
            </div>
        </div>
    }
    .into_any()
}

/// A spinner's two buttons: a press steps once, holding it keeps stepping, releasing it
/// sets `value_throttled`. They are not tab stops: the keys do the same on the input.
fn spin_buttons(
    title: Memo<String>,
    disabled: Signal<bool>,
    step_by: impl Fn(f64) + Copy + Send + Sync + 'static,
    throttle: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let repeating = StoredValue::new_local(None::<(TimeoutHandle, Option<IntervalHandle>)>);
    let stop = move || {
        let held = repeating.try_update_value(|r| r.take()).flatten();
        if let Some((timeout, interval)) = held {
            timeout.clear();
            if let Some(interval) = interval {
                interval.clear();
            }
            throttle();
        }
    };
    let start = move |sign: f64| {
        stop();
        step_by(sign);
        let timeout = set_timeout_with_handle(
            move || {
                let interval = set_interval_with_handle(
                    move || step_by(sign),
                    std::time::Duration::from_millis(100),
                )
                .ok();
                repeating.update_value(|r| {
                    if let Some((_, slot)) = r {
                        *slot = interval;
                    }
                });
            },
            std::time::Duration::from_millis(400),
        );
        if let Ok(timeout) = timeout {
            repeating.set_value(Some((timeout, None)));
        } else {
            throttle();
        }
    };
    let button = move |sign: f64, what: &'static str, class: &'static str| {
        view! {
            <button
                type="button"
                class=format!("rk-spin {class}")
                tabindex="-1"
                aria-label=move || format!("{what} {}", title.get())
                disabled=disabled
                on:pointerdown=move |ev| {
                    ev.prevent_default();
                    start(sign);
                }
                on:pointerup=move |_| stop()
                on:pointerleave=move |_| stop()
            ></button>
        }
    };
    view! {
        <div class="rk-spin-buttons">
            {button(1.0, "Increase", "rk-spin-up")}
            {button(-1.0, "Decrease", "rk-spin-down")}
        </div>
    }
}
