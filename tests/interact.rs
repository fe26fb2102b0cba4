//! Tools' effects on a document, without a page: a pan or zoom through the paint's
//! layout sets the ranges as ordinary changes (callbacks run, peers would hear), ends
//! with RangesUpdate (sent only when the figure subscribes to it, as BokehJS sends only
//! a model's subscribed events); DataRange1d writes what it computed and follows the data until a
//! tool fixes it; reset restores; undo and redo step through what pans and zooms left.

use std::sync::{Arc, Mutex};

use rokeh::document::{Event, EventKind, UiEvent};
use rokeh::interact::{pan, wheel_zoom, zoom_button, Motion, Navigation, Purpose, View, WheelZoom};
use rokeh::models::{ColumnDataSource, DataRange1d, Dimensions, Figure, Line, Range1d};
use rokeh::plotting::{figure, FigureArgs, RangeArg};
use rokeh::render::{layout_following, FrameLayout};
use rokeh::Document;

/// Hits for a selection tool (a graph's `selection_policy`).
const SELECT: Purpose = Purpose::Select;

fn plot(
    doc: &mut Document,
    x_range: RangeArg,
) -> (rokeh::core::Id<Figure>, rokeh::core::Id<ColumnDataSource>) {
    let x: Vec<f64> = (0..=10).map(f64::from).collect();
    let y: Vec<f64> = x.iter().map(|v| v * 2.0).collect();
    let source = doc.add(ColumnDataSource::new([("x", x), ("y", y)]));
    let fig = figure(
        doc,
        FigureArgs {
            x_range,
            width: 400,
            height: 300,
            ..FigureArgs::default()
        },
    );
    fig.line(doc, source, Line::default());
    doc.add_root(fig);
    (fig, source)
}

/// A plot whose x range is a Range1d from 0 to 10: the figure and that range.
fn fixed_plot(doc: &mut Document) -> (rokeh::core::Id<Figure>, rokeh::core::Id<Range1d>) {
    let (fig, _) = plot(doc, RangeArg::Fixed(0.0, 10.0));
    let xr = doc
        .typed_id::<Range1d>(doc.model_id(doc.get(fig, Figure::X_RANGE).unwrap()))
        .unwrap();
    (fig, xr)
}

/// The document's (first) figure: the tools app has one.
fn first_figure(doc: &Document) -> rokeh::core::Id<Figure> {
    doc.models()
        .find(|(_, m)| m.type_name == "Figure")
        .and_then(|(_, m)| doc.typed_id::<Figure>(&m.id))
        .unwrap()
}

fn laid(doc: &Document, fig: rokeh::core::Id<Figure>, nav: &Navigation) -> FrameLayout {
    layout_following(doc, fig, (400, 300), 1.0, &nav.following()).unwrap()
}

fn events(doc: &mut Document) -> Vec<UiEvent> {
    doc.take_changes()
        .into_iter()
        .filter_map(|c| match c.event {
            Event::MessageSent { msg_data, .. } => UiEvent::from_value(&msg_data).ok(),
            _ => None,
        })
        .collect()
}

#[test]
fn a_pan_moves_a_range1d_by_the_dragged_distance_and_callbacks_see_it() {
    let mut doc = Document::new();
    let (fig, xr) = fixed_plot(&mut doc);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = seen.clone();
    doc.on_change(xr, Range1d::START, move |_, change| {
        s.lock().unwrap().push(change.new);
        Ok(())
    });
    doc.take_changes();
    let mut nav = Navigation::new(&doc, fig);
    let layout = laid(&doc, fig, &nav);
    let view = View::of(&layout);
    let px_per_unit = (layout.x_scale.apply(1.0) - layout.x_scale.apply(0.0)).abs();
    // Dragging right by 3 data units' worth of pixels shows 3 units further left.
    let change = pan(
        &view,
        Dimensions::Both,
        Dimensions::Both,
        3.0 * px_per_unit,
        0.0,
    );
    nav.apply(&mut doc, &change, Motion::default()).unwrap();
    let (start, end) = (doc.get(xr, Range1d::START), doc.get(xr, Range1d::END));
    assert!(
        (start + 3.0).abs() < 1e-9 && (end - 7.0).abs() < 1e-9,
        "{start}..{end}"
    );
    assert_eq!(seen.lock().unwrap().len(), 1);
    assert!((seen.lock().unwrap()[0] + 3.0).abs() < 1e-9);
    // Nobody listens: the range's changes go out, no RangesUpdate.
    nav.ranges_update(&mut doc).unwrap();
    assert_eq!(events(&mut doc), []);
    // An on_event subscribes the figure (as Python's does) and hears it.
    let heard = Arc::new(Mutex::new(Vec::new()));
    for kind in [EventKind::RangesUpdate, EventKind::Reset] {
        let h = heard.clone();
        doc.on_event(fig, kind, move |_, event| {
            h.lock().unwrap().push(event.kind);
            Ok(())
        });
    }
    let subscribed = doc.get_attr(fig.any(), "subscribed_events").unwrap();
    assert_eq!(
        subscribed,
        rokeh::document::Value::Set(vec![
            rokeh::document::Value::str("rangesupdate"),
            rokeh::document::Value::str("reset")
        ])
    );
    doc.take_changes();
    nav.ranges_update(&mut doc).unwrap();
    assert_eq!(*heard.lock().unwrap(), [EventKind::RangesUpdate]);
    let sent = events(&mut doc);
    let update = sent
        .iter()
        .find(|e| e.kind == EventKind::RangesUpdate)
        .unwrap();
    assert_eq!(update.value("x0").and_then(|v| v.as_f64()), Some(start));
    assert_eq!(update.value("x1").and_then(|v| v.as_f64()), Some(end));

    // Reset puts it back and says so.
    nav.reset(&mut doc).unwrap();
    assert_eq!(
        (doc.get(xr, Range1d::START), doc.get(xr, Range1d::END)),
        (0.0, 10.0)
    );
    assert!(events(&mut doc).iter().any(|e| e.kind == EventKind::Reset));
    assert_eq!(
        *heard.lock().unwrap(),
        [EventKind::RangesUpdate, EventKind::Reset]
    );
}

#[test]
fn undo_and_redo_step_through_the_ranges_pans_and_zooms_left() {
    let mut doc = Document::new();
    let (fig, xr) = fixed_plot(&mut doc);
    let x = |doc: &Document| (doc.get(xr, Range1d::START), doc.get(xr, Range1d::END));
    let mut nav = Navigation::new(&doc, fig);
    // Nothing to step through yet.
    assert!(!nav.undo(&mut doc).unwrap());
    assert!(!nav.redo(&mut doc).unwrap());
    let zoom = |doc: &mut Document, nav: &mut Navigation| {
        let view = View::of(&laid(doc, fig, nav));
        let change = zoom_button(&view, Dimensions::Width, 0.5, true);
        nav.apply(doc, &change, Motion::default()).unwrap();
        nav.remember(doc);
        x(doc)
    };
    let once = zoom(&mut doc, &mut nav);
    // A gesture that moved nothing adds no state.
    nav.remember(&doc);
    let twice = zoom(&mut doc, &mut nav);
    assert!(twice.1 - twice.0 < once.1 - once.0, "{once:?} {twice:?}");
    assert!(nav.undo(&mut doc).unwrap());
    assert_eq!(x(&doc), once);
    assert!(nav.undo(&mut doc).unwrap());
    assert_eq!(x(&doc), (0.0, 10.0));
    assert!(!nav.undo(&mut doc).unwrap());
    assert!(nav.redo(&mut doc).unwrap());
    assert_eq!(x(&doc), once);
    // A new gesture drops what was undone.
    let other = zoom(&mut doc, &mut nav);
    assert!(!nav.redo(&mut doc).unwrap());
    assert!(nav.undo(&mut doc).unwrap());
    assert_eq!(x(&doc), once);
    assert!(nav.redo(&mut doc).unwrap());
    assert_eq!(x(&doc), other);
    // A reset forgets them all.
    nav.reset(&mut doc).unwrap();
    assert!(!nav.undo(&mut doc).unwrap());
    assert_eq!(x(&doc), (0.0, 10.0));
}

