//! `figure(tools="pan,wheel_zoom,…")` as Bokeh's `bokeh.plotting` reads it: tool names
//! (Bokeh's aliases) become tool models, made as Python's `Tool.from_string` makes them
//! (the drag tools with their overlays), gathered in the figure's Toolbar, with the
//! `active_*` arguments naming tools of the string and `tooltips` configuring a
//! HoverTool.

use crate::core::{AnyId, Id, Value};
use crate::document::Document;
use crate::models::AutoOr;
use crate::models::{
    AreaVisuals, BoxAnnotation, BoxInteractionHandles, BoxSelectTool, BoxZoomTool, CoordinateUnits,
    CrosshairTool, DashPattern, Dimensions, Figure, HelpTool, HoverTool, LassoSelectTool, PanTool,
    PolyAnnotation, PolySelectTool, RangeTool, RedoTool, RenderLevel, ResetTool, SaveTool,
    TapBehavior, TapGesture, TapTool, Toolbar, Tooltips, UndoTool, WheelZoomTool, ZoomInTool,
    ZoomOutTool,
};

/// Bokeh 3.9's `figure()` tools when none are given.
pub const DEFAULT_TOOLS: &str = "pan,wheel_zoom,auto_box_zoom,save,reset,help";

/// Every tool name `tools=` takes (Bokeh's aliases rokeh makes).
pub const TOOL_NAMES: &[&str] = &[
    "pan",
    "xpan",
    "ypan",
    "wheel_zoom",
    "xwheel_zoom",
    "ywheel_zoom",
    "zoom_in",
    "xzoom_in",
    "yzoom_in",
    "zoom_out",
    "xzoom_out",
    "yzoom_out",
    "click",
    "tap",
    "doubletap",
    "crosshair",
    "xcrosshair",
    "ycrosshair",
    "box_select",
    "xbox_select",
    "ybox_select",
    "poly_select",
    "lasso_select",
    "box_zoom",
    "xbox_zoom",
    "ybox_zoom",
    "auto_box_zoom",
    "save",
    "reset",
    "help",
    "hover",
];

/// Which tool an `active_drag`/`active_scroll`/`active_tap`/`active_inspect` argument
/// makes active.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Active {
    /// Bokeh's "auto": the page picks (the first tool of the kind; every inspector).
    #[default]
    Auto,
    /// No tool of the kind is active.
    None,
    /// The tool made for this name of the `tools` string.
    Named(String),
}

impl From<&str> for Active {
    fn from(name: &str) -> Active {
        match name {
            "auto" => Active::Auto,
            name => Active::Named(name.to_owned()),
        }
    }
}

/// The arguments of `figure()` that build its toolbar.
#[derive(Clone, Debug, PartialEq)]
pub struct ToolArgs<'a> {
    /// Comma-separated tool names (`tools`).
    pub tools: &'a str,
    /// `tooltips`: set on the first HoverTool, or on a new one added last.
    pub tooltips: Option<&'a Tooltips>,
    /// `active_drag`.
    pub active_drag: &'a Active,
    /// `active_scroll`.
    pub active_scroll: &'a Active,
    /// `active_tap`.
    pub active_tap: &'a Active,
    /// `active_inspect`.
    pub active_inspect: &'a Active,
}

/// A `tools=` argument Bokeh would refuse.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ToolsError {
    /// A name that is no tool's.
    #[error("unexpected tool name {name:?}, similar tools are {similar}")]
    UnknownTool {
        /// The name given.
        name: String,
        /// Known names sharing its last word, or every known name.
        similar: String,
    },
    /// An `active_*` argument naming a tool the `tools` string does not.
    #[error(
        "got unknown {name:?} for {arg:?}, which was not a string supplied in 'tools' argument"
    )]
    UnknownActive {
        /// Which argument (`active_drag`, …).
        arg: &'static str,
        /// The name given.
        name: String,
    },
}

fn unknown(name: &str) -> ToolsError {
    let word = name.rsplit('_').next().unwrap_or(name).to_ascii_lowercase();
    let mut similar: Vec<&str> = TOOL_NAMES
        .iter()
        .copied()
        .filter(|known| known.contains(&word))
        .collect();
    if similar.is_empty() {
        similar = TOOL_NAMES.to_vec();
    }
    ToolsError::UnknownTool {
        name: name.to_owned(),
        similar: similar.join(", "),
    }
}

