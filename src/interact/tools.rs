//! A toolbar's tools as BokehJS's Toolbar sees them: which gesture each answers, its
//! button's tooltip (Bokeh's tool names, with the axis for one-dimensional tools), and
//! which are active at first (`active_*`, "auto" picking the first of each gesture).

use crate::core::{AnyId, Id, Value};
use crate::document::Document;
use crate::models::{AutoOr, Dimensions, Figure, Logo, ToolProxy, Toolbar};

/// The tools rokeh knows, by Bokeh type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToolKind {
    /// PanTool.
    Pan,
    /// WheelZoomTool.
    WheelZoom,
    /// BoxZoomTool.
    BoxZoom,
    /// ZoomInTool.
    ZoomIn,
    /// ZoomOutTool.
    ZoomOut,
    /// ResetTool.
    Reset,
    /// UndoTool.
    Undo,
    /// RedoTool.
    Redo,
    /// SaveTool.
    Save,
    /// TapTool.
    Tap,
    /// BoxSelectTool.
    BoxSelect,
    /// LassoSelectTool.
    LassoSelect,
    /// PolySelectTool.
    PolySelect,
    /// CrosshairTool.
    Crosshair,
    /// HoverTool.
    Hover,
    /// HelpTool.
    Help,
    /// RangeTool.
    Range,
}

/// Each kind's Bokeh type.
const TYPES: [(ToolKind, &str); 17] = [
    (ToolKind::Pan, "PanTool"),
    (ToolKind::WheelZoom, "WheelZoomTool"),
    (ToolKind::BoxZoom, "BoxZoomTool"),
    (ToolKind::ZoomIn, "ZoomInTool"),
    (ToolKind::ZoomOut, "ZoomOutTool"),
    (ToolKind::Reset, "ResetTool"),
    (ToolKind::Undo, "UndoTool"),
    (ToolKind::Redo, "RedoTool"),
    (ToolKind::Save, "SaveTool"),
    (ToolKind::Tap, "TapTool"),
    (ToolKind::BoxSelect, "BoxSelectTool"),
    (ToolKind::LassoSelect, "LassoSelectTool"),
    (ToolKind::PolySelect, "PolySelectTool"),
    (ToolKind::Crosshair, "CrosshairTool"),
    (ToolKind::Hover, "HoverTool"),
    (ToolKind::Help, "HelpTool"),
    (ToolKind::Range, "RangeTool"),
];

/// What a tool's button does: make it the active tool of a gesture, or act at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gesture {
    /// Pointer drags (pan, box zoom, box and lasso select).
    Drag,
    /// The wheel (and pinch).
    Scroll,
    /// Taps (tap, polygon select).
    Tap,
    /// Pointer moves (hover, crosshair); several may be active.
    Inspect,
    /// A press does it (zoom in/out, reset, save, help).
    Action,
    /// A drag on what it draws, whichever tool is active (a RangeTool's box); no button
    /// (BokehJS's turns it off and on: rokeh's is always on).
    Overlay,
}

impl ToolKind {
    /// The kind of a Bokeh tool type, if rokeh knows it.
    pub fn of(type_name: &str) -> Option<ToolKind> {
        TYPES.iter().find(|(_, t)| *t == type_name).map(|&(k, _)| k)
    }

    /// The Bokeh type of tools of this kind.
    pub fn type_name(self) -> &'static str {
        TYPES
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("", |&(_, t)| t)
    }

    /// BokehJS's `tool_name`.
    pub fn name(self) -> &'static str {
        match self {
            ToolKind::Pan => "Pan",
            ToolKind::WheelZoom => "Wheel Zoom",
            ToolKind::BoxZoom => "Box Zoom",
            ToolKind::ZoomIn => "Zoom In",
            ToolKind::ZoomOut => "Zoom Out",
            ToolKind::Reset => "Reset",
            ToolKind::Undo => "Undo",
            ToolKind::Redo => "Redo",
            ToolKind::Save => "Save",
            ToolKind::Tap => "Tap",
            ToolKind::BoxSelect => "Box Select",
            ToolKind::LassoSelect => "Lasso Select",
            ToolKind::PolySelect => "Poly Select",
            ToolKind::Crosshair => "Crosshair",
            ToolKind::Hover => "Hover",
            ToolKind::Help => "Help",
            ToolKind::Range => "Range Tool",
        }
    }

    /// The gesture it answers.
    pub fn gesture(self) -> Gesture {
        match self {
            ToolKind::Pan | ToolKind::BoxZoom | ToolKind::BoxSelect | ToolKind::LassoSelect => {
                Gesture::Drag
            }
            ToolKind::WheelZoom => Gesture::Scroll,
            ToolKind::Tap | ToolKind::PolySelect => Gesture::Tap,
            ToolKind::Crosshair | ToolKind::Hover => Gesture::Inspect,
            ToolKind::ZoomIn
            | ToolKind::ZoomOut
            | ToolKind::Reset
            | ToolKind::Undo
            | ToolKind::Redo
            | ToolKind::Save
            | ToolKind::Help => Gesture::Action,
            ToolKind::Range => Gesture::Overlay,
        }
    }
}

