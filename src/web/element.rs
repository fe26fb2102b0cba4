//! What every layout element honours, whatever it shows: Bokeh's LayoutDOM properties as
//! the box the page puts around it — `visible`, `css_classes`, `styles`, `width`/`height`
//! with `sizing_mode`, `width_policy`/`height_policy` and `aspect_ratio`, `min_`/`max_`
//! sizes, `margin` and `align` — laid out as BokehJS lays them out (CSS flex and grid), and
//! `disabled`, which a layout hands down to everything in it.
//!
//! Properties are read by name, so models of any type (hand-written or only Bokeh's) get
//! them; a type without one of them takes Bokeh's default.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;

use crate::core::{AnyId, Value};
use crate::document::Document;

use super::bind::{self, bind, Writer};
use super::page::Page;
use super::stylesheets;

/// How a box takes its size along one axis (Bokeh's `SizingPolicy`, or "auto").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Policy {
    Auto,
    Fixed,
    Fit,
    Min,
    Max,
}

impl Policy {
    fn from_name(name: &str) -> Policy {
        match name {
            "fixed" => Policy::Fixed,
            "fit" => Policy::Fit,
            "min" => Policy::Min,
            "max" => Policy::Max,
            _ => Policy::Auto,
        }
    }
}

/// A box's aspect ratio, as `aspect_ratio` and the `scale_*` sizing modes say.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Aspect {
    Free,
    /// width / height, whatever they are.
    Auto,
    Ratio(f64),
}

/// An element's resolved sizing (Bokeh's `box_sizing()`).
#[derive(Clone, Debug, PartialEq)]
pub struct Sizing {
    pub width_policy: Policy,
    pub height_policy: Policy,
    pub width: Option<i64>,
    pub height: Option<i64>,
    pub aspect: Aspect,
    pub halign: Option<String>,
    pub valign: Option<String>,
}

impl Default for Sizing {
    fn default() -> Sizing {
        Sizing {
            width_policy: Policy::Auto,
            height_policy: Policy::Auto,
            width: None,
            height: None,
            aspect: Aspect::Free,
            halign: None,
            valign: None,
        }
    }
}

impl Sizing {
    /// The element's sizing as Bokeh resolves it; `inherit` takes the `parent`'s.
    pub fn read(doc: &Document, model: AnyId, parent: &Sizing) -> Sizing {
        let attr = |name: &str| doc.get_attr(model, name).unwrap_or(Value::Null);
        let policy = |name: &str| Policy::from_name(attr(name).as_str().unwrap_or("auto"));
        let size = |name: &str| attr(name).as_i64().filter(|v| *v >= 0);
        let mut sizing = Sizing {
            width_policy: policy("width_policy"),
            height_policy: policy("height_policy"),
            width: size("width"),
            height: size("height"),
            aspect: match attr("aspect_ratio") {
                Value::Str(s) if s == "auto" => Aspect::Auto,
                v => v.as_f64().map_or(Aspect::Free, Aspect::Ratio),
            },
            ..Sizing::default()
        };
        match attr("sizing_mode").as_str() {
            Some("inherit") => {
                sizing.width_policy = parent.width_policy;
                sizing.height_policy = parent.height_policy;
                if sizing.aspect == Aspect::Free {
                    sizing.aspect = parent.aspect;
                }
            }
            Some("fixed") => {
                (sizing.width_policy, sizing.height_policy) = (Policy::Fixed, Policy::Fixed)
            }
            Some("stretch_both") => {
                (sizing.width_policy, sizing.height_policy) = (Policy::Max, Policy::Max)
            }
            Some("stretch_width") => sizing.width_policy = Policy::Max,
            Some("stretch_height") => sizing.height_policy = Policy::Max,
            Some(scale @ ("scale_width" | "scale_height" | "scale_both")) => {
                if sizing.aspect == Aspect::Free {
                    sizing.aspect = Aspect::Auto;
                }
                (sizing.width_policy, sizing.height_policy) = match scale {
                    "scale_width" => (Policy::Max, Policy::Min),
                    "scale_height" => (Policy::Min, Policy::Max),
                    _ => (Policy::Max, Policy::Max),
                };
            }
            _ => {}
        }
        (sizing.halign, sizing.valign) = match attr("align") {
            Value::Str(s) if s != "auto" => (Some(s.clone()), Some(s)),
            Value::List(pair) => (
                pair.first().and_then(Value::as_str).map(str::to_owned),
                pair.get(1).and_then(Value::as_str).map(str::to_owned),
            ),
            _ => (None, None),
        };
        sizing
    }