/// The overlay Bokeh gives a box tool: a dashed grey box, drawn by the page only.
fn box_overlay(doc: &mut Document, canvas_units: bool) -> AnyId {
    let units = if canvas_units {
        CoordinateUnits::Canvas
    } else {
        CoordinateUnits::Data
    };
    let overlay = BoxAnnotation {
        line_width: 2.0,
        line_dash: DashPattern(vec![4.0, 4.0]),
        visible: false,
        left_units: units,
        right_units: units,
        top_units: units,
        bottom_units: units,
        editable: !canvas_units,
        ..overlay_box(doc)
    };
    doc.add(overlay).any()
}

/// What Bokeh's box tools' and RangeTool's overlays share: a grey box over the plot
/// with a dashed black outline, not synced, its edges unset, and Bokeh's handles.
fn overlay_box(doc: &mut Document) -> BoxAnnotation {
    let all = doc.add(AreaVisuals {
        fill_color: Some("white".into()),
        hover_fill_color: Some("lightgray".into()),
    });
    let handles = doc.add(BoxInteractionHandles { all: all.any() });
    let nan = Some(Value::Float(f64::NAN));
    BoxAnnotation {
        syncable: false,
        line_color: Some("black".into()),
        line_alpha: 1.0,
        fill_color: Some("lightgrey".into()),
        fill_alpha: 0.5,
        level: RenderLevel::Overlay,
        left: nan.clone(),
        right: nan.clone(),
        top: nan.clone(),
        bottom: nan,
        handles: Some(handles.any()),
        ..BoxAnnotation::default()
    }
}

/// Bokeh's `RangeTool(x_range=…, y_range=…)`, with the overlay Python gives it (a thin
/// dashed box): add it to the plot that shows the box with `p.add_tool(doc, tool)`.
///
/// ```
/// use rokeh::models::{Figure, RangeTool};
/// use rokeh::plotting::{figure, range_tool, FigureArgs};
///
/// let mut doc = rokeh::Document::new();
/// let detail = figure(&mut doc, FigureArgs { x_range: (10.0, 20.0).into(), ..FigureArgs::default() });
/// let overview = figure(&mut doc, FigureArgs::default());
/// let x_range = doc.get(detail, Figure::X_RANGE);
/// let tool = range_tool(&mut doc, x_range, None);
/// overview.add_tool(&mut doc, tool);
/// assert_eq!(doc.get(tool, RangeTool::X_RANGE), x_range);
/// ```
pub fn range_tool(
    doc: &mut Document,
    x_range: Option<AnyId>,
    y_range: Option<AnyId>,
) -> Id<RangeTool> {
    let overlay = BoxAnnotation {
        line_width: 0.5,
        line_dash: DashPattern(vec![2.0, 2.0]),
        editable: true,
        ..overlay_box(doc)
    };
    let overlay = doc.add(overlay).any();
    doc.add(RangeTool {
        x_range,
        y_range,
        overlay: Some(overlay),
        ..RangeTool::default()
    })
}

/// The overlay Bokeh gives a lasso or polygon select tool.
fn poly_overlay(doc: &mut Document) -> AnyId {
    doc.add(PolyAnnotation {
        syncable: false,
        level: RenderLevel::Overlay,
        visible: false,
        editable: true,
        line_color: Some("black".into()),
        line_alpha: 1.0,
        line_width: 2.0,
        line_dash: DashPattern(vec![4.0, 4.0]),
        fill_color: Some("lightgrey".into()),
        fill_alpha: 0.5,
        ..PolyAnnotation::default()
    })
    .any()
}

/// The kinds of tool a name makes.
#[derive(Clone, Copy)]
enum Kind {
    Pan,
    WheelZoom,
    ZoomIn,
    ZoomOut,
    Tap(TapBehavior, TapGesture),
    Crosshair,
    BoxSelect,
    PolySelect,
    LassoSelect,
    BoxZoom(AutoOr<Dimensions>),
    Save,
    Reset,
    Undo,
    Redo,
    Help,
    Hover,
}

