//! An app: a named function that builds a fresh document for each page or session, as a
//! Bokeh app script does for `bokeh serve`. It knows nothing of the page or the server;
//! a binary hands its apps to [`run`], which is the page in a browser and the `rokeh`
//! command line natively.
//!
//! An app may need data files (a table of movies, say): it names them with
//! [`App::with_files`], the page fetches them beside itself (or finds them inlined in a
//! single-file page) before it builds the document, and the app reads them with [`file()`].
//!
//! An app may lay its roots out in its own HTML, as a Bokeh app's `templates/index.html`
//! does: [`App::with_template`].
//!
//! App code reads the request behind its session with [`Document::session_context`]; a
//! served app may be guarded by an auth provider (`App::with_auth`, natively with the
//! `server` feature: see `rokeh::server::auth`).

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use crate::document::{Document, SessionContext};

/// An app: `App::new("sliders", sliders)`.
#[derive(Clone)]
pub struct App {
    name: String,
    build: Arc<dyn Fn(&mut Document) + Send + Sync>,
    files: Vec<String>,
    template: Option<Template>,
    /// Who may reach the app's sessions, when `rokeh serve` serves it.
    #[cfg(all(feature = "server", not(target_arch = "wasm32")))]
    auth: Option<Arc<dyn crate::server::auth::Auth>>,
}

/// An app's template, and (in the page) how the page shows one: a function named only
/// here, so that a page whose apps have no template carries none of that code.
#[derive(Clone)]
pub(crate) struct Template {
    pub html: Arc<str>,
    #[cfg(target_arch = "wasm32")]
    pub show: crate::web::ShowTemplate,
}

impl App {
    /// The app `name` (served at `/<name>`) whose documents `build` makes. `build` may
    /// return `()` or a `Result` (so it can use `?`, as a Python app script raises): an
    /// app that fails to build is a bug in it, and panics with the error.
    pub fn new<R: Built>(
        name: impl Into<String>,
        build: impl Fn(&mut Document) -> R + Send + Sync + 'static,
    ) -> App {
        let name = name.into();
        let named = name.clone();
        App {
            name,
            build: Arc::new(move |doc| {
                if let Err(e) = build(doc).result() {
                    panic!("app {named} failed to build its document: {e}")
                }
            }),
            files: Vec::new(),
            template: None,
            #[cfg(all(feature = "server", not(target_arch = "wasm32")))]
            auth: None,
        }
    }

    /// `rokeh serve` lets only the users `auth` finds reach the app: its page, its
    /// `autoload.js`, its websocket and its tokens (Bokeh's `--auth-module`, here per app;
    /// the page files they load are open to anyone, as Bokeh's static files are). The
    /// provider's login and logout pages are served where it says. Several apps may share
    /// one provider (one `Arc`); two providers serving one path is an error when the server
    /// starts.
    #[cfg(all(feature = "server", not(target_arch = "wasm32")))]
    pub fn with_auth(mut self, auth: Arc<dyn crate::server::auth::Auth>) -> App {
        self.auth = Some(auth);
        self
    }

    /// The app's auth provider (see [`App::with_auth`]).
    #[cfg(all(feature = "server", not(target_arch = "wasm32")))]
    pub fn auth(&self) -> Option<&Arc<dyn crate::server::auth::Auth>> {
        self.auth.as_ref()
    }

    /// The app reads these files (paths relative to the page, e.g. `data/movies.json.gz`)
    /// with [`file()`]: the page fetches them before it builds the app's document.
    pub fn with_files<S: Into<String>>(mut self, files: impl IntoIterator<Item = S>) -> App {
        self.files.extend(files.into_iter().map(Into::into));
        self
    }

    /// The page shows the app's document in this HTML, as a Bokeh app's
    /// `templates/index.html` body: each `{{ embed(roots.NAME) }}` becomes the root whose
    /// `name` is NAME, `{{ embed(doc) }}` the roots no other place names (Bokeh's
    /// `{{ super() }}` in a `contents` block), and only roots with a place are shown (as in
    /// Bokeh). The rest is HTML as written: Jinja's other tags are not read (a Rust app
    /// writes its loops and variables into the string itself).
    ///
    /// ```
    /// let app = rokeh::App::new("two", |doc: &mut rokeh::Document| {})
    ///     .with_template(r#"<h1>Two</h1><div class="side">{{ embed(roots.plot) }}</div>"#);
    /// assert!(app.template().unwrap().starts_with("<h1>"));
    /// ```
    pub fn with_template(mut self, html: impl Into<String>) -> App {
        self.template = Some(Template {
            html: html.into().into(),
            #[cfg(target_arch = "wasm32")]
            show: crate::web::show_template,
        });
        self
    }

