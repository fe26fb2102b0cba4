//! An app: a named function that builds a fresh document for each page or session, as a
//! Bokeh app script does for `bokeh serve`. It knows nothing of the page or the server;
//! a binary hands its apps to [`run`], which is the page in a browser and the `rokeh`
//! command line natively.

use std::fmt;
use std::sync::Arc;

use crate::document::Document;

/// An app: `App::new("sliders", sliders)`.
#[derive(Clone)]
pub struct App {
    name: String,
    build: Arc<dyn Fn(&mut Document) + Send + Sync>,
}

impl App {
    /// The app `name` (served at `/<name>`) whose documents `build` makes.
    pub fn new(
        name: impl Into<String>,
        build: impl Fn(&mut Document) + Send + Sync + 'static,
    ) -> App {
        App {
            name: name.into(),
            build: Arc::new(build),
        }
    }

    /// The app's name: its path on a server (`/sliders`) and its `?app=` in a static page.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// A new document built by the app. Building it is not a change anyone needs to hear
    /// about: it has no recorded changes.
    pub fn document(&self) -> Document {
        let mut doc = Document::new();
        (self.build)(&mut doc);
        doc.take_changes();
        doc
    }
}

impl fmt::Debug for App {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("App")
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// Runs `apps`: in the browser (wasm32) the page shows the one its URL names; natively
/// this is the `rokeh` command line (`rokeh serve`, which serves each at `/<name>`), which
/// needs rokeh's `server` feature.
pub fn run(apps: Vec<App>) {
    #[cfg(target_arch = "wasm32")]
    crate::web::mount_apps(apps);
    #[cfg(all(feature = "server", not(target_arch = "wasm32")))]
    crate::server::main_cli_with(apps);
    #[cfg(not(any(feature = "server", target_arch = "wasm32")))]
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