/// What Bokeh's alias `name` makes: the tool and its dimensions.
fn kind_of(name: &str) -> Option<(Kind, Dimensions)> {
    use Dimensions::{Both, Height, Width};
    let axis = |prefix: &str| match prefix {
        "x" => Width,
        "y" => Height,
        _ => Both,
    };
    let (prefix, base) = match (name.strip_prefix('x'), name.strip_prefix('y')) {
        (Some(rest), _) => ("x", rest),
        (_, Some(rest)) => ("y", rest),
        _ => ("", name),
    };
    let dims = axis(prefix);
    let with_axes = match base {
        "pan" => Some(Kind::Pan),
        "wheel_zoom" => Some(Kind::WheelZoom),
        "zoom_in" => Some(Kind::ZoomIn),
        "zoom_out" => Some(Kind::ZoomOut),
        "crosshair" => Some(Kind::Crosshair),
        "box_select" => Some(Kind::BoxSelect),
        "box_zoom" => Some(Kind::BoxZoom(AutoOr::Value(dims))),
        _ => None,
    };
    if let Some(kind) = with_axes {
        return Some((kind, dims));
    }
    let kind = match name {
        "click" => Kind::Tap(TapBehavior::Inspect, TapGesture::Tap),
        "tap" => Kind::Tap(TapBehavior::Select, TapGesture::Tap),
        "doubletap" => Kind::Tap(TapBehavior::Select, TapGesture::DoubleTap),
        "poly_select" => Kind::PolySelect,
        "lasso_select" => Kind::LassoSelect,
        "auto_box_zoom" => Kind::BoxZoom(AutoOr::Auto),
        "save" => Kind::Save,
        "reset" => Kind::Reset,
        "undo" => Kind::Undo,
        "redo" => Kind::Redo,
        "help" => Kind::Help,
        "hover" => Kind::Hover,
        _ => return None,
    };
    Some((kind, Both))
}

/// The tool Bokeh's `Tool.from_string(name)` makes, added to the document.
pub fn tool_from_name(doc: &mut Document, name: &str) -> Result<AnyId, ToolsError> {
    let (kind, dimensions) = kind_of(name).ok_or_else(|| unknown(name))?;
    let any = match kind {
        Kind::Pan => doc
            .add(PanTool {
                dimensions,
                ..PanTool::default()
            })
            .any(),
        Kind::WheelZoom => doc
            .add(WheelZoomTool {
                dimensions,
                ..WheelZoomTool::default()
            })
            .any(),
        Kind::ZoomIn => doc
            .add(ZoomInTool {
                dimensions,
                ..ZoomInTool::default()
            })
            .any(),
        Kind::ZoomOut => doc
            .add(ZoomOutTool {
                dimensions,
                ..ZoomOutTool::default()
            })
            .any(),
        Kind::Crosshair => doc
            .add(CrosshairTool {
                dimensions,
                ..CrosshairTool::default()
            })
            .any(),
        Kind::BoxSelect => {
            let overlay = Some(box_overlay(doc, false));
            doc.add(BoxSelectTool {
                dimensions,
                overlay,
                ..BoxSelectTool::default()
            })
            .any()
        }
        Kind::BoxZoom(dimensions) => {
            let overlay = Some(box_overlay(doc, true));
            doc.add(BoxZoomTool {
                dimensions,
                overlay,
                ..BoxZoomTool::default()
            })
            .any()
        }
        Kind::Tap(behavior, gesture) => doc
            .add(TapTool {
                behavior,
                gesture,
                ..TapTool::default()
            })
            .any(),
        Kind::PolySelect => {
            let overlay = Some(poly_overlay(doc));
            doc.add(PolySelectTool {
                overlay,
                ..PolySelectTool::default()
            })
            .any()
        }
        Kind::LassoSelect => {
            let overlay = Some(poly_overlay(doc));
            doc.add(LassoSelectTool {
                overlay,
                ..LassoSelectTool::default()
            })
            .any()
        }
        Kind::Save => doc.add(SaveTool::default()).any(),
        Kind::Reset => doc.add(ResetTool::default()).any(),
        Kind::Undo => doc.add(UndoTool::default()).any(),
        Kind::Redo => doc.add(RedoTool::default()).any(),
        Kind::Help => doc.add(HelpTool::default()).any(),
        Kind::Hover => doc.add(HoverTool::default()).any(),
    };
    Ok(any)
}

/// The names of a `tools` string.
fn names(tools: &str) -> impl Iterator<Item = &str> {
    tools.split(',').map(str::trim).filter(|n| !n.is_empty())
}

/// Refuses what `toolbar` would, before anything is added: an unknown tool name, or an
/// `active_*` argument naming a tool the string does not.
pub(super) fn check<'a>(
    tools: &str,
    actives: impl IntoIterator<Item = (&'static str, &'a Active)>,
) -> Result<(), ToolsError> {
    if let Some(bad) = names(tools).find(|n| kind_of(n).is_none()) {
        return Err(unknown(bad));
    }
    for (arg, active) in actives {
        if let Active::Named(name) = active {
            if !names(tools).any(|n| n == name) {
                return Err(ToolsError::UnknownActive {
                    arg,
                    name: name.clone(),
                });
            }
        }
    }
    Ok(())
}

