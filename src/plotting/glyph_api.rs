//! The glyph methods of a figure, as Bokeh's `GlyphAPI`: `plot.scatter(doc, source,
//! Scatter { .. })` adds the glyph and its renderer. A fill or line colour left at the
//! model's default becomes Bokeh's glyph colour (#1f77b4), text black, as `figure`'s
//! methods colour them.

use crate::core::{Id, Kind, ModelType, Value};
use crate::document::Document;
use crate::models::{
    AnnularWedge, Annulus, AutoOr, Block, Circle, ColumnDataSource, Ellipse, Figure, GlyphRenderer,
    HArea, HAreaStep, HBar, HexTile, Image, ImageRGBA, Line, MultiLine, MultiPolygons, Patch,
    Patches, Quad, Ray, Rect, Scatter, Segment, Step, Text, VArea, VAreaStep, VBar, Wedge,
};

use super::DEFAULT_GLYPH_COLOR;

/// Adds `glyph` with Bokeh's figure colours where it has none of its own, and its
/// renderer.
fn add<G: ModelType>(
    plot: Id<Figure>,
    doc: &mut Document,
    source: Id<ColumnDataSource>,
    glyph: G,
    colors: &[(&str, &str)],
) -> Id<GlyphRenderer> {
    let glyph = doc.add(glyph).any();
    for &(attr, color) in colors {
        // Only what differs from the defaults is stored: absent means left at default.
        if doc.model(glyph).attrs.contains_key(attr) {
            continue;
        }
        let Some(prop) = G::SCHEMA.prop(attr) else {
            continue;
        };
        let value = match prop.kind {
            Kind::Spec(_) => Value::value_spec(Value::str(color)),
            _ => Value::str(color),
        };
        doc.set_attr(glyph, attr, value)
            .expect("a CSS color is a valid color");
    }
    plot.add_renderer(doc, source, glyph)
}

const FILL_LINE: &[(&str, &str)] = &[
    ("fill_color", DEFAULT_GLYPH_COLOR),
    ("line_color", DEFAULT_GLYPH_COLOR),
];
const LINE: &[(&str, &str)] = &[("line_color", DEFAULT_GLYPH_COLOR)];
const FILL: &[(&str, &str)] = &[("fill_color", DEFAULT_GLYPH_COLOR)];
const TEXT: &[(&str, &str)] = &[("text_color", "black")];
const NONE: &[(&str, &str)] = &[];

macro_rules! glyph_methods {
    ($( $(#[$doc:meta])* $method:ident: $glyph:ident, $colors:expr; )*) => {
        impl Id<Figure> {
            $(
                $(#[$doc])*
                pub fn $method(
                    self,
                    doc: &mut Document,
                    source: Id<ColumnDataSource>,
                    glyph: $glyph,
                ) -> Id<GlyphRenderer> {
                    add(self, doc, source, glyph, $colors)
                }
            )*
        }
    };
}

glyph_methods! {
    /// `p.scatter(...)`: markers.
    scatter: Scatter, FILL_LINE;
    /// `p.circle(...)`: circles of a data-unit radius.
    circle: Circle, FILL_LINE;
    /// `p.line(...)`.
    line: Line, LINE;
    /// `p.multi_line(...)`.
    multi_line: MultiLine, LINE;
    /// `p.step(...)`.
    step: Step, LINE;
    /// `p.segment(...)`.
    segment: Segment, LINE;
    /// `p.ray(...)`.
    ray: Ray, LINE;
    /// `p.vbar(...)`.
    vbar: VBar, FILL_LINE;
    /// `p.hbar(...)`.
    hbar: HBar, FILL_LINE;
    /// `p.quad(...)`.
    quad: Quad, FILL_LINE;
    /// `p.rect(...)`.
    rect: Rect, FILL_LINE;
    /// `p.block(...)`.
    block: Block, FILL_LINE;
    /// `p.varea(...)`.
    varea: VArea, FILL;
    /// `p.harea(...)`.
    harea: HArea, FILL;
    /// `p.varea_step(...)`.
    varea_step: VAreaStep, FILL;
    /// `p.harea_step(...)`.
    harea_step: HAreaStep, FILL;
    /// `p.patch(...)`.
    patch: Patch, FILL_LINE;
    /// `p.patches(...)`.
    patches: Patches, FILL_LINE;
    /// `p.multi_polygons(...)`.
    multi_polygons: MultiPolygons, FILL_LINE;
    /// `p.wedge(...)`.
    wedge: Wedge, FILL_LINE;
    /// `p.annular_wedge(...)`.
    annular_wedge: AnnularWedge, FILL_LINE;
    /// `p.annulus(...)`.
    annulus: Annulus, FILL_LINE;
    /// `p.ellipse(...)`.
    ellipse: Ellipse, FILL_LINE;
    /// `p.hex_tile(...)`.
    hex_tile: HexTile, FILL_LINE;
    /// `p.text(...)`.
    text: Text, TEXT;
    /// `p.image(...)`: scalars through the glyph's color mapper.
    image: Image, NONE;
    /// `p.image_rgba(...)`.
    image_rgba: ImageRGBA, NONE;
}

impl Id<GlyphRenderer> {
    /// Draws the selected rows with `glyph` (Python's `selection_color=…`,
    /// `selection_alpha=…`, or `selection_glyph=`).
    pub fn selection_glyph<G: ModelType>(self, doc: &mut Document, glyph: G) {
        let glyph = doc.add(glyph).any();
        doc.set(
            self,
            GlyphRenderer::SELECTION_GLYPH,
            Some(AutoOr::Value(glyph)),
        )
        .expect("a new glyph is a valid reference");
    }

    /// Draws the rows not selected, while some are, with `glyph` (Python's
    /// `nonselection_alpha=…`, or `nonselection_glyph=`).
    pub fn nonselection_glyph<G: ModelType>(self, doc: &mut Document, glyph: G) {
        let glyph = doc.add(glyph).any();
        doc.set(
            self,
            GlyphRenderer::NONSELECTION_GLYPH,
            Some(AutoOr::Value(glyph)),
        )
        .expect("a new glyph is a valid reference");
    }
}
