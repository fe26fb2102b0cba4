//! CheckboxGroup and RadioGroup: real check boxes and radio buttons, each labelled by its
//! label; `active` lists the checked indices (CheckboxGroup) or is the chosen one
//! (RadioGroup, whose arrow keys move the choice as a browser's radio group does).

use leptos::prelude::*;

use crate::core::{AnyId, Value};

use super::super::element;
use super::super::page::Page;
use super::control::watch;

pub fn checkbox_group(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let shown = watch(page, model, |a| {
        (a.texts("labels"), a.ints("active"), a.flag("inline"))
    });
    let id = page.element_id(model);
    let group_id_attr = id.clone();
    let toggle = move |i: i64, checked: bool| {
        let mut active = shown.with_untracked(|s| s.1.clone());
        active.retain(|a| *a != i);
        if checked {
            active.push(i);
        }
        active.sort_unstable();
        let active = active.into_iter().map(Value::Int).collect();
        page.edit(model, "active", Value::List(active));
    };
    view! {
        <div
            class="rk-choice-group rk-checkbox-group"
            class:rk-inline=move || shown.with(|s| s.2)
            role="group"
            id=group_id_attr
        >
            <For
                each=move || shown.with(|s| s.0.clone().into_iter().enumerate().collect::<Vec<_>>())
                key=|choice| choice.clone()
                let:choice
            >
                {
                    let (i, label) = choice;
                    let i = i as i64;
                    view! {
                        <label class="rk-choice">
                            <input
                                type="checkbox"
                                id=format!("{id}-{i}")
                                prop:checked=move || shown.with(|s| s.1.contains(&i))
                                disabled=disabled
                                on:change=move |ev| toggle(i, event_target_checked(&ev))
                            />
                            <span>{label}</span>
                        </label>
                    }
                }
            </For>
        </div>
    }
    .into_any()
}

pub fn radio_group(page: Page, model: AnyId) -> AnyView {
    let disabled = element::disabled();
    let shown = watch(page, model, |a| {
        (a.texts("labels"), a.int("active"), a.flag("inline"))
    });
    let id = page.element_id(model);
    let group_id_attr = id.clone();
    let name = id.clone();
    view! {
        <div
            class="rk-choice-group rk-radio-group"
            class:rk-inline=move || shown.with(|s| s.2)
            role="radiogroup"
            id=group_id_attr
        >
            <For
                each=move || shown.with(|s| s.0.clone().into_iter().enumerate().collect::<Vec<_>>())
                key=|choice| choice.clone()
                let:choice
            >
                {
                    let (i, label) = choice;
                    let i = i as i64;
                    view! {
                        <label class="rk-choice">
                            <input
                                type="radio"
                                name=name.clone()
                                id=format!("{id}-{i}")
                                prop:checked=move || shown.with(|s| s.1 == Some(i))
                                disabled=disabled
                                on:change=move |_| page.edit(model, "active", Value::Int(i))
                            />
                            <span>{label}</span>
                        </label>
                    }
                }
            </For>
        </div>
    }
    .into_any()
}
