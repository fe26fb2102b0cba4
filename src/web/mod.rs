//! The page (wasm32): the app's document shown with Leptos components, the plots painted
//! on canvases, and a small inspection hook for tests and benchmarks.
//!
//! A binary calls [`crate::run`] with its apps; in the browser that is [`mount_apps`].

mod canvas;
mod element;
mod figure;
mod grid;
mod hook;
mod layout;
mod page;
mod periodic;
mod query;
mod resize;
mod surface;
mod sync;
mod table;
mod tabs;
mod widgets;

pub use query::{query_count, query_text};

use leptos::prelude::*;

use crate::app::App;
use crate::protocol::page_link::APP_QUERY;
use page::Page;

/// Shows the app the page is for: the one `rokeh serve` named in the page, else the one
/// the URL's `?app=` names, else the first. An unknown name is reported and the first
/// shown, so a mistyped URL still shows something.
pub fn mount_apps(apps: Vec<App>) {
    let wanted = sync::served_app().or_else(|| query_text(APP_QUERY));
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
    match apps.into_iter().nth(chosen) {
        Some(app) => mount(app),
        None => web_sys::console::error_1(&"rokeh: no app to show".into()),
    }
}

/// Builds a document with `app` and shows it in the page's body: its roots as widgets and
/// plots, its title as the page's title. Edits in the page run the app's callbacks here.
pub fn mount(app: App) {
    // Panics would otherwise vanish into an `unreachable` trap with no message.
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("rokeh: {info}").into());
    }));
    let doc = app.document();
    leptos::mount::mount_to_body(move || {
        let page = Page::new(doc);
        hook::install(page);
        Effect::new(move || {
            page.track_title();
            document().set_title(&page.read(|d| d.title().to_owned()));
        });
        // Served by `rokeh serve`: join its session (a status badge shows the connection),
        // whose periodic callbacks the server runs. Alone, the page runs them.
        let connection = sync::start(page);
        if connection.is_none() {
            periodic::start(page);
        }
        let roots = Memo::new(move |_| {
            page.track_roots();
            page.read(|d| d.roots().to_vec())
        });
        view! {
            {connection}
            <main class="rk-document">
                <For each=move || roots.get() key=|root| *root let:root>
                    {layout::model_view(page, root)}
                </For>
            </main>
        }
    });
}
