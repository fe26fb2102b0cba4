//! Bokeh's callbacks run by the page (`js_on_change`, `js_on_event`): a `CustomJS` that
//! changes a source's columns in place and writes them back with `source.change.emit()`,
//! `SetValue` and `ToggleVisibility` on a click, the document's `document_ready`, an ES
//! module's default function, and
//! code that throws or does not compile, which changes nothing and stops nothing else; a
//! figure's `CustomJSTransform` and `CustomJSTickFormatter`, whose code may not change the
//! document as it is drawn.
//!
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//! CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_callbacks
#![cfg(target_arch = "wasm32")]

use js_sys::{Float64Array, Function, Reflect};
use rokeh::core::Dict;
use rokeh::document::{Document, EventKind, Value};
use rokeh::models::{
    column, Button, ColumnDataSource, CustomJS, CustomJSTickFormatter, CustomJSTransform, Div,
    Line, SetValue, Slider, ToggleVisibility,
};
use rokeh::plotting::{figure, transform, FigureArgs};
use rokeh::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Event, EventInit, HtmlElement, HtmlInputElement};

#[path = "support/dom.rs"]
mod dom;
#[path = "support/pause.rs"]
mod pause;
use dom::{document, first};
use pause::pause;

wasm_bindgen_test_configure!(run_in_browser);

fn button(doc: &mut Document, label: &str) -> rokeh::core::Id<Button> {
    doc.add(Button {
        label: label.into(),
        ..Button::default()
    })
}

fn div(doc: &mut Document, text: &str) -> rokeh::core::Id<Div> {
    doc.add(Div {
        text: text.into(),
        ..Div::default()
    })
}

fn app(doc: &mut Document) {
    let source = doc.add(ColumnDataSource::new([
        ("x", vec![1.0, 2.0, 3.0]),
        ("y", vec![1.0, 2.0, 3.0]),
    ]));
    let power = doc.add(Slider::new("power", 1.0, 1.0, 4.0, 1.0));
    let said = div(doc, "power 1");
    let powers = doc.add(CustomJS {
        args: Dict(vec![
            ("source".into(), source.into()),
            ("said".into(), said.into()),
        ]),
        code: "const {x, y} = source.data;
               for (let i = 0; i < x.length; i++) y[i] = Math.pow(x[i], cb_obj.value);
               source.change.emit();
               said.text = `power ${this.value} of ${cb_obj.type}`;"
            .into(),
    });
    doc.js_on_change(power, "value", powers).unwrap();
    // A second callback on the same change, which throws half way: what it set before
    // the throw stays (as in BokehJS), what it set wrongly is refused.
    let wrong = doc.add(CustomJS {
        args: Dict(vec![("said".into(), said.into())]),
        code: "said.width = 'wide'; said.text = 'never'".into(),
    });
    doc.js_on_change(power, "value", wrong).unwrap();

    // A source's `streaming`, when the app's own (Rust) callback streams to it.
    let log = doc.add(ColumnDataSource::new([("n", vec![0.0])]));
    doc.on_change(power, Slider::VALUE, move |doc, change| {
        doc.stream(log, vec![("n".into(), vec![change.new].into())], None)
    });
    let streamed = doc.add(CustomJS {
        args: Dict(vec![("said".into(), said.into())]),
        code: "said.text += ` (${cb_obj.data.n.length} rows)`".into(),
    });
    doc.js_on_change(log, "streaming", streamed).unwrap();

    let target = div(doc, "target");
    let set = button(doc, "set");
    let set_value = doc.add(SetValue {
        obj: target.any(),
        attr: "text".into(),
        value: Value::str("set by SetValue"),
    });
    doc.js_on_event(set, EventKind::ButtonClick, set_value)
        .unwrap();
    let toggle = button(doc, "toggle");
    let toggling = doc.add(ToggleVisibility {
        target: target.any(),
    });
    doc.js_on_event(toggle, EventKind::ButtonClick, toggling)
        .unwrap();

    let module = button(doc, "module");
    let from_module = doc.add(CustomJS {
        args: Dict(vec![("said".into(), said.into())]),
        code: "export default (args, obj, data, context) => {
                 args.said.text = `module: ${obj.event_name} on ${obj.origin.label}`
               }"
        .into(),
    });
    doc.js_on_event(module, EventKind::ButtonClick, from_module)
        .unwrap();
    let broken = button(doc, "broken");
    let unparsable = doc.add(CustomJS {
        args: Dict::default(),
        code: "this is not JavaScript".into(),
    });
    doc.js_on_event(broken, EventKind::ButtonClick, unparsable)
        .unwrap();

    // The document's own, once the page shows it.
    let ready = div(doc, "not ready");
    let on_ready = doc.add(CustomJS {
        args: Dict(vec![("div".into(), ready.into())]),
        code: "div.text = `${cb_obj.event_name}: ${cb_obj.origin}`".into(),
    });
    doc.js_on_document_event(EventKind::DocumentReady, on_ready)
        .unwrap();

    // JavaScript a figure runs as it is drawn: a transform that works, one that throws
    // (its line is left out), and tick labels whose code tries to change the document
    // (refused: the axis' labels are a BasicTickFormatter's).
    let plot = figure(
        doc,
        FigureArgs {
            width: 200,
            height: 200,
            ..FigureArgs::default()
        },
    );
    let hundredfold = doc.add(CustomJSTransform {
        args: Dict(vec![("k".into(), Value::Int(100).into())]),
        v_func: "return xs.map((v) => k * v)".into(),
        ..CustomJSTransform::default()
    });
    let throws = doc.add(CustomJSTransform {
        v_func: "throw new Error('no numbers here')".into(),
        ..CustomJSTransform::default()
    });
    for t in [hundredfold, throws] {
        let y = transform(doc, "y", t);
        plot.line(
            doc,
            source,
            Line {
                y,
                ..Line::default()
            },
        );
    }
    let writes = doc.add(CustomJSTickFormatter {
        args: Dict(vec![("said".into(), said.into())]),
        code: "said.text = 'written while drawn'; return `${tick}!`".into(),
    });
    for axis in plot.xaxis(doc) {
        doc.set_attr(axis, "formatter", doc.reference(writes.any()))
            .unwrap();
    }

    let children = [
        power.any(),
        said.any(),
        set.any(),
        toggle.any(),
        target.any(),
    ];
    let more = [ready.any(), module.any(), broken.any(), plot.any()];
    let layout = column(doc, children.into_iter().chain(more));
    doc.add_root(layout);
}

