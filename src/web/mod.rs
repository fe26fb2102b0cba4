//! The page (wasm32): the app's document shown with Leptos components, the plots painted
//! on canvases, and a small inspection hook for tests and benchmarks.
//!
//! A binary calls [`crate::run`] with its apps; in the browser that is [`mount_apps`]. The
//! page fills the body of its own HTML page, or an element of another site's page that the
//! embed loader marked (see `embed.rs`).

mod bind;
pub(crate) mod callbacks;
mod canvas;
mod context;
pub(crate) mod dialog;
pub(crate) mod dom;
mod element;
mod embed;
mod extend;
mod figure;
mod files;
pub(crate) mod grid;
mod grid_toolbar;
pub(crate) mod group_box;
mod hook;
mod icons;
mod images;
mod js;
mod layout;
mod page;
mod periodic;
mod query;
mod resize;
mod session;
mod stylesheets;
mod surface;
#[cfg(feature = "session")]
mod sync;
pub(crate) mod table;
pub(crate) mod tabs;
mod template;
mod toolbar;
pub(crate) mod tools;
pub(crate) mod widgets;
mod window;

pub(crate) use template::{view as show_template, ShowTemplate};

pub use extend::{canvas, ModelHandle, ShowModel};
pub(crate) use images::{get as fetch_image, FetchImages};
pub(crate) use layout::Component;
pub use query::query_text;
pub(crate) use widgets::control::DomWriter;

use leptos::prelude::*;

use crate::app::App;
use crate::document::{Document, EventKind, UiEvent};
use crate::protocol::page_link::{APP_META, APP_QUERY};
use crate::render::Shown;
use crate::views::{self, Shows, View};
use page::Page;

/// Shows the app the page is for: the one an embed's element names, else the one
/// `rokeh serve` named in the page, else the one a single-file page was built for, else
/// the one the URL's `?app=` names, else the first.
/// An unknown name is reported and the first shown, so a mistyped URL still shows something.
/// An app's data files are got first (see [`crate::App::with_files`]). The page shows
/// `views` (see [`crate::views`]) besides layouts and figures, into a lean document (see
/// [`crate::run_with_views`]).
pub fn mount_apps(apps: Vec<App>, views: &'static [View]) {
    #[cfg(feature = "session")]
    let blank = views::served_document(views);
    #[cfg(not(feature = "session"))]
    let blank = Document::lean();
    mount_apps_in(apps, views, blank);
}

/// [`mount_apps`], its document built into `blank`, an empty one.
pub(crate) fn mount_apps_in(apps: Vec<App>, views: &'static [View], blank: Document) {
    show_views(views);
    let embed = embed::claim();
    let wanted = match &embed {
        Some(embed) => embed.app.clone(),
        None => session::served_app()
            .or_else(single_file_app)
            .or_else(|| query_text(APP_QUERY)),
    };
    let chosen = match &wanted {
        Some(name) => apps
            .iter()
            .position(|a| a.name() == name)
            .unwrap_or_else(|| {
                let message = format!("rokeh: no app named {name:?}; showing the first");
                web_sys::console::warn_1(&message.into());
                0
            }),
        None => 0,
    };
    let Some(app) = apps.into_iter().nth(chosen) else {
        web_sys::console::error_1(&"rokeh: no app to show".into());
        return;
    };
    let files = app.files().to_vec();
    let base = embed.as_ref().and_then(|e| e.base.clone());
    let start = move || match embed {
        Some(embed) => show(app, blank, Some(embed.element), embed.session),
        None => show(app, blank, None, session::Session::served_page()),
    };
    if files.is_empty() {
        return start();
    }
    // Its data files first: the app reads them as it builds the document.
    wasm_bindgen_futures::spawn_local(async move {
        match files::load(&files, base.as_deref()).await {
            Ok(()) => start(),
            Err(e) => web_sys::console::error_1(&format!("rokeh: cannot load {e}").into()),
        }
    });
}