/// The keys a wheel tool needs held (its `modifiers`): each of alt, ctrl and shift it
/// names must be down (`Some(true)`) or up (`Some(false)`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Modifiers {
    /// Alt.
    pub alt: Option<bool>,
    /// Ctrl.
    pub ctrl: Option<bool>,
    /// Shift.
    pub shift: Option<bool>,
}

impl Modifiers {
    /// Tool `tool`'s `modifiers`.
    pub fn of(doc: &Document, tool: AnyId) -> Modifiers {
        let map = doc.get_attr(tool, "modifiers").unwrap_or(Value::Null);
        let key = |name: &str| map.map_get(name).and_then(Value::as_bool);
        Modifiers {
            alt: key("alt"),
            ctrl: key("ctrl"),
            shift: key("shift"),
        }
    }

    /// Names no key.
    pub fn is_empty(&self) -> bool {
        *self == Modifiers::default()
    }

    /// Whether the keys held (alt, ctrl, shift) are as these say, as BokehJS's
    /// `satisfies_modifiers`.
    pub fn met(&self, (alt, ctrl, shift): (bool, bool, bool)) -> bool {
        [(self.alt, alt), (self.ctrl, ctrl), (self.shift, shift)]
            .iter()
            .all(|(wanted, held)| wanted.is_none_or(|w| w == *held))
    }
}

/// A toolbar's buttons as BokehJS's Toolbar shows them: in groups, a divider between
/// them, gestures by the event they answer (drags, the wheel, taps) each sorted by
/// BokehJS's `default_order`, then the actions and the inspectors in the order given.
pub fn toolbar_groups(tools: &[ToolInfo]) -> Vec<Vec<ToolInfo>> {
    const GROUPS: [Gesture; 5] = [
        Gesture::Drag,
        Gesture::Scroll,
        Gesture::Tap,
        Gesture::Action,
        Gesture::Inspect,
    ];
    // BokehJS's default_order of the gesture tools rokeh has (0: kept in the given order).
    const ORDERS: [u8; 6] = [0, 10, 11, 12, 20, 30];
    let order = |kind: ToolKind| match kind {
        ToolKind::Pan | ToolKind::WheelZoom | ToolKind::Tap => 10,
        ToolKind::PolySelect => 11,
        ToolKind::LassoSelect => 12,
        ToolKind::BoxZoom => 20,
        ToolKind::BoxSelect => 30,
        _ => 0,
    };
    // Picked out group by group and order by order, not sorted: a page's toolbar has a
    // handful of tools, and a sort would bring its code into every page.
    GROUPS
        .iter()
        .map(|&g| {
            ORDERS
                .iter()
                .flat_map(|&o| {
                    tools
                        .iter()
                        .filter(move |t| t.kind.gesture() == g && order(t.kind) == o)
                })
                .cloned()
                .collect::<Vec<_>>()
        })
        .filter(|group| !group.is_empty())
        .collect()
}

/// How many items of a toolbar strip, their lengths along it given in order (its logo's,
/// then its buttons'), fit in `room` CSS pixels, as BokehJS's Toolbar fits them: the
/// first whose end passes the room less 15 px (its overflow button's) and all after it
/// go to the overflow menu.
pub fn items_fitting(lengths: &[f64], room: f64) -> usize {
    let mut end = 0.0;
    lengths
        .iter()
        .take_while(|length| {
            end += *length;
            end <= room - 15.0
        })
        .count()
}