#[test]
fn a_data_range_writes_what_it_computed_follows_the_data_and_stops_when_zoomed() {
    let mut doc = Document::new();
    let (fig, source) = plot(&mut doc, RangeArg::Auto);
    let any = doc.get(fig, Figure::Y_RANGE).unwrap();
    let yr = doc.typed_id::<DataRange1d>(doc.model_id(any)).unwrap();
    let mut nav = Navigation::new(&doc, fig);
    let layout = laid(&doc, fig, &nav);
    nav.write_computed(&mut doc, &layout).unwrap();
    // y 0..20 padded by 10%: -1..21, written as Bokeh writes it.
    assert_eq!(doc.get(yr, DataRange1d::START), Some(-1.0));
    assert_eq!(doc.get(yr, DataRange1d::END), Some(21.0));

    // New data: the range follows, and writes again.
    let y: Vec<f64> = (0..=10).map(|v| f64::from(v) * 4.0).collect();
    doc.set_column(source, "y", y).unwrap();
    let layout = laid(&doc, fig, &nav);
    nav.write_computed(&mut doc, &layout).unwrap();
    assert_eq!(doc.get(yr, DataRange1d::END), Some(42.0));

    // A wheel zoom fixes it: more data no longer moves it.
    let view = View::of(&layout);
    let tool = WheelZoom {
        dimensions: Dimensions::Both,
        zoom_on_axis: true,
        speed: 1.0 / 600.0,
    };
    let f = layout.frame;
    let centre = (
        f64::from(f.left + f.right) / 2.0,
        f64::from(f.top + f.bottom) / 2.0,
    );
    let change = wheel_zoom(&view, &tool, centre, 120.0).unwrap();
    nav.apply(&mut doc, &change, Motion::default()).unwrap();
    let zoomed = doc.get(yr, DataRange1d::END).unwrap();
    assert!(zoomed < 42.0, "{zoomed}");
    doc.set_column(source, "y", vec![0.0; 11]).unwrap();
    let layout = laid(&doc, fig, &nav);
    nav.write_computed(&mut doc, &layout).unwrap();
    assert_eq!(doc.get(yr, DataRange1d::END), Some(zoomed));
    assert!((layout.y_range.end - zoomed).abs() < 1e-9);

    // Reset: following again, the next paint writes the data's range.
    nav.reset(&mut doc).unwrap();
    let layout = laid(&doc, fig, &nav);
    nav.write_computed(&mut doc, &layout).unwrap();
    assert_eq!(doc.get(yr, DataRange1d::START), Some(-1.0));
    assert_eq!(doc.get(yr, DataRange1d::END), Some(1.0));
}

/// Two plots sharing a DataRange1d each write the extent of both: the one that paints
/// second finds what it computes already written and goes on following the data.
#[test]
fn plots_sharing_a_data_range_follow_the_data_together() {
    let mut doc = Document::new();
    let (p1, _) = plot(&mut doc, RangeArg::Auto);
    let shared = doc.get(p1, Figure::X_RANGE).unwrap();
    let (p2, far) = plot(&mut doc, RangeArg::Shared(shared));
    let xr = doc.typed_id::<DataRange1d>(doc.model_id(shared)).unwrap();
    let (mut nav1, mut nav2) = (Navigation::new(&doc, p1), Navigation::new(&doc, p2));
    let mut paint = |doc: &mut Document| {
        for (fig, nav) in [(p1, &mut nav1), (p2, &mut nav2)] {
            let layout = laid(doc, fig, nav);
            nav.write_computed(doc, &layout).unwrap();
        }
        (
            nav1.following().contains(&shared),
            nav2.following().contains(&shared),
        )
    };
    // x 0..10 in both: -0.5..10.5.
    assert_eq!(paint(&mut doc), (true, true));
    assert_eq!(doc.get(xr, DataRange1d::END), Some(10.5));
    // The second plot's data moves to 20..30: both follow it, and keep following.
    let x: Vec<f64> = (20..=30).map(f64::from).collect();
    doc.set_column(far, "x", x).unwrap();
    assert_eq!(paint(&mut doc), (true, true));
    assert_eq!(doc.get(xr, DataRange1d::START), Some(-1.5));
    assert_eq!(doc.get(xr, DataRange1d::END), Some(31.5));
    assert_eq!(paint(&mut doc), (true, true));
    // A peer's value, which neither computes, fixes it for both.
    doc.set(xr, DataRange1d::START, Some(3.0)).unwrap();
    assert_eq!(paint(&mut doc), (false, false));
    assert_eq!(doc.get(xr, DataRange1d::START), Some(3.0));
}

#[test]
fn a_range_set_by_a_peer_is_drawn_and_no_longer_followed() {
    let mut doc = Document::new();
    let (fig, _) = plot(&mut doc, RangeArg::Auto);
    let any = doc.get(fig, Figure::X_RANGE).unwrap();
    let xr = doc.typed_id::<DataRange1d>(doc.model_id(any)).unwrap();
    let mut nav = Navigation::new(&doc, fig);
    let layout = laid(&doc, fig, &nav);
    nav.write_computed(&mut doc, &layout).unwrap();
    // As Python's `x_range.start = 3` would arrive.
    doc.set(xr, DataRange1d::START, Some(3.0)).unwrap();
    let layout = laid(&doc, fig, &nav);
    nav.write_computed(&mut doc, &layout).unwrap();
    let layout = laid(&doc, fig, &nav);
    assert_eq!(layout.x_range.start, 3.0);
    assert_eq!(doc.get(xr, DataRange1d::START), Some(3.0));
    // Zoom buttons zoom about the centre of what is shown.
    let view = View::of(&layout);
    let c = zoom_button(&view, Dimensions::Width, 0.1, true);
    nav.apply(&mut doc, &c, Motion::default()).unwrap();
    let (s, e) = (
        doc.get(xr, DataRange1d::START).unwrap(),
        doc.get(xr, DataRange1d::END).unwrap(),
    );
    let (s0, e0) = (layout.x_range.start, layout.x_range.end);
    assert!(((e - s) - 0.9 * (e0 - s0)).abs() < 1e-9);
    assert!(((e + s) - (e0 + s0)).abs() < 1e-9);
}

