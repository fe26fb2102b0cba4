//! A GridPlot's one toolbar for all its plots (Bokeh's `gridplot` merged toolbar): a
//! strip beside the grid whose buttons each work the tools a ToolProxy stands for, in
//! every plot of the grid that has one of them, as BokehJS's ToolProxy sets each of its
//! tools' `active` and runs each of their actions.
//!
//! The plots keep their own tools and gesture code (`toolbar.rs`): which tool is active
//! is each plot's own state, which the grid's buttons set; a button shows active while
//! any of its tools is, as a BokehJS proxy's `active` follows its tools'. So a drag in
//! any plot uses the tool the grid's toolbar made active, and a tool shared with a plot's
//! own toolbar (`merge_tools` off) shows the same state on both.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::{AnyId, Value};
use crate::interact::{Gesture, ToolInfo, ToolKind, Tools};
use crate::models::{Logo, Place};

use super::canvas::device_pixel_ratio;
use super::page::Page;
use super::toolbar::{self, Interaction};

/// The grid's toolbar as the plots under it see it (a Leptos context).
#[derive(Clone, Copy)]
pub struct GridTools {
    page: Page,
    /// The grid's Toolbar model.
    toolbar: AnyId,
    /// Its buttons' tools, read once.
    entries: StoredValue<Vec<ToolInfo>>,
    /// How it shows its logo, read with them.
    logo: Option<Logo>,
    /// The plots of the grid shown now, as they mount.
    members: RwSignal<Vec<Interaction>, LocalStorage>,
}

impl GridTools {
    /// The grid's toolbar, for the plots its children show.
    pub fn provide(page: Page, toolbar: AnyId) -> GridTools {
        let Tools { tools, logo, .. } = page.read(|d| Tools::of_toolbar(d, toolbar));
        let grid = GridTools {
            page,
            toolbar,
            entries: StoredValue::new(tools),
            logo,
            members: RwSignal::new_local(Vec::new()),
        };
        provide_context(grid);
        grid
    }

    /// A plot's tools join the toolbar of the grid it is in, if any, until it goes; the
    /// toolbar's own active tools (its `active_*` naming one, or none) apply to it.
    pub fn join(interaction: &Interaction) {
        let Some(grid) = use_context::<GridTools>() else {
            return;
        };
        // Off first, then on, so the chosen tool of each gesture ends up its active one.
        let (mut off, mut on) = (Vec::new(), Vec::new());
        let entries = grid.entries.get_value();
        grid.page.read(|d| {
            let gestures = [
                (Gesture::Drag, "active_drag"),
                (Gesture::Scroll, "active_scroll"),
                (Gesture::Tap, "active_tap"),
            ];
            for (gesture, name) in gestures {
                let chosen = match d.get_attr(grid.toolbar, name) {
                    Ok(Value::Null) => None,
                    Ok(Value::Ref(id)) => d.lookup(&id),
                    // "auto": the plots' own choice stands.
                    _ => continue,
                };
                for e in entries.iter().filter(|e| e.kind.gesture() == gesture) {
                    let side = if Some(e.model) == chosen {
                        &mut on
                    } else {
                        &mut off
                    };
                    side.extend(e.tools.iter().copied());
                }
            }
        });
        interaction.tools.update(|t| {
            off.iter().for_each(|&tool| t.set_active(tool, false));
            on.iter().for_each(|&tool| t.set_active(tool, true));
        });
        grid.members.update(|m| m.push(interaction.clone()));
        let figure = interaction.figure();
        on_cleanup(move || {
            grid.members
                .try_update(|m| m.retain(|i| i.figure() != figure));
        });
    }

    /// The button of tool (or proxy) `model`.
    fn entry(self, model: AnyId) -> Option<ToolInfo> {
        self.entries
            .with_value(|e| e.iter().find(|e| e.model == model).cloned())
    }

    /// Whether any of `tools` is active in a plot of the grid.
    fn any_active(self, tools: &[AnyId]) -> bool {
        self.members.with(|members| {
            members.iter().any(|m| {
                m.tools
                    .with(|t| tools.iter().any(|&tool| t.is_active(tool)))
            })
        })
    }