/// One tool of a toolbar (or a ToolProxy standing for several alike tools).
#[derive(Clone, Debug, PartialEq)]
pub struct ToolInfo {
    /// The tool (or proxy) model.
    pub model: AnyId,
    /// Its kind (a proxy's: its tools').
    pub kind: ToolKind,
    /// Its button's tooltip (and accessible name): the description, else BokehJS's.
    pub tooltip: String,
    /// The tools its button works: a proxy's, else the tool itself.
    pub tools: Vec<AnyId>,
}

/// BokehJS's tooltip of a tool: its `description`, else its name with the axis it
/// works along.
fn tooltip(doc: &Document, tool: AnyId, kind: ToolKind) -> String {
    if let Some(d) = doc
        .get_attr(tool, "description")
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
    {
        return d;
    }
    let dims = doc
        .get_attr(tool, "dimensions")
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned));
    match dims.as_deref() {
        Some("width") => format!("{} (x-axis)", kind.name()),
        Some("height") => format!("{} (y-axis)", kind.name()),
        Some("auto") => format!("{} (either x, y or both dimensions)", kind.name()),
        _ => kind.name().to_owned(),
    }
}

/// A figure's toolbar, read: its tools (those rokeh knows) and which are active.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tools {
    /// The tools, in the toolbar's order.
    pub tools: Vec<ToolInfo>,
    /// The active drag tool.
    pub drag: Option<AnyId>,
    /// The active scroll tool.
    pub scroll: Option<AnyId>,
    /// The active tap tool.
    pub tap: Option<AnyId>,
    /// The active inspectors.
    pub inspect: Vec<AnyId>,
    /// How the toolbar shows its logo, if at all.
    pub logo: Option<Logo>,
}

impl Tools {
    /// The tools of `figure`'s toolbar, the active ones as its `active_*` say ("auto":
    /// the first of each gesture, every inspector).
    pub fn of(doc: &Document, figure: Id<Figure>) -> Tools {
        doc.get(figure, Figure::TOOLBAR)
            .map_or_else(Tools::default, |t| Tools::of_toolbar(doc, t))
    }

    /// The tools of a Toolbar (a figure's or a grid's, whose ToolProxies each stand for
    /// their tools, the first one's kind and tooltip theirs), the active ones as its
    /// `active_*` say.
    pub fn of_toolbar(doc: &Document, toolbar: AnyId) -> Tools {
        let Some(toolbar) = doc.typed_id::<Toolbar>(doc.model_id(toolbar)) else {
            return Tools::default();
        };
        let tools: Vec<ToolInfo> = doc
            .get(toolbar, Toolbar::TOOLS)
            .into_iter()
            .filter_map(|model| {
                let tools = match doc.typed_id::<ToolProxy>(doc.model_id(model)) {
                    Some(proxy) => doc.get(proxy, ToolProxy::TOOLS),
                    None => vec![model],
                };
                let first = *tools.first()?;
                let kind = ToolKind::of(&doc.model(first).type_name)?;
                Some(ToolInfo {
                    model,
                    kind,
                    tooltip: tooltip(doc, first, kind),
                    tools,
                })
            })
            .collect();
        let first = |g: Gesture| {
            tools
                .iter()
                .find(|t| t.kind.gesture() == g)
                .map(|t| t.model)
        };
        let pick = |active: AutoOr<Option<AnyId>>, g: Gesture| match active {
            AutoOr::Auto => first(g),
            AutoOr::Value(v) => v,
        };
        // BokehJS 3 makes a wheel tool active by itself only if it needs keys held
        // (`modifiers`): a plain one would take the page's scrolling.
        let scroll = match doc.get(toolbar, Toolbar::ACTIVE_SCROLL) {
            AutoOr::Auto => tools
                .iter()
                .find(|t| t.kind.gesture() == Gesture::Scroll)
                .filter(|t| !Modifiers::of(doc, t.tools[0]).is_empty())
                .map(|t| t.model),
            AutoOr::Value(v) => v,
        };
        let inspect = match doc.get(toolbar, Toolbar::ACTIVE_INSPECT) {
            Value::Ref(id) => doc.lookup(&id).into_iter().collect(),
            Value::List(items) => items
                .iter()
                .filter_map(|v| match v {
                    Value::Ref(id) => doc.lookup(id),
                    _ => None,
                })
                .collect(),
            Value::Null => Vec::new(),
            _ => tools
                .iter()
                .filter(|t| t.kind.gesture() == Gesture::Inspect)
                .map(|t| t.model)
                .collect(),
        };
        Tools {
            drag: pick(doc.get(toolbar, Toolbar::ACTIVE_DRAG), Gesture::Drag),
            scroll,
            tap: pick(doc.get(toolbar, Toolbar::ACTIVE_TAP), Gesture::Tap),
            inspect,
            tools,
            logo: doc.get(toolbar, Toolbar::LOGO),
        }
    }