#[test]
fn a_box_or_lasso_selects_exactly_the_points_inside_and_says_so() {
    use rokeh::interact::{rows_in, select, selection_geometry, Region};
    use rokeh::models::{Selection, SelectionMode};
    let mut doc = Document::new();
    rokeh_gallery::tools(&mut doc);
    let fig = first_figure(&doc);
    let selection = doc
        .models()
        .find(|(_, m)| m.type_name == "Selection")
        .and_then(|(_, m)| doc.typed_id::<Selection>(&m.id))
        .unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = seen.clone();
    doc.on_change(selection, Selection::INDICES, move |_, change| {
        s.lock().unwrap().push(change.new.clone());
        Ok(())
    });
    doc.on_event(fig, EventKind::SelectionGeometry, |_, _| Ok(()));
    doc.take_changes();
    let nav = Navigation::new(&doc, fig);
    let view = View::of(&laid(&doc, fig, &nav));
    let px = |x: f64, y: f64| (view.x.apply(x), view.y.apply(y));
    let (a, b) = (px(2.5, 2.5), px(5.5, 5.5));
    let region = Region::Rect {
        x: (a.0, b.0),
        y: (a.1, b.1),
    };
    let hits = rows_in(&doc, fig, &view, &region, &[], SELECT);
    select(&mut doc, &hits, SelectionMode::Replace).unwrap();
    selection_geometry(&mut doc, fig, &region, 1.0, true).unwrap();
    assert_eq!(doc.get(selection, Selection::INDICES), [2, 3, 4]);
    let lasso = Region::Polygon(vec![px(6.5, 6.5), px(8.5, 6.5), px(8.5, 8.5), px(6.5, 8.5)]);
    let hits = rows_in(&doc, fig, &view, &lasso, &[], SELECT);
    select(&mut doc, &hits, SelectionMode::Append).unwrap();
    assert_eq!(doc.get(selection, Selection::INDICES), [2, 3, 4, 6, 7]);
    assert_eq!(
        seen.lock().unwrap().len(),
        2,
        "on_change ran for each selection"
    );
    let geometry = events(&mut doc)
        .into_iter()
        .find(|e| e.kind == EventKind::SelectionGeometry)
        .unwrap();
    assert_eq!(
        geometry.value("final"),
        Some(&rokeh::document::Value::Bool(true))
    );
}

#[test]
fn hovering_a_line_reports_the_row_its_line_policy_picks() {
    use rokeh::interact::{inspect, Policy};
    use rokeh::models::{HoverMode, LinePolicy, PointPolicy};
    let mut doc = Document::new();
    // The line y = 2x through (0, 0) … (10, 20).
    let (fig, _) = plot(&mut doc, RangeArg::Fixed(0.0, 10.0));
    let nav = Navigation::new(&doc, fig);
    let view = View::of(&laid(&doc, fig, &nav));
    let px = |x: f64, y: f64| (view.x.apply(x), view.y.apply(y));
    let hover = |mode, line, at| {
        let policy = Policy {
            mode,
            line,
            point: PointPolicy::SnapToData,
        };
        inspect(&doc, fig, &view, policy, &[], at, 1.0)
            .into_iter()
            .map(|h| (h.index, h.snap, h.at))
            .collect::<Vec<_>>()
    };
    let close = |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6;
    // On segment 3 (x 3..4), nearer its start.
    let on = px(3.4, 6.8);
    let one = |mode, line| {
        let hits = hover(mode, line, on);
        assert_eq!(hits.len(), 1, "{mode:?} {line:?}: {hits:?}");
        hits[0]
    };
    let (i, snap, at) = one(HoverMode::Mouse, LinePolicy::Nearest);
    assert_eq!((i, snap), (3, (3.0, 6.0)));
    assert!(close(at, px(3.0, 6.0)));
    // BokehJS's "prev" reports the next point's data at the previous point's place.
    let (i, snap, at) = one(HoverMode::Mouse, LinePolicy::Prev);
    assert_eq!((i, snap), (3, (4.0, 8.0)));
    assert!(close(at, px(3.0, 6.0)));
    let (i, snap, at) = one(HoverMode::Mouse, LinePolicy::Next);
    assert_eq!((i, snap), (4, (4.0, 8.0)));
    assert!(close(at, px(4.0, 8.0)));
    let (i, snap, at) = one(HoverMode::Mouse, LinePolicy::Interp);
    assert_eq!(i, 3);
    assert!(
        (snap.0 - 3.4).abs() < 0.01 && (snap.1 - 6.8).abs() < 0.02,
        "{snap:?}"
    );
    assert!((at.0 - on.0).abs() < 0.5 && (at.1 - on.1).abs() < 0.5);
    let (i, _, at) = one(HoverMode::Mouse, LinePolicy::None);
    assert_eq!((i, at), (3, on));
    // Off the line: nothing under the mouse; a vertical line through x = 3.4 still
    // crosses segment 3, and "interp" reports the line's point there.
    let off = px(3.4, 15.0);
    assert!(hover(HoverMode::Mouse, LinePolicy::Nearest, off).is_empty());
    let hits = hover(HoverMode::VLine, LinePolicy::Interp, off);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].0, 3);
    assert!(close(hits[0].1, (3.4, 6.8)), "{:?}", hits[0].1);
    let hits = hover(HoverMode::VLine, LinePolicy::Nearest, off);
    assert_eq!((hits[0].0, hits[0].1), (3, (3.0, 6.0)));
    // A horizontal line through y = 6.8 crosses it there too.
    let hits = hover(HoverMode::HLine, LinePolicy::Interp, px(9.0, 6.8));
    assert_eq!(hits.len(), 1);
    assert!(close(hits[0].1, (3.4, 6.8)), "{:?}", hits[0].1);
}

#[test]
fn a_hover_tooltip_points_at_the_point_or_follows_the_mouse() {
    use rokeh::interact::{inspect, Policy};
    use rokeh::models::PointPolicy;
    let mut doc = Document::new();
    rokeh_gallery::tools(&mut doc);
    let fig = first_figure(&doc);
    let nav = Navigation::new(&doc, fig);
    let view = View::of(&laid(&doc, fig, &nav));
    let point = (view.x.apply(4.0), view.y.apply(4.0));
    let mouse = (point.0 + 3.0, point.1 - 2.0);
    let hover = |policy: PointPolicy| {
        let policy = Policy {
            point: policy,
            ..Policy::default()
        };
        inspect(&doc, fig, &view, policy, &[], mouse, 1.0)
    };
    let snapped = hover(PointPolicy::SnapToData);
    assert_eq!(snapped.len(), 1);
    assert_eq!((snapped[0].index, snapped[0].snap), (3, (4.0, 4.0)));
    assert_eq!(snapped[0].at, point);
    let following = hover(PointPolicy::FollowMouse);
    assert_eq!((following[0].index, following[0].at), (3, mouse));
}

