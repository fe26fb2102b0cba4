//! CrosshairTool: lines through the pointer across the frame, along its `dimensions`.

use leptos::prelude::*;

use crate::core::AnyId;
use crate::interact::{dimensions, View};
use crate::models::Dimensions;

use super::super::canvas::device_pixel_ratio;
use super::{Draw, Inspection, Layer, Marks, Plot, ToolView};

/// The view of CrosshairTool.
#[derive(Debug)]
pub(crate) struct Crosshair;

impl ToolView for Crosshair {
    fn layer(&self) -> Option<(Layer, Draw)> {
        Some((Layer::Crosshair, lines))
    }

    fn inspect(&self, plot: &Plot, tool: AnyId, _: &View, at: (f64, f64), shown: &mut Inspection) {
        // The first active crosshair draws.
        if shown.crosshair.is_none() {
            let dpr = device_pixel_ratio();
            let dims = plot.page.read(|d| dimensions(d, tool));
            shown.crosshair = Some(((at.0 / dpr, at.1 / dpr), dims));
        }
    }
}

/// The crosshair's layer: a line across the frame each way it draws.
fn lines(marks: Marks) -> AnyView {
    let crosshair = marks.crosshair;
    let shown = move || {
        crosshair.get().map(|((x, y), dims)| {
            let v = matches!(dims, Dimensions::Width | Dimensions::Both);
            let h = matches!(dims, Dimensions::Height | Dimensions::Both);
            view! {
                <div class="rk-crosshair" aria-hidden="true">
                    {h.then(|| view! { <div class="rk-cross-h" style=format!("top: {y}px;")></div> })}
                    {v.then(|| view! { <div class="rk-cross-v" style=format!("left: {x}px;")></div> })}
                </div>
            }
        })
    };
    shown.into_any()
}
