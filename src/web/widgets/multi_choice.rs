//! MultiChoice: the chosen options as chips (each with a remove button), and an ARIA
//! combobox that lists the options not yet chosen, filtered by what is typed. ArrowDown
//! and ArrowUp move through the list, Enter or a click adds one, Escape closes the list,
//! Backspace in an empty box removes the last chip. At most `max_items` are chosen.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

use crate::core::{AnyId, PropType, Value};
use crate::models::SelectOption;

use super::super::element;
use super::super::page::Page;
use super::control::{title_label, watch};

/// What the widget shows.
#[derive(Clone, PartialEq)]
struct Shown {
    title: String,
    value: Vec<String>,
    placeholder: Option<String>,
    max_items: Option<usize>,
    option_limit: Option<usize>,
    delete_button: bool,
}

pub fn view(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let shown = watch(page, model, |a| Shown {
        title: a.text("title"),
        value: a.texts("value"),
        placeholder: a.opt_text("placeholder"),
        max_items: a.int("max_items").map(|n| n.max(0) as usize),
        option_limit: a.int("option_limit").map(|n| n.max(0) as usize),
        delete_button: a.value("delete_button").as_bool().unwrap_or(true),
    });
    let options = page.watch(model, move |d| {
        d.get_attr(model, "options")
            .ok()
            .and_then(|v| Vec::<SelectOption>::from_value(&v, d))
            .unwrap_or_default()
    });
    let title = Memo::new(move |_| shown.with(|s| s.title.clone()));
    let typed = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let hover = RwSignal::new(0usize);
    let input = NodeRef::<html::Input>::new();
    let full = move || shown.with(|s| s.max_items.is_some_and(|m| s.value.len() >= m));
    // The options not chosen yet that match what is typed.
    let offered = Memo::new(move |_| {
        let needle = typed.get().to_lowercase();
        shown.with(|s| {
            options.with(|o| {
                o.iter()
                    .filter(|o| !s.value.contains(&o.value_text()))
                    .filter(|o| o.label.to_lowercase().contains(&needle))
                    .take(s.option_limit.unwrap_or(usize::MAX))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let label_of = move |value: &str| {
        options.with(|o| {
            o.iter()
                .find(|o| o.value_text() == value)
                .map_or_else(|| value.to_owned(), |o| o.label.clone())
        })
    };
    let set = move |value: Vec<String>| {
        let value = value.into_iter().map(Value::Str).collect();
        page.edit(model, "value", Value::List(value));
    };
    let add = move |option: SelectOption| {
        if full() {
            return;
        }
        let mut value = shown.with_untracked(|s| s.value.clone());
        value.push(option.value_text());
        set(value);
        typed.set(String::new());
        if let Some(el) = input.get_untracked() {
            el.set_value("");
        }
        hover.set(0);
        open.set(!full());
    };
    let remove = move |value: String| {
        let mut now = shown.with_untracked(|s| s.value.clone());
        now.retain(|v| *v != value);
        set(now);
    };
    let on_key = move |ev: KeyboardEvent| {
        let count = offered.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" => {
                ev.prevent_default();
                if !open.get_untracked() {
                    open.set(!full());
                    hover.set(0);
                    return;
                }
                let down = ev.key() == "ArrowDown";
                hover.update(|h| {
                    *h = if down {
                        (*h + 1).min(count.saturating_sub(1))
                    } else {
                        h.saturating_sub(1)
                    }
                });
            }
            "Enter" => {
                ev.prevent_default();
                let picked = open
                    .get_untracked()
                    .then(|| offered.with_untracked(|o| o.get(hover.get_untracked()).cloned()))
                    .flatten();
                if let Some(option) = picked {
                    add(option);
                }
            }
            "Escape" => open.set(false),
            "Backspace" if typed.get_untracked().is_empty() => {
                if let Some(last) = shown.with_untracked(|s| s.value.last().cloned()) {
                    remove(last);
                }
            }
            _ => {}
        }
    };
    let id = page.element_id(model);
    let list_id = format!("{id}-options");
    let option_id = {
        let list_id = list_id.clone();
        move |i: usize| format!("{list_id}-{i}")
    };
    view! {
        <div class="rk-input-widget rk-multi-choice">
            {title_label(page, model, id.clone())}
            <div class="rk-choices">
                <ul class="rk-chips">
                    <For
                        each=move || shown.with(|s| s.value.clone())
                        key=|value| value.clone()
                        let:value
                    >
                        {
                            let removed = value.clone();
                            let label = label_of(&value);
                            let name = format!("Remove {label}");
                            view! {
                                <li class="rk-chip">
                                    <span>{label}</span>
                                    <Show when=move || shown.with(|s| s.delete_button)>
                                        <button
                                            type="button"
                                            class="rk-chip-remove"
                                            aria-label=name.clone()
                                            disabled=disabled
                                            on:click={
                                                let removed = removed.clone();
                                                move |_| remove(removed.clone())
                                            }
                                        >
                                            "×"
                                        </button>
                                    </Show>
                                </li>
                            }
                        }
                    </For>
                </ul>
                <input
                    type="text"
                    id=id
                    node_ref=input
                    role="combobox"
                    aria-autocomplete="list"
                    aria-expanded=move || open.get().to_string()
                    aria-controls=list_id.clone()
                    aria-activedescendant={
                        let option_id = option_id.clone();
                        move || open.get().then(|| option_id(hover.get()))
                    }
                    autocomplete="off"
                    placeholder=move || {
                        shown.with(|s| if s.value.is_empty() { s.placeholder.clone() } else { None })
                    }
                    disabled=disabled
                    on:input=move |ev| {
                        typed.set(event_target_value(&ev));
                        hover.set(0);
                        open.set(!full());
                    }
                    on:keydown=on_key
                    on:focus=move |_| open.set(!full())
                    on:blur=move |_| open.set(false)
                />
            </div>
            <ul
                class="rk-menu rk-listbox"
                role="listbox"
                id=list_id.clone()
                aria-label=move || title.get()
                hidden=move || !open.get() || offered.with(Vec::is_empty)
            >
                {move || {
                    offered
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, option)| {
                            let label = option.label.clone();
                            view! {
                                <li
                                    role="option"
                                    id=option_id(i)
                                    class:rk-active=move || hover.get() == i
                                    aria-selected=move || (hover.get() == i).to_string()
                                    on:mousedown=|ev| ev.prevent_default()
                                    on:mouseover=move |_| hover.set(i)
                                    on:click=move |_| add(option.clone())
                                >
                                    {label}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </div>
    }
    .into_any()
}
