//! A tile source's arithmetic, as BokehJS's `MercatorTileSource` does it: which zoom
//! level a view of the map is at, which tiles cover it and where each lies in Web
//! Mercator metres, and each tile's address. Tile numbers count from the bottom left
//! (TMS), as BokehJS counts them; each scheme writes its URL its own way.

use crate::document::{AnyId, Value};
use crate::format::js_number;
use crate::render::read::Reader;
use crate::render::RenderError;

/// The earth's radius in Web Mercator (metres).
const EARTH_RADIUS: f64 = 6378137.0;

/// A map's extent or a tile's bounds: (xmin, ymin, xmax, ymax), metres.
pub(crate) type Extent = [f64; 4];

/// A tile: its column and row from the bottom left, and its zoom level. Columns beyond
/// the world's (when the map wraps around) are copies of the world east or west.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct TileXyz {
    pub x: i64,
    pub y: i64,
    pub z: i64,
}

/// How a source writes a tile's address into its URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Scheme {
    /// `{X}`, `{Y}` counted from the top left, `{Z}`.
    Wmts,
    /// `{X}`, `{Y}` counted from the bottom left, `{Z}`.
    Tms,
    /// `{Q}`, the quadkey of the tile counted from the top left.
    Quadkey,
    /// `{XMIN}`, `{YMIN}`, `{XMAX}`, `{YMAX}`: the bounds, in degrees when `latlon`.
    BBox { latlon: bool },
}

/// A tile source, read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct TileSource {
    pub scheme: Scheme,
    /// The URL template, its lower-case placeholders made upper-case (as BokehJS does).
    pub url: String,
    pub tile_size: f64,
    pub min_zoom: i64,
    pub max_zoom: i64,
    pub extra_url_vars: Vec<(String, String)>,
    pub x_origin_offset: f64,
    pub y_origin_offset: f64,
    pub initial_resolution: Option<f64>,
    pub snap_to_zoom: bool,
    pub wrap_around: bool,
    pub attribution: String,
}

/// BokehJS's `_normalize_case`: the first of each lower-case placeholder made upper-case.
fn normalize_case(url: &str) -> String {
    let mut url = url.to_owned();
    for name in ["x", "y", "z", "q", "xmin", "ymin", "xmax", "ymax"] {
        url = url.replacen(
            &format!("{{{name}}}"),
            &format!("{{{}}}", name.to_ascii_uppercase()),
            1,
        );
    }
    url
}

impl TileSource {
    pub fn read(r: Reader<'_>, source: AnyId) -> Result<TileSource, RenderError> {
        let scheme = match r.type_name(source) {
            "WMTSTileSource" => Scheme::Wmts,
            "TMSTileSource" => Scheme::Tms,
            "QUADKEYTileSource" => Scheme::Quadkey,
            "BBoxTileSource" => Scheme::BBox {
                latlon: r.flag(source, "use_latlon")?,
            },
            other => {
                return Err(RenderError::Model(format!(
                    "{other} is not a tile source rokeh reads"
                )))
            }
        };
        let extra_url_vars = match &*r.value_ref(source, "extra_url_vars")? {
            Value::Map(entries) => entries
                .iter()
                .filter_map(|(k, v)| {
                    // Written as JavaScript writes the value into the string.
                    let v = match v {
                        Value::Str(s) => s.clone(),
                        v => js_number(v.as_f64()?),
                    };
                    Some((k.as_str()?.to_owned(), v))
                })
                .collect(),
            _ => Vec::new(),
        };
        Ok(TileSource {
            scheme,
            url: normalize_case(&r.string(source, "url")?),
            tile_size: r.get(source, "tile_size")?,
            min_zoom: r.get(source, "min_zoom")?,
            max_zoom: r.get(source, "max_zoom")?,
            extra_url_vars,
            x_origin_offset: r.get(source, "x_origin_offset")?,
            y_origin_offset: r.get(source, "y_origin_offset")?,
            initial_resolution: r.get(source, "initial_resolution")?,
            snap_to_zoom: r.flag(source, "snap_to_zoom")?,
            wrap_around: r.flag(source, "wrap_around")?,
            attribution: r.string(source, "attribution")?,
        })
    }

