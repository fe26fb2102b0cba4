//! HoverTool: with the pointer over the frame, the rows it is over (by the tool's
//! policies) are inspected, drawn with their renderers' hover glyphs, and described in a
//! tooltip per renderer, as BokehJS's HoverTool does.

use leptos::prelude::*;

use crate::core::{AnyId, Id};
use crate::document::Document;
use crate::interact::{fill, inspect, linked_inspection, Hit, Over, Policy, Spot, View};
use crate::models::{AutoOr, Figure, GlyphRenderer, HoverTool, Tooltips};

use super::super::callbacks;
use super::super::canvas::device_pixel_ratio;
use super::{point_at, Draw, Inspection, Layer, Marks, Plot, ToolView};

/// A hover tool's tooltip for one renderer, as BokehJS shows it: one entry per row hit,
/// pointing (CSS pixels of the canvas) where the last entry's hit is.
#[derive(Clone, Debug, PartialEq)]
pub struct Tooltip {
    /// Where it points.
    pub at: (f64, f64),
    /// One per row hit, in the order hit.
    pub entries: Vec<TooltipEntry>,
}

/// What a tooltip says of one row hit.
#[derive(Clone, Debug, PartialEq)]
pub enum TooltipEntry {
    /// (label, value) rows, as text.
    Rows(Vec<(String, String)>),
    /// The HTML template, filled (its fields' values escaped).
    Html(String),
}

/// The view of HoverTool.
#[derive(Debug)]
pub(crate) struct Hover;

impl ToolView for Hover {
    fn layer(&self) -> Option<(Layer, Draw)> {
        Some((Layer::Tooltips, shown))
    }

    fn inspect(
        &self,
        plot: &Plot,
        tool: AnyId,
        view: &View,
        at: (f64, f64),
        shown: &mut Inspection,
    ) {
        let Some(t) = plot.typed::<HoverTool>(tool) else {
            return;
        };
        let (hits, only) = hits(plot, t, view, at);
        plot.page.read(|d| {
            // Described rows, and those a graph's inspection policy links to them.
            let rows = hits.iter().map(|h| (h.renderer, vec![h.index]));
            let linked = linked_inspection(d, plot.figure, &only, &hits);
            for (renderer, rows) in rows.chain(linked) {
                if d.get(renderer, GlyphRenderer::HOVER_GLYPH).is_some() {
                    let source = d.get(renderer, GlyphRenderer::DATA_SOURCE).any();
                    shown.inspected.entry(source).or_default().extend(rows);
                }
            }
            shown.tooltips.extend(tooltips(d, t, view, at, &hits));
        });
        tell_callback(plot, t, view, at, &hits, only);
    }
}

/// Hover tool `t`'s `callback`, if it has one, told of each renderer it inspects and the
/// rows of it under the pointer (none too), as BokehJS's HoverTool tells it on every move.
fn tell_callback(
    plot: &Plot,
    t: Id<HoverTool>,
    view: &View,
    at: (f64, f64),
    hits: &[Hit],
    only: Vec<AnyId>,
) {
    if plot.page.read(|d| d.get(t, HoverTool::CALLBACK).is_none()) {
        return;
    }
    let renderers = if only.is_empty() {
        plot.page.read(|d| {
            d.get(plot.figure, Figure::RENDERERS)
                .into_iter()
                .filter(|r| d.typed_id::<GlyphRenderer>(d.model_id(*r)).is_some())
                .collect()
        })
    } else {
        only
    };
    let point = point_at(view, at);
    for renderer in renderers {
        let rows = hits
            .iter()
            .filter(|h| h.renderer.any() == renderer)
            .map(|h| h.index)
            .collect();
        let what = callbacks::Hit::Rows { renderer, rows };
        callbacks::on_tool(plot.page, t.any(), &callbacks::ToolHit { at: point, what });
    }
}

