//! Bokeh's DOM elements as layouts (`bokeh.models.dom.Div`, `Span`, `Table`, `TableRow`):
//! a root or child that is an element of the page, styled by its `style`, holding its
//! `children` — text, other DOM nodes, and widgets, layouts or figures shown by their
//! views (Bokeh's `basic/layouts/css_layouts.py`: a CSS grid of figures). Other DOM nodes
//! (`HTML`, `Text`, …) inside are written as the tooltips write them.

use leptos::prelude::*;

use crate::core::{AnyId, Value};
use crate::interact::{dom_markup, dom_style};

use super::layout::model_view;
use super::page::Page;

/// How deep DOM elements nest here before the rest is left out (a cycle of children).
const DEPTH: usize = 32;

pub fn view(page: Page, model: AnyId) -> AnyView {
    element(page, model, 0)
}

fn element(page: Page, model: AnyId, depth: usize) -> AnyView {
    let (kind, style, children) = page.read(|d| {
        let kind = d
            .try_model(model)
            .map(|m| m.type_name.clone())
            .unwrap_or_default();
        let children = match d.get_attr(model, "children") {
            Ok(Value::List(children)) => children,
            _ => Vec::new(),
        };
        (kind, dom_style(d, model), children)
    });
    let children = (depth < DEPTH).then(|| {
        children
            .into_iter()
            .map(|child| self::child(page, child, depth))
            .collect_view()
    });
    match kind.trim_start_matches("bokeh.models.dom.") {
        "Span" => view! { <span style=style>{children}</span> }.into_any(),
        "Table" => view! { <table style=style>{children}</table> }.into_any(),
        "TableRow" => view! { <tr style=style>{children}</tr> }.into_any(),
        _ => view! { <div style=style>{children}</div> }.into_any(),
    }
}

/// A child: text, a DOM element (nested here), another DOM node (written as markup), or
/// any other model (shown by its view). A Dialog's title and content are shown so too.
pub(super) fn child(page: Page, child: Value, depth: usize) -> AnyView {
    let model = match &child {
        Value::Str(text) => return text.clone().into_any(),
        Value::Ref(id) => page.read(|d| d.lookup(id)),
        _ => None,
    };
    let Some(model) = model else {
        return ().into_any();
    };
    let kind = page.read(|d| d.try_model(model).map(|m| m.type_name.clone()));
    match kind
        .as_deref()
        .and_then(|k| k.strip_prefix("bokeh.models.dom."))
    {
        Some("Div" | "Span" | "Table" | "TableRow") => element(page, model, depth + 1),
        Some(_) => {
            let markup = page.read(|d| dom_markup(d, model));
            view! { <span inner_html=markup></span> }.into_any()
        }
        None => model_view(page, model),
    }
}
