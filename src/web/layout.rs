//! Which component shows which model type, and the layouts (Row, Column) that hold them.

use leptos::prelude::*;

use crate::core::{AnyId, PropType};

use super::page::Page;
use super::{button, figure, slider, text_input};

type Component = fn(Page, AnyId) -> AnyView;

/// Bokeh type name → component. Types not listed render as an empty, hidden element.
const COMPONENTS: &[(&str, Component)] = &[
    ("Row", row),
    ("Column", column),
    ("Slider", slider::view),
    ("TextInput", text_input::view),
    ("Button", button::view),
    ("Figure", figure::view),
];

pub fn model_view(page: Page, model: AnyId) -> AnyView {
    let Some(type_name) = page.read(|d| d.try_model(model).map(|m| m.type_name.clone())) else {
        return ().into_any();
    };
    match COMPONENTS.iter().find(|(name, _)| *name == type_name) {
        Some((_, component)) => component(page, model),
        None => view! { <div hidden data-model-type=type_name></div> }.into_any(),
    }
}

fn row(page: Page, model: AnyId) -> AnyView {
    children_view(page, model, "rk-row")
}

fn column(page: Page, model: AnyId) -> AnyView {
    children_view(page, model, "rk-column")
}

/// A layout's children in a flex box whose direction `class` sets; keyed, so a change of
/// `children` builds only the children that are new.
fn children_view(page: Page, model: AnyId, class: &'static str) -> AnyView {
    let children = Memo::new(move |_| {
        page.track(model);
        page.read(|d| {
            d.get_attr(model, "children")
                .ok()
                .and_then(|v| Vec::<AnyId>::from_value(&v, d))
                .unwrap_or_default()
        })
    });
    view! {
        <div class=class>
            <For each=move || children.get() key=|child| *child let:child>
                {model_view(page, child)}
            </For>
        </div>
    }
    .into_any()
}