/// The tooltips' layer: HTML over the canvas, so they can be read and selected; one per
/// renderer hit, with an entry per row, as BokehJS's.
fn shown(marks: Marks) -> AnyView {
    let tooltips = marks.tooltips;
    let shown = move || {
        tooltips
            .get()
            .into_iter()
            .map(|t| {
                let style = format!("left: {}px; top: {}px;", t.at.0 + 10.0, t.at.1 + 10.0);
                let entries = t
                    .entries
                    .into_iter()
                    .map(|entry| match entry {
                        TooltipEntry::Html(html) => view! {
                            <div class="rk-tooltip-entry" inner_html=html></div>
                        }
                        .into_any(),
                        TooltipEntry::Rows(rows) => view! {
                            <table class="rk-tooltip-entry">
                                {rows
                                    .into_iter()
                                    .map(|(label, value)| view! {
                                        <tr><th>{label}</th><td>{value}</td></tr>
                                    })
                                    .collect_view()}
                            </table>
                        }
                        .into_any(),
                    })
                    .collect_view();
                view! { <div class="rk-tooltip" role="tooltip" style=style>{entries}</div> }
            })
            .collect_view()
    };
    shown.into_any()
}

/// The renderers and rows hover tool `t` inspects at device pixel `at`, and the
/// renderers it is limited to (none: all).
fn hits(plot: &Plot, t: Id<HoverTool>, view: &View, at: (f64, f64)) -> (Vec<Hit>, Vec<AnyId>) {
    let figure = plot.figure;
    let dpr = device_pixel_ratio();
    plot.page.read(|d| {
        let only: Vec<AnyId> = match d.get(t, HoverTool::RENDERERS) {
            AutoOr::Value(list) => list,
            AutoOr::Auto => Vec::new(),
        };
        let hits = inspect(d, figure, view, Policy::of(d, t), &only, at, dpr);
        (hits, only)
    })
}

/// Hover tool `t`'s tooltips for `hits`, as BokehJS's HoverTool makes them: one per
/// renderer, with an entry per row hit inside the frame, pointing at the last.
fn tooltips(
    d: &Document,
    t: Id<HoverTool>,
    view: &View,
    at: (f64, f64),
    hits: &[Hit],
) -> Vec<Tooltip> {
    let dpr = device_pixel_ratio();
    let inside = |hit: &&Hit| view.over(hit.at) == Over::Frame;
    let Some(tooltips) = d.get(t, HoverTool::TOOLTIPS) else {
        return Vec::new();
    };
    let formatters = d.get(t, HoverTool::FORMATTERS);
    let mut shown: Vec<(Id<GlyphRenderer>, Tooltip)> = Vec::new();
    for hit in hits.iter().filter(inside) {
        let renderer = hit.renderer;
        let source = d.get(renderer, GlyphRenderer::DATA_SOURCE).any();
        let point = (hit.at.0 / dpr, hit.at.1 / dpr);
        let spot = Spot {
            index: hit.index,
            x: view.x.invert(at.0),
            y: view.y.invert(at.1),
            sx: at.0 / dpr,
            sy: at.1 / dpr,
            snap: hit.snap,
            snap_s: point,
            name: d
                .get_attr(renderer.any(), "name")
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned)),
        };
        let entry = match &tooltips {
            Tooltips::Rows(rows) => TooltipEntry::Rows(
                rows.iter()
                    .map(|(label, template)| {
                        let value = fill(d, source, template, &spot, &formatters);
                        (format!("{label}:"), value)
                    })
                    .collect(),
            ),
            Tooltips::Template(html) => {
                TooltipEntry::Html(fill_html(d, source, html, &spot, &formatters))
            }
            Tooltips::Element(element) => {
                TooltipEntry::Html(crate::interact::dom_html(d, *element, source, &spot))
            }
        };
        match shown.iter_mut().find(|(r, _)| *r == renderer) {
            Some((_, tooltip)) => {
                tooltip.entries.push(entry);
                tooltip.at = point;
            }
            None => shown.push((
                renderer,
                Tooltip {
                    at: point,
                    entries: vec![entry],
                },
            )),
        }
    }
    shown.into_iter().map(|(_, tooltip)| tooltip).collect()
}

/// An HTML template filled with its fields' values escaped (the markup is the app's).
fn fill_html(
    doc: &Document,
    source: AnyId,
    html: &str,
    spot: &Spot,
    formatters: &crate::core::Dict<crate::models::FieldFormatter>,
) -> String {
    // Fields are filled one at a time so that only their values are escaped. A name is
    // what BokehJS's `\w` matches: ASCII letters, digits and `_`.
    let mut out = String::new();
    let mut rest = html;
    while let Some(i) = rest.find(['@', '$']) {
        out.push_str(&rest[..i]);
        let end = rest[i + 1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '{' || c == '}'))
            .map_or(rest.len(), |e| i + 1 + e);
        let field = &rest[i..end];
        out.push_str(&crate::format::escape_html(&fill(
            doc, source, field, spot, formatters,
        )));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
