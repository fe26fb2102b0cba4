//! Dropdown: a button opening a menu (ARIA menu button). Choosing an item is Bokeh's
//! `menu_item_click` event with the item's value; a split dropdown's main button is a
//! plain button (`button_click`) and its caret opens the menu. Keys: Enter, Space or
//! ArrowDown open the menu on its first item (ArrowUp on the last); in it, arrows, Home
//! and End move, Enter or Space choose, Escape closes; a click outside closes it.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::{AnyId, PropType, Value};
use crate::document::EventKind;
use crate::models::MenuItem;

use super::super::element;
use super::super::page::Page;
use super::control::{face, ui_event, watch, Popup};

pub fn view(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let shown = watch(page, model, |a| {
        (a.text("label"), a.text("button_type"), a.flag("split"))
    });
    // Shown as markup (it may be a DOM model, after an icon); named by its text.
    let face = face(page, model);
    let menu = page.watch(model, move |d| {
        d.get_attr(model, "menu")
            .ok()
            .and_then(|v| Vec::<Option<MenuItem>>::from_value(&v, d))
            .unwrap_or_default()
    });
    let id = page.element_id(model);
    let menu_id = format!("{id}-menu");
    let popup = Popup::new();
    let Popup {
        open, root, opener, ..
    } = popup;
    let menu_el = NodeRef::<html::Ul>::new();
    let items = move || Popup::items(menu_el.get_untracked().map(Into::into), "[role=menuitem]");
    let focus_item = move |which: Which| {
        let items = items();
        if items.is_empty() {
            return;
        }
        let current = document()
            .active_element()
            .and_then(|a| items.iter().position(|i| a.is_same_node(Some(i))));
        let n = items.len();
        let at = match (which, current) {
            (Which::First, _) | (Which::Next, None) => 0,
            (Which::Last, _) | (Which::Previous, None) => n - 1,
            (Which::Next, Some(i)) => (i + 1) % n,
            (Which::Previous, Some(i)) => (i + n - 1) % n,
        };
        let _ = items[at].focus();
    };
    // Opens the menu, focusing its item `which` (a click focuses none).
    let open_at = move |which: Option<Which>| {
        open.set(true);
        // The menu shows in the next render; place it and focus its item then.
        request_animation_frame(move || {
            popup.place(menu_el.get_untracked().map(Into::into));
            if let Some(which) = which {
                focus_item(which);
            }
        });
    };
    let close = move |refocus: bool| popup.close(refocus);
    let toggle = move || match open.get_untracked() {
        true => close(false),
        false => open_at(None),
    };
    let choose = move |i: usize| {
        close(true);
        let item = menu.with_untracked(|m| m.get(i).cloned().flatten());
        if let Some(item) = item.as_ref().and_then(MenuItem::item) {
            let values = vec![("item".to_owned(), Value::str(item))];
            page.trigger(ui_event(page, model, EventKind::MenuItemClick, values));
        }
    };
    let on_opener_key = move |ev: KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" | "Enter" | " " => {
            ev.prevent_default();
            open_at(Some(Which::First));
        }
        "ArrowUp" => {
            ev.prevent_default();
            open_at(Some(Which::Last));
        }
        _ => {}
    };
    let on_menu_key = move |ev: KeyboardEvent| {
        match ev.key().as_str() {
            "ArrowDown" => focus_item(Which::Next),
            "ArrowUp" => focus_item(Which::Previous),
            "Home" => focus_item(Which::First),
            "End" => focus_item(Which::Last),
            "Tab" => {
                close(false);
                return;
            }
            "Enter" | " " => {
                let target = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                let index = target
                    .and_then(|t| t.get_attribute("data-index"))
                    .and_then(|i| i.parse().ok());
                if let Some(i) = index {
                    choose(i);
                }
            }
            _ => return,
        }
        ev.prevent_default();
    };

    let label = move || shown.with(|s| s.0.clone());
    let class = move || shown.with(|s| format!("rk-button rk-button-{}", s.1));
    let split = move || shown.with(|s| s.2);
    let main = move || {
        if split() {
            view! {
                <button
                    type="button"
                    id=id.clone()
                    class=class
                    disabled=disabled
                    on:click=move |_| {
                        close(false);
                        page.trigger(ui_event(page, model, EventKind::ButtonClick, Vec::new()));
                    }
                    inner_html=face
                ></button>
                <button
                    type="button"
                    node_ref=opener
                    class=move || format!("{} rk-caret-button", class())
                    aria-label=move || format!("{}: more", label())
                    aria-haspopup="menu"
                    aria-expanded=move || open.get().to_string()
                    aria-controls=menu_id.clone()
                    disabled=disabled
                    on:click=move |_| toggle()
                    on:keydown=on_opener_key
                >
                    <span class="rk-caret" aria-hidden="true"></span>
                </button>
            }
            .into_any()
        } else {
            view! {
                <button
                    type="button"
                    id=id.clone()
                    node_ref=opener
                    class=class
                    aria-haspopup="menu"
                    aria-expanded=move || open.get().to_string()
                    aria-controls=menu_id.clone()
                    disabled=disabled
                    on:click=move |_| toggle()
                    on:keydown=on_opener_key
                >
                    <span inner_html=face></span>
                    <span class="rk-caret" aria-hidden="true"></span>
                </button>
            }
            .into_any()
        }
    };
    // Escape closes the menu wherever the focus is in the dropdown (the first item may
    // not have it yet).
    let on_escape = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.prevent_default();
            close(true);
        }
    };
    view! {
        <div class="rk-dropdown" node_ref=root on:keydown=on_escape>
            <div class="rk-button-row">{main}</div>
            <ul
                class="rk-menu"
                class:rk-above=move || popup.above.get()
                role="menu"
                id=format!("{}-menu", page.element_id(model))
                aria-label=label
                node_ref=menu_el
                hidden=move || !open.get()
                on:keydown=on_menu_key
            >
                {move || {
                    menu.get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, item)| match item {
                            None => view! { <li role="separator" class="rk-divider"></li> }.into_any(),
                            Some(item) => view! {
                                <li
                                    role="menuitem"
                                    tabindex="-1"
                                    data-index=i
                                    on:click=move |_| choose(i)
                                >
                                    {item.label().to_owned()}
                                </li>
                            }
                            .into_any(),
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
    .into_any()
}

/// Which menu item gets the focus.
#[derive(Clone, Copy)]
enum Which {
    First,
    Last,
    Next,
    Previous,
}
