//! The page's one document and the revision signals that tell the widgets what changed.
//!
//! The document lives here only; widgets read it through [`Page::read`] and subscribe to the
//! revisions of the models they show, so a change re-renders only what shows it. A
//! figure's canvas subscribes to everything its picture depends on, as the document tells
//! (worked out again only when a reference changed): a change to a model no figure
//! reaches repaints none, one to a figure's range repaints only that figure.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use leptos::prelude::*;

use crate::core::{Id, ModelType, Value};
use crate::document::{AnyId, Change, Document, Event, EventKind, UiEvent};
use crate::models::Figure;

/// A `Copy` handle to the page's document, shared by every component.
#[derive(Clone, Copy)]
pub struct Page {
    // Local storage: the document's callbacks are not `Sync`, and the page has one thread.
    doc: StoredValue<Document, LocalStorage>,
    revisions: StoredValue<Revisions, LocalStorage>,
    /// Told every batch of changes (the server sync sends the page's own; the periodic
    /// callbacks' timers follow the document).
    listeners: StoredValue<Vec<ChangeListener>, LocalStorage>,
}

type ChangeListener = Rc<dyn Fn(&[Change])>;

#[derive(Default)]
struct Revisions {
    /// Created on first use, by the widgets that track a model: bumped by changes to the
    /// model's own properties.
    by_model: HashMap<AnyId, ArcRwSignal<u64>>,
    /// Per model whose box is shown, created on first use: bumped as `by_model` is, but
    /// for changes of the value a user's input sets
    /// ([`INPUT_ATTRS`](crate::document::INPUT_ATTRS)), which no box shows (a slider's
    /// every move changes its value).
    boxes: HashMap<AnyId, ArcRwSignal<u64>>,
    /// Per figure a canvas paints, created on first use: bumped by changes to anything
    /// its picture depends on.
    shown: HashMap<AnyId, ArcRwSignal<u64>>,
    /// Per figure of `shown`: how many batches changed something it shows other than a
    /// source's columns, or the document's references (a paint that finds it unchanged
    /// may show the furniture it laid out last time).
    furniture: HashMap<AnyId, u64>,
    /// Figures laid out again because a neighbour's frame moved, until they paint or
    /// something they show changes: their frames follow that neighbour's, which need not
    /// move again.
    following: HashSet<AnyId>,
    /// The document's links (see [`Document::links`]) as the last batch left them.
    links: u64,
    /// Which figures of `shown` each model is shown by, as the document's links were
    /// when it was worked out (`None`: to work out again).
    shown_by: Option<ShownBy>,
    /// The document's title and its roots, apart: a new title must not rebuild the roots
    /// (and lose an input's focus).
    title: ArcRwSignal<u64>,
    roots: ArcRwSignal<u64>,
}

/// The figures each model's changes repaint: worked out once per change of the
/// document's references (or of the figures painted), not per change.
struct ShownBy {
    links: u64,
    figures: HashMap<AnyId, Vec<AnyId>>,
}

impl ShownBy {
    fn work_out(doc: &Document, shown: impl Iterator<Item = AnyId>) -> ShownBy {
        let mut figures: HashMap<AnyId, Vec<AnyId>> = HashMap::new();
        for figure in shown {
            let Some(typed) = doc
                .try_model(figure)
                .and_then(|_| doc.typed_id::<Figure>(doc.model_id(figure)))
            else {
                continue;
            };
            for model in crate::render::dependencies(doc, typed) {
                figures.entry(model).or_default().push(figure);
            }
        }
        ShownBy {
            links: doc.links(),
            figures,
        }
    }
}

impl Revisions {
    /// Drops the revisions of models the document forgot (a figure swapped out of a
    /// layout, a pushed document's old models): their views are gone with them, and a
    /// page whose models churn would otherwise keep an entry per model ever shown.
    fn forget_gone(&mut self, doc: &Document) {
        let kept = |model: &AnyId| doc.try_model(*model).is_some();
        self.by_model.retain(|m, _| kept(m));
        self.boxes.retain(|m, _| kept(m));
        self.furniture.retain(|m, _| kept(m));
        self.following.retain(kept);
        // `shown_by` is worked out again: the links changed.
        self.shown.retain(|m, _| kept(m));
    }

    /// How many models' revisions are kept.
    fn len(&self) -> usize {
        self.by_model.len() + self.boxes.len() + self.shown.len()
    }
}

impl Page {
    pub fn new(doc: Document) -> Page {
        let revisions = Revisions {
            links: doc.links(),
            ..Revisions::default()
        };
        Page {
            doc: StoredValue::new_local(doc),
            revisions: StoredValue::new_local(revisions),
            listeners: StoredValue::new_local(Vec::new()),
        }
    }

    pub fn read<R>(&self, f: impl FnOnce(&Document) -> R) -> R {
        self.doc.with_value(f)
    }