#[test]
fn boxes_patches_and_circles_are_hit_by_their_own_geometry() {
    use rokeh::interact::{inspect, rows_at, rows_in, Policy, Region};
    use rokeh::models::{Circle, HoverMode, Patches, VBar};
    let mut doc = Document::new();
    let fig = figure(
        &mut doc,
        FigureArgs {
            width: 400,
            height: 400,
            x_range: (0.0, 10.0).into(),
            y_range: (0.0, 10.0).into(),
            ..FigureArgs::default()
        },
    );
    // Bars over x 1.5..2.5, 4.5..5.5, 7.5..8.5 up to 3, 6, 9.
    let bars_src = doc.add(ColumnDataSource::new([
        ("x", vec![2.0, 5.0, 8.0]),
        ("top", vec![3.0, 6.0, 9.0]),
    ]));
    let bars = fig.vbar(
        &mut doc,
        bars_src,
        VBar {
            width: 1.0.into(),
            ..VBar::default()
        },
    );
    // Two small triangles up top.
    let tri = |x: f64| (vec![x, x + 1.0, x + 0.5], vec![7.0, 7.0, 8.0]);
    let (a, b) = (tri(1.0), tri(6.0));
    let lists = |u: Vec<f64>, v: Vec<f64>| {
        use rokeh::core::{NdArray, Value};
        Value::List(vec![
            Value::Array(NdArray::from(u)),
            Value::Array(NdArray::from(v)),
        ])
    };
    let patches_src = doc.add(ColumnDataSource::default());
    doc.set_columns(
        patches_src,
        vec![
            ("xs".into(), lists(a.0, b.0)),
            ("ys".into(), lists(a.1, b.1)),
        ],
    )
    .unwrap();
    let patches = fig.patches(&mut doc, patches_src, Patches::default());
    // A circle of data radius 0.5 about (3.5, 8.5).
    let circle_src = doc.add(ColumnDataSource::new([("x", vec![3.5]), ("y", vec![8.5])]));
    let circle = fig.circle(&mut doc, circle_src, Circle::new(0.5));
    doc.add_root(fig);
    let nav = Navigation::new(&doc, fig);
    let view = View::of(&laid(&doc, fig, &nav));
    let px = |x: f64, y: f64| (view.x.apply(x), view.y.apply(y));
    let boxed = |(x0, y0): (f64, f64), (x1, y1): (f64, f64)| {
        let (a, b) = (px(x0, y0), px(x1, y1));
        Region::Rect {
            x: (a.0, b.0),
            y: (a.1, b.1),
        }
    };
    let rows = |hits: Vec<(rokeh::core::Id<rokeh::models::GlyphRenderer>, Vec<usize>)>,
                r: rokeh::core::AnyId| {
        hits.into_iter()
            .find(|(h, _)| h.any() == r)
            .map(|(_, rows)| rows)
            .unwrap_or_default()
    };
    // A box meeting the first two bars (BokehJS's spatial index: boxes that meet it).
    let hits = rows_in(
        &doc,
        fig,
        &view,
        &boxed((1.0, 2.5), (5.2, 4.0)),
        &[],
        SELECT,
    );
    assert_eq!(rows(hits.clone(), bars.any()), [0, 1]);
    assert!(rows(hits.clone(), patches.any()).is_empty());
    assert!(rows(hits, circle.any()).is_empty());
    // Patches: only those wholly inside; a circle by its centre.
    let hits = rows_in(
        &doc,
        fig,
        &view,
        &boxed((0.5, 6.5), (3.7, 8.7)),
        &[],
        SELECT,
    );
    assert_eq!(rows(hits.clone(), patches.any()), [0]);
    assert_eq!(rows(hits.clone(), circle.any()), [0]);
    assert!(rows(hits, bars.any()).is_empty());
    let lasso = Region::Polygon(vec![px(6.2, 6.5), px(7.5, 6.5), px(7.5, 8.5), px(6.2, 8.5)]);
    let hits = rows_in(&doc, fig, &view, &lasso, &[], SELECT);
    assert!(
        rows(hits.clone(), patches.any()).is_empty(),
        "half of it only"
    );
    assert!(
        rows(hits, bars.any()).is_empty(),
        "BokehJS's bars answer no lasso"
    );
    // Taps: inside a bar, a triangle, a circle's radius (far beyond a tap's reach).
    let tap = |x, y| rows_at(&doc, fig, &view, px(x, y), 6.0, &[], SELECT);
    assert_eq!(rows(tap(5.2, 5.0), bars.any()), [1]);
    assert_eq!(rows(tap(6.5, 7.3), patches.any()), [1]);
    assert_eq!(rows(tap(3.9, 8.5), circle.any()), [0]);
    assert!(tap(3.0, 5.0).iter().all(|(_, rows)| rows.is_empty()));
    // Hover finds a bar under the pointer, or along a vertical line through it.
    let hover = |mode, x, y| {
        let policy = Policy {
            mode,
            ..Policy::default()
        };
        inspect(&doc, fig, &view, policy, &[], px(x, y), 1.0)
            .into_iter()
            .map(|h| (h.renderer.any(), h.index))
            .collect::<Vec<_>>()
    };
    assert_eq!(hover(HoverMode::Mouse, 8.0, 8.0), [(bars.any(), 2)]);
    assert_eq!(hover(HoverMode::VLine, 8.0, 9.5), [(bars.any(), 2)]);
}

#[test]
fn pans_and_zooms_stay_within_bounds_and_interval_limits() {
    use rokeh::core::Value;
    use rokeh::render::Interval;
    let mut doc = Document::new();
    let (fig, xr) = fixed_plot(&mut doc);
    let x = |doc: &Document| (doc.get(xr, Range1d::START), doc.get(xr, Range1d::END));
    let to = |start, end| rokeh::interact::RangeChange {
        x: Some(Interval { start, end }),
        y: None,
    };
    let panning = Motion {
        panning: true,
        ..Motion::default()
    };
    let scrolling = |maintain_focus| Motion {
        scrolling: true,
        maintain_focus,
        ..Motion::default()
    };
    // bounds "auto": where the range began. A pan past its start stops there, span kept.
    doc.set_attr(xr.any(), "bounds", Value::str("auto"))
        .unwrap();
    let mut nav = Navigation::new(&doc, fig);
    nav.apply(&mut doc, &to(-2.0, 8.0), panning).unwrap();
    assert_eq!(x(&doc), (0.0, 10.0));
    nav.apply(&mut doc, &to(1.0, 5.0), panning).unwrap();
    assert_eq!(x(&doc), (1.0, 5.0));
    nav.apply(&mut doc, &to(7.0, 11.0), panning).unwrap();
    assert_eq!(x(&doc), (6.0, 10.0), "at the end bound, the span kept");
    // A wheel zoom out past a bound: nothing with maintain_focus, clipped without.
    let applied = nav
        .apply(&mut doc, &to(4.0, 12.0), scrolling(true))
        .unwrap();
    assert!(applied.is_empty());
    assert_eq!(x(&doc), (6.0, 10.0));
    nav.apply(&mut doc, &to(4.0, 12.0), scrolling(false))
        .unwrap();
    assert_eq!(x(&doc), (2.0, 10.0));
    // Interval limits: a zoom stops at min_interval and max_interval.
    doc.set_attr(xr.any(), "bounds", Value::Null).unwrap();
    doc.set_attr(xr.any(), "min_interval", Value::Float(2.0))
        .unwrap();
    doc.set_attr(xr.any(), "max_interval", Value::Float(20.0))
        .unwrap();
    nav.apply(&mut doc, &to(5.0, 6.0), Motion::default())
        .unwrap();
    let (s, e) = x(&doc);
    assert!((e - s - 2.0).abs() < 1e-9, "{s} {e}");
    nav.apply(&mut doc, &to(-100.0, 100.0), Motion::default())
        .unwrap();
    let (s, e) = x(&doc);
    assert!((e - s - 20.0).abs() < 1e-9, "{s} {e}");
}

