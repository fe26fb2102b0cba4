//! The document: a store of models (typed property bags with ids, named as in Bokeh), its
//! roots and title, as Bokeh's `Document`.
//!
//! How a change flows: whoever changes the document — app code, a user's edit in the page,
//! a peer's patch — calls the same methods ([`Document::set`], [`Document::set_attr`],
//! [`Document::stream`], …). Each change is validated against the document's
//! [`Registry`] (the property exists, its value has the right kind, it stays within its
//! domain, its references resolve), written, recorded as an [`Event`] with its
//! [`Origin`], and handed to the `on_change` callbacks; all of it is undone if a callback
//! fails. The page and the server then take the recorded changes
//! ([`Document::take_changes`]) to redraw and to send to peers.
//!
//! Who made a change, and whether the app's callbacks run for it, is the document's
//! current [`Actor`]: [`Actor::LOCAL`] unless the change is made inside
//! [`Document::acting_as`] (a peer's patch being applied). Callbacks always run as local:
//! what they change is news to everyone, the peer included.
//!
//! The document knows models only through its registry (`core`), never by name; the
//! `models` layer gives [`Document::new`] the standard one. A [`Document::lean`] has an
//! empty one and learns each type from the Rust type of the first model added (a static
//! page's, so that its wasm links only the schemas of the types its apps make).

mod built_in_themes;
mod callbacks;
mod changes;
mod columns;
mod error;
mod events;
mod journal;
mod js_callbacks;
pub mod json;
mod patch;
mod props;
mod roots;
mod session_context;
mod store;
mod stream;
mod theme;

pub use crate::core::{AnyId, ArrayData, DType, Element, Elements, Id, ModelId, NdArray, Value};
pub use callbacks::{CallbackResult, PeriodicCallbackId, PropertyChange};
pub use changes::{Actor, HoldPolicy};
pub use error::DocumentError;
pub use events::{Change, Event, EventKind, Origin, PeerId, UiEvent, BOKEH_EVENT, INPUT_ATTRS};
pub use js_callbacks::{JS_EVENT_CALLBACKS, JS_PROPERTY_CALLBACKS};
pub use patch::{Along, ColumnPatches, PatchIndex};
#[cfg(all(feature = "server", not(target_arch = "wasm32")))]
pub(crate) use session_context::form_pairs;
pub use session_context::SessionContext;
pub use store::Model;
pub use theme::{Theme, ThemeError};

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::core::{Registry, TypeSchema};
use callbacks::Callbacks;
use journal::Journal;

/// Where new models' ids start, as in Bokeh ("p1001").
const FIRST_ID_NUMBER: u64 = 1001;

/// How many forgotten models a document remembers, to say why a handle to one is gone.
const FORGOTTEN_KEPT: usize = 10_000;

