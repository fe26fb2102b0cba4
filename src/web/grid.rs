//! GridBox and GridPlot: children placed on a CSS grid at their rows and columns
//! (`spacing` apart; `rows`/`cols` may size the tracks), as BokehJS places them; a
//! GridPlot's toolbar beside them (see `grid_toolbar.rs`).

use leptos::html;
use leptos::prelude::*;

use crate::core::{AnyId, PropType, Value};
use crate::models::{GridChild, Place};

use super::element::{Enclosing, Flow};
use super::grid_toolbar::{self, GridTools};
use super::layout::model_view;
use super::page::Page;

pub fn view(page: Page, model: AnyId) -> AnyView {
    Enclosing::provide_for_children(Flow::Block);
    cells(page, model, NodeRef::new())
}

/// A GridPlot: its toolbar at `toolbar_location`, the grid beside it in a flex box, as
/// BokehJS's GridPlotView lays them out.
pub fn plot_view(page: Page, model: AnyId) -> AnyView {
    Enclosing::provide_for_children(Flow::Block);
    let (toolbar, place) = page.read(|d| {
        let toolbar = d.get_attr(model, "toolbar").ok();
        let toolbar = toolbar
            .as_ref()
            .and_then(Value::as_ref_id)
            .and_then(|id| d.lookup(id));
        let place = d.get_attr(model, "toolbar_location").ok();
        (
            toolbar,
            place
                .and_then(|v| Option::<Place>::from_value(&v, d))
                .flatten(),
        )
    });
    let Some(toolbar) = toolbar else {
        return cells(page, model, NodeRef::new());
    };
    let tools = GridTools::provide(page, toolbar);
    let grid = NodeRef::<html::Div>::new();
    let pointer_over = RwSignal::new(false);
    let direction = match place {
        Some(Place::Above) => "column",
        Some(Place::Below) => "column-reverse",
        Some(Place::Right) => "row-reverse",
        Some(Place::Left) | None => "row",
    };
    let bar = place.map(|p| grid_toolbar::view(tools, p, grid, pointer_over));
    view! {
        <div
            class="rk-gridplot"
            style=format!("flex-direction: {direction};")
            on:pointerenter=move |_| pointer_over.set(true)
            on:pointerleave=move |_| pointer_over.set(false)
        >
            {bar}
            {cells(page, model, grid)}
        </div>
    }
    .into_any()
}

/// The grid of `model`'s children.
fn cells(page: Page, model: AnyId, grid: NodeRef<html::Div>) -> AnyView {
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
        <div class="rk-grid" style=style node_ref=grid>
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
