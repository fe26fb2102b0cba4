//! Hits on a graph, as BokehJS's GraphHitTestPolicy models reach them: a tool's hit tests
//! the graph's node renderer or its edge renderer (whichever its policy names), where
//! the layout places them, and the policy adds what is linked to the rows hit: the edges
//! at hit nodes (`NodesAndLinkedEdges`), the nodes at the ends of hit edges
//! (`EdgesAndLinkedNodes`), the nodes an edge joins to hit nodes
//! (`NodesAndAdjacentNodes`). Selection tools follow the graph's `selection_policy`, the
//! hover its `inspection_policy`; both are `NodesOnly` unless set.
//!
//! A hover describes only the rows its hit test found; the rows its policy links to them
//! are inspected too (drawn with their hover glyphs), as BokehJS inspects them without
//! a tooltip of their own.
//!
//! Linked rows follow from the rows hit, combined by the tool's mode as the hit rows
//! are; BokehJS links from the whole selection after the hit: the same for a selection
//! that replaces the last (every tap, and a box by default).

use crate::core::{AnyId, Id, Value};

use super::hover::Hit;
use crate::document::Document;
use crate::models::{Figure, GlyphRenderer, GraphRenderer};

/// Which hits a graph's policy makes (Bokeh's GraphHitTestPolicy subclasses).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Policy {
    NodesOnly,
    EdgesOnly,
    NodesAndLinkedEdges,
    EdgesAndLinkedNodes,
    NodesAndAdjacentNodes,
}

impl Policy {
    /// The graph's policy `attr` (`selection_policy` or `inspection_policy`): Bokeh's
    /// default, `NodesOnly`, unless it names another.
    fn of(doc: &Document, graph: Id<GraphRenderer>, attr: &str) -> Policy {
        let named = match doc.get_attr(graph.any(), attr) {
            Ok(Value::Ref(id)) => doc.lookup(&id).map(|p| doc.model(p).type_name.as_str()),
            _ => None,
        };
        match named {
            Some("EdgesOnly") => Policy::EdgesOnly,
            Some("NodesAndLinkedEdges") => Policy::NodesAndLinkedEdges,
            Some("EdgesAndLinkedNodes") => Policy::EdgesAndLinkedNodes,
            Some("NodesAndAdjacentNodes") => Policy::NodesAndAdjacentNodes,
            _ => Policy::NodesOnly,
        }
    }

    fn hits_edges(self) -> bool {
        matches!(self, Policy::EdgesOnly | Policy::EdgesAndLinkedNodes)
    }
}

/// What a hit is for: a selection tool's, or a hover's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A tap, box or lasso selecting (the graph's `selection_policy`).
    Select,
    /// A hover inspecting (the graph's `inspection_policy`).
    Inspect,
}

/// One of a figure's graphs, as a tool reaches it.
pub(super) struct Reach {
    pub graph: AnyId,
    nodes: Id<GlyphRenderer>,
    edges: Id<GlyphRenderer>,
    policy: Policy,
}

impl Reach {
    /// The renderer a hit tests: the nodes', or the edges'.
    pub fn tested(&self) -> Id<GlyphRenderer> {
        if self.policy.hits_edges() {
            self.edges
        } else {
            self.nodes
        }
    }