/// Builds `views` into the page: its widgets' and layouts' components, the glyphs and
/// annotations its figures draw, the kinds of axis they read, and what their tools do.
fn show_views(views: &'static [View]) {
    layout::show_components(views);
    surface::fetch_images_with(views.iter().find_map(|v| v.images));
    crate::render::hatch::draw_tiles_with(Some(surface::draw_tile));
    widgets::control::write_dom_with(views.iter().find_map(|v| v.dom));
    crate::render::math::show(None);
    let mut shown = Shown::default();
    let mut tools = Vec::new();
    let mut callbacks = Vec::new();
    for view in views {
        match view.shows {
            Shows::Component(_) => {}
            Shows::Glyph(build) => shown.glyphs.push((view.name, build)),
            Shows::Annotation(build) => shown.annotations.push((view.name, build)),
            Shows::Composite(build) => shown.composites.push((view.name, build)),
            Shows::Tiles(read) => shown.tiles = Some(read),
            Shows::AxisParts(parts) => shown.axis_parts.extend_from_slice(parts),
            Shows::Tool(tool) => {
                if let Some(build) = tool.drawn() {
                    shown.annotations.push((view.name, build));
                }
                tools.push((view.name, tool));
            }
            Shows::Callback(runner) => callbacks.push((view.name, runner)),
            Shows::Script(script) => shown.scripts.push((view.name, script)),
            Shows::Math(math) => crate::render::math::show(Some(math)),
        }
    }
    crate::render::show(shown);
    tools::show(tools);
    callbacks::show(callbacks);
}

/// The app a single-file page names in its `rokeh-app` meta tag.
fn single_file_app() -> Option<String> {
    document()
        .query_selector(&format!("meta[name=\"{APP_META}\"]"))
        .ok()??
        .get_attribute("content")
}

/// Builds a document with `app` and shows it in the page's body: its roots as widgets and
/// plots, its title as the page's title, with every widget view and every model type.
/// Edits in the page run the app's callbacks here.
pub fn mount(app: App) {
    show_views(views::ALL);
    show(app, Document::new(), None, session::Session::served_page());
}

/// Shows `app`'s document, built into `blank`, in `element` (embedded: the host
/// page keeps its title, as with Bokeh's embeds) or in the body, joined to `session` if
/// there is one.
fn show(
    app: App,
    mut blank: Document,
    element: Option<web_sys::HtmlElement>,
    session: Option<session::Session>,
) {
    hook::mark("rokeh-start");
    // Panics would otherwise vanish into an `unreachable` trap with no message.
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("rokeh: {info}").into());
    }));
    blank.set_session_context(context::of(session.as_ref()));
    let doc = app.document_in(blank);
    let template = app.shown_template();
    hook::mark("rokeh-app-built");
    let owns_title = element.is_none();
    let view = move || {
        let page = Page::new(doc);
        hook::install(page);
        if owns_title {
            Effect::new(move || {
                page.track_title();
                document().set_title(&page.read(|d| d.title().to_owned()));
            });
        }
        // Joined to a session of `rokeh serve` (a status badge shows the connection), whose
        // periodic callbacks the server runs. Alone, the page runs them.
        let connection = session.map(|session| session::join(page, session));
        callbacks::listen(page);
        match &connection {
            None => {
                periodic::start(page);
                // Once mounted, the document is shown: its `document_ready` callbacks run
                // (a served page's server hears of it once the session's is shown).
                wasm_bindgen_futures::spawn_local(async move {
                    page.trigger(UiEvent::new(EventKind::DocumentReady, None));
                });
            }
            Some(_) => periodic::start_added(page),
        }
        let roots = Memo::new(move |_| {
            page.track_roots();
            page.read(|d| d.roots().to_vec())
        });
        let shown = match template {
            Some(template) => (template.show)(page, &template.html, roots),
            None => {
                view! { <main class="rk-document">{layout::keyed(page, roots)}</main> }.into_any()
            }
        };
        view! {
            {connection}
            {shown}
        }
    };
    match element {
        Some(element) => leptos::mount::mount_to(element, view).forget(),
        None => leptos::mount::mount_to_body(view),
    }
    hook::mark("rokeh-mounted");
}
