//! PaletteSelect as BokehJS draws it: a box showing the chosen palette's swatch and name,
//! opening a menu of every palette (swatch and name) in `ncols` columns. ARIA's select-only
//! combobox: the box is a button with role `combobox` (named by its title), the menu a
//! listbox. Keys on the box: Enter or Space open the menu on the chosen palette, ArrowDown
//! and ArrowUp choose the next or previous palette at once (as BokehJS's); in the menu the
//! arrows move a column (left, right) or a row (up, down), round the ends, Enter or Space
//! choose, Escape closes; a click outside closes it.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::{AnyId, Color, PropType, Value};
use crate::models::AutoOr;

use super::super::element;
use super::super::page::Page;
use super::control::{title_label, watch, Popup};

/// What the widget shows of its model.
#[derive(Clone, PartialEq)]
struct Shown {
    items: Vec<(String, Vec<Color>)>,
    value: String,
    ncols: usize,
    /// The swatches' CSS size.
    swatch: String,
}

impl Shown {
    fn chosen(&self) -> Option<usize> {
        self.items.iter().position(|(name, _)| *name == self.value)
    }
}

pub fn palette_select(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let shown = watch(page, model, move |a| {
        let size = |attr: &str| a.number(attr).unwrap_or(0.0).max(0.0);
        let height = AutoOr::<i64>::from_value(&a.value("swatch_height"), a.doc);
        Shown {
            items: Vec::from_value(&a.value("items"), a.doc).unwrap_or_default(),
            value: a.text("value"),
            ncols: size("ncols").max(1.0) as usize,
            swatch: match height {
                Some(AutoOr::Value(h)) => {
                    format!("width: {}px; height: {}px", size("swatch_width"), h.max(0))
                }
                _ => format!("width: {}px", size("swatch_width")),
            },
        }
    });
    let id = page.element_id(model);
    let menu_id = format!("{id}-menu");
    let popup = Popup::new();
    let Popup {
        open, root, opener, ..
    } = popup;
    let menu_el = NodeRef::<html::Div>::new();
    let focus_option = move |at: usize| {
        let menu = menu_el.get_untracked().map(Into::into);
        if let Some(option) = Popup::items(menu, "[role=option]").get(at) {
            let _ = option.focus();
        }
    };
    let close = move |refocus: bool| popup.close(refocus);
    // Palette `i` becomes the value.
    let pick = move |i: usize| {
        let name = shown.with_untracked(|s| s.items.get(i).map(|(name, _)| name.clone()));
        if let Some(name) = name {
            page.edit(model, "value", Value::Str(name));
        }
    };
    let choose = move |i: usize| {
        close(true);
        pick(i);
    };
    let toggle = move || {
        if open.get_untracked() {
            close(true);
            return;
        }
        open.set(true);
        // The menu shows in the next render: place it and focus the chosen palette then.
        let at = shown.with_untracked(Shown::chosen).unwrap_or(0);
        request_animation_frame(move || {
            popup.place(menu_el.get_untracked().map(Into::into));
            focus_option(at);
        });
    };
    // The next or previous palette, round the ends, from the chosen one.
    let step = move |offset: isize| {
        let next = shown.with_untracked(|s| {
            let n = s.items.len() as isize;
            let at = s.chosen()? as isize;
            Some((at + offset).rem_euclid(n) as usize)
        });
        if let Some(i) = next {
            pick(i);
        }
    };
    let on_opener_key = move |ev: KeyboardEvent| {
        match ev.key().as_str() {
            "Enter" | " " => toggle(),
            "ArrowDown" => step(1),
            "ArrowUp" => step(-1),
            "Escape" if open.get_untracked() => close(true),
            _ => return,
        }
        ev.prevent_default();
    };
    let on_menu_key = move |ev: KeyboardEvent| {
        let at = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.get_attribute("data-index"))
            .and_then(|i| i.parse::<isize>().ok());
        let Some(at) = at else { return };
        let (n, cols) = shown.with_untracked(|s| (s.items.len() as isize, s.ncols as isize));
        let moved = |offset: isize| (at + offset).rem_euclid(n.max(1)) as usize;
        match ev.key().as_str() {
            "ArrowLeft" => focus_option(moved(-1)),
            "ArrowRight" => focus_option(moved(1)),
            "ArrowUp" => focus_option(moved(-cols)),
            "ArrowDown" => focus_option(moved(cols)),
            "Enter" | " " => choose(at as usize),
            "Escape" => close(true),
            "Tab" => {
                close(false);
                return;
            }
            _ => return,
        }
        ev.prevent_default();
    };

    let entry = move |i: usize| {
        view! {
            <span class="rk-palette-entry">
                <span class="rk-palette-swatch" aria-hidden="true" style=move || swatch_style(shown, i)></span>
                <span>{move || shown.with(|s| s.items.get(i).map(|(name, _)| name.clone()))}</span>
            </span>
        }
    };
    let chosen = move || shown.with(Shown::chosen).map(entry);
    view! {
        <div class="rk-input-widget rk-palette-select" node_ref=root>
            {title_label(page, model, id.clone())}
            <button
                type="button"
                id=id
                role="combobox"
                class="rk-palette-box"
                node_ref=opener
                aria-haspopup="listbox"
                aria-expanded=move || open.get().to_string()
                aria-controls=menu_id.clone()
                disabled=disabled
                on:click=move |_| toggle()
                on:keydown=on_opener_key
            >
                {chosen}
                <span class="rk-chevron" aria-hidden="true"></span>
            </button>
            <div
                class="rk-palette-menu"
                class:rk-above=move || popup.above.get()
                role="listbox"
                id=menu_id
                node_ref=menu_el
                hidden=move || !open.get()
                style=move || shown.with(|s| format!("--rk-columns: {}", s.ncols))
                on:keydown=on_menu_key
            >
                {move || {
                    (0..shown.with(|s| s.items.len()))
                        .map(|i| {
                            view! {
                                <div
                                    role="option"
                                    class="rk-palette-item"
                                    tabindex="-1"
                                    data-index=i
                                    aria-selected=move || (shown.with(Shown::chosen) == Some(i)).to_string()
                                    on:click=move |_| choose(i)
                                >
                                    {entry(i)}
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </div>
        </div>
    }
    .into_any()
}

/// Item `i`'s swatch: its colors side by side in hard-stopped bands, as BokehJS's
/// gradient, at the model's swatch size.
fn swatch_style(shown: Memo<Shown>, i: usize) -> String {
    shown.with(|s| {
        let Some((_, colors)) = s.items.get(i) else {
            return String::new();
        };
        let n = colors.len().max(1) as f64;
        let stops: Vec<String> = (colors.iter().enumerate())
            .map(|(i, c)| {
                let (a, b) = (i as f64 * 100.0 / n, (i + 1) as f64 * 100.0 / n);
                format!("{} {a:.3}% {b:.3}%", c.0)
            })
            .collect();
        match stops.is_empty() {
            true => s.swatch.clone(),
            false => format!(
                "{}; background: linear-gradient(to right, {})",
                s.swatch,
                stops.join(", ")
            ),
        }
    })
}
