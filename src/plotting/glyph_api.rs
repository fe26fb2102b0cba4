//! The glyph methods of a figure, as Bokeh's `GlyphAPI`: `plot.scatter(doc, source,
//! Scatter { .. })` adds the glyph and its renderer. A fill or line colour left at the
//! model's default becomes Bokeh's glyph colour (#1f77b4), text black, as `figure`'s
//! methods colour them, unless the glyph comes with Python's `color=` (`Segment { .. }
//! .color("black")`): a builder, like a Python model, keeps only what differs from the
//! model's defaults, so only the glyph method's own argument can say a colour was given.
//! As in Python, a `color` that names a column of the source is that column.

use crate::core::{AnyId, Id, Kind, ModelType, Value};
use crate::document::Document;
use crate::models::{
    AnnularWedge, Annulus, Arc, Bezier, Block, Circle, Ellipse, Figure, GlyphRenderer, HArea,
    HAreaStep, HBar, HSpan, HStrip, HexTile, Image, ImageRGBA, ImageURL, Line, MultiLine,
    MultiPolygons, Ngon, Patch, Patches, Quad, Quadratic, Ray, Rect, Scatter, Segment, SourceId,
    Step, Text, VArea, VAreaStep, VBar, VSpan, VStrip, Wedge,
};

use super::DEFAULT_GLYPH_COLOR;

/// A glyph with the `color=` and `alpha=` of Python's glyph methods: each sets the fill,
/// line, hatch and text colour (alpha) the glyph has, and a colour given this way is
/// never replaced by the figure's, even when it is the model's default.
#[derive(Clone, Debug)]
pub struct Styled<G> {
    glyph: G,
    color: Option<String>,
    alpha: Option<f64>,
    line_color: Option<String>,
}

impl<G> From<G> for Styled<G> {
    fn from(glyph: G) -> Styled<G> {
        Styled {
            glyph,
            color: None,
            alpha: None,
            line_color: None,
        }
    }
}

impl<G> Styled<G> {
    /// Python's `color=`: a CSS colour.
    pub fn color(self, color: &str) -> Styled<G> {
        let color = Some(color.to_owned());
        Styled { color, ..self }
    }

    /// Python's `alpha=`.
    pub fn alpha(self, alpha: f64) -> Styled<G> {
        Styled {
            alpha: Some(alpha),
            ..self
        }
    }

    /// Python's `line_color=` beside `color=`: the outline's colour, which `color` does
    /// not replace. (A builder's own `line_color` is dropped when it is the model's
    /// default, Quad's black for one, so only this can say it.)
    pub fn line_color(self, color: &str) -> Styled<G> {
        let line_color = Some(color.to_owned());
        Styled { line_color, ..self }
    }
}

/// `color` and `alpha` on any glyph builder, for the glyph methods: `p.segment(doc,
/// source, Segment { .. }.color("black"))`, as Python's `p.segment(..., color="black")`.
pub trait GlyphVisuals: Sized {
    /// Python's `color=`.
    fn color(self, color: &str) -> Styled<Self>;
    /// Python's `alpha=`.
    fn alpha(self, alpha: f64) -> Styled<Self>;
}

impl<G: ModelType> GlyphVisuals for G {
    fn color(self, color: &str) -> Styled<G> {
        Styled::from(self).color(color)
    }

    fn alpha(self, alpha: f64) -> Styled<G> {
        Styled::from(self).alpha(alpha)
    }
}

/// Adds `glyph` with Bokeh's figure colours where it has none of its own and was given
/// no `color`, and its renderer.
fn add<G: ModelType>(
    plot: Id<Figure>,
    doc: &mut Document,
    source: SourceId,
    glyph: Styled<G>,
    colors: &[(&str, &str)],
) -> Id<GlyphRenderer> {
    let Styled {
        glyph,
        color,
        alpha,
        line_color,
    } = glyph;
    let glyph = doc.add(glyph).any();
    // As Python's glyph methods read it, a colour that names a column of the source is
    // that column.
    match color.as_deref().filter(|c| doc.column(source, c).is_some()) {
        Some(column) => set_color_field(doc, glyph, column),
        None => set_visuals(doc, glyph, color.as_deref(), None),
    }
    set_visuals(doc, glyph, None, alpha);
    if let Some(line_color) = line_color {
        set_visual(doc, glyph, "line_color", Value::str(line_color));
    }
    for &(attr, default) in colors {
        // Only what differs from the defaults is stored: absent means left at default.
        if color.is_some() || doc.model(glyph).attrs.contains_key(attr) {
            continue;
        }
        set_visual(doc, glyph, attr, Value::str(default));
    }
    // As Python's glyph methods, a nonselection glyph and a muted one always: the glyph
    // at alpha 0.1 and 0.2, made in Python's order (before the renderer).
    let faded = [0.1, 0.2].map(|alpha| {
        let copy = doc.clone_model(glyph);
        set_visuals(doc, copy, None, Some(alpha));
        copy
    });
    let renderer = plot.add_renderer(doc, source, glyph);
    for (role, glyph) in ["nonselection_glyph", "muted_glyph"].into_iter().zip(faded) {
        renderer.set_glyph(doc, role, glyph);
    }
    renderer
}

/// Python's `color` and `alpha`: each colour (alpha) property of the glyph set (an
/// image's `global_alpha` too).
fn set_visuals(doc: &mut Document, glyph: AnyId, color: Option<&str>, alpha: Option<f64>) {
    let visuals = [color.map(Value::str), alpha.map(Value::Float)];
    for (suffix, value) in ["color", "alpha"].into_iter().zip(visuals) {
        let Some(value) = value else { continue };
        let features = ["fill", "line", "hatch", "text", "global"];
        for attr in features.map(|v| format!("{v}_{suffix}")) {
            set_visual(doc, glyph, &attr, value.clone());
        }
    }
}