    /// A button pressed: a gesture tool goes on (or off) in every plot that has one of
    /// its tools; an action runs in each of them, once for help, and save saves the
    /// whole grid.
    fn press(self, model: AnyId, grid: Option<web_sys::HtmlElement>) {
        let Some(info) = self.entry(model) else {
            return;
        };
        let members = self.members.get_untracked();
        let holding = |m: &Interaction| -> Vec<AnyId> {
            m.tools.with_untracked(|t| {
                info.tools
                    .iter()
                    .copied()
                    .filter(|&tool| t.kind(tool).is_some())
                    .collect()
            })
        };
        match (info.kind.gesture(), info.kind) {
            (Gesture::Action, ToolKind::Save) => {
                if let Some(canvas) = grid.and_then(|g| composite(&g)) {
                    toolbar::save(self.page, model, &canvas);
                }
            }
            (Gesture::Action, ToolKind::Help) => {
                let first = members.iter().find_map(|m| Some((m, *holding(m).first()?)));
                if let Some((m, tool)) = first {
                    m.press(tool, None);
                }
            }
            (Gesture::Action, _) => {
                for m in &members {
                    holding(m).into_iter().for_each(|tool| m.press(tool, None));
                }
            }
            _ => {
                let on = !untrack(|| self.any_active(&info.tools));
                for m in &members {
                    let tools = holding(m);
                    m.tools
                        .update(|t| tools.iter().for_each(|&tool| t.set_active(tool, on)));
                }
            }
        }
    }
}

/// The grid's plots drawn into one canvas, each where it is on the page, as BokehJS's
/// GridPlot exports itself for its SaveTool.
fn composite(grid: &web_sys::HtmlElement) -> Option<web_sys::HtmlCanvasElement> {
    let document = web_sys::window()?.document()?;
    let out: web_sys::HtmlCanvasElement =
        document.create_element("canvas").ok()?.dyn_into().ok()?;
    let dpr = device_pixel_ratio();
    let frame = grid.get_bounding_client_rect();
    out.set_width((frame.width() * dpr).round() as u32);
    out.set_height((frame.height() * dpr).round() as u32);
    let ctx: web_sys::CanvasRenderingContext2d = out.get_context("2d").ok()??.dyn_into().ok()?;
    let canvases = grid.query_selector_all("canvas.rk-figure").ok()?;
    for i in 0..canvases.length() {
        let Some(canvas) = canvases
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            continue;
        };
        let at = canvas.get_bounding_client_rect();
        let (x, y) = ((at.x() - frame.x()) * dpr, (at.y() - frame.y()) * dpr);
        let _ = ctx.draw_image_with_html_canvas_element(&canvas, x, y);
    }
    Some(out)
}

/// The grid's toolbar strip at `place` (a flex item beside the grid, as BokehJS's
/// GridPlot places it), hidden when its `autohide` says so and `pointer_over` is false.
pub fn view(
    grid: GridTools,
    place: Place,
    cells: NodeRef<html::Div>,
    pointer_over: RwSignal<bool>,
) -> impl IntoView {
    let autohide = grid.page.read(|d| {
        d.get_attr(grid.toolbar, "autohide")
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    });
    let hidden = Signal::derive(move || autohide && !pointer_over.get());
    let entries = grid.entries.get_value();
    let press = move |model| {
        let el = cells.get_untracked().map(web_sys::HtmlElement::from);
        grid.press(model, el);
    };
    let active = move |model| grid.entry(model).is_some_and(|e| grid.any_active(&e.tools));
    // Undo (redo) while any plot of the grid can.
    let disabled = move |kind| {
        matches!(kind, ToolKind::Undo | ToolKind::Redo)
            && grid.members.with(|members| {
                members
                    .iter()
                    .all(|m| m.plot.steps.with(|s| toolbar::undoable(kind, s)))
            })
    };
    // Beside the grid, as long as it: room for every tool.
    let contents = toolbar::Contents {
        entries: &entries,
        logo: grid.logo,
        room: Signal::stored(None),
    };
    toolbar::strip(
        contents,
        place,
        String::new,
        hidden,
        active,
        disabled,
        press,
    )
}
