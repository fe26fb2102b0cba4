//! Recording changes: who makes them ([`Actor`]), combining the ones that supersede
//! others, holds, and handing them out to the page and the server.

use super::journal::Undo;
use super::{Change, Document, Event, ModelId, Origin, PeerId};

/// How a hold treats a property set again before it ends, as Bokeh's hold policies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HoldPolicy {
    /// Only the last value of each property goes out (Bokeh's default, "combine").
    Combine,
    /// Every change goes out, in order ("collect").
    Collect,
}

/// Who is changing the document: the origin recorded with each change, and whether the
/// app's callbacks run for its changes here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor {
    /// The origin its changes are recorded with: the sync layer sends a change to every
    /// peer but the one it came from.
    pub origin: Origin,
    /// Whether the app's callbacks run for its changes on this side.
    pub run_callbacks: bool,
}

impl Actor {
    /// App code, a user's edit here, a callback: callbacks run.
    pub const LOCAL: Actor = Actor {
        origin: Origin::Local,
        run_callbacks: true,
    };

    /// A peer whose changes need this side's callbacks: a Python `bokeh.client` as the
    /// server sees it.
    pub fn peer(peer: PeerId) -> Actor {
        Actor {
            origin: Origin::Peer(peer),
            run_callbacks: true,
        }
    }

    /// A peer whose changes arrive complete, its callbacks run already: a rokeh page as
    /// the server sees it, the server as a page sees it. Its changes are mirrored here.
    pub fn mirror(peer: PeerId) -> Actor {
        Actor {
            origin: Origin::Peer(peer),
            run_callbacks: false,
        }
    }
}

/// What a change may combine with: the model it changes, or the title (`None`); a message
/// combines with nothing.
fn combine_key(event: &Event) -> Option<Option<ModelId>> {
    match event {
        Event::TitleChanged { .. } => Some(None),
        Event::MessageSent { .. } => None,
        event => event.model().cloned().map(Some),
    }
}

impl Document {
    /// Runs `f` with every change it makes recorded as `actor`'s; callbacks run only if
    /// the actor says so (and themselves act as [`Actor::LOCAL`]). The sync layer applies
    /// a peer's patch this way; app code rarely needs it.
    ///
    /// ```
    /// use rokeh::document::{Actor, Origin, PeerId};
    /// use rokeh::models::Slider;
    ///
    /// let mut doc = rokeh::Document::new();
    /// let freq = doc.add(Slider::new("frequency", 1.0, 0.1, 5.1, 0.1));
    /// doc.on_change(freq, Slider::VALUE, |doc, change| {
    ///     doc.set_title(format!("frequency {}", change.new));
    ///     Ok(())
    /// });
    ///
    /// // A rokeh page, as the server sees it: its callbacks ran there already.
    /// doc.acting_as(Actor::mirror(PeerId(1)), |doc| doc.set(freq, Slider::VALUE, 2.0))?;
    /// assert_eq!(doc.title(), "Bokeh Application");
    ///
    /// // Python's bokeh.client: the app's callbacks run here for it, as local changes.
    /// doc.acting_as(Actor::peer(PeerId(2)), |doc| doc.set(freq, Slider::VALUE, 3.0))?;
    /// assert_eq!(doc.title(), "frequency 3");
    ///
    /// let origins: Vec<Origin> = doc.take_changes().iter().map(|c| c.origin).collect();
    /// assert_eq!(origins, [Origin::Peer(PeerId(1)), Origin::Peer(PeerId(2)), Origin::Local]);
    /// # Ok::<(), rokeh::document::DocumentError>(())
    /// ```
    pub fn acting_as<R>(&mut self, actor: Actor, f: impl FnOnce(&mut Document) -> R) -> R {
        let outer = std::mem::replace(&mut self.actor, actor);
        let result = f(self);
        self.actor = outer;
        result
    }

    /// Who is making changes now.
    pub fn actor(&self) -> Actor {
        self.actor
    }