    /// Tool (or proxy) `model`'s entry, if it is one of these.
    pub fn entry(&self, model: AnyId) -> Option<&ToolInfo> {
        self.tools.iter().find(|t| t.model == model)
    }

    /// The kind of tool `model`, if it is one of these.
    pub fn kind(&self, model: AnyId) -> Option<ToolKind> {
        self.entry(model).map(|t| t.kind)
    }

    /// Whether `model` is active.
    pub fn is_active(&self, model: AnyId) -> bool {
        [self.drag, self.scroll, self.tap].contains(&Some(model)) || self.inspect.contains(&model)
    }

    /// Makes `model` active (the active one of its gesture) or not, as BokehJS's tool
    /// `active` property does when a ToolProxy sets it.
    pub fn set_active(&mut self, model: AnyId, on: bool) {
        if self.is_active(model) != on {
            self.toggle(model);
        }
    }

    /// A press of `model`'s button: an inactive gesture tool becomes its gesture's active
    /// one, an active one goes off (BokehJS's toggling); inspectors toggle alone.
    pub fn toggle(&mut self, model: AnyId) {
        let Some(kind) = self.kind(model) else { return };
        let slot = match kind.gesture() {
            Gesture::Drag => &mut self.drag,
            Gesture::Scroll => &mut self.scroll,
            Gesture::Tap => &mut self.tap,
            Gesture::Inspect => {
                if let Some(i) = self.inspect.iter().position(|m| *m == model) {
                    self.inspect.remove(i);
                } else {
                    self.inspect.push(model);
                }
                return;
            }
            Gesture::Action | Gesture::Overlay => return,
        };
        *slot = if *slot == Some(model) {
            None
        } else {
            Some(model)
        };
    }
}