#[test]
fn a_pan_or_zoom_moves_the_extra_ranges_alike() {
    use rokeh::core::Dict;
    use rokeh::render::Interval;
    let mut doc = Document::new();
    let (fig, _) = plot(&mut doc, RangeArg::Fixed(0.0, 10.0));
    let other = doc.add(Range1d {
        start: 0.0,
        end: 100.0,
        ..Range1d::default()
    });
    doc.set(
        fig,
        Figure::EXTRA_X_RANGES,
        Dict(vec![("other".to_owned(), other.any())]),
    )
    .unwrap();
    let mut nav = Navigation::new(&doc, fig);
    let to = |start, end| rokeh::interact::RangeChange {
        x: Some(Interval { start, end }),
        y: None,
    };
    let span = |doc: &Document| (doc.get(other, Range1d::START), doc.get(other, Range1d::END));
    nav.apply(&mut doc, &to(2.0, 12.0), Motion::default())
        .unwrap();
    assert_eq!(span(&doc), (20.0, 120.0));
    nav.apply(&mut doc, &to(4.5, 9.5), Motion::default())
        .unwrap();
    let (s, e) = span(&doc);
    assert!(
        (s - 45.0).abs() < 1e-9 && (e - 95.0).abs() < 1e-9,
        "{s} {e}"
    );
}

#[test]
fn a_plots_ui_events_go_out_only_when_it_subscribes_to_them() {
    use rokeh::document::Value;
    let mut doc = Document::new();
    let (fig, _) = plot(&mut doc, RangeArg::Fixed(0.0, 10.0));
    doc.take_changes();
    let id = doc.model_id(fig.any()).clone();
    let moved = |kind| UiEvent {
        kind,
        model: Some(id.clone()),
        values: vec![("sx".into(), Value::Float(5.0))],
    };
    // What the page does on each mouse move over a plot nobody listens to: nothing.
    doc.emit(moved(EventKind::MouseMove)).unwrap();
    assert_eq!(events(&mut doc), []);
    // A document event has no model to subscribe: it always goes.
    doc.emit(UiEvent::new(EventKind::DocumentReady, None))
        .unwrap();
    assert_eq!(events(&mut doc).len(), 1);

    let heard = Arc::new(Mutex::new(Vec::new()));
    let h = heard.clone();
    doc.on_event(fig, EventKind::MouseMove, move |_, event| {
        h.lock().unwrap().push(event.value("sx").cloned());
        Ok(())
    });
    // Subscribing is a change the session's peers hear of (so the page learns it).
    let subscribed = doc.take_changes().into_iter().any(|c| {
        matches!(&c.event, Event::ModelChanged { model, attr, new }
            if *model == id && attr == "subscribed_events"
                && *new == Value::Set(vec![Value::str("mousemove")]))
    });
    assert!(subscribed, "on_event set the figure's subscribed_events");
    doc.emit(moved(EventKind::MouseMove)).unwrap();
    assert_eq!(*heard.lock().unwrap(), [Some(Value::Float(5.0))]);
    let sent = events(&mut doc);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].kind, EventKind::MouseMove);
    // Only the kinds subscribed to.
    doc.emit(moved(EventKind::Pan)).unwrap();
    assert_eq!(events(&mut doc), []);
}

#[test]
fn a_factor_range_pans_and_zooms_by_synthetic_coordinates_within_auto_bounds() {
    use rokeh::core::Value;
    let mut doc = Document::new();
    let fig = figure(
        &mut doc,
        FigureArgs {
            width: 400,
            height: 300,
            x_range: RangeArg::Factors(vec!["a".into(), "b".into(), "c".into(), "d".into()]),
            y_range: (0.0, 10.0).into(),
            ..FigureArgs::default()
        },
    );
    doc.add_root(fig);
    let xr = doc.get(fig, Figure::X_RANGE).unwrap();
    let mut nav = Navigation::new(&doc, fig);
    let layout = laid(&doc, fig, &nav);
    // Each factor one synthetic unit: a..d is 0..4.
    assert_eq!((layout.x_range.start, layout.x_range.end), (0.0, 4.0));
    let view = View::of(&layout);
    let px_per_unit = layout.x_scale.apply(1.0) - layout.x_scale.apply(0.0);
    // A drag right by one factor's width shows one factor further left: start and end
    // are set in synthetic coordinates, as BokehJS sets them, and the plot is drawn so.
    let change = pan(&view, Dimensions::Both, Dimensions::Both, px_per_unit, 0.0);
    nav.apply(&mut doc, &change, Motion::default()).unwrap();
    let start_end = |doc: &Document| {
        let n = |a| doc.get_attr(xr, a).unwrap().as_f64().unwrap();
        (n("start"), n("end"))
    };
    let (s, e) = start_end(&doc);
    assert!((s + 1.0).abs() < 1e-9 && (e - 3.0).abs() < 1e-9, "{s}..{e}");
    let moved = laid(&doc, fig, &nav);
    assert_eq!((moved.x_range.start, moved.x_range.end), (s, e));
    // The wheel zooms about the pointer: in at the frame's middle, both ends move in.
    let view = View::of(&moved);
    let tool = WheelZoom {
        dimensions: Dimensions::Width,
        zoom_on_axis: true,
        speed: 1.0 / 600.0,
    };
    let middle = (
        (view.frame[0] + view.frame[2]) / 2.0,
        (view.frame[1] + view.frame[3]) / 2.0,
    );
    let change = wheel_zoom(&view, &tool, middle, 120.0).unwrap();
    nav.apply(&mut doc, &change, Motion::default()).unwrap();
    let (zs, ze) = start_end(&doc);
    assert!(
        zs > s && ze < e && ((zs + ze) / 2.0 - (s + e) / 2.0).abs() < 1e-6,
        "{zs}..{ze}"
    );

    // Reset shows every factor again, as BokehJS's FactorRange.reset.
    nav.reset(&mut doc).unwrap();
    assert_eq!(start_end(&doc), (0.0, 4.0), "reset shows all the factors");
    // New factors are shown all at once, wherever the range was moved; until they
    // change, nothing is reset.
    nav.apply(&mut doc, &change, Motion::default()).unwrap();
    assert_ne!(start_end(&doc), (0.0, 4.0));
    assert_eq!(nav.factors_changed(&doc), []);
    let factors = Value::List(["a", "b", "c", "d", "e", "f"].map(Value::str).to_vec());
    doc.set_attr(xr, "factors", factors).unwrap();
    let changed = nav.factors_changed(&doc);
    let all = rokeh::render::Interval {
        start: 0.0,
        end: 6.0,
    };
    assert_eq!(changed, [(xr, all)]);
    Navigation::show_factors(&mut doc, &changed).unwrap();
    assert_eq!(start_end(&doc), (0.0, 6.0));
    assert_eq!(nav.factors_changed(&doc), [], "once");
    let shown = laid(&doc, fig, &nav);
    assert_eq!((shown.x_range.start, shown.x_range.end), (0.0, 6.0));
    // A padding places the factors too.
    doc.set_attr(xr, "factor_padding", Value::Float(0.5))
        .unwrap();
    let (_, padded) = nav.factors_changed(&doc)[0];
    assert_eq!((padded.start, padded.end), (0.0, 8.5));

    // bounds "auto": a FactorRange is held within its factors (BokehJS's computed bounds).
    doc.set_attr(xr, "bounds", Value::str("auto")).unwrap();
    let mut nav = Navigation::new(&doc, fig);
    laid(&doc, fig, &nav);
    let past = rokeh::interact::RangeChange {
        x: Some(rokeh::render::Interval {
            start: -2.0,
            end: 1.0,
        }),
        y: None,
    };
    let panning = Motion {
        panning: true,
        ..Motion::default()
    };
    nav.apply(&mut doc, &past, panning).unwrap();
    assert_eq!(
        start_end(&doc),
        (0.0, 3.0),
        "stopped at the first factor, span kept"
    );
}