    /// Metres per pixel at zoom level 0.
    fn initial_resolution(&self) -> f64 {
        self.initial_resolution
            .unwrap_or(std::f64::consts::TAU * EARTH_RADIUS / self.tile_size)
    }

    /// Metres per pixel at `level`.
    pub fn resolution(&self, level: i64) -> f64 {
        self.initial_resolution() / 2f64.powi(level as i32)
    }

    /// BokehJS's `_resolutions`: one per zoom from `min_zoom` to `max_zoom`, which it
    /// then takes as levels from 0 (so a `min_zoom` above 0 shifts them, as there).
    fn resolutions(&self) -> impl Iterator<Item = f64> + '_ {
        (self.min_zoom..=self.max_zoom).map(|z| self.resolution(z))
    }

    /// The level whose resolution is the first finer than the view's (`extent` over a
    /// frame of `width` × `height` CSS pixels), or the finest.
    pub fn level_by_extent(&self, extent: Extent, height: f64, width: f64) -> i64 {
        let x_rs = (extent[2] - extent[0]) / width;
        let y_rs = (extent[3] - extent[1]) / height;
        let resolution = x_rs.max(y_rs);
        let mut i = 0;
        for r in self.resolutions() {
            if resolution > r {
                return (i - 1).max(0);
            }
            i += 1;
        }
        i - 1
    }

    /// BokehJS's `snap_to_zoom_level`: `extent` grown about its centre along one axis
    /// so that a pixel of the frame (`width` × `height` CSS pixels) is as many metres
    /// along both, or to `level`'s resolution exactly when `snap_to_zoom`.
    pub fn snap_to_zoom_level(
        &self,
        extent: Extent,
        height: f64,
        width: f64,
        level: i64,
    ) -> Extent {
        let [xmin, ymin, xmax, ymax] = extent;
        let desired = self
            .resolutions()
            .nth(level.max(0) as usize)
            .unwrap_or(f64::NAN);
        let (mut dx, mut dy) = (width * desired, height * desired);
        if !self.snap_to_zoom {
            let xscale = (xmax - xmin) / dx;
            let yscale = (ymax - ymin) / dy;
            if xscale > yscale {
                dx = xmax - xmin;
                dy *= xscale;
            } else {
                dx *= yscale;
                dy = ymax - ymin;
            }
        }
        let x_adjust = (dx - (xmax - xmin)) / 2.0;
        let y_adjust = (dy - (ymax - ymin)) / 2.0;
        [
            xmin - x_adjust,
            ymin - y_adjust,
            xmax + x_adjust,
            ymax + y_adjust,
        ]
    }

    fn is_valid_tile(&self, t: TileXyz) -> bool {
        let count = 1i64 << t.z;
        (self.wrap_around || (0..count).contains(&t.x)) && (0..count).contains(&t.y)
    }

    fn meters_to_pixels(&self, mx: f64, my: f64, level: i64) -> (f64, f64) {
        let res = self.resolution(level);
        (
            (mx + self.x_origin_offset) / res,
            (my + self.y_origin_offset) / res,
        )
    }

    fn pixels_to_meters(&self, px: f64, py: f64, level: i64) -> (f64, f64) {
        let res = self.resolution(level);
        (
            px * res - self.x_origin_offset,
            py * res - self.y_origin_offset,
        )
    }

    fn pixels_to_tile(&self, px: f64, py: f64) -> (i64, i64) {
        let tx = (px / self.tile_size).ceil() as i64;
        let tx = if tx == 0 { tx } else { tx - 1 };
        let ty = ((py / self.tile_size).ceil() as i64 - 1).max(0);
        (tx, ty)
    }

    fn meters_to_tile(&self, mx: f64, my: f64, level: i64) -> (i64, i64) {
        let (px, py) = self.meters_to_pixels(mx, my, level);
        self.pixels_to_tile(px, py)
    }

    /// Where tile `t` lies, in metres.
    pub fn tile_bounds(&self, t: TileXyz) -> Extent {
        let size = self.tile_size;
        let (x, y) = (t.x as f64, t.y as f64);
        let (xmin, ymin) = self.pixels_to_meters(x * size, y * size, t.z);
        let (xmax, ymax) = self.pixels_to_meters((x + 1.0) * size, (y + 1.0) * size, t.z);
        [xmin, ymin, xmax, ymax]
    }

    /// The tiles at `level` covering `extent` and a border of one tile around it, those
    /// nearest its centre first (as BokehJS fetches and draws them).
    pub fn tiles_by_extent(&self, extent: Extent, level: i64) -> Vec<TileXyz> {
        const BORDER: i64 = 1;
        let [xmin, ymin, xmax, ymax] = extent;
        let (txmin, tymin) = self.meters_to_tile(xmin, ymin, level);
        let (txmax, tymax) = self.meters_to_tile(xmax, ymax, level);
        let (txmin, tymin) = (txmin - BORDER, tymin - BORDER);
        let (txmax, tymax) = (txmax + BORDER, tymax + BORDER);
        let mut tiles: Vec<TileXyz> = (tymin..=tymax)
            .rev()
            .flat_map(|y| (txmin..=txmax).map(move |x| TileXyz { x, y, z: level }))
            .filter(|&t| self.is_valid_tile(t))
            .collect();
        let cx = (txmax - txmin) as f64 / 2.0 + txmin as f64;
        let cy = (tymax - tymin) as f64 / 2.0 + tymin as f64;
        let distance = |t: &TileXyz| (cx - t.x as f64).hypot(cy - t.y as f64);
        // Stable, as JavaScript's sort is.
        tiles.sort_by(|a, b| distance(a).total_cmp(&distance(b)));
        tiles
    }

    /// The tile as the URL names it: wrapped into the world when the map wraps around.
    pub fn normalize(&self, t: TileXyz) -> TileXyz {
        match self.wrap_around {
            true => TileXyz {
                x: t.x.rem_euclid(1i64 << t.z),
                ..t
            },
            false => t,
        }
    }

    /// The tiles covering `t` at the levels above it, nearest first, in the same copy of
    /// the world as `t`.
    pub fn ancestors(&self, t: TileXyz) -> impl Iterator<Item = TileXyz> {
        let world = t.x.div_euclid(1i64 << t.z);
        let n = self.normalize(t);
        (0..t.z).rev().map(move |z| {
            let shift = t.z - z;
            TileXyz {
                x: (n.x >> shift) + world * (1i64 << z),
                y: n.y >> shift,
                z,
            }
        })
    }

    /// The URL of tile `t` (already normalized), as the source's scheme writes it.
    pub fn url(&self, t: TileXyz) -> String {
        let mut url = self.url.clone();
        // BokehJS replaces the first occurrence of each placeholder.
        for (k, v) in &self.extra_url_vars {
            url = url.replacen(&format!("{{{k}}}"), v, 1);
        }
        let top_left = TileXyz {
            y: (1i64 << t.z) - 1 - t.y,
            ..t
        };
        let xyz = |url: String, t: TileXyz| {
            url.replacen("{X}", &t.x.to_string(), 1)
                .replacen("{Y}", &t.y.to_string(), 1)
                .replacen("{Z}", &t.z.to_string(), 1)
        };
        match self.scheme {
            Scheme::Wmts => xyz(url, top_left),
            Scheme::Tms => xyz(url, t),
            Scheme::Quadkey => url.replacen("{Q}", &quadkey(top_left), 1),
            Scheme::BBox { latlon } => {
                let mut b = self.tile_bounds(t);
                if latlon {
                    let (w, s) = meters_to_degrees(b[0], b[1]);
                    let (e, n) = meters_to_degrees(b[2], b[3]);
                    b = [w, s, e, n];
                }
                let names = ["{XMIN}", "{YMIN}", "{XMAX}", "{YMAX}"];
                names
                    .iter()
                    .zip(b)
                    .fold(url, |url, (name, v)| url.replacen(name, &js_number(v), 1))
            }
        }
    }
}