    /// Changes the document (a user's edit: its callbacks run here), then bumps the
    /// revision of everything that shows what changed.
    pub fn update<R>(&self, f: impl FnOnce(&mut Document) -> R) -> R {
        let (result, changes, events) = self
            .doc
            .try_update_value(|doc| {
                let result = f(doc);
                (result, doc.take_changes(), doc.take_js_events())
            })
            .expect("the page's document lives as long as the page");
        // Outside the document's borrow: subscribers may read it when notified.
        self.bump(&changes);
        // Cloned out first: a listener may update the page again.
        for listener in self.listeners.get_value() {
            listener(&changes);
        }
        if !events.is_empty() {
            super::callbacks::on_events(*self, events);
        }
        result
    }

    /// What `read` says of `model`, kept up to date: a memo that follows the model's
    /// revision and changes only when the value does.
    pub fn watch<T>(
        &self,
        model: AnyId,
        read: impl Fn(&Document) -> T + Send + Sync + 'static,
    ) -> Memo<T>
    where
        T: Clone + PartialEq + Send + Sync + 'static,
    {
        let page = *self;
        Memo::new(move |_| {
            page.track(model);
            page.read(&read)
        })
    }

    /// A user's edit of one property: set as app code would (its callbacks run here). A
    /// value the document refuses changes nothing and is reported on the console.
    pub fn edit(&self, model: AnyId, attr: &str, value: Value) {
        if let Err(e) = self.update(|d| d.set_attr(model, attr, value)) {
            web_sys::console::error_1(&format!("rokeh: setting {attr}: {e}").into());
        }
    }

    /// A UI event of the user's (a click, a menu choice) for the callbacks attached to it
    /// in the page (`js_on_event`), the app's `on_event` callbacks here and the session's
    /// peers, if its model subscribes to it.
    pub fn trigger(&self, event: UiEvent) {
        let name = event.kind.name();
        if let Err(e) = self.update(|d| d.emit(event)) {
            web_sys::console::error_1(&format!("rokeh: {name}: {e}").into());
        }
    }

    /// Whether `model` subscribes to UI events of `kind`, or the page runs callbacks for
    /// them (so they are worth making).
    pub fn subscribes(&self, model: AnyId, kind: EventKind) -> bool {
        self.read(|d| d.subscribes(model, kind) || d.has_js_event_callbacks(model, kind))
    }

    /// Calls `listener` with the changes of every later [`Page::update`].
    pub fn on_changes(&self, listener: impl Fn(&[Change]) + 'static) {
        self.listeners
            .update_value(|listeners| listeners.push(Rc::new(listener)));
    }

    /// The typed handle of `model`, if it is an `M` (a component picked by type name).
    pub fn typed<M: ModelType>(&self, model: AnyId) -> Option<Id<M>> {
        self.read(|d| d.typed_id(d.model_id(model)))
    }

    /// The element id of a model's control, for its label.
    pub fn element_id(&self, model: AnyId) -> String {
        self.read(|d| format!("rk-{}", d.model_id(model)))
    }

    /// Subscribes the current reactive scope to changes of `model`'s own properties.
    pub fn track(&self, model: AnyId) {
        self.revisions
            .try_update_value(|r| r.by_model.entry(model).or_default().clone())
            .expect("the page's revisions live as long as the page")
            .track();
    }

    /// Subscribes the current reactive scope to changes of `model`'s properties that its
    /// box may show: all but the value a user's input sets
    /// ([`INPUT_ATTRS`](crate::document::INPUT_ATTRS)).
    pub fn track_box(&self, model: AnyId) {
        self.revisions
            .try_update_value(|r| r.boxes.entry(model).or_default().clone())
            .expect("the page's revisions live as long as the page")
            .track();
    }

    /// Subscribes the current reactive scope to changes of anything `figure`'s picture
    /// depends on (itself included).
    pub fn track_shown(&self, figure: AnyId) {
        self.revisions
            .try_update_value(|r| {
                r.shown
                    .entry(figure)
                    .or_insert_with(|| {
                        // A figure more to paint: which figures show what, again.
                        r.shown_by = None;
                        ArcRwSignal::default()
                    })
                    .clone()
            })
            .expect("the page's revisions live as long as the page")
            .track();
    }

    /// How many changes have touched what `figure` shows, read without subscribing.
    pub fn shown_revision(&self, figure: AnyId) -> u64 {
        self.revisions.with_value(|r| {
            r.shown
                .get(&figure)
                .map_or(0, |signal| signal.get_untracked())
        })
    }

    /// How many batches of changes touched what `figure` shows other than sources'
    /// columns, read without subscribing: while it stays the same, only data changed.
    pub fn furniture_revision(&self, figure: AnyId) -> u64 {
        self.revisions
            .with_value(|r| r.furniture.get(&figure).copied().unwrap_or(0))
    }