#[test]
fn a_data_range_with_auto_bounds_is_held_within_its_data_extent() {
    use rokeh::core::Value;
    let mut doc = Document::new();
    let (fig, _) = plot(&mut doc, RangeArg::Auto);
    let xr = doc
        .typed_id::<DataRange1d>(doc.model_id(doc.get(fig, Figure::X_RANGE).unwrap()))
        .unwrap();
    doc.set_attr(xr.any(), "bounds", Value::str("auto"))
        .unwrap();
    let mut nav = Navigation::new(&doc, fig);
    let layout = laid(&doc, fig, &nav);
    nav.write_computed(&mut doc, &layout).unwrap();
    // What it computed: the data's 0..10, padded.
    let (lo, hi) = (layout.x_range.start, layout.x_range.end);
    assert!(lo < 0.0 && hi > 10.0, "{lo}..{hi}");
    let panning = Motion {
        panning: true,
        ..Motion::default()
    };
    let to = |start, end| rokeh::interact::RangeChange {
        x: Some(rokeh::render::Interval { start, end }),
        y: None,
    };
    // Zoomed in (the range fixed by the tool), then panned far left: stopped at the
    // data's extent as computed, span kept (BokehJS's DataRange1d computed bounds).
    nav.apply(&mut doc, &to(2.0, 4.0), Motion::default())
        .unwrap();
    nav.apply(&mut doc, &to(-20.0, -18.0), panning).unwrap();
    let (s, e) = (
        doc.get(xr, DataRange1d::START),
        doc.get(xr, DataRange1d::END),
    );
    assert_eq!((s, e), (Some(lo), Some(lo + 2.0)));
}

#[test]
fn hex_tiles_answer_hover_tap_and_box_select_by_their_hexagons() {
    use rokeh::interact::{inspect, rows_at, rows_in, Policy, Region};
    use rokeh::models::HexTile;
    let mut doc = Document::new();
    // Pointy-top hexagons of size 1 at axial (0, 0), (2, 0), (4, 0): centres x = 0, 2√3,
    // 4√3 on y = 0.
    let source = doc.add(ColumnDataSource::new([
        ("q", vec![0.0, 2.0, 4.0]),
        ("r", vec![0.0, 0.0, 0.0]),
    ]));
    let fig = figure(
        &mut doc,
        FigureArgs {
            width: 400,
            height: 300,
            x_range: (-2.0, 9.0).into(),
            y_range: (-3.0, 3.0).into(),
            ..FigureArgs::default()
        },
    );
    fig.hex_tile(&mut doc, source, HexTile::default());
    doc.add_root(fig);
    let nav = Navigation::new(&doc, fig);
    let view = View::of(&laid(&doc, fig, &nav));
    let px = |x: f64, y: f64| (view.x.apply(x), view.y.apply(y));
    let w = 3f64.sqrt();
    let rows = |hits: Vec<(rokeh::core::Id<rokeh::models::GlyphRenderer>, Vec<usize>)>| {
        hits.into_iter().flat_map(|(_, r)| r).collect::<Vec<_>>()
    };
    // A tap inside the second hexagon (near its corner, off its centre) hits it alone;
    // between hexagons (where their boxes overlap, not their shapes) nothing.
    assert_eq!(
        rows(rows_at(
            &doc,
            fig,
            &view,
            px(2.0 * w + 0.6, 0.3),
            0.0,
            &[],
            SELECT
        )),
        [1]
    );
    assert_eq!(
        rows(rows_at(&doc, fig, &view, px(w, 0.9), 0.0, &[], SELECT)),
        Vec::<usize>::new()
    );
    // Hover reports the hexagon under the pointer.
    let hits = inspect(
        &doc,
        fig,
        &view,
        Policy::default(),
        &[],
        px(4.0 * w, -0.5),
        1.0,
    );
    assert_eq!(hits.iter().map(|h| h.index).collect::<Vec<_>>(), [2]);
    // A box meeting the first two hexagons' boxes selects them (BokehJS's `_hit_rect`).
    let (a, b) = (px(-0.5, -0.2), px(2.0 * w - 0.5, 0.2));
    let region = Region::Rect {
        x: (a.0, b.0),
        y: (a.1, b.1),
    };
    assert_eq!(
        rows(rows_in(&doc, fig, &view, &region, &[], SELECT)),
        [0, 1]
    );
    // No `_hit_poly` in BokehJS's HexTile: a lasso selects none.
    let lasso = Region::Polygon(vec![
        px(-1.0, -1.0),
        px(8.0, -1.0),
        px(8.0, 1.0),
        px(-1.0, 1.0),
    ]);
    assert_eq!(
        rows(rows_in(&doc, fig, &view, &lasso, &[], SELECT)),
        Vec::<usize>::new()
    );
}

