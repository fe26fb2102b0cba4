//! GridBox and GridPlot: children placed on a CSS grid at their rows and columns
//! (`spacing` apart; `rows`/`cols` may size the tracks), as BokehJS places them.

use leptos::prelude::*;

use crate::core::{AnyId, PropType, Value};
use crate::models::GridChild;

use super::element::{Enclosing, Flow};
use super::layout::model_view;
use super::page::Page;

pub fn view(page: Page, model: AnyId) -> AnyView {
    Enclosing::provide_for_children(Flow::Block);
    let children = page.watch(model, move |d| {
        d.get_attr(model, "children")
            .ok()
            .and_then(|v| Vec::<GridChild>::from_value(&v, d))
            .unwrap_or_default()
    });
    let style = page.watch(model, move |d| {
        let attr = |name: &str| d.get_attr(model, name).unwrap_or(Value::Null);
        let (row_gap, col_gap) = match attr("spacing") {
            Value::List(pair) => (
                pair.first().and_then(Value::as_f64).unwrap_or(0.0),
                pair.get(1).and_then(Value::as_f64).unwrap_or(0.0),
            ),
            v => {
                let gap = v.as_f64().unwrap_or(0.0);
                (gap, gap)
            }
        };
        let cells = d
            .get_attr(model, "children")
            .ok()
            .and_then(|v| Vec::<GridChild>::from_value(&v, d))
            .unwrap_or_default();
        let rows = cells.iter().map(|c| c.row + c.row_span).max().unwrap_or(0);
        let cols = cells.iter().map(|c| c.col + c.col_span).max().unwrap_or(0);
        format!(
            "row-gap: {row_gap}px; column-gap: {col_gap}px; grid-template-rows: {}; \
             grid-template-columns: {};",
            tracks(&attr("rows"), rows),
            tracks(&attr("cols"), cols)
        )
    });
    view! {
        <div class="rk-grid" style=style>
            <For each=move || children.get() key=|cell| *cell let:cell>
                <div
                    class="rk-cell"
                    style=format!(
                        "grid-row: {} / span {}; grid-column: {} / span {};",
                        cell.row + 1,
                        cell.row_span,
                        cell.col + 1,
                        cell.col_span,
                    )
                >
                    {model_view(page, cell.child)}
                </div>
            </For>
        </div>
    }
    .into_any()
}

/// The CSS template of `count` tracks: each `auto`, or as `rows`/`cols` size them (one
/// size for all, or one per track).
fn tracks(sizing: &Value, count: i64) -> String {
    let size = |v: &Value| match v {
        Value::Str(s) if !s.contains([';', '{', '}']) => Some(s.clone()),
        v => v
            .object_field("size")
            .and_then(Value::as_str)
            .map(str::to_owned),
    };
    let sizes: Vec<String> = match sizing {
        Value::List(items) => items
            .iter()
            .map(|v| size(v).unwrap_or("auto".into()))
            .collect(),
        Value::Null => Vec::new(),
        v => vec![size(v).unwrap_or("auto".into()); count.max(0) as usize],
    };
    let count = (count.max(0) as usize).max(sizes.len());
    (0..count)
        .map(|i| sizes.get(i).cloned().unwrap_or_else(|| "auto".into()))
        .collect::<Vec<_>>()
        .join(" ")
}
