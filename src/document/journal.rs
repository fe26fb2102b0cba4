//! All-or-nothing batches: while a batch runs, every write to the document is journaled
//! with what it replaced, so a failure anywhere (a bad event, a callback's error) puts the
//! document back exactly as it was; so does a panic, which then goes on unwinding.
//! Outside a batch nothing is journaled.
//!
//! An undo entry holds what a write replaced, never a copy of the whole document: a
//! stream into a million-row column journals the rows it dropped, not the column.

use std::panic::{self, AssertUnwindSafe};

use super::{AnyId, Change, Document, Model, Value};

pub(crate) enum Undo {
    /// `attr` of the model held `old` (`None`: it was unset).
    Attr {
        any: AnyId,
        attr: String,
        old: Option<Value>,
    },
    Inserted(AnyId),
    Removed(AnyId, Box<Model>),
    Title(String),
    /// The roots as they were, whole (a document brought to another's state).
    Roots(Vec<AnyId>),
    /// A root was pushed at the end.
    RootAdded,
    /// The root at this position was removed.
    RootRemoved(usize, AnyId),
    Config(Option<AnyId>),
    DocumentCallbacks(Vec<(String, Vec<AnyId>)>),
    /// The recorded change at this index was replaced by one that superseded it.
    Combined(usize, Box<Change>),
    /// Rows streamed into a source's columns: each column grew by `appended` rows and lost
    /// `dropped` (its first rows) to the rollover.
    Streamed {
        any: AnyId,
        columns: Vec<(String, usize, Value)>,
    },
    /// Columns of a source were replaced: (column, what it held; `None`: it was added),
    /// and whether the source had a `data` at all.
    ColumnsSet {
        any: AnyId,
        replaced: Vec<(String, Option<Value>)>,
        was_set: bool,
    },
    /// Cells of a source's columns were patched: (column, row, what the cell held).
    Patched {
        any: AnyId,
        cells: Vec<(String, usize, Value)>,
    },
}

/// What a batch restores besides the journaled writes.
pub(crate) struct Journal {
    entries: Vec<Undo>,
    changes_len: usize,
    js_events_len: usize,
    next_id_number: u64,
}

impl Document {
    /// Runs `f` as one batch: when it fails, every write it made (and every change it
    /// recorded) is undone before the error is returned. Batches nest: an inner one
    /// joins the outer, which alone decides.
    pub fn atomically<T, E>(
        &mut self,
        f: impl FnOnce(&mut Document) -> Result<T, E>,
    ) -> Result<T, E> {
        if self.journal.is_some() {
            return f(self);
        }
        self.journal = Some(Journal {
            entries: Vec::new(),
            changes_len: self.changes.len(),
            js_events_len: self.js_events.len(),
            next_id_number: self.next_id_number,
        });
        let (holds, actor) = (self.holds, self.actor);
        // A panic inside (a callback's, say) undoes the batch too before it goes on up:
        // whoever catches it finds the document as it was.
        let result = panic::catch_unwind(AssertUnwindSafe(|| f(self)));
        let journal = self.journal.take().expect("the batch's journal");
        match result {
            Ok(result) => {
                if result.is_err() {
                    self.rollback(journal);
                } else {
                    // The batch's removals stand: their slots are free.
                    for undo in &journal.entries {
                        if let Undo::Removed(any, _) = undo {
                            self.vacant.push(any.slot());
                        }
                    }
                }
                result
            }
            Err(panic) => {
                self.rollback(journal);
                (self.holds, self.actor) = (holds, actor);
                panic::resume_unwind(panic)
            }
        }
    }

    pub(crate) fn journal(&mut self, undo: impl FnOnce() -> Undo) {
        if let Some(journal) = &mut self.journal {
            journal.entries.push(undo());
        }
    }

    fn rollback(&mut self, journal: Journal) {
        for undo in journal.entries.into_iter().rev() {
            match undo {
                Undo::Attr { any, attr, old } => {
                    let attrs = &mut self.model_mut(any).attrs;
                    match old {
                        Some(old) => attrs.insert(attr.clone(), old),
                        None => attrs.remove(&attr),
                    };
                    self.derive_columns(any, Some(&attr));
                }
                Undo::Inserted(any) => {
                    let model = self.vacate(any.slot() as usize).expect("inserted");
                    self.by_id.remove(&model.id);
                }
                Undo::Removed(any, model) => {
                    // Its slot was taken by no other since: a batch frees none.
                    self.by_id.insert(model.id.clone(), any);
                    self.models[any.slot() as usize] = Some(model);
                    self.generations[any.slot() as usize] = any.generation();
                    self.derive_columns(any, None);
                }
                Undo::Title(title) => self.title = title,
                Undo::Roots(roots) => self.roots = roots,
                Undo::RootAdded => {
                    self.roots.pop();
                }
                Undo::RootRemoved(at, any) => self.roots.insert(at, any),
                Undo::Config(config) => self.config = config,
                Undo::DocumentCallbacks(callbacks) => self.document_callbacks = callbacks,
                Undo::Streamed { any, columns } => self.unstream(any, columns),
                Undo::Patched { any, cells } => self.unpatch(any, cells),
                Undo::ColumnsSet {
                    any,
                    replaced,
                    was_set,
                } => self.unset_columns(any, replaced, was_set),
                Undo::Combined(at, change) => self.changes[at] = *change,
            }
        }
        self.changes.truncate(journal.changes_len);
        self.js_events.truncate(journal.js_events_len);
        self.reindex_changes();
        self.next_id_number = journal.next_id_number;
    }
}