    /// The app's template (see [`App::with_template`]).
    pub fn template(&self) -> Option<&str> {
        self.template.as_ref().map(|t| &*t.html)
    }

    /// The app's template and how the page shows it.
    #[cfg(target_arch = "wasm32")]
    pub(crate) fn shown_template(&self) -> Option<Template> {
        self.template.clone()
    }

    /// The files the app reads (see [`App::with_files`]).
    pub fn files(&self) -> &[String] {
        &self.files
    }

    /// The app's name: its path on a server (`/sliders`) and its `?app=` in a static page.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A new document built by the app. Building it is not a change anyone needs to hear
    /// about: it has no recorded changes.
    pub fn document(&self) -> Document {
        self.document_in(Document::new())
    }

    /// A new document built by the app for a session opened with `context` (what
    /// [`Document::session_context`] gives the app's code): how a test shows an app a
    /// query's arguments or a user.
    ///
    /// ```
    /// use rokeh::{App, Document, SessionContext};
    ///
    /// let app = App::new("hello", |doc: &mut Document| {
    ///     let who = doc.session_context().argument("who").unwrap_or("world").to_owned();
    ///     doc.set_title(format!("Hello, {who}"));
    /// });
    /// let doc = app.document_for(SessionContext::default().with_query("who=Bokeh"));
    /// assert_eq!(doc.title(), "Hello, Bokeh");
    /// ```
    pub fn document_for(&self, context: SessionContext) -> Document {
        let mut doc = Document::new();
        doc.set_session_context(context);
        self.document_in(doc)
    }

    /// The app's document built into `doc`, an empty one: a static page builds into a
    /// [`Document::lean`], which knows only the model types the app makes.
    pub fn document_in(&self, mut doc: Document) -> Document {
        (self.build)(&mut doc);
        doc.take_changes();
        doc
    }
}

/// Where a template shows roots.
#[cfg(any(target_arch = "wasm32", test))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// `{{ embed(roots.NAME) }}`: the root whose `name` is NAME.
    Root(String),
    /// `{{ embed(doc) }}`: every root no other place names, in the document's order.
    Rest,
}

