//! The glyph and annotation types this process draws, the kinds of axis part it reads
//! (see [`super::axis_parts`]) and the JavaScript models it runs ([`super::scripted`]).
//! Natively every one rokeh has (JavaScript aside); a page only those its views list
//! ([`crate::views`]), so that its wasm carries no other type's code: the tables of every
//! type are then only read at compile time, by the views' constants. A type the page does
//! not draw is reported once in the console.

use std::cell::RefCell;

use super::annotations::BuildAnnotation;
use super::axis_parts::AxisPart;
use super::composite::BuildComposite;
use super::glyphs::Build;
use super::scripted::Script;
use super::tiles::ReadTiles;
use crate::core::same_name;

/// The types a page draws, by Bokeh type name.
#[derive(Default)]
pub(crate) struct Shown {
    pub glyphs: Vec<(&'static str, Build)>,
    pub annotations: Vec<(&'static str, BuildAnnotation)>,
    pub composites: Vec<(&'static str, BuildComposite)>,
    /// The reader of map tiles, with their view.
    pub tiles: Option<ReadTiles>,
    pub axis_parts: Vec<(&'static str, AxisPart)>,
    /// How the models whose behaviour is JavaScript run, with their views.
    pub scripts: Vec<(&'static str, Script)>,
    /// The types reported as not drawn, and the views reported as lacking.
    missing: Vec<String>,
}

thread_local! {
    static SHOWN: RefCell<Shown> = RefCell::default();
}

/// From now on the page draws these types and no others.
pub(crate) fn show(shown: Shown) {
    SHOWN.set(shown);
}

pub(crate) fn glyph(type_name: &str) -> Option<Build> {
    SHOWN.with_borrow_mut(|s| {
        let found = find(&s.glyphs, type_name);
        s.report("glyphs", type_name, found.is_some());
        found
    })
}

pub(crate) fn annotation(type_name: &str) -> Option<BuildAnnotation> {
    SHOWN.with_borrow_mut(|s| {
        let found = find(&s.annotations, type_name);
        s.report("annotations", type_name, found.is_some());
        found
    })
}

/// The reader of a composite renderer type, if the page draws it; not reported (see
/// [`renderer`]).
pub(crate) fn composite(type_name: &str) -> Option<BuildComposite> {
    SHOWN.with_borrow(|s| find(&s.composites, type_name))
}

/// The reader of map tiles, if the page draws them; not reported (see [`renderer`]).
pub(crate) fn tiles() -> Option<ReadTiles> {
    SHOWN.with_borrow(|s| s.tiles)
}

/// Reports, once per type, a renderer this page does not draw (a graph, a contour or map
/// tiles without its view).
pub(crate) fn renderer(type_name: &str) {
    SHOWN.with_borrow_mut(|s| s.report("renderers", type_name, false));
}

/// Reports, once per message, a renderer or annotation left out of a figure because it
/// cannot be read (an expression rokeh does not evaluate, a column of the wrong kind):
/// the rest of the figure is drawn.
pub(crate) fn left_out(error: &str) {
    once(
        error,
        || format!("rokeh: left out of the figure: {error}"),
        true,
    );
}

/// Reports, once per type, a model rokeh does not read (a ticker or formatter written in
/// JavaScript, say): `fallback` says what is drawn instead.
pub(crate) fn unread(type_name: &str, fallback: &str) {
    let message = || format!("rokeh: {type_name} is not a model rokeh reads: {fallback}");
    once(type_name, message, false);
}

pub(crate) fn axis_part(type_name: &str) -> Option<AxisPart> {
    SHOWN.with_borrow(|s| find(&s.axis_parts, type_name))
}

pub(crate) fn script(type_name: &str) -> Option<Script> {
    SHOWN.with_borrow(|s| find(&s.scripts, type_name))
}

/// Reports, once per view, that the page lacks `view`, which reads `type_name`:
/// `fallback` says what is drawn instead.
pub(crate) fn lacking(type_name: &str, view: &str, fallback: &str) {
    let message = || {
        format!(
            "rokeh: this page was built without views::{view}, which reads {type_name}: \
             {fallback}"
        )
    };
    once(view, message, false);
}

/// Says `message` in the console (an error, else a warning) the first time `key` is
/// reported.
fn once(key: &str, message: impl FnOnce() -> String, error: bool) {
    SHOWN.with_borrow_mut(|s| s.once(key, message, error));
}

impl Shown {
    fn report(&mut self, kind: &str, type_name: &str, drawn: bool) {
        if drawn {
            return;
        }
        let message = || {
            format!(
                "rokeh: this page does not draw {type_name} {kind} (see rokeh::views); they \
                 are left out"
            )
        };
        self.once(type_name, message, false);
    }

    fn once(&mut self, key: &str, message: impl FnOnce() -> String, error: bool) {
        if self.missing.iter().any(|m| m == key) {
            return;
        }
        self.missing.push(key.to_owned());
        let message = message().into();
        if error {
            web_sys::console::error_1(&message);
        } else {
            web_sys::console::warn_1(&message);
        }
    }
}

fn find<B: Copy>(table: &[(&'static str, B)], type_name: &str) -> Option<B> {
    table
        .iter()
        .find(|(name, _)| *name == type_name)
        .map(|&(_, b)| b)
}

/// The builder named `type_name` in `table`, at compile time: a view's constant holds
/// only its own type's builder. A name not in the table does not compile.
pub(crate) const fn named<B: Copy>(table: &[(&'static str, B)], type_name: &str) -> B {
    let mut i = 0;
    while i < table.len() {
        if same_name(table[i].0, type_name) {
            return table[i].1;
        }
        i += 1;
    }
    panic!("no such type in rokeh's table")
}
