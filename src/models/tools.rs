//! Tools: a plot's Toolbar and the tools in it (pan, zooms, reset, save, selections,
//! crosshair, hover, range, help), a grid's ToolProxy standing for several of them, with the overlays the drag tools draw (a BoxAnnotation, a
//! PolyAnnotation) and the box handles Bokeh gives such overlays. Every property
//! default is Bokeh's; what the page does with them lives in `crate::interact` and
//! `web/toolbar.rs`.

use crate::core::{AnyId, Color, Dict, Ids, Kind, PropType, Value};

use super::enums::{
    BoxOrigin, CoordinateUnits, Dimensions, HoverMode, LinePolicy, Logo, PointPolicy,
    RangeStartGesture, RenderLevel, SelectionMode, TapBehavior, TapGesture,
};
use super::props::{AutoOr, DashPattern};

/// A HoverTool's `tooltips`: (label, template) rows, one HTML template for the whole
/// tooltip, or Bokeh's DOM models. Templates name columns `@col{format}` and specials
/// `$x`, `$y`, `$index`, …
#[derive(Clone, Debug, PartialEq)]
pub enum Tooltips {
    /// One row per pair: the label, and what to show.
    Rows(Vec<(String, String)>),
    /// An HTML template, filled in as the rows' templates are.
    Template(String),
    /// A `bokeh.models.dom` element (`HTML`, `Div`, `Template`, …) whose `ValueRef`s,
    /// `ColorRef`s and `Index`es show the row's values.
    Element(AnyId),
}

impl Tooltips {
    /// Rows from (label, template) pairs: `Tooltips::rows([("y", "@y{0.00}")])`.
    pub fn rows<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Tooltips {
        Tooltips::Rows(
            pairs
                .into_iter()
                .map(|(l, t)| (l.to_owned(), t.to_owned()))
                .collect(),
        )
    }

    /// Bokeh's default: the row index, data and screen coordinates.
    pub fn bokeh_default() -> Tooltips {
        Tooltips::rows([
            ("index", "$index"),
            ("data (x, y)", "($x, $y)"),
            ("screen (x, y)", "($sx, $sy)"),
        ])
    }
}