/// A template's HTML with each place for roots made an empty element (`<div
/// data-rk-root="NAME">`, `<div data-rk-root>` for the rest), and those places in order.
/// Other `{{ … }}` are left as written. (The page's: natively only tested.)
#[cfg(any(target_arch = "wasm32", test))]
pub(crate) fn template_slots(html: &str) -> (String, Vec<Place>) {
    let mut out = String::with_capacity(html.len());
    let mut places = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find("{{") {
        let Some(len) = rest[open..].find("}}") else {
            break;
        };
        let tag = &rest[open + 2..open + len];
        out.push_str(&rest[..open]);
        match place(tag) {
            Some(Place::Root(name)) => {
                out.push_str(&format!(r#"<div data-rk-root="{name}"></div>"#));
                places.push(Place::Root(name));
            }
            Some(Place::Rest) => {
                out.push_str("<div data-rk-root></div>");
                places.push(Place::Rest);
            }
            None => out.push_str(&rest[open..open + len + 2]),
        }
        rest = &rest[open + len + 2..];
    }
    out.push_str(rest);
    (out, places)
}

/// The place `tag` names: ` embed(roots.NAME) ` (spaces anywhere between the parts, NAME
/// a Python identifier) or ` embed(doc) `.
#[cfg(any(target_arch = "wasm32", test))]
fn place(tag: &str) -> Option<Place> {
    let inner = tag
        .trim()
        .strip_prefix("embed")?
        .trim_start()
        .strip_prefix('(')?;
    let inner = inner.trim_end().strip_suffix(')')?.trim();
    if inner == "doc" {
        return Some(Place::Rest);
    }
    let name = inner
        .strip_prefix("roots")?
        .trim_start()
        .strip_prefix('.')?
        .trim_start();
    let identifier = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    identifier.then(|| Place::Root(name.to_owned()))
}

/// What an app's build function returns: `()`, or a `Result` whose error says what failed.
pub trait Built {
    /// The error, as text, if building failed.
    fn result(self) -> Result<(), String>;
}

impl Built for () {
    fn result(self) -> Result<(), String> {
        Ok(())
    }
}

impl<E: fmt::Display> Built for Result<(), E> {
    fn result(self) -> Result<(), String> {
        self.map_err(|e| e.to_string())
    }
}

impl fmt::Debug for App {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("App")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// The files provided so far, by path.
static FILES: Mutex<Option<HashMap<String, Arc<[u8]>>>> = Mutex::new(None);

/// The file at `path` that an app named with [`App::with_files`], once the page has it
/// (natively, once something [`provide_file`]d it); `None` before.
pub fn file(path: &str) -> Option<Arc<[u8]>> {
    let files = FILES.lock().unwrap_or_else(PoisonError::into_inner);
    files.as_ref()?.get(path).cloned()
}

/// Makes `bytes` the file at `path` for [`file()`]: the page does this with what it
/// fetched; a native binary may do it with files it holds.
pub fn provide_file(path: &str, bytes: impl Into<Arc<[u8]>>) {
    let mut files = FILES.lock().unwrap_or_else(PoisonError::into_inner);
    files
        .get_or_insert_with(HashMap::new)
        .insert(path.to_owned(), bytes.into());
}

/// Runs `apps`: in the browser (wasm32) the page shows the one its URL names; natively
/// this is the `rokeh` command line (`rokeh serve`, which serves each at `/<name>`), which
/// needs rokeh's `server` feature. Served, the page knows every model type rokeh and Bokeh
/// define, so it shows any document a session is sent (a Python client's push, say).
pub fn run(apps: Vec<App>) {
    run_extended(&[], apps);
}

/// [`run`], with `own` views of model types of one's own (see
/// [`custom_view!`](crate::custom_view)) built into the page beside all of rokeh's, as
/// Bokeh's page loads a custom extension's code beside BokehJS. Served, the page knows
/// their types as it knows rokeh's, so it reads and syncs models of them; a Python
/// `bokeh.client` reads them only if it defines a model class of each name, as with
/// Bokeh's own extensions. Natively, the same as [`run`].
pub fn run_extended(own: &'static [crate::views::View], apps: Vec<App>) {
    #[cfg(target_arch = "wasm32")]
    {
        // Static only, the page shows only its apps' documents: it needs their types alone.
        #[cfg(feature = "session")]
        let mut blank = Document::new();
        #[cfg(not(feature = "session"))]
        let blank = Document::lean();
        #[cfg(feature = "session")]
        crate::views::learn_types(&mut blank, own);
        let views: &'static [crate::views::View] = if own.is_empty() {
            crate::views::ALL
        } else {
            // Once per page: the views it shows, for as long as it lives.
            let all = crate::views::ALL.iter().chain(own).copied();
            Box::leak(all.collect::<Vec<_>>().into_boxed_slice())
        };
        crate::web::mount_apps_in(apps, views, blank);
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = own;
        command_line(apps);
    }
}

/// [`run`], with only `views` built into the page (see [`crate::views`]): a smaller page
/// for apps that show few widgets, glyphs and annotations, and use few tools. `views` may
/// list views of one's own model types ([`custom_view!`](crate::custom_view)) beside
/// rokeh's. Natively, the same as [`run`].
///
/// The page's document is a [`Document::lean`], so its wasm holds only the schemas of the
/// model types it needs: static, those its apps make; served, also those of its views and
/// of what every page shows (figures and their parts, layouts, sources, color mappers), so
/// that it can show a document its session is sent (a Python client's push). A model of
/// another type is kept as it came, unchecked (the server checked it): read by name, it has
/// only the properties it was sent; it is shown only where the page has its view.
pub fn run_with_views(views: &'static [crate::views::View], apps: Vec<App>) {
    #[cfg(target_arch = "wasm32")]
    crate::web::mount_apps(apps, views);
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = views;
        command_line(apps);
    }
}

/// The `rokeh` command line, when built with the `server` feature.
#[cfg(not(target_arch = "wasm32"))]
fn command_line(apps: Vec<App>) {
    #[cfg(feature = "server")]
    crate::server::main_cli_with(apps);
    #[cfg(not(feature = "server"))]
    {
        let names: Vec<&str> = apps.iter().map(App::name).collect();
        eprintln!(
            "rokeh: the command line (`rokeh serve`, `rokeh new`) needs rokeh's `server` \
             feature; this binary was built without it (apps: {})",
            names.join(", ")
        );
        std::process::exit(2);
    }
}

#[cfg(test)]
mod tests {
    use super::{template_slots, Place};

    #[test]
    fn a_template_embeds_its_named_roots_and_leaves_the_rest_as_written() {
        let html = "<h1>{{ title }}</h1>{{ embed(roots.line) }}<p>{{embed( roots . table )}}</p>{{ embed(doc) }}";
        let (out, places) = template_slots(html);
        let root = |name: &str| Place::Root(name.to_owned());
        assert_eq!(places, [root("line"), root("table"), Place::Rest]);
        assert_eq!(
            out,
            r#"<h1>{{ title }}</h1><div data-rk-root="line"></div><p><div data-rk-root="table"></div></p><div data-rk-root></div>"#
        );
        // Not a place: as written.
        for kept in [
            "{{ embed(roots[0]) }}",
            "{{ embed(docs) }}",
            "{{ embed(roots.9a) }}",
            "{{ unclosed",
        ] {
            assert_eq!(template_slots(kept), (kept.to_owned(), vec![]), "{kept}");
        }
    }
}
