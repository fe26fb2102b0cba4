//! Document change events in Bokeh's shapes, each with where it came from.

use super::{ModelId, Value};

/// Which connection a change arrived on, numbered by the side that holds the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PeerId(pub u64);

/// Where a change was made: here (a user's edit, app code, a callback) or by a peer.
/// The sync layer sends a change to every peer except the one it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Local,
    Peer(PeerId),
}

/// One change to a document, named and shaped as Bokeh's `DocumentChangedEvent`s.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    ModelChanged {
        model: ModelId,
        attr: String,
        new: Value,
    },
    /// The `data` of a ColumnDataSource replaced: all of it (`cols: None`) or the named
    /// columns, whose new arrays `data` holds as a map.
    ColumnDataChanged {
        model: ModelId,
        attr: String,
        cols: Option<Vec<String>>,
        data: Value,
    },
    ColumnsStreamed {
        model: ModelId,
        attr: String,
        data: Value,
        rollover: Option<usize>,
    },
    ColumnsPatched {
        model: ModelId,
        attr: String,
        patches: Value,
    },
    TitleChanged {
        title: String,
    },
    RootAdded {
        model: ModelId,
    },
    RootRemoved {
        model: ModelId,
    },
    MessageSent {
        msg_type: String,
        msg_data: Value,
    },
}

impl Event {
    /// The model the event changes, if it changes one.
    pub fn model(&self) -> Option<&ModelId> {
        match self {
            Event::ModelChanged { model, .. }
            | Event::ColumnDataChanged { model, .. }
            | Event::ColumnsStreamed { model, .. }
            | Event::ColumnsPatched { model, .. }
            | Event::RootAdded { model }
            | Event::RootRemoved { model } => Some(model),
            Event::TitleChanged { .. } | Event::MessageSent { .. } => None,
        }
    }

    /// Whether applying `self` right after `earlier` leaves nothing of `earlier` to see,
    /// so the two can travel as `self` alone.
    pub fn supersedes(&self, earlier: &Event) -> bool {
        match (earlier, self) {
            (
                Event::ModelChanged { model, attr, .. },
                Event::ModelChanged {
                    model: m2,
                    attr: a2,
                    ..
                },
            ) => model == m2 && attr == a2,
            (Event::TitleChanged { .. }, Event::TitleChanged { .. }) => true,
            (
                Event::ColumnDataChanged {
                    model, attr, cols, ..
                },
                Event::ColumnDataChanged {
                    model: m2,
                    attr: a2,
                    cols: c2,
                    ..
                },
            ) => {
                let covered = match (cols, c2) {
                    (_, None) => true,
                    (None, Some(_)) => false,
                    (Some(old), Some(new)) => old.iter().all(|c| new.contains(c)),
                };
                model == m2 && attr == a2 && covered
            }
            _ => false,
        }
    }
}

/// An event and its origin, as the document records it.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub event: Event,
    pub origin: Origin,
}