impl PropType for Tooltips {
    const KIND: Kind = Kind::Either(&[
        Kind::Instance("bokeh.models.dom.DOMElement"),
        Kind::String,
        Kind::List(&Kind::Tuple(&[Kind::String, Kind::String])),
    ]);
    fn to_value(self, ids: &dyn Ids) -> Value {
        match self {
            Tooltips::Rows(rows) => rows.to_value(ids),
            Tooltips::Template(html) => Value::Str(html),
            Tooltips::Element(element) => element.to_value(ids),
        }
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<Tooltips> {
        match v {
            Value::Str(html) => Some(Tooltips::Template(html.clone())),
            Value::Ref(_) => AnyId::from_value(v, ids).map(Tooltips::Element),
            v => Vec::<(String, String)>::from_value(v, ids).map(Tooltips::Rows),
        }
    }
}

/// How a HoverTool writes a field (its `formatters`, per field): one of Bokeh's
/// formatters by name ("numeral", "printf", "datetime"), or a `CustomJSHover`, whose
/// JavaScript rokeh does not run (its fields are written as numbers are).
#[derive(Clone, Debug, PartialEq)]
pub enum FieldFormatter {
    /// "numeral", "printf" or "datetime".
    Named(String),
    /// A CustomJSHover model.
    Custom(AnyId),
}

impl From<&str> for FieldFormatter {
    fn from(name: &str) -> FieldFormatter {
        FieldFormatter::Named(name.to_owned())
    }
}

impl PropType for FieldFormatter {
    const KIND: Kind = Kind::Either(&[
        Kind::Enum(&["numeral", "datetime", "printf"]),
        Kind::Instance("CustomJSHover"),
    ]);
    fn to_value(self, ids: &dyn Ids) -> Value {
        match self {
            FieldFormatter::Named(name) => Value::Str(name),
            FieldFormatter::Custom(model) => model.to_value(ids),
        }
    }
    fn from_value(v: &Value, ids: &dyn Ids) -> Option<FieldFormatter> {
        match v {
            Value::Str(name) => Some(FieldFormatter::Named(name.clone())),
            v => AnyId::from_value(v, ids).map(FieldFormatter::Custom),
        }
    }
}

models! {
    /// The tools of a plot and which of them are active. `"auto"` leaves the choice to
    /// the page, as BokehJS makes it: the first drag, scroll and tap tool, every inspector.
    pub struct Toolbar("Toolbar") {
        tools: Vec<AnyId> = Vec::new(),
        /// The active drag tool (pan, box zoom, box or lasso select), "auto" or none.
        active_drag: AutoOr<Option<AnyId>> = AutoOr::Auto,
        /// The active scroll tool (wheel zoom), "auto" or none.
        active_scroll: AutoOr<Option<AnyId>> = AutoOr::Auto,
        /// The active tap tool, "auto" or none.
        active_tap: AutoOr<Option<AnyId>> = AutoOr::Auto,
        /// The active inspectors (hover, crosshair): "auto", none, one or a list.
        active_inspect: Value = Value::str("auto"),
        /// Shown only while the pointer is over the plot.
        autohide: bool = false,
        /// The mark at the toolbar's start (rokeh's, where BokehJS shows Bokeh's), or none.
        logo: Option<Logo> = Some(Logo::Normal),
    }

    /// One button for several tools of one kind, as `gridplot` merges its plots' tools:
    /// pressing it presses each of them.
    pub struct ToolProxy("ToolProxy") {
        tools: Vec<AnyId> = Vec::new(),
        active: bool = false,
        disabled: bool = false,
    }

    /// Drags the view: moves the ranges by the dragged distance.
    pub struct PanTool("PanTool") {
        dimensions: Dimensions = Dimensions::Both,
        description: Option<String> = None,
        visible: bool = true,
    }

    /// Zooms about the pointer with the mouse wheel (or a pinch).
    pub struct WheelZoomTool("WheelZoomTool") {
        dimensions: Dimensions = Dimensions::Both,
        /// Over an axis, zoom that axis alone.
        zoom_on_axis: bool = true,
        /// Stop at a range's bounds rather than shift the view.
        maintain_focus: bool = true,
        /// Zoom factor per wheel unit (a pixel of `deltaY`).
        speed: f64 = 1.0 / 600.0,
        renderers: AutoOr<Vec<AnyId>> = AutoOr::Auto,
        description: Option<String> = None,
        visible: bool = true,
    }

    /// Zooms to a dragged box, drawn with `overlay` while dragging.
    pub struct BoxZoomTool("BoxZoomTool") {
        /// "auto": both, or one dimension when the drag is mostly along it.
        dimensions: AutoOr<Dimensions> = AutoOr::Auto,
        overlay: Option<AnyId> = None,
        match_aspect: bool = false,
        origin: BoxOrigin = BoxOrigin::Corner,
        description: Option<String> = None,
        visible: bool = true,
    }

    /// Zooms in about the frame's centre by `factor` when pressed.
    pub struct ZoomInTool("ZoomInTool") {
        dimensions: Dimensions = Dimensions::Both,
        factor: f64 = 0.1,
        renderers: AutoOr<Vec<AnyId>> = AutoOr::Auto,
        description: Option<String> = None,
        visible: bool = true,
    }

    /// Zooms out about the frame's centre by `factor` when pressed.
    pub struct ZoomOutTool("ZoomOutTool") {
        dimensions: Dimensions = Dimensions::Both,
        factor: f64 = 0.1,
        maintain_focus: bool = true,
        renderers: AutoOr<Vec<AnyId>> = AutoOr::Auto,
        description: Option<String> = None,
        visible: bool = true,
    }

    /// Puts the ranges back where they were first drawn, and clears selections.
    pub struct ResetTool("ResetTool") {
        description: Option<String> = None,
        visible: bool = true,
    }

    /// Takes the ranges back to where they were before the last pan or zoom (Bokeh's
    /// `UndoTool`).
    pub struct UndoTool("UndoTool") {
        description: Option<String> = None,
        visible: bool = true,
    }

    /// Takes the ranges forward to where the last undone pan or zoom left them (Bokeh's
    /// `RedoTool`).
    pub struct RedoTool("RedoTool") {
        description: Option<String> = None,
        visible: bool = true,
    }

    /// Downloads a PNG of the plot, named `filename` (asked for when none).
    pub struct SaveTool("SaveTool") {
        filename: Option<String> = None,
        description: Option<String> = None,
        visible: bool = true,
    }

    /// Selects (or inspects) the glyph under a tap.
    pub struct TapTool("TapTool") {
        behavior: TapBehavior = TapBehavior::Select,
        gesture: TapGesture = TapGesture::Tap,
        mode: SelectionMode = SelectionMode::Toggle,
        renderers: AutoOr<Vec<AnyId>> = AutoOr::Auto,
        /// Run in the page for each source a tap hits (a `CustomJS`, an `OpenURL`, ...).
        callback: Option<AnyId> = None,
        description: Option<String> = None,
        visible: bool = true,
    }

    /// Selects the points inside a dragged box.
    pub struct BoxSelectTool("BoxSelectTool") {
        dimensions: Dimensions = Dimensions::Both,
        overlay: Option<AnyId> = None,
        origin: BoxOrigin = BoxOrigin::Corner,
        mode: SelectionMode = SelectionMode::Replace,
        /// Select while dragging, not only at the end.
        continuous: bool = false,
        persistent: bool = false,
        greedy: bool = false,
        renderers: AutoOr<Vec<AnyId>> = AutoOr::Auto,
        description: Option<String> = None,
        visible: bool = true,
    }

    /// Selects the points inside a free-hand loop.
    pub struct LassoSelectTool("LassoSelectTool") {
        overlay: Option<AnyId> = None,
        mode: SelectionMode = SelectionMode::Replace,
        continuous: bool = true,
        persistent: bool = false,
        greedy: bool = false,
        renderers: AutoOr<Vec<AnyId>> = AutoOr::Auto,
        description: Option<String> = None,
        visible: bool = true,
    }

    /// Selects the points inside a polygon tapped out vertex by vertex (a double tap
    /// closes it).
    pub struct PolySelectTool("PolySelectTool") {
        overlay: Option<AnyId> = None,
        mode: SelectionMode = SelectionMode::Replace,
        persistent: bool = false,
        greedy: bool = false,
        renderers: AutoOr<Vec<AnyId>> = AutoOr::Auto,
        description: Option<String> = None,
        visible: bool = true,
    }

    /// Lines across the frame through the pointer.
    pub struct CrosshairTool("CrosshairTool") {
        dimensions: Dimensions = Dimensions::Both,
        line_color: Color = "black",
        line_alpha: f64 = 1.0,
        line_width: f64 = 1.0,
        description: Option<String> = None,
        visible: bool = true,
    }

    /// A tooltip for the data under the pointer.
    pub struct HoverTool("HoverTool") {
        tooltips: Option<Tooltips> = Some(Tooltips::bokeh_default()),
        /// Per field (`"@date"`): "numeral", "datetime", "printf" or a CustomJSHover.
        formatters: Dict<FieldFormatter> = Dict::default(),
        mode: HoverMode = HoverMode::Mouse,
        line_policy: LinePolicy = LinePolicy::Nearest,
        point_policy: PointPolicy = PointPolicy::SnapToData,
        renderers: AutoOr<Vec<AnyId>> = AutoOr::Auto,
        /// Run in the page as the pointer moves, for each renderer inspected.
        callback: Option<AnyId> = None,
        show_arrow: bool = true,
        description: Option<String> = None,
        visible: bool = true,
    }

    /// Shows `x_range` (and/or `y_range`), as a rule another plot's, as a box over this
    /// plot: dragging the box moves them, dragging its edges resizes them, and with
    /// `start_gesture` "pan" a drag elsewhere in the frame draws them anew.
    pub struct RangeTool("RangeTool") {
        x_range: Option<AnyId> = None,
        y_range: Option<AnyId> = None,
        x_interaction: bool = true,
        y_interaction: bool = true,
        overlay: Option<AnyId> = None,
        start_gesture: RangeStartGesture = RangeStartGesture::None,
        description: Option<String> = None,
        visible: bool = true,
    }

    /// Opens Bokeh's documentation of the tools.
    pub struct HelpTool("HelpTool") {
        description: Option<String> =
            Some("Click the question mark to learn more about Bokeh plot tools.".into()),
        redirect: String =
            "https://docs.bokeh.org/en/latest/docs/user_guide/interaction/tools.html",
        visible: bool = true,
    }

    /// A polygon drawn over the plot: a lasso's or poly select's outline.
    pub struct PolyAnnotation("PolyAnnotation") {
        xs: Vec<f64> = Vec::new(),
        ys: Vec<f64> = Vec::new(),
        xs_units: CoordinateUnits = CoordinateUnits::Data,
        ys_units: CoordinateUnits = CoordinateUnits::Data,
        editable: bool = false,
        fill_color: Option<Color> = Some("#fff9ba".into()),
        fill_alpha: f64 = 0.4,
        line_color: Option<Color> = Some("#cccccc".into()),
        line_alpha: f64 = 0.3,
        line_width: f64 = 1.0,
        line_dash: DashPattern = DashPattern::SOLID,
        level: RenderLevel = RenderLevel::Annotation,
        syncable: bool = true,
        visible: bool = true,
    }

    /// The look of a box annotation's handles.
    pub struct AreaVisuals("AreaVisuals") {
        fill_color: Option<Color> = Some("gray".into()),
        hover_fill_color: Option<Color> = Some("gray".into()),
    }

    /// The handles an editable box annotation is moved and resized by.
    pub struct BoxInteractionHandles("BoxInteractionHandles") {
        all: AnyId,
    }
}