    /// How many models' revisions the page keeps (each model tracked by a view, its box,
    /// or a figure painted): for the test hook.
    pub fn revisions_kept(&self) -> usize {
        self.revisions.with_value(Revisions::len)
    }

    /// After each paint of `figure`: if its frame `moved` in a paint of its own, the
    /// figures lined up with it are laid out again and repainted, their frames following
    /// it. A figure whose frame moved only to follow a neighbour's asks nothing of its
    /// neighbours: theirs were laid out with the document as it is.
    pub fn figure_painted(&self, figure: AnyId, moved: bool) {
        let followed = self
            .revisions
            .try_update_value(|r| r.following.remove(&figure));
        if !moved || followed.expect("the page's revisions live as long as the page") {
            return;
        }
        let neighbours = self.read(|d| crate::render::lined_up(d, figure));
        let signals: Vec<ArcRwSignal<u64>> = self
            .revisions
            .try_update_value(|r| {
                for neighbour in &neighbours {
                    *r.furniture.entry(*neighbour).or_default() += 1;
                    r.following.insert(*neighbour);
                }
                neighbours
                    .iter()
                    .filter_map(|n| r.shown.get(n).cloned())
                    .collect()
            })
            .expect("the page's revisions live as long as the page");
        for signal in signals {
            signal.update(|n| *n += 1);
        }
    }

    /// Subscribes the current reactive scope to the document's title.
    pub fn track_title(&self) {
        self.revisions.with_value(|r| r.title.track());
    }

    /// Subscribes the current reactive scope to the document's roots.
    pub fn track_roots(&self) {
        self.revisions.with_value(|r| r.roots.track());
    }

    fn bump(&self, changes: &[Change]) {
        if changes.is_empty() {
            return;
        }
        let signals: Vec<ArcRwSignal<u64>> = self
            .revisions
            .try_update_value(|r| {
                self.doc.with_value(|doc| {
                    // New references may bring anything into a figure.
                    let relinked = r.links != doc.links();
                    if relinked {
                        r.forget_gone(doc);
                    }
                    if r.shown_by.as_ref().is_none_or(|s| s.links != doc.links()) {
                        r.shown_by = Some(ShownBy::work_out(doc, r.shown.keys().copied()));
                    }
                    r.links = doc.links();
                    let shown_by = r.shown_by.as_ref().map(|s| &s.figures);
                    let restyled: Vec<AnyId> = if relinked {
                        r.shown.keys().copied().collect()
                    } else {
                        changes
                            .iter()
                            .filter(|c| !c.event.changes_columns_only())
                            .filter_map(|c| doc.lookup(c.event.model()?))
                            .filter_map(|m| shown_by?.get(&m))
                            .flatten()
                            .copied()
                            .collect()
                    };
                    // Each change's model, looked up once, and whether a box shows it.
                    let looked: Vec<(AnyId, bool)> = changes
                        .iter()
                        .filter_map(|c| {
                            let model = doc.lookup(c.event.model()?)?;
                            Some((model, !c.event.sets_input_only()))
                        })
                        .collect();
                    let deduped = |models: Vec<AnyId>| {
                        let mut models = models;
                        models.sort_unstable();
                        models.dedup();
                        models
                    };
                    let changed = deduped(looked.iter().map(|&(m, _)| m).collect());
                    let boxed = deduped(looked.iter().filter(|l| l.1).map(|&(m, _)| m).collect());
                    let mut figures: Vec<AnyId> = changed
                        .iter()
                        .filter_map(|m| shown_by?.get(m))
                        .flatten()
                        .copied()
                        .collect();
                    figures.sort_unstable();
                    figures.dedup();
                    let title = changes
                        .iter()
                        .any(|c| matches!(c.event, Event::TitleChanged { .. }))
                        .then(|| r.title.clone());
                    let roots = changes
                        .iter()
                        .any(|c| {
                            matches!(c.event, Event::RootAdded { .. } | Event::RootRemoved { .. })
                        })
                        .then(|| r.roots.clone());
                    let models = changed.iter().filter_map(|m| r.by_model.get(m).cloned());
                    let boxes = boxed.iter().filter_map(|m| r.boxes.get(m).cloned());
                    let shown = figures.iter().filter_map(|f| r.shown.get(f).cloned());
                    // The figures first: their canvases' effects then run first, so a
                    // plot is painted before the widgets' text and attributes follow
                    // (all of it in the same frame).
                    let signals = (shown.chain(models).chain(boxes))
                        .chain(title)
                        .chain(roots)
                        .collect();
                    for figure in restyled {
                        *r.furniture.entry(figure).or_default() += 1;
                    }
                    // A figure following a neighbour's move that changes itself before it
                    // paints may move of its own: its paint must line the neighbours up.
                    for figure in &figures {
                        r.following.remove(figure);
                    }
                    signals
                })
            })
            .expect("the page's revisions live as long as the page");
        for signal in signals {
            signal.update(|n| *n += 1);
        }
    }
}