    /// The width (x) or height it would have if its policy were fixed: stretched or
    /// scaled ones follow their box, measured by the component.
    pub fn follows_box(&self) -> (bool, bool) {
        let follows = |p: Policy, size: Option<i64>| match p {
            Policy::Fixed => false,
            Policy::Auto => size.is_none(),
            _ => true,
        };
        (
            follows(self.width_policy, self.width),
            follows(self.height_policy, self.height),
        )
    }
}

/// How the enclosing element lays out its children.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// The document's roots.
    Root,
    Row,
    Column,
    /// Anything else (a grid cell, a tab panel).
    Block,
}

/// What an element learns from the one that holds it (a Leptos context).
#[derive(Clone, Copy)]
pub struct Enclosing {
    pub flow: Flow,
    /// Whether it (or anything holding it) is disabled.
    pub disabled: Signal<bool>,
    pub sizing: Memo<Sizing>,
}

impl Enclosing {
    /// The enclosing element's context, or the document's for a root.
    pub fn current() -> Enclosing {
        use_context::<Enclosing>().unwrap_or_else(|| Enclosing {
            flow: Flow::Root,
            disabled: Signal::stored(false),
            sizing: Memo::new(|_| Sizing::default()),
        })
    }

    /// Tells the children built from here on how this element lays them out.
    pub fn provide_for_children(flow: Flow) {
        let this = Enclosing::current();
        provide_context(Enclosing { flow, ..this });
    }
}

/// Whether the element shown is disabled: by itself or by a layout holding it. Read by
/// the components of inputs for their controls.
pub fn disabled() -> Signal<bool> {
    Enclosing::current().disabled
}

/// A model's box: its classes and inline style from the document, around `inner`, built
/// in the context that tells `inner`'s children about this element.
pub fn boxed(
    page: Page,
    model: AnyId,
    type_name: &str,
    inner: impl FnOnce() -> AnyView,
) -> AnyView {
    let enclosing = Enclosing::current();
    let auto = auto_size(type_name);
    let sizing = Memo::new(move |_| {
        page.track_box(model);
        let parent = enclosing.sizing.get();
        page.read(|d| Sizing::read(d, model, &parent))
    });
    let disabled = Signal::derive(move || {
        enclosing.disabled.get() || {
            page.track_box(model);
            page.read(|d| d.get_attr(model, "disabled").ok().and_then(|v| v.as_bool()))
                .unwrap_or(false)
        }
    });
    provide_context(Enclosing {
        flow: Flow::Block,
        disabled,
        sizing,
    });
    let kind = kebab(type_name);
    // Its class, style and aria-disabled, in one effect; written only when they change (a
    // slider's box hears of every move of its value).
    let written = RefCell::new(None::<(Look, bool)>);
    let write: Writer = Rc::new(move |el| {
        page.track_box(model);
        let sizing = sizing.get();
        let look = page.read(|d| Look::read(d, model, &sizing, enclosing.flow, auto));
        let now = (look, disabled.get());
        let mut written = written.borrow_mut();
        let was = written.as_ref();
        if was.map(|(l, _)| &l.classes) != Some(&now.0.classes) {
            let class = format!("rk-box rk-model-{kind} {}", now.0.classes);
            bind::attr(el, "class", Some(&class));
        }
        if was.map(|(l, _)| &l.style) != Some(&now.0.style) {
            bind::attr(el, "style", Some(&now.0.style));
        }
        if was.map(|w| w.1) != Some(now.1) {
            bind::attr(el, "aria-disabled", now.1.then_some("true"));
        }
        *written = Some(now);
    });
    // Its `stylesheets`, scoped to the box, kept up to date (a `<style>` only while it
    // has any); read again as its box's properties change, not its value (a slider's drag).
    let css = Memo::new(move |_| {
        page.track_box(model);
        page.read(|d| stylesheets::scoped_css(d, model))
    });
    let sheets =
        move || css.with(|css| (!css.is_empty()).then(|| view! { <style>{css.clone()}</style> }));
    view! {
        <div data-model-type=type_name.to_owned() use:bind=write>
            {sheets}
            {inner()}
        </div>
    }
    .into_any()
}

