//! AutocompleteInput: an ARIA combobox. Typing sets `value_input` and lists the
//! completions that match (from `min_characters` on, by `search_strategy`, case as
//! `case_sensitive` says, at most `max_completions`); ArrowDown/ArrowUp move through them,
//! Enter or a click takes one as `value`, Escape closes the list. With `restrict`, only a
//! completion becomes `value`; without, Enter or leaving the box commits what was typed.

use leptos::ev::KeyboardEvent;
use leptos::html;
use leptos::prelude::*;

use crate::core::{AnyId, Value};

use super::super::element;
use super::super::page::Page;
use super::control::{keep_text, title_label, watch, Attrs};

/// How completions are found.
#[derive(Clone, PartialEq)]
struct Spec {
    completions: Vec<String>,
    min_characters: usize,
    max_completions: Option<usize>,
    case_sensitive: bool,
    includes: bool,
    restrict: bool,
    placeholder: String,
}

impl Spec {
    fn read(a: &Attrs) -> Spec {
        Spec {
            completions: a.texts("completions"),
            min_characters: a.int("min_characters").unwrap_or(2).max(0) as usize,
            max_completions: a.int("max_completions").map(|n| n.max(0) as usize),
            case_sensitive: a.value("case_sensitive").as_bool().unwrap_or(true),
            includes: a.text("search_strategy") == "includes",
            restrict: a.value("restrict").as_bool().unwrap_or(true),
            placeholder: a.text("placeholder"),
        }
    }

    /// The completions of `typed`, as BokehJS finds them.
    fn matches(&self, typed: &str) -> Vec<String> {
        if typed.chars().count() < self.min_characters {
            return Vec::new();
        }
        let norm = |t: &str| {
            if self.case_sensitive {
                t.to_owned()
            } else {
                t.to_lowercase()
            }
        };
        let typed = norm(typed);
        self.completions
            .iter()
            .filter(|c| {
                let c = norm(c);
                if self.includes {
                    c.contains(&typed)
                } else {
                    c.starts_with(&typed)
                }
            })
            .take(self.max_completions.unwrap_or(usize::MAX))
            .cloned()
            .collect()
    }
}

pub fn view(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let title = watch(page, model, |a| a.text("title"));
    let spec = watch(page, model, Spec::read);
    let value = watch(page, model, |a| a.text("value"));
    let input = NodeRef::<html::Input>::new();
    keep_text(move || input.get(), value, true);
    let typed = RwSignal::new(String::new());
    let open = RwSignal::new(false);
    let hover = RwSignal::new(0usize);
    let matches = Memo::new(move |_| spec.with(|s| s.matches(&typed.get())));
    let id = page.element_id(model);
    let list_id = format!("{id}-completions");
    let option_id = {
        let list_id = list_id.clone();
        move |i: usize| format!("{list_id}-{i}")
    };

    let refresh = move || {
        let found = !matches.get_untracked().is_empty();
        open.set(found);
        hover.set(0);
    };
    let choose = move |text: String| {
        open.set(false);
        typed.set(text.clone());
        let result = page.update(|d| {
            d.batch(|d| {
                d.set_attr(model, "value_input", Value::Str(text.clone()))?;
                d.set_attr(model, "value", Value::Str(text))
            })
        });
        if let Err(e) = result {
            web_sys::console::error_1(&format!("rokeh: autocomplete: {e}").into());
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        typed.set(text.clone());
        page.edit(model, "value_input", Value::Str(text));
        refresh();
    };
    let on_key = move |ev: KeyboardEvent| {
        let count = matches.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" => {
                ev.prevent_default();
                if !open.get_untracked() {
                    refresh();
                    return;
                }
                let down = ev.key() == "ArrowDown";
                hover.update(|h| {
                    *h = match down {
                        true => (*h + 1).min(count.saturating_sub(1)),
                        false => h.saturating_sub(1),
                    }
                });
            }
            "Enter" => {
                let picked = open
                    .get_untracked()
                    .then(|| matches.with_untracked(|m| m.get(hover.get_untracked()).cloned()))
                    .flatten();
                match picked {
                    Some(text) => {
                        ev.prevent_default();
                        choose(text);
                    }
                    None if !spec.with_untracked(|s| s.restrict) => {
                        page.edit(model, "value", Value::Str(event_target_value(&ev)));
                    }
                    None => {}
                }
            }
            "Escape" => open.set(false),
            _ => {}
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        if !spec.with_untracked(|s| s.restrict) {
            page.edit(model, "value", Value::Str(event_target_value(&ev)));
        }
    };
    view! {
        <div class="rk-input-widget rk-autocomplete">
            {title_label(page, model, id.clone())}
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
                placeholder=move || spec.with(|s| s.placeholder.clone())
                disabled=disabled
                on:input=on_input
                on:keydown=on_key
                on:change=on_change
                on:focus=move |ev| {
                    typed.set(event_target_value(&ev));
                    refresh();
                }
                on:blur=move |_| open.set(false)
            />
            <ul
                class="rk-menu rk-listbox"
                role="listbox"
                id=list_id.clone()
                aria-label=move || title.get()
                hidden=move || !open.get()
            >
                {move || {
                    matches
                        .get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, text)| {
                            let chosen = text.clone();
                            view! {
                                <li
                                    role="option"
                                    id=option_id(i)
                                    class:rk-active=move || hover.get() == i
                                    aria-selected=move || (hover.get() == i).to_string()
                                    on:mousedown=|ev| ev.prevent_default()
                                    on:mouseover=move |_| hover.set(i)
                                    on:click=move |_| choose(chosen.clone())
                                >
                                    {text}
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