/// A DataRange1d spans Bézier curves' bends (not their control points), and a regular
/// polygon is hit by its outline: a tap inside it, a box or lasso overlapping it at all
/// (BokehJS's `_hit_rect`/`_hit_poly` on Ngon), not one meeting only its bounding box.
#[test]
fn curves_span_their_bends_and_ngons_are_hit_by_their_outline() {
    use rokeh::core::Spec;
    use rokeh::interact::{rows_at, rows_in, Region};
    use rokeh::models::{Bezier, Ngon, Quadratic};
    let mut doc = Document::new();
    let source = doc.add(ColumnDataSource::new([("one", vec![0.0])]));
    let v = |x: f64| Spec::Value(x);
    let curves = figure(&mut doc, FigureArgs::default());
    curves.bezier(
        &mut doc,
        source,
        Bezier {
            x0: v(0.0),
            y0: v(0.0),
            cx0: v(0.0),
            cy0: v(3.0),
            cx1: v(4.0),
            cy1: v(3.0),
            x1: v(4.0),
            y1: v(0.0),
            ..Bezier::default()
        },
    );
    curves.quadratic(
        &mut doc,
        source,
        Quadratic {
            x0: v(5.0),
            y0: v(0.0),
            cx: v(6.5),
            cy: v(4.0),
            x1: v(8.0),
            y1: v(0.0),
            ..Quadratic::default()
        },
    );
    doc.add_root(curves);
    let nav = Navigation::new(&doc, curves);
    let layout = laid(&doc, curves, &nav);
    // y: 0..2.25 (the cubic's top, ¾ of its control points' 3), padded by 10%; x: 0..8.
    let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
    assert!(close(layout.y_range.end, 2.3625), "{:?}", layout.y_range);
    assert!(close(layout.y_range.start, -0.1125), "{:?}", layout.y_range);
    assert!(close(layout.x_range.end, 8.4), "{:?}", layout.x_range);

    let shapes = figure(
        &mut doc,
        FigureArgs {
            width: 400,
            height: 300,
            x_range: (-3.0, 3.0).into(),
            y_range: (-3.0, 3.0).into(),
            ..FigureArgs::default()
        },
    );
    // A diamond: four corners one unit (along x) from the origin, the first straight up.
    shapes.ngon(
        &mut doc,
        source,
        Ngon {
            x: v(0.0),
            y: v(0.0),
            n: v(4.0),
            ..Ngon::new(1.0)
        },
    );
    doc.add_root(shapes);
    let nav = Navigation::new(&doc, shapes);
    let view = View::of(&laid(&doc, shapes, &nav));
    let (cx, cy) = (view.x.apply(0.0), view.y.apply(0.0));
    let r = view.x.apply(1.0) - cx;
    let rows = |hits: Vec<(rokeh::core::Id<rokeh::models::GlyphRenderer>, Vec<usize>)>| {
        hits.into_iter().flat_map(|(_, r)| r).collect::<Vec<_>>()
    };
    let none = Vec::<usize>::new();
    let tap = |dx: f64, dy: f64| {
        rows(rows_at(
            &doc,
            shapes,
            &view,
            (cx + dx, cy + dy),
            0.0,
            &[],
            SELECT,
        ))
    };
    assert_eq!(tap(0.0, -0.9 * r), [0]);
    assert_eq!(tap(0.6 * r, -0.6 * r), none);
    let boxed = |x: (f64, f64), y: (f64, f64)| {
        let region = Region::Rect {
            x: (cx + x.0 * r, cx + x.1 * r),
            y: (cy + y.0 * r, cy + y.1 * r),
        };
        rows(rows_in(&doc, shapes, &view, &region, &[], SELECT))
    };
    // Over the right corner; wholly inside; beside a side, within the bounding box.
    assert_eq!(boxed((0.9, 2.0), (-0.05, 0.05)), [0]);
    assert_eq!(boxed((-0.1, 0.1), (-0.1, 0.1)), [0]);
    assert_eq!(boxed((0.6, 0.9), (-0.9, -0.6)), none);
    let lasso = Region::Polygon(vec![
        (cx - 2.0 * r, cy - 0.1 * r),
        (cx + 2.0 * r, cy - 0.1 * r),
        (cx, cy + 2.0 * r),
    ]);
    assert_eq!(rows(rows_in(&doc, shapes, &view, &lasso, &[], SELECT)), [0]);
}

/// A graph's hits reach what its policies name, as BokehJS's GraphHitTestPolicy models:
/// nodes only by default (edges are not hit), or the edges at hit nodes, the nodes at
/// the ends of hit edges, the nodes joined to hit nodes; a hover describes only the
/// rows hit and inspects the linked ones too.
#[test]
fn a_graph_is_hit_as_its_policies_say() {
    use rokeh::core::{AnyId, Id};
    use rokeh::interact::{inspect, linked_inspection, rows_at, rows_in, Policy, Region};
    use rokeh::models::{
        EdgesAndLinkedNodes, GlyphRenderer, GraphLayout, GraphRenderer, MultiLine, NodeKey,
        NodesAndAdjacentNodes, NodesAndLinkedEdges, Scatter,
    };
    let mut doc = Document::new();
    let fig = figure(
        &mut doc,
        FigureArgs {
            width: 400,
            height: 400,
            x_range: (0.0, 10.0).into(),
            y_range: (0.0, 10.0).into(),
            ..FigureArgs::default()
        },
    );
    // Nodes 0..3 at the corners of a square; edges 0-1 along the bottom, 0-2 up the
    // left; node 3 joined to none.
    let nodes = doc.add(ColumnDataSource::new([("index", vec![0.0, 1.0, 2.0, 3.0])]));
    let edges = doc.add(ColumnDataSource::new([
        ("start", vec![0.0, 0.0]),
        ("end", vec![1.0, 2.0]),
    ]));
    let corner = |i, x, y| (NodeKey::Int(i), (x, y));
    let layout = GraphLayout(vec![
        corner(0, 2.0, 2.0),
        corner(1, 8.0, 2.0),
        corner(2, 2.0, 8.0),
        corner(3, 8.0, 8.0),
    ]);
    let node = Scatter {
        size: 12.0.into(),
        ..Scatter::default()
    };
    let graph = fig.graph(
        &mut doc,
        (nodes, node),
        (edges, MultiLine::default()),
        layout,
    );
    doc.add_root(fig);
    let node_renderer = doc.get(graph, GraphRenderer::NODE_RENDERER).unwrap();
    let edge_renderer = doc.get(graph, GraphRenderer::EDGE_RENDERER).unwrap();
    let nav = Navigation::new(&doc, fig);
    let view = View::of(&laid(&doc, fig, &nav));
    let px = |x: f64, y: f64| (view.x.apply(x), view.y.apply(y));
    let rows_of = |hits: &[(Id<GlyphRenderer>, Vec<usize>)], r: Id<GlyphRenderer>| {
        let mut rows: Vec<usize> = hits
            .iter()
            .filter(|(h, _)| *h == r)
            .flat_map(|(_, rows)| rows.clone())
            .collect();
        rows.sort_unstable();
        rows
    };
    let tap = |doc: &Document, x, y| {
        let hits = rows_at(doc, fig, &view, px(x, y), 0.0, &[], SELECT);
        (rows_of(&hits, node_renderer), rows_of(&hits, edge_renderer))
    };
    let empty: Vec<usize> = Vec::new();

    // NodesOnly, Bokeh's default: a node, never an edge; a box takes the nodes in it.
    assert_eq!(tap(&doc, 2.0, 2.0), (vec![0], empty.clone()));
    assert_eq!(tap(&doc, 5.0, 2.0), (empty.clone(), empty.clone()));
    let (a, b) = (px(1.0, 1.0), px(9.0, 3.0));
    let boxed = Region::Rect {
        x: (a.0, b.0),
        y: (a.1, b.1),
    };
    let hits = rows_in(&doc, fig, &view, &boxed, &[], SELECT);
    assert_eq!(rows_of(&hits, node_renderer), [0, 1]);
    assert!(rows_of(&hits, edge_renderer).is_empty());

    let set_policy = |doc: &mut Document, policy: AnyId| {
        doc.set(graph, GraphRenderer::SELECTION_POLICY, Some(policy))
            .unwrap();
    };
    let linked_edges = doc.add(NodesAndLinkedEdges {}).any();
    set_policy(&mut doc, linked_edges);
    assert_eq!(tap(&doc, 2.0, 2.0), (vec![0], vec![0, 1]));
    assert_eq!(tap(&doc, 8.0, 2.0), (vec![1], vec![0]));
    assert_eq!(tap(&doc, 8.0, 8.0), (vec![3], empty.clone()));

    let linked_nodes = doc.add(EdgesAndLinkedNodes {}).any();
    set_policy(&mut doc, linked_nodes);
    assert_eq!(tap(&doc, 5.0, 2.0), (vec![0, 1], vec![0]));
    assert_eq!(tap(&doc, 2.0, 5.0), (vec![0, 2], vec![1]));
    assert_eq!(tap(&doc, 8.0, 8.0), (empty.clone(), empty.clone()));

    let adjacent = doc.add(NodesAndAdjacentNodes {}).any();
    set_policy(&mut doc, adjacent);
    assert_eq!(tap(&doc, 8.0, 2.0), (vec![0, 1], empty.clone()));
    assert_eq!(tap(&doc, 2.0, 2.0), (vec![0, 1, 2], empty.clone()));
    assert_eq!(tap(&doc, 8.0, 8.0), (vec![3], empty.clone()));

    // A hover by NodesAndLinkedEdges: the node described, its edges inspected with it.
    let inspect_linked = doc.add(NodesAndLinkedEdges {}).any();
    doc.set(
        graph,
        GraphRenderer::INSPECTION_POLICY,
        Some(inspect_linked),
    )
    .unwrap();
    let hits = inspect(&doc, fig, &view, Policy::default(), &[], px(2.0, 2.0), 1.0);
    let described: Vec<_> = hits.iter().map(|h| (h.renderer, h.index)).collect();
    assert_eq!(described, [(node_renderer, 0)]);
    let inspected = linked_inspection(&doc, fig, &[], &hits);
    assert_eq!(rows_of(&inspected, node_renderer), [0]);
    assert_eq!(rows_of(&inspected, edge_renderer), [0, 1]);
}

