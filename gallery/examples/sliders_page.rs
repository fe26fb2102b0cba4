//! The sliders app alone, as a user's one-app crate builds it, with only the views of the
//! two widgets and the one glyph it shows, and of the tools of its figure's toolbar
//! (`figure()`'s default: pan, wheel zoom, box zoom; save, reset and help are every
//! toolbar's own): `make bench` builds its page twice
//! (scripts/page-sizes.sh), served (default features) and static only
//! (`--no-default-features`), and prints their sizes.
use rokeh::views::{self, View};
use rokeh::App;

/// Its widgets, its glyph, and its figure's tools.
const VIEWS: &[View] = &[
    views::SLIDER,
    views::TEXT_INPUT,
    views::LINE,
    views::PAN_TOOL,
    views::WHEEL_ZOOM_TOOL,
    views::BOX_ZOOM_TOOL,
];

fn main() {
    let apps = vec![App::new("sliders", rokeh_gallery::sliders)];
    rokeh::run_with_views(VIEWS, apps);
}