/// The quadkey of tile `t` counted from the top left: a digit per level, each the
/// quadrant (1 for the x bit, 2 for the y bit).
pub(crate) fn quadkey(t: TileXyz) -> String {
    (1..=t.z)
        .rev()
        .map(|i| {
            let mask = 1i64 << (i - 1);
            let digit = u8::from(t.x & mask != 0) + 2 * u8::from(t.y & mask != 0);
            char::from(b'0' + digit)
        })
        .collect()
}

/// Web Mercator metres as longitude and latitude in degrees (proj4's inverse, as
/// BokehJS's `wgs84_mercator.invert`).
fn meters_to_degrees(mx: f64, my: f64) -> (f64, f64) {
    let lon = (mx / EARTH_RADIUS).to_degrees();
    let lat = (2.0 * (my / EARTH_RADIUS).exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees();
    (lon, lat)
}

#[cfg(test)]
mod tests {
    //! The numbers expected here are what BokehJS 3.9's tile sources answer (`bokeh.min.js`
    //! from the `.venv`, run in Chromium: `get_level_by_extent`, `get_tiles_by_extent`,
    //! `normalize_xyz`, `get_image_url`, `tile_xyz_to_quadkey` on sources made with the
    //! same properties).

    use super::*;

    fn source(scheme: Scheme, url: &str) -> TileSource {
        TileSource {
            scheme,
            url: normalize_case(url),
            tile_size: 256.0,
            min_zoom: 0,
            max_zoom: 30,
            extra_url_vars: Vec::new(),
            x_origin_offset: 20037508.34,
            y_origin_offset: 20037508.34,
            initial_resolution: Some(156543.03392804097),
            snap_to_zoom: false,
            wrap_around: true,
            attribution: String::new(),
        }
    }

    const EUROPE: Extent = [-2e6, -1e6, 6e6, 7e6];
    const T: TileXyz = TileXyz { x: 3, y: 5, z: 4 };

    fn xyz(tiles: &[TileXyz]) -> Vec<(i64, i64, i64)> {
        tiles.iter().map(|t| (t.x, t.y, t.z)).collect()
    }

    #[test]
    fn the_level_is_the_first_finer_than_the_view_counted_from_min_zoom() {
        let wmts = source(Scheme::Wmts, "u");
        assert_eq!(wmts.level_by_extent(EUROPE, 557.0, 565.0), 3);
        let from_two = TileSource {
            min_zoom: 2,
            ..wmts
        };
        assert_eq!(from_two.level_by_extent(EUROPE, 557.0, 565.0), 1);
    }

    #[test]
    fn the_view_is_grown_to_the_frames_shape() {
        let wmts = source(Scheme::Wmts, "u");
        let snapped = wmts.snap_to_zoom_level(EUROPE, 557.0, 565.0, 3);
        let bokehjs = [-2057450.6283662473, -1e6, 6057450.628366247, 7e6];
        assert!(
            snapped
                .iter()
                .zip(bokehjs)
                .all(|(a, b)| (a - b).abs() < 1e-6),
            "{snapped:?}"
        );
    }

    #[test]
    fn the_tiles_cover_the_view_and_a_border_nearest_the_centre_first() {
        let wmts = source(Scheme::Wmts, "u");
        let tiles = wmts.tiles_by_extent(EUROPE, 3);
        #[rustfmt::skip]
        let expected = [
            (4, 4), (4, 5), (3, 4), (5, 4), (4, 3), (3, 5), (5, 5), (3, 3), (5, 3), (4, 6),
            (2, 4), (6, 4), (4, 2), (3, 6), (5, 6), (2, 5), (6, 5), (2, 3), (6, 3), (3, 2),
            (5, 2), (2, 6), (6, 6), (2, 2), (6, 2),
        ];
        let expected: Vec<_> = expected.iter().map(|&(x, y)| (x, y, 3)).collect();
        assert_eq!(xyz(&tiles), expected);
        let close = |a: Extent, b: Extent| a.iter().zip(b).all(|(a, b)| (a - b).abs() < 1e-6);
        let bounds = [
            0.002789244055747986,
            0.002789244055747986,
            5009377.088486556,
            5009377.088486556,
        ];
        assert!(close(wmts.tile_bounds(tiles[0]), bounds));
        let bounds = [
            -10018754.168605378,
            -10018754.168605378,
            -5009377.082908068,
            -5009377.082908068,
        ];
        assert!(close(wmts.tile_bounds(tiles[23]), bounds));
    }

    #[test]
    fn across_the_antimeridian_tiles_wrap_around_unless_told_not_to() {
        let wmts = source(Scheme::Wmts, "u");
        let view = [19e6, -1e6, 21e6, 1e6];
        assert_eq!(wmts.level_by_extent(view, 300.0, 300.0), 4);
        let tiles = wmts.tiles_by_extent(view, 4);
        #[rustfmt::skip]
        let expected = [
            (15, 8), (16, 8), (15, 7), (16, 7), (15, 9), (16, 9), (14, 8), (17, 8),
            (14, 7), (17, 7), (15, 6), (16, 6), (14, 9), (17, 9), (14, 6), (17, 6),
        ];
        let expected: Vec<_> = expected.iter().map(|&(x, y)| (x, y, 4)).collect();
        assert_eq!(xyz(&tiles), expected);
        let normalized: Vec<i64> = tiles.iter().map(|&t| wmts.normalize(t).x).collect();
        assert_eq!(
            normalized,
            [15, 0, 15, 0, 15, 0, 14, 1, 14, 1, 15, 0, 14, 1, 14, 1]
        );
        let flat = TileSource {
            wrap_around: false,
            ..wmts
        };
        let tiles = flat.tiles_by_extent(view, 4);
        #[rustfmt::skip]
        let expected = [(15, 8), (15, 7), (15, 9), (14, 8), (14, 7), (15, 6), (14, 9), (14, 6)];
        let expected: Vec<_> = expected.iter().map(|&(x, y)| (x, y, 4)).collect();
        assert_eq!(xyz(&tiles), expected);
    }

    #[test]
    fn each_scheme_writes_the_address_its_way() {
        let mut wmts = source(Scheme::Wmts, "http://t/{z}/{x}/{y}.png?k={key}");
        assert_eq!(wmts.url, "http://t/{Z}/{X}/{Y}.png?k={key}");
        wmts.extra_url_vars = vec![("key".into(), "abc".into())];
        // Counted from the top left: row 5 of 16 from the bottom is row 10.
        assert_eq!(wmts.url(T), "http://t/4/3/10.png?k=abc");
        let tms = source(Scheme::Tms, "http://t/{Z}/{X}/{Y}.png");
        assert_eq!(tms.url(T), "http://t/4/3/5.png");
        assert_eq!(quadkey(T), "0213");
        let bing = source(Scheme::Quadkey, "http://t/{Q}.png");
        assert_eq!(bing.url(T), "http://t/2031.png");
        let bbox = "http://t/?b={XMIN},{YMIN},{XMAX},{YMAX}";
        let metres = source(Scheme::BBox { latlon: false }, bbox);
        assert_eq!(
            metres.url(T),
            "http://t/?b=-12523442.711454034,-7514065.625756722,-10018754.168605378,\
             -5009377.082908068"
        );
        let degrees = source(Scheme::BBox { latlon: true }, bbox);
        let url = degrees.url(T);
        let (_, list) = url.split_once("b=").unwrap();
        let numbers: Vec<f64> = list.split(',').map(|n| n.parse().unwrap()).collect();
        let bokehjs = [
            -112.4999999749438,
            -55.776573004575546,
            -89.9999999749438,
            -40.97989805070422,
        ];
        // proj4's inverse and ours may differ in the last bits.
        assert!(
            numbers
                .iter()
                .zip(bokehjs)
                .all(|(a, b)| (a - b).abs() < 1e-9),
            "{url}"
        );
    }

    #[test]
    fn a_tiles_ancestors_are_the_quadkeys_prefixes_in_its_copy_of_the_world() {
        let wmts = source(Scheme::Wmts, "u");
        let up: Vec<_> = wmts.ancestors(T).collect();
        assert_eq!(xyz(&up), [(1, 2, 3), (0, 1, 2), (0, 0, 1), (0, 0, 0)]);
        // Column 17 of 16 is column 1 one world east: its parents are too.
        let east = TileXyz { x: 17, y: 8, z: 4 };
        let up: Vec<_> = wmts.ancestors(east).collect();
        assert_eq!(xyz(&up), [(8, 4, 3), (4, 2, 2), (2, 1, 1), (1, 0, 0)]);
    }
}
