//! Bokeh's `gridplot(…)`: plots on a grid with one toolbar for all of them. As Python's,
//! it takes the plots' toolbars away (`toolbar_location` null) and gives the grid one
//! Toolbar of their tools, the alike ones (same type, same properties but their overlay
//! and renderers) merged into a ToolProxy each, and one new SaveTool for all the saves.

use std::collections::HashSet;

use crate::core::{AnyId, Id, NoIds, PropType, Value};
use crate::document::Document;

use super::enums::{Place, SizingMode};
use super::layouts::{GridChild, GridPlot};
use super::tools::{ToolProxy, Toolbar};

/// `gridplot`'s keyword arguments, Bokeh's defaults by `Default`.
#[derive(Clone, Debug, PartialEq)]
pub struct GridplotArgs {
    /// Where the grid's toolbar goes; `None`: no toolbar shown.
    pub toolbar_location: Option<Place>,
    /// Gather the plots' tools into the grid's toolbar (their own ones go away).
    pub merge_tools: bool,
    /// Every item's width.
    pub width: Option<i64>,
    /// Every item's height.
    pub height: Option<i64>,
    /// The grid's sizing mode, given to the items that size themselves.
    pub sizing_mode: Option<SizingMode>,
}

impl Default for GridplotArgs {
    fn default() -> GridplotArgs {
        GridplotArgs {
            toolbar_location: Some(Place::Above),
            merge_tools: true,
            width: None,
            height: None,
            sizing_mode: None,
        }
    }
}

/// Bokeh's `gridplot(rows)`: each inner list is a row of the grid; `None` leaves its
/// cell empty. The plots' tools are merged into the grid's toolbar, above it.
pub fn gridplot(
    doc: &mut Document,
    rows: impl IntoIterator<Item = Vec<Option<AnyId>>>,
) -> Id<GridPlot> {
    gridplot_with(doc, rows, GridplotArgs::default())
}

/// Bokeh's `gridplot(rows, toolbar_location=…, merge_tools=…, width=…, height=…,
/// sizing_mode=…)`.
pub fn gridplot_with(
    doc: &mut Document,
    rows: impl IntoIterator<Item = Vec<Option<AnyId>>>,
    args: GridplotArgs,
) -> Id<GridPlot> {
    let mut children = Vec::new();
    let mut toolbars = Vec::new();
    for (r, cells) in rows.into_iter().enumerate() {
        for (c, item) in cells.into_iter().enumerate() {
            let Some(item) = item else { continue };
            if args.merge_tools {
                for plot in plots_in(doc, item) {
                    toolbars.extend(reference(doc, plot, "toolbar"));
                    set(doc, plot, "toolbar_location", Value::Null);
                }
            }
            if let Some(width) = args.width {
                set(doc, item, "width", Value::Int(width));
            }
            if let Some(height) = args.height {
                set(doc, item, "height", Value::Int(height));
            }
            if let Some(mode) = args.sizing_mode.filter(|_| sizes_itself(doc, item)) {
                set(doc, item, "sizing_mode", mode.to_value(&NoIds));
            }
            children.push(GridChild::at(item, r as i64, c as i64));
        }
    }
    let toolbar = merged_toolbar(doc, &toolbars, args.merge_tools);
    doc.add(GridPlot {
        children,
        toolbar: Some(toolbar),
        toolbar_location: args.toolbar_location,
        sizing_mode: args.sizing_mode,
        ..GridPlot::default()
    })
}

/// The grid's Toolbar: the toolbars' tools (grouped into proxies when `merge`), and their
/// active tools, logo and autohide, the last toolbar's winning as in Python.
fn merged_toolbar(doc: &mut Document, toolbars: &[AnyId], merge: bool) -> AnyId {
    let tools: Vec<AnyId> = toolbars
        .iter()
        .flat_map(|&t| doc.get(typed::<Toolbar>(doc, t), Toolbar::TOOLS))
        .collect();
    let tools = if merge {
        group_tools(doc, &tools)
    } else {
        tools
    };
    let toolbar = doc.add(Toolbar {
        tools: tools.clone(),
        ..Toolbar::default()
    });
    let names = ["logo", "autohide", "active_drag", "active_inspect"];
    let names = names
        .into_iter()
        .chain(["active_scroll", "active_tap", "active_multi"]);
    for name in names {
        let Some(last) = toolbars.last() else { break };
        let value = doc.get_attr(*last, name).unwrap_or(Value::Null);
        set(doc, toolbar.any(), name, to_proxy(doc, &tools, value));
    }
    toolbar.any()
}