    /// Records a change from the current actor. A change that supersedes an earlier one
    /// (the same attribute set again, by the same origin) replaces it, so a patch carries
    /// only the last value: the change just before it, or under a hold (like Bokeh's
    /// `hold("combine")`) the latest one with no change to the same model in between.
    /// Never across a change to that model: that could reorder a slider's value before
    /// its new range.
    pub(crate) fn record(&mut self, event: Event) {
        let change = Change {
            event,
            origin: self.actor.origin,
        };
        // Only the latest change of the same model (or title) may be superseded: found by
        // its index, not by a scan, so a patch of many changes under a hold stays linear.
        let key = combine_key(&change.event);
        let latest = key.as_ref().and_then(|k| self.latest.get(k).copied());
        let combine_at = latest.filter(|&at| {
            let earlier = &self.changes[at];
            !self.collecting()
                && (self.holds > 0 || at + 1 == self.changes.len())
                && earlier.origin == change.origin
                && change.event.supersedes(&earlier.event)
        });
        match combine_at {
            Some(at) => {
                let replaced = std::mem::replace(&mut self.changes[at], change);
                self.journal(|| Undo::Combined(at, Box::new(replaced)));
            }
            None => {
                if let Some(key) = key {
                    self.latest.insert(key, self.changes.len());
                }
                self.changes.push(change);
            }
        }
    }

    /// Indexes the latest change of each model again, after changes were dropped.
    pub(crate) fn reindex_changes(&mut self) {
        self.latest.clear();
        for (at, change) in self.changes.iter().enumerate() {
            if let Some(key) = combine_key(&change.event) {
                self.latest.insert(key, at);
            }
        }
    }

    /// Takes the changes recorded since the last call, oldest first. The page and the
    /// server drain them after each operation to redraw and to sync. While a hold is
    /// open, or a batch runs (a callback asking), this hands out nothing: everything made
    /// under the hold goes out together, and a batch may still undo its changes.
    pub fn take_changes(&mut self) -> Vec<Change> {
        if self.holds > 0 || self.journal.is_some() {
            return Vec::new();
        }
        self.forget_detached();
        self.latest.clear();
        let mut changes = std::mem::take(&mut self.changes);
        // A change to a model forgotten since is news to no one; a root's going is.
        let gone = |e: &Event| {
            !matches!(e, Event::RootRemoved { .. } | Event::RootAdded { .. })
                && e.model().is_some_and(|id| self.lookup(id).is_none())
        };
        changes.retain(|c| !gone(&c.event));
        changes
    }

    /// Like Bokeh's `doc.hold()` (`hold("combine")`): the changes made until the matching
    /// [`Document::unhold`] are handed out by one `take_changes`, hence sent as one patch,
    /// a property set again carrying only its last value. Holds nest.
    pub fn hold(&mut self) {
        self.hold_with(HoldPolicy::Combine);
    }

    /// Like Bokeh's `doc.hold(policy)`: a hold that combines the changes to a property,
    /// or collects every change in order (`HoldPolicy::Collect`: a peer sees each value a
    /// slider passed through). Once a hold collects, every hold does until none is open.
    ///
    /// ```
    /// use rokeh::document::HoldPolicy;
    /// use rokeh::models::Slider;
    ///
    /// let mut doc = rokeh::Document::new();
    /// let slider = doc.add(Slider::new("x", 0.0, 0.0, 10.0, 1.0));
    /// doc.take_changes();
    /// doc.hold_with(HoldPolicy::Collect);
    /// for value in [1.0, 2.0, 3.0] {
    ///     doc.set(slider, Slider::VALUE, value)?;
    /// }
    /// assert!(doc.take_changes().is_empty(), "held");
    /// doc.unhold();
    /// assert_eq!(doc.take_changes().len(), 3);
    /// # Ok::<(), rokeh::document::DocumentError>(())
    /// ```
    pub fn hold_with(&mut self, policy: HoldPolicy) {
        self.collect |= policy == HoldPolicy::Collect;
        self.holds += 1;
    }

    /// Closes the latest [`Document::hold`]; once none is open, `take_changes` hands out
    /// everything made under them.
    pub fn unhold(&mut self) {
        self.holds = self.holds.saturating_sub(1);
        self.collect &= self.holds > 0;
    }

    /// Whether a `Collect` hold is open (holds a panic's unwinding closed count no more).
    fn collecting(&self) -> bool {
        self.collect && self.holds > 0
    }

    /// Runs `f` under a hold and all or nothing: its changes go out as one patch, and if
    /// it fails the document is left as it was.
    pub fn batch<T, E>(&mut self, f: impl FnOnce(&mut Document) -> Result<T, E>) -> Result<T, E> {
        self.hold();
        let result = self.atomically(f);
        self.unhold();
        result
    }
}