    /// The hits `rows` of the tested renderer make by the policy: those rows, and the
    /// rows linked to them of either renderer.
    pub fn linked(&self, doc: &Document, rows: Vec<usize>) -> Vec<(Id<GlyphRenderer>, Vec<usize>)> {
        let source = |r: Id<GlyphRenderer>| doc.get(r, GlyphRenderer::DATA_SOURCE);
        let index = doc.cells(source(self.nodes), "index");
        let start = doc.cells(source(self.edges), "start");
        let end = doc.cells(source(self.edges), "end");
        // The node cells of `rows`, and the node rows whose cell is among `cells`.
        let names =
            |rows: &[usize]| -> Vec<&Value> { rows.iter().filter_map(|&i| index.get(i)).collect() };
        let rows_named = |cells: &[&Value]| -> Vec<usize> {
            let mut found: Vec<usize> = cells
                .iter()
                .filter_map(|c| index.iter().position(|i| same(i, c)))
                .collect();
            found.sort_unstable();
            found.dedup();
            found
        };
        let ends = || start.iter().zip(&end);
        match self.policy {
            Policy::NodesOnly | Policy::EdgesOnly => vec![(self.tested(), rows)],
            Policy::NodesAndLinkedEdges => {
                let hit = names(&rows);
                let at = |c: &Value| hit.iter().any(|h| same(h, c));
                let edges = ends()
                    .enumerate()
                    .filter(|(_, (s, e))| at(s) || at(e))
                    .map(|(i, _)| i)
                    .collect();
                vec![(self.nodes, rows), (self.edges, edges)]
            }
            Policy::EdgesAndLinkedNodes => {
                let cells: Vec<&Value> = rows
                    .iter()
                    .filter_map(|&i| Some([start.get(i)?, end.get(i)?]))
                    .flatten()
                    .collect();
                vec![(self.edges, rows), (self.nodes, rows_named(&cells))]
            }
            Policy::NodesAndAdjacentNodes => {
                let hit = names(&rows);
                let at = |c: &Value| hit.iter().any(|h| same(h, c));
                // Each edge at a hit node brings both its ends (BokehJS's adjacent nodes
                // and the hit nodes that have an edge); with none, the hit nodes stay.
                let cells: Vec<&Value> = ends()
                    .filter(|(s, e)| at(s) || at(e))
                    .flat_map(|(s, e)| [s, e])
                    .collect();
                let nodes = if cells.is_empty() {
                    rows
                } else {
                    rows_named(&cells)
                };
                vec![(self.nodes, nodes)]
            }
        }
    }
}

/// Whether two cells name the same node, as JavaScript's `===` compares them: numbers as
/// numbers (an int and a float alike), text as text.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Str(a), Value::Str(b)) => a == b,
        (Value::Str(_), _) | (_, Value::Str(_)) => false,
        _ => a.as_f64().is_some_and(|a| Some(a) == b.as_f64()),
    }
}

/// The figure's visible graphs (those `only` names, else all) with both renderers, as a
/// tool for `purpose` reaches them.
pub(super) fn graphs(
    doc: &Document,
    figure: Id<Figure>,
    only: &[AnyId],
    purpose: Purpose,
) -> Vec<Reach> {
    let attr = match purpose {
        Purpose::Select => "selection_policy",
        Purpose::Inspect => "inspection_policy",
    };
    doc.get(figure, Figure::RENDERERS)
        .into_iter()
        .filter(|r| only.is_empty() || only.contains(r))
        .filter_map(|r| doc.typed_id::<GraphRenderer>(doc.model_id(r)))
        .filter(|g| doc.get(*g, GraphRenderer::VISIBLE))
        .filter_map(|g| {
            Some(Reach {
                graph: g.any(),
                nodes: doc.get(g, GraphRenderer::NODE_RENDERER)?,
                edges: doc.get(g, GraphRenderer::EDGE_RENDERER)?,
                policy: Policy::of(doc, g, attr),
            })
        })
        .collect()
}

/// The rows a hover's `hits` inspect through the figure's graphs' inspection policies
/// (the hits' own rows among them), per renderer.
pub fn linked_inspection(
    doc: &Document,
    figure: Id<Figure>,
    only: &[AnyId],
    hits: &[Hit],
) -> Vec<(Id<GlyphRenderer>, Vec<usize>)> {
    graphs(doc, figure, only, Purpose::Inspect)
        .iter()
        .flat_map(|g| {
            let rows: Vec<usize> = hits
                .iter()
                .filter(|h| h.renderer == g.tested())
                .map(|h| h.index)
                .collect();
            if rows.is_empty() {
                Vec::new()
            } else {
                g.linked(doc, rows)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_cells_compare_as_javascript_compares_them() {
        assert!(same(&Value::Int(1), &Value::Float(1.0)));
        assert!(same(&Value::str("a"), &Value::str("a")));
        assert!(!same(&Value::Int(1), &Value::str("1")));
        assert!(!same(&Value::Int(1), &Value::Int(2)));
    }
}