/// Python's `group_tools`: tools already proxies first, then one entry per tool type in
/// the order the types come: a new model for the types one button serves whole (save),
/// else a ToolProxy per run of alike tools.
fn group_tools(doc: &mut Document, tools: &[AnyId]) -> Vec<AnyId> {
    let type_of = |doc: &Document, t: AnyId| doc.model(t).type_name.clone();
    let mut grouped: Vec<AnyId> = tools
        .iter()
        .copied()
        .filter(|&t| type_of(doc, t) == "ToolProxy")
        .collect();
    let mut types: Vec<String> = Vec::new();
    for &t in tools {
        let name = type_of(doc, t);
        if name != "ToolProxy" && !types.contains(&name) {
            types.push(name);
        }
    }
    for name in types {
        if ONE_FOR_ALL.contains(&name.as_str()) {
            grouped.extend(doc.add_default(&name));
            continue;
        }
        let mut left: Vec<AnyId> = tools
            .iter()
            .copied()
            .filter(|&t| type_of(doc, t) == name)
            .collect();
        while let Some(&head) = left.first() {
            let (group, rest) = left.iter().partition(|&&t| alike(doc, head, t));
            let proxy = doc.add(ToolProxy {
                tools: group,
                ..ToolProxy::default()
            });
            grouped.push(proxy.any());
            left = rest;
        }
    }
    grouped
}

/// The tool types Python's gridplot replaces by one new tool for the whole grid.
const ONE_FOR_ALL: &[&str] = &["SaveTool", "CopyTool", "ExamineTool", "FullscreenTool"];

/// Whether two tools (of one type) have the same properties, overlay and renderers aside.
fn alike(doc: &Document, a: AnyId, b: AnyId) -> bool {
    let names: HashSet<&String> = doc
        .model(a)
        .attrs
        .keys()
        .chain(doc.model(b).attrs.keys())
        .collect();
    names
        .into_iter()
        .filter(|n| !matches!(n.as_str(), "overlay" | "renderers"))
        .all(|n| doc.get_attr(a, n).ok() == doc.get_attr(b, n).ok())
}

/// A toolbar's active tool, as the proxy standing for it if one does.
fn to_proxy(doc: &Document, proxies: &[AnyId], value: Value) -> Value {
    let Some(tool) = value.as_ref_id().and_then(|id| doc.lookup(id)) else {
        return value;
    };
    proxies
        .iter()
        .find(|&&p| {
            doc.model(p).type_name == "ToolProxy"
                && doc
                    .get(typed::<ToolProxy>(doc, p), ToolProxy::TOOLS)
                    .contains(&tool)
        })
        .map_or(value, |&p| doc.reference(p))
}

/// The plots `item` is or holds, in the order its references reach them.
fn plots_in(doc: &Document, item: AnyId) -> Vec<AnyId> {
    let mut seen = HashSet::new();
    let mut todo = vec![item];
    let mut plots = Vec::new();
    while let Some(any) = todo.pop() {
        if !seen.insert(any) {
            continue;
        }
        let model = doc.model(any);
        if doc.schema_of(any).is_some_and(|t| t.is_a("Plot")) {
            plots.push(any);
        }
        let mut refs = Vec::new();
        for value in model.attrs.values() {
            value.visit_refs(&mut |id| refs.extend(doc.lookup(id)));
        }
        todo.extend(refs.into_iter().rev());
    }
    plots
}

/// Python's `_has_auto_sizing`: no sizing mode, and both policies "auto".
fn sizes_itself(doc: &Document, item: AnyId) -> bool {
    let attr = |name| doc.get_attr(item, name).unwrap_or(Value::Null);
    attr("sizing_mode") == Value::Null
        && attr("width_policy") == Value::str("auto")
        && attr("height_policy") == Value::str("auto")
}

fn reference(doc: &Document, model: AnyId, attr: &str) -> Option<AnyId> {
    let value = doc.get_attr(model, attr).ok()?;
    doc.lookup(value.as_ref_id()?)
}

fn typed<M: crate::core::ModelType>(doc: &Document, any: AnyId) -> Id<M> {
    doc.typed_id::<M>(doc.model_id(any))
        .expect("gridplot reads models of the types it found")
}

/// Sets a property gridplot knows the model has (every layout element and plot has these).
fn set(doc: &mut Document, model: AnyId, attr: &str, value: Value) {
    if let Err(e) = doc.set_attr(model, attr, value) {
        panic!("gridplot: {e}");
    }
}
