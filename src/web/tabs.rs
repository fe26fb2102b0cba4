//! Tabs: a tab list (ARIA tabs: arrow keys move between tabs and show them, Home and End
//! go to the ends) and the panels, only the active one shown. A closable tab's button
//! removes its panel from `tabs`.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::{AnyId, Value};

use super::element::{self, Enclosing, Flow};
use super::layout::{children, model_view};
use super::page::Page;

/// What a tab shows, from its TabPanel.
#[derive(Clone, PartialEq)]
struct Tab {
    title: String,
    closable: bool,
    disabled: bool,
    child: Option<AnyId>,
    element_id: String,
}

pub fn view(page: Page, model: AnyId) -> AnyView {
    Enclosing::provide_for_children(Flow::Block);
    let disabled = element::disabled();
    let panels = children(page, model, "tabs");
    let active = page.watch(model, move |d| {
        d.get_attr(model, "active")
            .ok()
            .and_then(|v| v.as_i64())
            .unwrap_or(0)
    });
    let location = page.watch(model, move |d| {
        d.get_attr(model, "tabs_location")
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| "above".into())
    });
    let vertical = move || matches!(location.get().as_str(), "left" | "right");
    let tab = move |panel: AnyId| {
        page.watch(panel, move |d| {
            let attr = |name: &str| d.get_attr(panel, name).unwrap_or(Value::Null);
            Tab {
                title: attr("title").as_str().unwrap_or_default().to_owned(),
                closable: attr("closable").as_bool().unwrap_or(false),
                disabled: attr("disabled").as_bool().unwrap_or(false),
                child: attr("child").as_ref_id().and_then(|id| d.lookup(id)),
                element_id: format!("rk-{}", d.model_id(panel)),
            }
        })
    };
    let index_of = move |panel: AnyId| panels.with(|p| p.iter().position(|x| *x == panel));
    let is_active = move |panel: AnyId| index_of(panel).map(|i| i as i64) == Some(active.get());
    let select = move |i: usize| page.edit(model, "active", Value::Int(i as i64));
    let focus_tab = move |i: usize| {
        let id = panels.with_untracked(|p| p.get(i).map(|panel| page.element_id(*panel)));
        let el = id.and_then(|id| document().get_element_by_id(&id));
        if let Some(el) = el.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    };
    let on_key = move |ev: KeyboardEvent| {
        let count = panels.with_untracked(Vec::len);
        let Some(current) = usize::try_from(active.get_untracked())
            .ok()
            .filter(|i| *i < count)
        else {
            return;
        };
        let (back, forth) = if vertical() {
            ("ArrowUp", "ArrowDown")
        } else {
            ("ArrowLeft", "ArrowRight")
        };
        let next = match ev.key().as_str() {
            k if k == forth => (current + 1) % count,
            k if k == back => (current + count - 1) % count,
            "Home" => 0,
            "End" => count - 1,
            _ => return,
        };
        ev.prevent_default();
        select(next);
        focus_tab(next);
    };
    let close = move |panel: AnyId| {
        let result = page.update(|d| {
            d.batch(|d| {
                let tabs: Vec<Value> = d
                    .get_attr(model, "tabs")?
                    .as_list()
                    .unwrap_or_default()
                    .to_vec();
                let id = Value::Ref(d.model_id(panel).clone());
                let Some(at) = tabs.iter().position(|t| *t == id) else {
                    return Ok(());
                };
                let remaining: Vec<Value> = tabs.into_iter().filter(|t| *t != id).collect();
                let active = d.get_attr(model, "active")?.as_i64().unwrap_or(0);
                let count = remaining.len() as i64;
                let active = if (at as i64) < active {
                    active - 1
                } else {
                    active
                };
                d.set_attr(model, "tabs", Value::List(remaining))?;
                d.set_attr(
                    model,
                    "active",
                    Value::Int(active.clamp(0, (count - 1).max(0))),
                )
            })
        });
        if let Err(e) = result {
            web_sys::console::error_1(&format!("rokeh: closing a tab: {e}").into());
        }
    };
    view! {
        <div class=move || format!("rk-tabs rk-tabs-{}", location.get())>
            <div
                class="rk-tablist"
                role="tablist"
                aria-orientation=move || if vertical() { "vertical" } else { "horizontal" }
                on:keydown=on_key
            >
                <For each=move || panels.get() key=|panel| *panel let:panel>
                    {
                        let shown = tab(panel);
                        let selected = move || is_active(panel);
                        view! {
                            <div class="rk-tab" class:rk-active=selected>
                                <button
                                    type="button"
                                    role="tab"
                                    id=move || shown.with(|t| t.element_id.clone())
                                    aria-selected=move || selected().to_string()
                                    aria-controls=move || shown.with(|t| format!("{}-panel", t.element_id))
                                    tabindex=move || if selected() { "0" } else { "-1" }
                                    disabled=move || disabled.get() || shown.with(|t| t.disabled)
                                    on:click=move |_| {
                                        if let Some(i) = index_of(panel) {
                                            select(i);
                                        }
                                    }
                                >
                                    {move || shown.with(|t| t.title.clone())}
                                </button>
                                <Show when=move || shown.with(|t| t.closable)>
                                    <button
                                        type="button"
                                        class="rk-tab-close"
                                        tabindex="-1"
                                        aria-label=move || shown.with(|t| format!("Close {}", t.title))
                                        on:click=move |_| close(panel)
                                    >
                                        "×"
                                    </button>
                                </Show>
                            </div>
                        }
                    }
                </For>
            </div>
            <div class="rk-tabpanels">
                <For each=move || panels.get() key=|panel| *panel let:panel>
                    {
                        let shown = tab(panel);
                        let child = Memo::new(move |_| shown.with(|t| t.child));
                        view! {
                            <div
                                class="rk-tabpanel"
                                role="tabpanel"
                                id=move || shown.with(|t| format!("{}-panel", t.element_id))
                                aria-labelledby=move || shown.with(|t| t.element_id.clone())
                                hidden=move || !is_active(panel)
                            >
                                {move || child.get().map(|c| model_view(page, c))}
                            </div>
                        }
                    }
                </For>
            </div>
        </div>
    }
    .into_any()
}
