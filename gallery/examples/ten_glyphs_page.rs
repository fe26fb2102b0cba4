//! The ten-glyph figure alone (the bench's `ten_glyphs` app), as a user's one-figure crate
//! builds it: static only, with only the views of the glyphs it draws and of its
//! toolbar's tools (`figure()`'s default: pan, wheel zoom, box zoom; save, reset and help
//! are every toolbar's own).
//! scripts/page-sizes.sh builds its page; `make bench` times its cold first paint.
use rokeh::{views, App};

fn main() {
    let apps = vec![App::new("ten_glyphs", rokeh_gallery::ten_glyphs)];
    rokeh::run_with_views(
        &[
            views::LINE,
            views::SCATTER,
            views::VBAR,
            views::STEP,
            views::TEXT,
            views::QUAD,
            views::HBAR,
            views::WEDGE,
            views::SEGMENT,
            views::VAREA,
            views::PATCH,
            views::PAN_TOOL,
            views::WHEEL_ZOOM_TOOL,
            views::BOX_ZOOM_TOOL,
        ],
        apps,
    );
}
