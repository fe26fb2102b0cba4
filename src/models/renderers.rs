//! Renderers: what a plot draws in its frame: glyphs, graphs (a glyph for the nodes and
//! one for the edges, placed by a layout provider) and contours (one for the filled bands,
//! one for the lines).

use crate::core::{AnyId, Id, Ids, Kind, PropType, Value};

use super::props::AutoOr;
use super::SourceId;

models! {
    /// Draws a glyph with the columns of a data source; selected rows with
    /// `selection_glyph`, the others (while some are selected) with `nonselection_glyph`,
    /// and everything with `muted_glyph` while muted. "auto" is the glyph itself, faded
    /// as BokehJS fades it.
    pub struct GlyphRenderer("GlyphRenderer") {
        data_source: SourceId,
        glyph: AnyId,
        view: Option<AnyId> = None,
        visible: bool = true,
        muted: bool = false,
        selection_glyph: Option<AutoOr<AnyId>> = Some(AutoOr::Auto),
        nonselection_glyph: Option<AutoOr<AnyId>> = Some(AutoOr::Auto),
        hover_glyph: Option<AnyId> = None,
        muted_glyph: Option<AutoOr<AnyId>> = Some(AutoOr::Auto),
        x_range_name: String = "default",
        y_range_name: String = "default",
    }

    /// Draws a graph, as Bokeh's `GraphRenderer` (what `from_networkx` makes): the edges
    /// with `edge_renderer`'s glyph (a MultiLine or Patches) from each row's `start` node
    /// to its `end` node, then the nodes with `node_renderer`'s glyph, each row (its
    /// `index`) where `layout_provider` places it.
    pub struct GraphRenderer("GraphRenderer") {
        /// The edges' renderer (Python makes one for every graph; none draws no graph).
        edge_renderer: Option<Id<GlyphRenderer>> = None,
        /// The nodes' renderer (likewise).
        node_renderer: Option<Id<GlyphRenderer>> = None,
        layout_provider: Id<StaticLayoutProvider>,
        /// What a selection tool's hit selects: one of the policies below (`None` gets
        /// Bokeh's default, a new `NodesOnly`).
        selection_policy: Option<AnyId> = None,
        /// What a hover's hit inspects, likewise.
        inspection_policy: Option<AnyId> = None,
        visible: bool = true,
        x_range_name: String = "default",
        y_range_name: String = "default",
    }

    /// Filled contours and contour lines, as Python's `p.contour(x, y, z, levels, …)`
    /// computes them: polygons between levels drawn by `fill_renderer` (MultiPolygons),
    /// then lines at the levels by `line_renderer` (MultiLine).
    pub struct ContourRenderer("ContourRenderer") {
        fill_renderer: Id<GlyphRenderer>,
        line_renderer: Id<GlyphRenderer>,
        levels: Vec<f64> = Vec::new(),
        visible: bool = true,
        x_range_name: String = "default",
        y_range_name: String = "default",
    }

    /// A graph hit on its nodes reaches those nodes (Bokeh's default).
    pub struct NodesOnly("NodesOnly") {}

    /// A graph hit on its edges reaches those edges.
    pub struct EdgesOnly("EdgesOnly") {}

    /// A graph hit on its nodes reaches them and the edges that start or end at them.
    pub struct NodesAndLinkedEdges("NodesAndLinkedEdges") {}

    /// A graph hit on its edges reaches them and the nodes at their ends.
    pub struct EdgesAndLinkedNodes("EdgesAndLinkedNodes") {}

    /// A graph hit on its nodes reaches them and the nodes an edge joins them to.
    pub struct NodesAndAdjacentNodes("NodesAndAdjacentNodes") {}

    /// A graph's node positions, fixed: Bokeh's `StaticLayoutProvider(graph_layout=…)`.
    pub struct StaticLayoutProvider("StaticLayoutProvider") {
        graph_layout: GraphLayout = GraphLayout::default(),
    }
}

impl GlyphRenderer {
    /// A renderer drawing `glyph` with the columns of `source`, with Bokeh's defaults.
    pub fn new(source: impl Into<SourceId>, glyph: AnyId) -> GlyphRenderer {
        GlyphRenderer {
            data_source: source.into(),
            glyph,
            view: None,
            visible: true,
            muted: false,
            selection_glyph: Some(AutoOr::Auto),
            nonselection_glyph: Some(AutoOr::Auto),
            hover_glyph: None,
            muted_glyph: Some(AutoOr::Auto),
            x_range_name: "default".into(),
            y_range_name: "default".into(),
        }
    }
}

/// A node of a graph as its layout and its sources name it: Bokeh's `Int` or `String`.
#[derive(Clone, Debug, PartialEq)]
pub enum NodeKey {
    /// A numbered node (networkx's usual).
    Int(i64),
    /// A named node.
    Text(String),
}

impl NodeKey {
    /// Whether `v` (a source's `index`, `start` or `end` cell) names this node: numbers
    /// as numbers, text as text, and a number written as text ("0") as that number, as
    /// BokehJS's lookups in a dict with string keys find them.
    pub fn names(&self, v: &Value) -> bool {
        match (self, v) {
            (NodeKey::Text(t), Value::Str(s)) => t == s,
            (NodeKey::Int(i), Value::Str(s)) => s.parse::<f64>().ok() == Some(*i as f64),
            (NodeKey::Text(t), v) => v.as_f64().is_some_and(|n| t.parse::<f64>().ok() == Some(n)),
            (NodeKey::Int(i), v) => v.as_f64() == Some(*i as f64),
        }
    }
}

/// Each node's (x, y), as a StaticLayoutProvider's `graph_layout` holds them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GraphLayout(pub Vec<(NodeKey, (f64, f64))>);

impl PropType for GraphLayout {
    const KIND: Kind = Kind::Dict(
        &Kind::Either(&[Kind::Int, Kind::String]),
        &Kind::List(&Kind::Number),
    );
    fn to_value(self, _: &dyn Ids) -> Value {
        Value::Map(
            self.0
                .into_iter()
                .map(|(key, (x, y))| {
                    let key = match key {
                        NodeKey::Int(i) => Value::Int(i),
                        NodeKey::Text(t) => Value::Str(t),
                    };
                    (key, Value::List(vec![Value::Float(x), Value::Float(y)]))
                })
                .collect(),
        )
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<GraphLayout> {
        let key = |k: &Value| match k {
            Value::Str(t) => Some(NodeKey::Text(t.clone())),
            Value::Int(i) => Some(NodeKey::Int(*i)),
            Value::Float(f) if f.fract() == 0.0 => Some(NodeKey::Int(*f as i64)),
            _ => None,
        };
        let position = |v: &Value| match Vec::<f64>::from_value(v, ids)?.as_slice() {
            [x, y, ..] => Some((*x, *y)),
            _ => None,
        };
        let entries = match v {
            Value::Map(entries) => entries
                .iter()
                .map(|(k, v)| Some((key(k)?, position(v)?)))
                .collect::<Option<_>>()?,
            Value::Object(fields) => fields
                .iter()
                .map(|(k, v)| Some((NodeKey::Text(k.clone()), position(v)?)))
                .collect::<Option<_>>()?,
            _ => return None,
        };
        Some(GraphLayout(entries))
    }
}
