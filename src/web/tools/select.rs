//! The select tools: BoxSelectTool (a dragged box), LassoSelectTool (a dragged path, the
//! selection following it if `continuous`), PolySelectTool (a polygon tapped out, closed
//! by a double tap or Enter) and TapTool (the nearest point within a few pixels). Each
//! sets the sources' selections by its `mode`, as `crate::interact` makes them.

use leptos::prelude::Set;

use crate::core::{AnyId, Value};
use crate::interact::{
    rows_at, rows_in, select, selection_geometry, tap_geometry, BoxZoom, Over, Purpose, Region,
    View,
};
use crate::models::{
    AutoOr, BoxSelectTool, GlyphRenderer, LassoSelectTool, SelectionMode, TapBehavior, TapTool,
};

use super::super::callbacks::{on_tool, Hit, ToolHit};
use super::super::canvas::device_pixel_ratio;
use super::{log, outline, point_at, Boxing, Drag, Draw, Layer, Plot, ToolView, TAP_REACH};

/// The view of BoxSelectTool.
#[derive(Debug)]
pub(crate) struct BoxSelect;

/// The view of LassoSelectTool.
#[derive(Debug)]
pub(crate) struct Lasso;

/// The view of PolySelectTool.
#[derive(Debug)]
pub(crate) struct Poly;

/// The view of TapTool.
#[derive(Debug)]
pub(crate) struct Tap;

impl ToolView for BoxSelect {
    fn layer(&self) -> Option<(Layer, Draw)> {
        Some((Layer::Outline, outline))
    }

    fn drag(&self, plot: &Plot, tool: AnyId, view: &View, at: (f64, f64)) -> Option<Box<dyn Drag>> {
        let t = plot.typed::<BoxSelectTool>(tool)?;
        let shape = plot.page.read(|d| BoxZoom {
            dimensions: AutoOr::Value(d.get(t, BoxSelectTool::DIMENSIONS)),
            origin: d.get(t, BoxSelectTool::ORIGIN),
        });
        let boxed = Boxing {
            base: at,
            shape,
            done: move |plot: &Plot, _: &View, (x, y)| {
                select_in(plot, tool, &Region::Rect { x, y }, true);
            },
        };
        (view.over(at) == Over::Frame).then(|| Box::new(boxed) as Box<dyn Drag>)
    }
}

impl ToolView for Lasso {
    fn layer(&self) -> Option<(Layer, Draw)> {
        Some((Layer::Outline, outline))
    }

    fn drag(&self, _: &Plot, tool: AnyId, view: &View, at: (f64, f64)) -> Option<Box<dyn Drag>> {
        let lasso = Lassoing {
            path: vec![at],
            tool,
        };
        (view.over(at) == Over::Frame).then(|| Box::new(lasso) as Box<dyn Drag>)
    }
}

/// A lasso being drawn: its path so far.
struct Lassoing {
    path: Vec<(f64, f64)>,
    tool: AnyId,
}

impl Drag for Lassoing {
    fn to(&mut self, plot: &Plot, at: (f64, f64)) {
        self.path.push(at);
        plot.outline_path(&self.path);
        // LassoSelectTool's `continuous`: the selection follows the lasso.
        let continuous = plot
            .typed::<LassoSelectTool>(self.tool)
            .is_some_and(|t| plot.page.read(|d| d.get(t, LassoSelectTool::CONTINUOUS)));
        if continuous {
            select_in(plot, self.tool, &Region::Polygon(self.path.clone()), false);
        }
    }

    fn end(mut self: Box<Self>, plot: &Plot, at: (f64, f64), dragged: bool) {
        plot.overlay.set(None);
        if dragged {
            self.path.push(at);
            select_in(plot, self.tool, &Region::Polygon(self.path), true);
        }
    }
}

impl ToolView for Poly {
    fn layer(&self) -> Option<(Layer, Draw)> {
        Some((Layer::Outline, outline))
    }

    /// One more vertex of its polygon, drawn over the plot.
    fn tap(&self, plot: &Plot, tool: AnyId, _: &View, at: (f64, f64)) {
        let mut poly = plot.poly.borrow_mut();
        let path = match &mut *poly {
            Some((t, path)) if *t == tool => path,
            _ => &mut poly.insert((tool, Vec::new())).1,
        };
        path.push(at);
        plot.outline_path(path);
    }

    fn close(&self, plot: &Plot, tool: AnyId) {
        let Some((_, path)) = plot.poly.borrow_mut().take() else {
            return;
        };
        plot.overlay.set(None);
        if path.len() >= 3 {
            select_in(plot, tool, &Region::Polygon(path), true);
        }
    }
}

impl ToolView for Tap {
    /// Selects the nearest point within a few pixels (toggling, by the tool's `mode`).
    fn tap(&self, plot: &Plot, tool: AnyId, view: &View, at: (f64, f64)) {
        let Some(t) = plot.typed::<TapTool>(tool) else {
            return;
        };
        let (behavior, mode) = plot
            .page
            .read(|d| (d.get(t, TapTool::BEHAVIOR), d.get(t, TapTool::MODE)));
        let reach = TAP_REACH * device_pixel_ratio();
        let figure = plot.figure;
        let only = renderers(plot, tool);
        let hits = plot
            .page
            .read(|d| rows_at(d, figure, view, at, reach, &only, Purpose::Select));
        let point = point_at(view, at);
        // "inspect" selects nothing: it only tells its callback what it hit.
        if behavior == TapBehavior::Select {
            let selected = plot.page.update(|d| {
                select(d, &hits, mode)?;
                tap_geometry(d, figure, point)
            });
            if let Err(e) = selected {
                log("tap", e);
            }
        }
        // Its callback, once per source hit, as BokehJS's.
        let mut told = Vec::new();
        for (renderer, rows) in &hits {
            let source = plot
                .page
                .read(|d| d.get(*renderer, GlyphRenderer::DATA_SOURCE).any());
            if rows.is_empty() || told.contains(&source) {
                continue;
            }
            told.push(source);
            let what = Hit::Source(source);
            on_tool(plot.page, tool, &ToolHit { at: point, what });
        }
    }
}

/// Selects with select tool `tool` in `region`; `last` when its gesture ended.
fn select_in(plot: &Plot, tool: AnyId, region: &Region, last: bool) {
    let Some(view) = plot.view() else {
        return;
    };
    let figure = plot.figure;
    let mode = plot.page.read(|d| {
        d.get_attr(tool, "mode")
            .ok()
            .and_then(|v| v.as_str().and_then(SelectionMode::from_name))
            .unwrap_or(SelectionMode::Replace)
    });
    let only = renderers(plot, tool);
    let ratio = device_pixel_ratio();
    let result = plot.page.update(|d| {
        let hits = rows_in(d, figure, &view, region, &only, Purpose::Select);
        select(d, &hits, mode)?;
        selection_geometry(d, figure, region, ratio, last)
    });
    if let Err(e) = result {
        log("selecting", e);
    }
}

/// The renderers select tool `tool` is limited to (its `renderers`); none: "auto", all.
fn renderers(plot: &Plot, tool: AnyId) -> Vec<AnyId> {
    plot.page.read(|d| match d.get_attr(tool, "renderers") {
        Ok(Value::List(items)) => items
            .iter()
            .filter_map(|v| d.lookup(v.as_ref_id()?))
            .collect(),
        _ => Vec::new(),
    })
}