/// A Bokeh document: the models of an app, its roots (what the page shows) and title, and
/// the callbacks that react to its changes. An app is a function that builds one; the
/// page and the server each hold a document and keep it in sync with their peers.
///
/// Models are added with [`Document::add`], which returns a typed handle ([`Id`]);
/// properties are read and written through typed keys ([`Document::get`],
/// [`Document::set`]) or by name ([`Document::get_attr`], [`Document::set_attr`]).
/// Every write is validated first and recorded as a change (see
/// [the module docs](crate::document)).
///
/// ```
/// use rokeh::models::{ColumnDataSource, Slider};
/// use rokeh::Document;
///
/// let mut doc = Document::new();
/// let (x, y) = (vec![1.0, 2.0, 3.0], vec![1.0, 2.0, 3.0]);
/// let source = doc.add(ColumnDataSource::new([("x", x), ("y", y)]));
/// let power = doc.add(Slider::new("power", 1.0, 1.0, 4.0, 0.5));
/// doc.on_change(power, Slider::VALUE, move |doc, change| {
///     let x = doc.column_f64(source, "x").unwrap_or_default();
///     let y: Vec<f64> = x.iter().map(|x| x.powf(change.new)).collect();
///     doc.set_column(source, "y", y)
/// });
/// doc.add_root(power);
///
/// doc.set(power, Slider::VALUE, 2.0)?; // as a user's drag would
/// assert_eq!(doc.column_f64(source, "y"), Some(&[1.0, 4.0, 9.0][..]));
/// # Ok::<(), rokeh::document::DocumentError>(())
/// ```
pub struct Document {
    registry: &'static Registry,
    /// Model types added that the registry does not define whole (by hand and Bokeh's).
    learned: Vec<TypeSchema>,
    title: String,
    roots: Vec<AnyId>,
    /// The models; a handle is an index here. A removed model leaves `None`, and its
    /// slot takes a later model in a new generation, so that a stale handle never names
    /// another model and a document whose models come and go (an app that rebuilds its
    /// figures, a client that pushes the document again and again) keeps as many slots as
    /// it ever held models at once. Boxed: an empty slot costs a pointer.
    models: Vec<Option<Box<Model>>>,
    /// Each slot's generation: bumped when its model leaves.
    generations: Vec<u32>,
    /// Empty slots to take, last freed first (a slot may be listed that was taken again
    /// since: taking skips it). A batch's removals are listed once it succeeds, so that
    /// undoing a batch never finds a removed model's slot holding another.
    vacant: Vec<u32>,
    /// Each slot's type schema, looked up when its model came in (or its type was learnt):
    /// every read of a property left at its default needs it, and a lookup by type name
    /// costs string comparisons (most of a figure's read, measured).
    schemas: Vec<Option<TypeSchema>>,
    by_id: HashMap<ModelId, AnyId>,
    /// Bokeh's `DocumentConfig` model, when the document came with one.
    config: Option<AnyId>,
    /// The document's own callbacks by UI event name (Bokeh's document `callbacks`:
    /// `document_ready`, `connection_lost`, ...), run by the page.
    document_callbacks: Vec<(String, Vec<AnyId>)>,
    /// UI events emitted on models with callbacks attached to them, for the page to run
    /// (the document runs no JavaScript).
    js_events: Vec<UiEvent>,
    next_id_number: u64,
    callbacks: Callbacks,
    changes: Vec<Change>,
    /// Where in `changes` the latest change of each model (`None`: of the title) is.
    latest: HashMap<Option<ModelId>, usize>,
    /// Set while an all-or-nothing batch runs.
    journal: Option<Journal>,
    /// Open holds: while any is open, `take_changes` hands out nothing.
    holds: u32,
    /// Set by a `Collect` hold, until no hold is open.
    collect: bool,
    /// Who is making changes now.
    actor: Actor,
    /// The values models take where app code gave them none.
    theme: Option<Theme>,
    /// Per model, the properties a theme set (a value or, for one a later theme does not
    /// name, the default): a new theme replaces them, app code's own values it leaves.
    themed: HashMap<AnyId, Vec<String>>,
    /// The models a root or the config reached when the document last looked.
    attached: HashSet<AnyId>,
    /// Whether a reference was written, dropped or a root changed since it last looked.
    refs_changed: bool,
    /// How many times it looked after such a change (see [`Document::links`]).
    links: u64,
    /// Models app code keeps while detached (`Document::keep`).
    kept: HashSet<AnyId>,
    /// The models `take_changes` forgot once detached, by handle: their type and id, so
    /// a handle to one that app code uses again gets an error naming why it is gone.
    /// The latest [`FORGOTTEN_KEPT`] of them: older handles get the plain stale-handle
    /// error, so that a long session does not pile them up.
    forgotten: BTreeMap<AnyId, (String, ModelId)>,
    /// The columns models of a type with [`DerivedColumns`](crate::core::DerivedColumns)
    /// (a GeoJSONDataSource) derive from a property, made whenever it is written.
    derived: HashMap<AnyId, Value>,
    /// The request behind the session the document is for (see [`SessionContext`]): it
    /// stays when a pushed document replaces this one's models.
    session_context: SessionContext,
}

impl std::fmt::Debug for Document {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Document")
            .field("title", &self.title)
            .field("roots", &self.roots)
            .field("models", &self.models)
            .finish_non_exhaustive()
    }
}

impl Document {
    /// An empty document that knows the model types of `registry`.
    pub fn with_registry(registry: &'static Registry) -> Document {
        Document {
            registry,
            learned: Vec::new(),
            title: "Bokeh Application".into(),
            roots: Vec::new(),
            models: Vec::new(),
            generations: Vec::new(),
            vacant: Vec::new(),
            schemas: Vec::new(),
            by_id: HashMap::new(),
            config: None,
            document_callbacks: Vec::new(),
            js_events: Vec::new(),
            next_id_number: FIRST_ID_NUMBER,
            callbacks: Callbacks::default(),
            changes: Vec::new(),
            latest: HashMap::new(),
            journal: None,
            holds: 0,
            collect: false,
            actor: Actor::LOCAL,
            theme: None,
            themed: HashMap::new(),
            attached: HashSet::new(),
            refs_changed: false,
            links: 0,
            kept: HashSet::new(),
            forgotten: BTreeMap::new(),
            derived: HashMap::new(),
            session_context: SessionContext::default(),
        }
    }

    /// What app code knows of the request that opened its session, as Bokeh's
    /// `curdoc().session_context`: the same in the page and in `rokeh serve` (see
    /// [`SessionContext`]).
    pub fn session_context(&self) -> &SessionContext {
        &self.session_context
    }

    /// Sets what [`Document::session_context`] gives, before the app builds into it.
    pub(crate) fn set_session_context(&mut self, context: SessionContext) {
        self.session_context = context;
    }

    /// An empty document that knows only the model types added to it, each learnt from
    /// its Rust type (and the types those make by default, from Bokeh's schemas): what a
    /// static page's apps need, so its wasm holds no other type's schema. A model of
    /// another type, read from JSON, is kept verbatim; use [`Document::new`] to read
    /// documents.
    ///
    /// ```
    /// use rokeh::models::Slider;
    /// use rokeh::Document;
    ///
    /// let mut doc = Document::lean();
    /// let slider = doc.add(Slider::new("power", 1.0, 1.0, 4.0, 0.5));
    /// assert!(doc.set(slider, Slider::VALUE, 9.0).is_err()); // out of its range
    /// ```
    pub fn lean() -> Document {
        static NONE: Registry = Registry::EMPTY;
        Document::with_registry(&NONE)
    }

    /// The model types this document knows.
    pub fn registry(&self) -> &'static Registry {
        self.registry
    }
}