/// The page's hook, `window.rokeh`.
fn rokeh_hook() -> JsValue {
    Reflect::get(&web_sys::window().unwrap(), &"rokeh".into()).unwrap()
}

/// The page's hook: `rokeh.<name>(args…)`.
fn hook(name: &str, args: &[JsValue]) -> JsValue {
    let f: Function = hook_value(name).unchecked_into();
    f.apply(&rokeh_hook(), &args.iter().collect()).unwrap()
}

/// The page hook's value `name` (`rokeh.<name>`).
fn hook_value(name: &str) -> JsValue {
    Reflect::get(&rokeh_hook(), &name.into()).unwrap()
}

fn divs() -> Vec<String> {
    let found = document().query_selector_all(".rk-div").unwrap();
    (0..found.length())
        .map(|i| found.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn click(label: &str) {
    let buttons = document().query_selector_all("button").unwrap();
    let found = (0..buttons.length())
        .map(|i| buttons.item(i).unwrap().unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no button {label}"));
    found.click();
}

#[wasm_bindgen_test]
async fn callbacks_attached_in_the_document_run_in_the_page() {
    rokeh::web::mount(App::new("callbacks", app));
    pause(20).await;
    assert_eq!(divs(), ["power 1", "target", "document_ready: null"]);
    // The working transform's numbers set the y range (y 1 to 3, a hundredfold); the
    // formatter's write was refused, and the page was drawn.
    let drawn: js_sys::Array = hook_value("drawnY").unchecked_into();
    let (low, high) = (
        drawn.get(0).as_f64().unwrap(),
        drawn.get(1).as_f64().unwrap(),
    );
    assert!(
        low > 80.0 && low < 100.0 && high > 300.0 && high < 320.0,
        "{low} {high}"
    );

    // A user moves the slider: the code squares y in place and writes it back.
    let slider: HtmlInputElement = first("input[type=range]");
    slider.set_value("2");
    let init = EventInit::new();
    init.set_bubbles(true);
    let input = Event::new_with_event_init_dict("input", &init).unwrap();
    slider.dispatch_event(&input).unwrap();
    pause(20).await;
    let y: Float64Array = hook("column", &["y".into()]).unchecked_into();
    assert_eq!(y.to_vec(), [1.0, 4.0, 9.0]);
    assert_eq!(divs()[..2], ["power 2 of Slider (2 rows)", "target"]);
    // The second callback's wrong width was refused, and it stopped there.
    let width = hook("get", &["Div".into(), "width".into()]);
    assert!(width.is_null(), "{width:?}");

    click("set");
    pause(20).await;
    assert_eq!(
        divs()[..2],
        ["power 2 of Slider (2 rows)", "set by SetValue"]
    );
    click("toggle");
    pause(20).await;
    let target = document()
        .query_selector_all(".rk-div")
        .unwrap()
        .item(1)
        .unwrap();
    let hidden: HtmlElement = target.parent_element().unwrap().unchecked_into();
    assert_eq!(
        hidden.style().get_property_value("display").unwrap(),
        "none"
    );
    click("toggle");
    pause(20).await;
    assert_ne!(
        hidden.style().get_property_value("display").unwrap(),
        "none"
    );

    // A module is imported, then run.
    click("module");
    pause(100).await;
    assert_eq!(divs()[0], "module: button_click on module");

    // Code that does not compile changes nothing, and the page goes on.
    click("broken");
    pause(20).await;
    click("set");
    slider.set_value("3");
    slider.dispatch_event(&input).unwrap();
    pause(20).await;
    let y: Float64Array = hook("column", &["y".into()]).unchecked_into();
    assert_eq!(y.to_vec(), [1.0, 8.0, 27.0]);
}
