//! GraphRenderer: a graph's edges and nodes, each drawn by a GlyphRenderer of its own
//! (edges first, under the nodes), placed where the graph's layout provider puts them,
//! as BokehJS's GraphRendererView places them: each node (a row of the node source) at
//! the position its `index` has in a StaticLayoutProvider's `graph_layout`, each edge
//! from its `start` node to its `end` node, or along its own `xs`/`ys` when its source
//! has them and both ends are laid out.

use crate::core::{AnyId, NdArray, Value};
use crate::models::GraphLayout;

use super::ranges::FactorMap;
use super::read::Reader;
use super::renderer::{part_of, RendererView};
use super::RenderError;

/// Where the layout places the node a source cell names.
fn position(layout: &GraphLayout, cell: &Value) -> Option<(f64, f64)> {
    layout
        .0
        .iter()
        .find(|(key, _)| key.names(cell))
        .map(|(_, p)| *p)
}

/// The cells of column `name` of a renderer's source.
fn cells(r: Reader<'_>, renderer: AnyId, name: &str) -> Result<Vec<Value>, RenderError> {
    let source = r.reference(renderer, "data_source")?;
    Ok(source.map_or_else(Vec::new, |s| r.doc.cells(s, name)))
}

/// The graph's edge and node renderers, read with their placed coordinates (none when
/// the graph is hidden).
pub(crate) fn read<'d>(
    r: Reader<'d>,
    graph: AnyId,
    factors: (Option<&FactorMap>, Option<&FactorMap>),
) -> Result<Vec<RendererView<'d>>, RenderError> {
    if !r.flag(graph, "visible")? {
        return Ok(Vec::new());
    }
    let provider = r
        .reference(graph, "layout_provider")?
        .filter(|p| r.type_name(*p) == "StaticLayoutProvider")
        .ok_or_else(|| r.bad(graph, "layout_provider", "a StaticLayoutProvider"))?;
    let layout: GraphLayout = r.get(provider, "graph_layout")?;
    let (edges, nodes) = (
        part_of(r, graph, "edge_renderer")?,
        part_of(r, graph, "node_renderer")?,
    );

    let nowhere = (f64::NAN, f64::NAN);
    let (x, y): (Vec<f64>, Vec<f64>) = cells(r, nodes, "index")?
        .iter()
        .map(|cell| position(&layout, cell).unwrap_or(nowhere))
        .unzip();
    let numbers = |column: Vec<f64>| Value::Array(NdArray::from(column));
    let node_coords = [("x", placed(numbers(x))), ("y", placed(numbers(y)))];

    let (starts, ends) = (cells(r, edges, "start")?, cells(r, edges, "end")?);
    let source = r.reference(edges, "data_source")?;
    let path = |name| source.and_then(|s| r.doc.column(s, name));
    let paths = path("xs").zip(path("ys"));
    let row = |column: &Value, i: usize| match column {
        Value::List(items) => items.get(i).cloned(),
        _ => None,
    };
    let (xs, ys): (Vec<Value>, Vec<Value>) = starts
        .into_iter()
        .zip(ends)
        .enumerate()
        .map(|(i, (start, end))| {
            let (a, b) = (position(&layout, &start), position(&layout, &end));
            let own = paths.filter(|_| a.is_some() && b.is_some());
            match own.and_then(|(xs, ys)| row(xs, i).zip(row(ys, i))) {
                Some(path) => path,
                None => {
                    let (a, b) = (a.unwrap_or(nowhere), b.unwrap_or(nowhere));
                    (numbers(vec![a.0, b.0]), numbers(vec![a.1, b.1]))
                }
            }
        })
        .unzip();
    let edge_coords = [
        ("xs", placed(Value::List(xs))),
        ("ys", placed(Value::List(ys))),
    ];

    let mut views = Vec::new();
    for (renderer, coords) in [(edges, &edge_coords), (nodes, &node_coords)] {
        views.extend(RendererView::read_placed(r, renderer, factors, coords)?);
    }
    Ok(views)
}

/// A spec override of coordinates the renderer places (see `specs::Source::Placed`).
fn placed(column: Value) -> Value {
    Value::Object(vec![
        ("type".into(), Value::str("placed")),
        ("value".into(), column),
    ])
}
