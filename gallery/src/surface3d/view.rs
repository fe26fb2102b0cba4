//! The page's view of [`Surface3d`]: its source's points drawn as a surface on a canvas
//! (the scene `graph.rs` computes), repainted as the source's data changes; a drag turns
//! the camera and the wheel moves it nearer or farther, in the page only, as Graph3d's
//! do.

use leptos::prelude::*;
use rokeh::core::{AnyId, Id, Value};
use rokeh::document::Document;
use rokeh::web::{canvas, ModelHandle};
use web_sys::CanvasRenderingContext2d;

use super::graph::{scene, Camera, Grid, Label, Rgb, Scene};
use super::Surface3d;

/// Graph3d's default size, where neither the model nor its options give one.
const DEFAULT_SIZE: f64 = 600.0;

/// What a drag started from: the pointer's place and the camera then.
#[derive(Clone, Copy)]
struct Drag {
    x: f64,
    y: f64,
    camera: Camera,
}

/// Shows a [`Surface3d`] (made a view with [`rokeh::custom_view!`] in `mod.rs`).
pub fn surface3d(model: ModelHandle) -> AnyView {
    let Some(id) = model.typed::<Surface3d>() else {
        return ().into_any();
    };
    let grid = model.watch(move |doc, track| {
        let Some(source) = doc.get(id, Surface3d::DATA_SOURCE) else {
            return Grid::new(&[], &[], &[]);
        };
        track(source.any());
        let column = |name: String| numbers(doc, source.any(), &name);
        let x = column(doc.get(id, Surface3d::X));
        let y = column(doc.get(id, Surface3d::Y));
        let z = column(doc.get(id, Surface3d::Z));
        Grid::new(&x, &y, &z)
    });
    let size = model.watch(move |doc, _| size(doc, id));
    let camera = RwSignal::new(model.read(|doc| start_camera(doc, id)));
    let drag = StoredValue::new(None::<Drag>);

    let painted = canvas("rk-surface3d", move |context, width, height| {
        let scene = grid.with(|grid| scene(grid, &camera.get(), width, height));
        paint(context, &scene);
    });
    let down = move |e: web_sys::PointerEvent| {
        if let Some(target) = e.current_target() {
            use web_sys::wasm_bindgen::JsCast;
            let _ = target
                .unchecked_into::<web_sys::Element>()
                .set_pointer_capture(e.pointer_id());
        }
        drag.set_value(Some(Drag {
            x: f64::from(e.client_x()),
            y: f64::from(e.client_y()),
            camera: camera.get_untracked(),
        }));
    };
    let moved = move |e: web_sys::PointerEvent| {
        if let Some(start) = drag.get_value() {
            let dx = f64::from(e.client_x()) - start.x;
            let dy = f64::from(e.client_y()) - start.y;
            camera.set(start.camera.dragged(dx, dy));
        }
    };
    let up = move |_: web_sys::PointerEvent| drag.set_value(None);
    let wheel = move |e: web_sys::WheelEvent| {
        e.prevent_default();
        camera.update(|c| *c = c.zoomed(e.delta_y()));
    };
    let style = move || {
        let (width, height) = size.get();
        format!("width: {width}px; height: {height}px; touch-action: none; cursor: move;")
    };
    view! {
        <div
            class="rk-surface3d-frame"
            style=style
            on:pointerdown=down
            on:pointermove=moved
            on:pointerup=up
            on:pointercancel=up
            on:wheel=wheel
        >
            {painted}
        </div>
    }
    .into_any()
}

/// Column `name` of `source` as numbers, whatever its type (main.py's x and y are
/// integers, z floats); none without the column.
fn numbers(doc: &Document, source: AnyId, name: &str) -> Vec<f64> {
    if let Some(floats) = doc.column_f64(source, name) {
        return floats.to_vec();
    }
    let cells = doc.cells(source, name);
    cells
        .iter()
        .map(|v| v.as_f64().unwrap_or(f64::NAN))
        .collect()
}

/// The model's size in CSS pixels: its own `width` and `height`, else its options' (as
/// Graph3d reads them: "600px"), else Graph3d's default.
fn size(doc: &Document, id: Id<Surface3d>) -> (f64, f64) {
    let options = doc.get_attr(id.any(), "options").unwrap_or(Value::Null);
    let side = |name: &str| {
        let own = doc.get_attr(id.any(), name).ok().and_then(|v| v.as_f64());
        let option = || {
            let css = options.map_get(name)?.as_str()?;
            css.trim_end_matches("px").trim().parse::<f64>().ok()
        };
        own.or_else(option).unwrap_or(DEFAULT_SIZE)
    };
    (side("width"), side("height"))
}

/// The camera its options' `cameraPosition` places, else the example's.
fn start_camera(doc: &Document, id: Id<Surface3d>) -> Camera {
    let options = doc.get_attr(id.any(), "options").unwrap_or(Value::Null);
    let position = options.map_get("cameraPosition");
    let read = |name: &str, default: f64| {
        position
            .and_then(|p| p.map_get(name))
            .and_then(Value::as_f64)
            .unwrap_or(default)
    };
    Camera {
        horizontal: read("horizontal", Camera::EXAMPLE.horizontal),
        vertical: read("vertical", Camera::EXAMPLE.vertical),
        distance: read("distance", Camera::EXAMPLE.distance),
    }
}

fn css(color: Rgb) -> String {
    format!("rgb({}, {}, {})", color[0], color[1], color[2])
}

/// Strokes `lines` in `color`, one path.
fn lines(context: &CanvasRenderingContext2d, lines: &[[(f64, f64); 2]], color: &str) {
    context.set_stroke_style_str(color);
    context.begin_path();
    for [a, b] in lines {
        context.move_to(a.0, a.1);
        context.line_to(b.0, b.1);
    }
    context.stroke();
}

/// Writes `labels` centred on their places.
fn texts(context: &CanvasRenderingContext2d, labels: &[Label], font: &str, color: &str) {
    context.set_fill_style_str(color);
    context.set_font(font);
    for label in labels {
        let _ = context.fill_text(&label.text, label.at.0, label.at.1);
    }
}

/// Paints `scene` in its order: the floor's grid, the box's edges and the ticks' values
/// (in a lighter grey than the axes' names), the quads (each outlined in a darker shade of
/// its colour, as Graph3d's), the names.
fn paint(context: &CanvasRenderingContext2d, scene: &Scene) {
    context.set_line_width(1.0);
    lines(context, &scene.grid, "#dddddd");
    lines(context, &scene.edges, "#999999");
    context.set_text_align("center");
    context.set_text_baseline("middle");
    texts(context, &scene.ticks, "12px sans-serif", "#8c8c8c");
    for quad in &scene.quads {
        let [first, rest @ ..] = &quad.corners;
        context.begin_path();
        context.move_to(first.0, first.1);
        for corner in rest {
            context.line_to(corner.0, corner.1);
        }
        context.close_path();
        context.set_fill_style_str(&css(quad.color));
        context.fill();
        let darker = quad.color.map(|c| (f64::from(c) * 0.8) as u8);
        context.set_stroke_style_str(&css(darker));
        context.stroke();
    }
    texts(context, &scene.labels, "14px sans-serif", "#4d4d4d");
}