/// The kind of the glyph's visual property `attr`, if its type has one.
fn visual_kind(doc: &Document, glyph: AnyId, attr: &str) -> Option<&'static Kind> {
    let model_type = &doc.model(glyph).type_name;
    doc.type_schema(model_type)
        .and_then(|t| t.prop(attr))
        .map(|p| p.kind)
}

/// Python's `color` naming a column: each colour property of the glyph that can be a
/// field is that column.
fn set_color_field(doc: &mut Document, glyph: AnyId, column: &str) {
    for attr in ["fill", "line", "hatch", "text"].map(|v| format!("{v}_color")) {
        if matches!(visual_kind(doc, glyph, &attr), Some(Kind::Spec(_))) {
            doc.set_attr(glyph, &attr, Value::field(column))
                .expect("a colour spec takes a field");
        }
    }
}

/// Sets a visual property the glyph has, as a value spec when it is a spec.
fn set_visual(doc: &mut Document, glyph: AnyId, attr: &str, value: Value) {
    let Some(kind) = visual_kind(doc, glyph, attr) else {
        return;
    };
    let value = match kind {
        Kind::Spec(_) => Value::value_spec(value),
        _ => value,
    };
    doc.set_attr(glyph, attr, value)
        .expect("a CSS color or an alpha is a valid visual");
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
                    source: impl Into<SourceId>,
                    glyph: impl Into<Styled<$glyph>>,
                ) -> Id<GlyphRenderer> {
                    add(self, doc, source.into(), glyph.into(), $colors)
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
    /// `p.arc(...)`: arcs of circles.
    arc: Arc, LINE;
    /// `p.bezier(...)`: cubic Bézier curves.
    bezier: Bezier, LINE;
    /// `p.quadratic(...)`: quadratic Bézier curves.
    quadratic: Quadratic, LINE;
    /// `p.hspan(...)`: horizontal lines across the frame.
    hspan: HSpan, LINE;
    /// `p.vspan(...)`: vertical lines across the frame.
    vspan: VSpan, LINE;
    /// `p.hstrip(...)`: horizontal bands across the frame.
    hstrip: HStrip, FILL_LINE;
    /// `p.vstrip(...)`: vertical bands across the frame.
    vstrip: VStrip, FILL_LINE;
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
    /// `p.ngon(...)`: regular polygons.
    ngon: Ngon, FILL_LINE;
    /// `p.hex_tile(...)`.
    hex_tile: HexTile, FILL_LINE;
    /// `p.text(...)`.
    text: Text, TEXT;
    /// `p.image(...)`: scalars through the glyph's color mapper.
    image: Image, NONE;
    /// `p.image_rgba(...)`.
    image_rgba: ImageRGBA, NONE;
    /// `p.image_url(...)`: images the page fetches.
    image_url: ImageURL, NONE;
}

impl Id<GlyphRenderer> {
    /// Draws the selected rows with `glyph` (Python's `selection_glyph=`).
    pub fn selection_glyph<G: ModelType>(self, doc: &mut Document, glyph: G) {
        let glyph = doc.add(glyph).any();
        self.set_glyph(doc, "selection_glyph", glyph);
    }

    /// Draws the rows not selected, while some are, with `glyph` (Python's
    /// `nonselection_glyph=`).
    pub fn nonselection_glyph<G: ModelType>(self, doc: &mut Document, glyph: G) {
        let glyph = doc.add(glyph).any();
        self.set_glyph(doc, "nonselection_glyph", glyph);
    }

    /// Draws the selected rows as the glyph in `color` and `alpha` (`None` keeps the
    /// glyph's), as Python's `selection_color=…, selection_alpha=…`.
    pub fn selection_visuals(self, doc: &mut Document, color: Option<&str>, alpha: Option<f64>) {
        self.restyled(doc, "selection_glyph", color, alpha);
    }

    /// Draws the rows not selected, while some are, as the glyph in `color` and `alpha`
    /// (`None` keeps the glyph's colour and Python's 0.1 alpha), as Python's
    /// `nonselection_color=…, nonselection_alpha=…`.
    pub fn nonselection_visuals(self, doc: &mut Document, color: Option<&str>, alpha: Option<f64>) {
        let made = doc
            .get_attr(self.any(), "nonselection_glyph")
            .ok()
            .and_then(|v| v.as_ref_id().and_then(|id| doc.lookup(id)));
        match made {
            // The glyph method's own: restyled where it is, as Python makes only one.
            Some(glyph) => set_visuals(doc, glyph, color, alpha),
            None => self.restyled(doc, "nonselection_glyph", color, alpha),
        }
    }

    /// Draws the rows under a hover tool as the glyph in `color` and `alpha`, as Python's
    /// `hover_color=…, hover_alpha=…`.
    pub fn hover_visuals(self, doc: &mut Document, color: Option<&str>, alpha: Option<f64>) {
        self.restyled(doc, "hover_glyph", color, alpha);
    }

    /// A copy of the renderer's glyph with Python's `color` and `alpha` set, as its
    /// `role` glyph.
    fn restyled(self, doc: &mut Document, role: &str, color: Option<&str>, alpha: Option<f64>) {
        let glyph = doc.clone_model(doc.get(self, GlyphRenderer::GLYPH));
        set_visuals(doc, glyph, color, alpha);
        self.set_glyph(doc, role, glyph);
    }

    fn set_glyph(self, doc: &mut Document, role: &str, glyph: AnyId) {
        doc.set_attr(self.any(), role, doc.reference(glyph))
            .expect("a new glyph is a valid reference");
    }
}
