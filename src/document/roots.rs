//! The document's title and roots, and the messages and UI events that change no model.

use super::journal::Undo;
use super::{AnyId, Document, Event, Value};

impl Document {
    /// The document's title: the page's title (Bokeh's `curdoc().title`).
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Sets the title, recorded as Bokeh's TitleChanged.
    pub fn set_title(&mut self, title: impl Into<String>) {
        let title = title.into();
        if self.title != title {
            let old = std::mem::replace(&mut self.title, title.clone());
            self.journal(|| Undo::Title(old));
            self.record(Event::TitleChanged { title });
        }
    }

    /// Sends `data` to the peers as Bokeh's MessageSent event of kind `msg_type`; the
    /// document itself does not change.
    pub fn send_message(&mut self, msg_type: impl Into<String>, data: Value) {
        let msg_type = msg_type.into();
        self.record(Event::MessageSent {
            msg_type,
            msg_data: data,
        });
    }

    /// The roots, in order: the models the page shows, each with what it refers to.
    pub fn roots(&self) -> &[AnyId] {
        &self.roots
    }

    /// Adds a root, as Bokeh's `curdoc().add_root(...)`; a root already there stays
    /// where it is.
    pub fn add_root(&mut self, root: impl Into<AnyId>) {
        let root = root.into();
        if !self.roots.contains(&root) {
            // Journaled as what changed, not a copy of the roots: a patch adding many
            // roots costs what it adds.
            self.journal(|| Undo::RootAdded);
            self.roots.push(root);
            self.refs_changed = true;
            let model = self.model_id(root).clone();
            self.record(Event::RootAdded { model });
        }
    }

    /// Removes a root; nothing when it is not one. Once the change is handed out
    /// (`take_changes`), the model and what only it reached leave the document, as in
    /// Bokeh, unless it was never attached (added as a root within the same operation).
    pub fn remove_root(&mut self, root: impl Into<AnyId>) {
        let root = root.into();
        if let Some(at) = self.roots.iter().position(|r| *r == root) {
            self.journal(|| Undo::RootRemoved(at, root));
            self.roots.remove(at);
            self.refs_changed = true;
            let model = self.model_id(root).clone();
            self.record(Event::RootRemoved { model });
        }
    }
}