/// `TextInput` → `text-input`: a type's box has class `rk-model-text-input`.
fn kebab(type_name: &str) -> String {
    let mut out = String::with_capacity(type_name.len() + 4);
    for (i, c) in type_name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The size an element takes when it names none, as BokehJS's views say.
fn auto_size(type_name: &str) -> (&'static str, &'static str) {
    match type_name {
        "Slider"
        | "RangeSlider"
        | "DateSlider"
        | "DateRangeSlider"
        | "DatetimeRangeSlider"
        | "Spacer" => ("auto", "auto"),
        "Div" | "Paragraph" | "PreText" => ("fit-content", "auto"),
        _ => ("fit-content", "fit-content"),
    }
}

/// A box's classes and inline style.
struct Look {
    classes: String,
    style: String,
}

impl Look {
    fn read(doc: &Document, model: AnyId, sizing: &Sizing, flow: Flow, auto: (&str, &str)) -> Look {
        let attr = |name: &str| doc.get_attr(model, name).unwrap_or(Value::Null);
        let mut css: Vec<(String, String)> = Vec::new();
        let mut set = |k: &str, v: String| css.push((k.to_owned(), v));

        if attr("visible").as_bool() == Some(false) {
            set("display", "none".into());
        }
        let (margin, margin_w, margin_h) = margins(&attr("margin"));
        if let Some(margin) = margin {
            set("margin", margin);
        }
        let (width, height) = box_size(sizing, auto, margin_w, margin_h);
        let (mut width, mut height) = (width, height);
        let px = |v: &Value| v.as_f64().map(|v| format!("{v}px"));
        set(
            "min-width",
            px(&attr("min_width")).unwrap_or_else(|| "0px".into()),
        );
        set(
            "min-height",
            px(&attr("min_height")).unwrap_or_else(|| "0px".into()),
        );
        let root = flow == Flow::Root;
        for (name, policy, max) in [
            ("max-width", sizing.width_policy, px(&attr("max_width"))),
            ("max-height", sizing.height_policy, px(&attr("max_height"))),
        ] {
            match (max, root) {
                (Some(max), true) => set(name, max),
                (Some(max), false) => set(name, format!("min({max}, 100%)")),
                (None, false) if policy != Policy::Fixed => set(name, "100%".into()),
                (None, _) => {}
            }
        }
        match sizing.aspect {
            Aspect::Auto => match (sizing.width, sizing.height) {
                (Some(w), Some(h)) => set("aspect-ratio", format!("{w} / {h}")),
                _ => set("aspect-ratio", "auto".into()),
            },
            Aspect::Ratio(r) => set("aspect-ratio", format!("{r}")),
            Aspect::Free => {}
        }
        // In a row or a column the box is a flex item, sized along the main axis by its
        // policy and stretched across it when that policy is "max".
        let main_cross = match flow {
            Flow::Row => Some((
                sizing.width_policy,
                sizing.width,
                sizing.height_policy,
                &sizing.valign,
            )),
            Flow::Column => Some((
                sizing.height_policy,
                sizing.height,
                sizing.width_policy,
                &sizing.halign,
            )),
            Flow::Root | Flow::Block => None,
        };
        if let Some((main, size, cross, align)) = main_cross {
            let basis = size.map_or("auto".to_owned(), |s| format!("{s}px"));
            set(
                "flex",
                match main {
                    Policy::Auto | Policy::Fixed => format!("0 0 {basis}"),
                    Policy::Fit => "1 1 auto".into(),
                    Policy::Min => "0 1 auto".into(),
                    Policy::Max => "1 0 0px".into(),
                },
            );
            let align_self = match cross {
                Policy::Max => Some("stretch".to_owned()),
                _ => align.clone(),
            };
            if let Some(align_self) = align_self {
                set("align-self", align_self);
            }
            if cross == Policy::Max {
                match flow {
                    Flow::Row => height = "auto".into(),
                    _ => width = "auto".into(),
                }
            }
        }
        if flow == Flow::Block {
            if let Some(h) = &sizing.halign {
                set("justify-self", h.clone());
            }
            if let Some(v) = &sizing.valign {
                set("align-self", v.clone());
            }
        }
        set("width", width);
        set("height", height);
        // The model's own styles come last, so they win.
        css.extend(user_styles(doc, &attr("styles")));

        let classes = attr("css_classes")
            .as_list()
            .map(|items| {
                items
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        let style = css
            .iter()
            .map(|(k, v)| format!("{k}: {v};"))
            .collect::<Vec<_>>()
            .join(" ");
        Look { classes, style }
    }
}

/// CSS width and height from the policies (BokehJS's `css_sizing`, with its aspect-ratio
/// cases).
fn box_size(
    sizing: &Sizing,
    auto: (&str, &str),
    margin_w: Option<String>,
    margin_h: Option<String>,
) -> (String, String) {
    let css = |policy: Policy, size: Option<i64>, auto: &str, margin: Option<String>| match policy {
        Policy::Auto => size.map_or(auto.to_owned(), |s| format!("{s}px")),
        Policy::Fixed => size.map_or("fit-content".to_owned(), |s| format!("{s}px")),
        Policy::Fit => "fit-content".into(),
        Policy::Min => "min-content".into(),
        Policy::Max => margin.map_or("100%".to_owned(), |m| format!("calc(100% - {m})")),
    };
    let (wp, hp) = (sizing.width_policy, sizing.height_policy);
    let width = css(wp, sizing.width, auto.0, margin_w);
    let height = css(hp, sizing.height, auto.1, margin_h);
    let auto_ = || "auto".to_owned();
    if sizing.aspect == Aspect::Free {
        return (width, height);
    }
    if wp != hp {
        return match (wp, hp) {
            (Policy::Fixed, _) => (width, auto_()),
            (_, Policy::Fixed) => (auto_(), height),
            (Policy::Max, _) => (width, auto_()),
            (_, Policy::Max) => (auto_(), height),
            _ => (auto_(), auto_()),
        };
    }
    let ratio = match sizing.aspect {
        Aspect::Ratio(r) => Some(r),
        _ => match (sizing.width, sizing.height) {
            (Some(w), Some(h)) if h > 0 => Some(w as f64 / h as f64),
            _ => None,
        },
    };
    match ratio {
        Some(r) if wp != Policy::Fixed && r >= 1.0 => (width, auto_()),
        Some(_) if wp != Policy::Fixed => (auto_(), height),
        _ => (width, height),
    }
}

/// `margin` as CSS, and the horizontal and vertical room it takes.
fn margins(margin: &Value) -> (Option<String>, Option<String>, Option<String>) {
    let px = |v: f64| format!("{v}px");
    match margin {
        Value::Int(_) | Value::Float(_) => {
            let m = margin.as_f64().unwrap_or(0.0);
            (Some(px(m)), Some(px(2.0 * m)), Some(px(2.0 * m)))
        }
        Value::List(items) => {
            let n: Vec<f64> = items.iter().filter_map(Value::as_f64).collect();
            match n.as_slice() {
                [v, h] => (
                    Some(format!("{} {}", px(*v), px(*h))),
                    Some(px(2.0 * h)),
                    Some(px(2.0 * v)),
                ),
                [t, r, b, l] => (
                    Some(format!("{} {} {} {}", px(*t), px(*r), px(*b), px(*l))),
                    Some(px(l + r)),
                    Some(px(t + b)),
                ),
                _ => (None, None, None),
            }
        }
        _ => (None, None, None),
    }
}

/// `styles`: a dict of CSS properties (Bokeh writes `background_color` for
/// `background-color`), or a Styles model's set properties.
fn user_styles(doc: &Document, styles: &Value) -> Vec<(String, String)> {
    dict_entries(doc, styles)
        .into_iter()
        .filter_map(|(k, v)| {
            let value = match v {
                Value::Str(s) => s,
                Value::Int(i) => i.to_string(),
                Value::Float(f) => f.to_string(),
                _ => return None,
            };
            // No way out of the declaration.
            let safe = |s: &str| !s.contains([';', '{', '}']);
            (safe(&k) && safe(&value)).then(|| (k.replace('_', "-"), value))
        })
        .collect()
}

/// A dict with string keys as Bokeh writes it (a map or a plain object), or a model's
/// set properties (a Styles model, where Bokeh takes one in its place).
pub(super) fn dict_entries(doc: &Document, dict: &Value) -> Vec<(String, Value)> {
    match dict {
        Value::Map(entries) => entries
            .iter()
            .filter_map(|(k, v)| Some((k.as_str()?.to_owned(), v.clone())))
            .collect(),
        Value::Object(fields) => fields.clone(),
        Value::Ref(id) => doc
            .lookup(id)
            .and_then(|m| doc.try_model(m))
            .map(|m| {
                m.attrs
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}