/// The dimensions property of a tool, Bokeh's default (both) when unreadable.
pub fn dimensions(doc: &Document, tool: AnyId) -> Dimensions {
    doc.get_attr(tool, "dimensions")
        .ok()
        .and_then(|v| v.as_str().and_then(Dimensions::from_name))
        .unwrap_or(Dimensions::Both)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plotting::{figure, Active, FigureArgs};

    #[test]
    fn the_default_toolbar_reads_as_bokehjs_shows_it() {
        let mut doc = Document::new();
        let fig = figure(&mut doc, FigureArgs::default());
        let mut tools = Tools::of(&doc, fig);
        let names: Vec<&str> = tools.tools.iter().map(|t| t.tooltip.as_str()).collect();
        assert_eq!(
            names,
            [
                "Pan",
                "Wheel Zoom",
                "Box Zoom (either x, y or both dimensions)",
                "Save",
                "Reset",
                "Click the question mark to learn more about Bokeh plot tools.",
            ]
        );
        let pan = tools.tools[0].model;
        let box_zoom = tools.tools[2].model;
        assert_eq!(tools.drag, Some(pan));
        // A wheel zoom needing no keys is not made active by "auto" (BokehJS 3).
        assert_eq!(tools.scroll, None);
        assert_eq!(tools.tap, None);
        tools.toggle(box_zoom);
        assert!(tools.is_active(box_zoom) && !tools.is_active(pan));
        tools.toggle(box_zoom);
        assert_eq!(tools.drag, None);
    }

    #[test]
    fn a_wheel_tool_needing_keys_is_active_by_itself_and_zooms_only_with_them() {
        let mut doc = Document::new();
        let fig = figure(&mut doc, FigureArgs::default());
        let wheel = Tools::of(&doc, fig).tools[1].model;
        let ctrl = Value::Map(vec![(Value::str("ctrl"), Value::Bool(true))]);
        doc.set_attr(wheel, "modifiers", ctrl).unwrap();
        assert_eq!(Tools::of(&doc, fig).scroll, Some(wheel));
        let keys = Modifiers::of(&doc, wheel);
        assert!(keys.met((false, true, false)) && keys.met((true, true, true)));
        assert!(!keys.met((false, false, false)));
        assert!(Modifiers::default().met((true, false, true)));
    }

    #[test]
    fn a_toolbar_fits_its_items_as_bokehjs_keeping_room_for_the_overflow_button() {
        // A logo (25 px), two buttons, a group's first button (31 px), one more.
        let lengths = [25.0, 30.0, 30.0, 31.0, 30.0];
        assert_eq!(items_fitting(&lengths, 400.0), 5);
        // 146 px: the last ends at exactly 146 - 15.
        assert_eq!(items_fitting(&lengths, 161.0), 5);
        assert_eq!(items_fitting(&lengths, 160.0), 4);
        assert_eq!(items_fitting(&lengths, 99.0), 2);
        assert_eq!(items_fitting(&lengths, 30.0), 0);
    }

    #[test]
    fn toolbar_groups_are_bokehjs_s() {
        let kinds = |tools: &str| {
            let mut doc = Document::new();
            let tools = tools.to_owned();
            let fig = figure(
                &mut doc,
                FigureArgs {
                    tools,
                    ..FigureArgs::default()
                },
            );
            toolbar_groups(&Tools::of(&doc, fig).tools)
                .iter()
                .map(|g| g.iter().map(|t| t.kind).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        };
        use ToolKind::*;
        // figure()'s default: box zoom is a drag as pan is, after it; the wheel apart.
        assert_eq!(
            kinds("pan,wheel_zoom,box_zoom,save,reset,help"),
            [vec![Pan, BoxZoom], vec![WheelZoom], vec![Save, Reset, Help]]
        );
        // Bokeh's sliders demo: the inspector last, after the actions.
        assert_eq!(
            kinds("crosshair,pan,reset,save,wheel_zoom"),
            [
                vec![Pan],
                vec![WheelZoom],
                vec![Reset, Save],
                vec![Crosshair]
            ]
        );
        assert_eq!(
            kinds("box_select,lasso_select,poly_select,tap,hover"),
            [
                vec![LassoSelect, BoxSelect],
                vec![Tap, PolySelect],
                vec![Hover]
            ]
        );
    }

    #[test]
    fn a_grid_toolbar_reads_its_proxies_as_their_tools() {
        let mut doc = Document::new();
        let figures = [(); 2].map(|_| figure(&mut doc, FigureArgs::default()).any());
        let grid = crate::models::gridplot(&mut doc, [figures.map(Some).to_vec()]);
        let toolbar = doc.get(grid, crate::models::GridPlot::TOOLBAR).unwrap();
        let tools = Tools::of_toolbar(&doc, toolbar);
        let kinds: Vec<ToolKind> = tools.tools.iter().map(|t| t.kind).collect();
        use ToolKind::*;
        assert_eq!(kinds, [Pan, WheelZoom, BoxZoom, Save, Reset, Help]);
        let counts: Vec<usize> = tools.tools.iter().map(|t| t.tools.len()).collect();
        assert_eq!(counts, [2, 2, 2, 1, 2, 2], "one new SaveTool for both");
        assert_eq!(
            tools.tools[2].tooltip,
            "Box Zoom (either x, y or both dimensions)"
        );
        // The pan proxy is the first drag tool: "auto" makes it the active one.
        assert_eq!(tools.drag, Some(tools.tools[0].model));

        let mut own = Tools::of(&doc, doc.typed_id(doc.model_id(figures[0])).unwrap());
        let (pan, box_zoom) = (own.tools[0].model, own.tools[2].model);
        own.set_active(box_zoom, true);
        assert_eq!(own.drag, Some(box_zoom));
        own.set_active(pan, false);
        assert_eq!(own.drag, Some(box_zoom), "pan was off already");
        own.set_active(box_zoom, false);
        assert_eq!(own.drag, None);
    }

    #[test]
    fn active_arguments_and_axes_show() {
        let mut doc = Document::new();
        let fig = figure(
            &mut doc,
            FigureArgs {
                tools: "xpan,box_select,hover,crosshair".into(),
                active_drag: Active::from("box_select"),
                active_inspect: Active::from("hover"),
                ..FigureArgs::default()
            },
        );
        let tools = Tools::of(&doc, fig);
        assert_eq!(tools.tools[0].tooltip, "Pan (x-axis)");
        assert_eq!(tools.drag, Some(tools.tools[1].model));
        assert_eq!(tools.inspect, vec![tools.tools[2].model]);
        assert_eq!(dimensions(&doc, tools.tools[0].model), Dimensions::Width);
    }
}