/// A detail plot whose x range is a Range1d from `start` to `end`, and an overview over 0 to 100
/// whose RangeTool shows it: the range, the tool, and the overview's layout.
fn range_tool_plots(
    doc: &mut Document,
    (start, end): (f64, f64),
) -> (
    rokeh::core::Id<Range1d>,
    rokeh::core::Id<rokeh::models::RangeTool>,
    FrameLayout,
) {
    let (detail, xr) = fixed_plot(doc);
    doc.set(xr, Range1d::START, start).unwrap();
    doc.set(xr, Range1d::END, end).unwrap();
    let (overview, _) = plot(doc, RangeArg::Fixed(0.0, 100.0));
    let detail_x = doc.get(detail, Figure::X_RANGE);
    let tool = rokeh::plotting::range_tool(doc, detail_x, None);
    overview.add_tool(doc, tool);
    let layout = laid(doc, overview, &Navigation::new(doc, overview));
    (xr, tool, layout)
}

#[test]
fn a_range_tools_box_moves_and_resizes_another_plots_range_within_the_frame() {
    use rokeh::interact::{set_ranges, RangeDrag};
    use rokeh::models::{RangeStartGesture, RangeTool};

    let mut doc = Document::new();
    let (xr, tool, layout) = range_tool_plots(&mut doc, (20.0, 40.0));
    let view = View::of(&layout);
    let px = |v: f64| layout.x_scale.apply(v);
    let mid = (view.frame[1] + view.frame[3]) / 2.0;
    let range = |doc: &Document| (doc.get(xr, Range1d::START), doc.get(xr, Range1d::END));
    let near =
        |(a, b): (f64, f64), (c, d): (f64, f64)| (a - c).abs() < 1e-9 && (b - d).abs() < 1e-9;
    let drag = |doc: &mut Document, from: f64, to: f64| {
        let Some(drag) = RangeDrag::start(doc, tool.any(), &view, (px(from), mid)) else {
            return false;
        };
        let moves = drag.to(&view, (px(to), mid));
        set_ranges(doc, &moves).unwrap();
        true
    };

    // Inside the box: it moves, and the detail's range with it.
    assert!(drag(&mut doc, 30.0, 40.0));
    assert!(near(range(&doc), (30.0, 50.0)), "{:?}", range(&doc));
    // On its left edge: that end alone.
    assert!(drag(&mut doc, 30.0, 25.0));
    assert!(near(range(&doc), (25.0, 50.0)), "{:?}", range(&doc));
    // On its right edge, dragged past the left one: stopped a pixel short of it.
    assert!(drag(&mut doc, 50.0, 10.0));
    let (start, end) = range(&doc);
    assert!(
        start == 25.0 && end > 25.0 && px(end) - px(start) < 1.0 + 1e-9,
        "{start}..{end}"
    );
    assert!(drag(&mut doc, end, 50.0));
    // Dragged past the frame's end: the box stops at it, its width kept.
    assert!(drag(&mut doc, 40.0, 140.0));
    assert!(near(range(&doc), (75.0, 100.0)), "{:?}", range(&doc));
    // Off the box the press is no RangeTool's, unless it starts new ranges by a pan.
    assert!(!drag(&mut doc, 10.0, 20.0));
    doc.set(tool, RangeTool::START_GESTURE, RangeStartGesture::Pan)
        .unwrap();
    assert!(drag(&mut doc, 10.0, 20.0));
    assert!(near(range(&doc), (10.0, 20.0)), "{:?}", range(&doc));
    // Outside the frame, never.
    let outside = (view.frame[2] + 5.0, mid);
    assert!(RangeDrag::start(&doc, tool.any(), &view, outside).is_none());
    // Without x interaction the box stays where the range puts it.
    doc.set(tool, RangeTool::X_INTERACTION, false).unwrap();
    assert!(!drag(&mut doc, 15.0, 30.0));
    assert!(near(range(&doc), (10.0, 20.0)));
}

#[test]
fn a_range_tools_box_reaching_past_the_frame_is_held_only_inside_it() {
    use rokeh::interact::{set_ranges, RangeDrag};

    let mut doc = Document::new();
    let (xr, tool, layout) = range_tool_plots(&mut doc, (-50.0, 30.0));
    let view = View::of(&layout);
    let px = |v: f64| layout.x_scale.apply(v);
    let mid = (view.frame[1] + view.frame[3]) / 2.0;
    // Its left end is off the frame (at -50): a press there, over the axis, holds nothing.
    assert!(RangeDrag::start(&doc, tool.any(), &view, (px(-50.0), mid)).is_none());
    // Its right end drags; the left stays where it was, not at the frame's edge.
    let drag = RangeDrag::start(&doc, tool.any(), &view, (px(30.0), mid)).unwrap();
    set_ranges(&mut doc, &drag.to(&view, (px(40.0), mid))).unwrap();
    let (start, end) = (doc.get(xr, Range1d::START), doc.get(xr, Range1d::END));
    assert!(
        (start + 50.0).abs() < 1e-9 && (end - 40.0).abs() < 1e-9,
        "{start}..{end}"
    );
    // Dragged past its other end, it stops a pixel short of it.
    let drag = RangeDrag::start(&doc, tool.any(), &view, (px(40.0), mid)).unwrap();
    set_ranges(&mut doc, &drag.to(&view, (px(-80.0), mid))).unwrap();
    let (start, end) = (doc.get(xr, Range1d::START), doc.get(xr, Range1d::END));
    assert!(
        start == -50.0 && (px(end) - px(start) - 1.0).abs() < 1e-9,
        "{start}..{end}"
    );
}