/// The Toolbar `figure()` makes from its tool arguments, added to the document.
pub fn toolbar(doc: &mut Document, args: &ToolArgs) -> Result<Id<Toolbar>, ToolsError> {
    let mut tools = Vec::new();
    let mut by_name: Vec<(&str, AnyId)> = Vec::new();
    for name in names(args.tools) {
        let tool = tool_from_name(doc, name)?;
        tools.push(tool);
        by_name.push((name, tool));
    }
    if let Some(tooltips) = args.tooltips {
        let hover = tools
            .iter()
            .find_map(|t| doc.typed_id::<HoverTool>(doc.model_id(*t)));
        match hover {
            Some(t) => doc
                .set(t, HoverTool::TOOLTIPS, Some(tooltips.clone()))
                .expect("tooltips are a HoverTool's"),
            None => tools.push(
                doc.add(HoverTool {
                    tooltips: Some(tooltips.clone()),
                    ..HoverTool::default()
                })
                .any(),
            ),
        }
    }
    let pick = |arg: &'static str, active: &Active| -> Result<AutoOr<Option<AnyId>>, ToolsError> {
        match active {
            Active::Auto => Ok(AutoOr::Auto),
            Active::None => Ok(AutoOr::Value(None)),
            Active::Named(name) => by_name
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, t)| AutoOr::Value(Some(*t)))
                .ok_or_else(|| ToolsError::UnknownActive {
                    arg,
                    name: name.clone(),
                }),
        }
    };
    let active_drag = pick("active_drag", args.active_drag)?;
    let active_scroll = pick("active_scroll", args.active_scroll)?;
    let active_tap = pick("active_tap", args.active_tap)?;
    let active_inspect = match pick("active_inspect", args.active_inspect)? {
        AutoOr::Auto => Value::str("auto"),
        AutoOr::Value(None) => Value::Null,
        AutoOr::Value(Some(t)) => doc.reference(t),
    };
    Ok(doc.add(Toolbar {
        tools,
        active_drag,
        active_scroll,
        active_tap,
        active_inspect,
        ..Toolbar::default()
    }))
}

impl Id<Figure> {
    /// Adds tools by name to the figure's toolbar, as Bokeh's `p.add_tools("tap", …)`;
    /// returns them.
    pub fn add_tools(self, doc: &mut Document, names_str: &str) -> Result<Vec<AnyId>, ToolsError> {
        check(names_str, [])?;
        let mut added = Vec::new();
        for name in names(names_str) {
            added.push(tool_from_name(doc, name)?);
        }
        for &tool in &added {
            self.add_tool(doc, tool);
        }
        Ok(added)
    }

    /// Adds a tool model to the figure's toolbar, as Bokeh's `p.add_tools(tool)`.
    pub fn add_tool(self, doc: &mut Document, tool: impl Into<AnyId>) {
        let toolbar = match doc.get(self, Figure::TOOLBAR) {
            Some(t) => t,
            None => {
                let t = doc.add(Toolbar::default()).any();
                doc.set(self, Figure::TOOLBAR, Some(t))
                    .expect("a new toolbar is a valid reference");
                t
            }
        };
        let id = doc.model_id(toolbar).clone();
        let toolbar = doc
            .typed_id::<Toolbar>(&id)
            .expect("a figure's toolbar is a Toolbar");
        let mut tools = doc.get(toolbar, Toolbar::TOOLS);
        tools.push(tool.into());
        doc.set(toolbar, Toolbar::TOOLS, tools)
            .expect("a tool is a valid reference");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_name_makes_a_tool_and_others_are_refused() {
        let mut doc = Document::new();
        for name in TOOL_NAMES {
            assert!(tool_from_name(&mut doc, name).is_ok(), "{name}");
        }
        for bad in ["xhover", "zoom", "Pan", "xsave", "box"] {
            let err = tool_from_name(&mut doc, bad).unwrap_err();
            assert!(matches!(err, ToolsError::UnknownTool { .. }), "{bad}");
        }
        let err = tool_from_name(&mut doc, "wheel_zom").unwrap_err();
        assert!(err.to_string().contains("wheel_zoom"), "{err}");
    }
}
