//! The sliders app alone, as a user's one-app crate builds it: `make bench` builds its page
//! twice (scripts/page-sizes.sh), served (default features) and static only
//! (`--no-default-features`), and prints their sizes beside the targets.
fn main() {
    rokeh::run(vec![rokeh::App::new("sliders", rokeh_gallery::sliders)]);
}
