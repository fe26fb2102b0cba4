//! Bokeh's "image_blur" demo: a grey image blurred by a slider, a box of 2n + 1 pixels
//! for its value n. Bokeh's blurs scipy's "ascent" photograph (fetched from the internet
//! by scipy) with four nested Python loops (numba compiles them when it can); this one
//! draws its own image, a zone plate whose rings get finer outwards (a blur wipes out the
//! outer ones first), and blurs by running sums, two passes whatever the box's size.

use rokeh::core::{NdArray, Spec, Value};
use rokeh::document::{CallbackResult, Document};
use rokeh::models::palettes::palette;
use rokeh::models::{column, ColumnDataSource, Image, LinearColorMapper, Slider};
use rokeh::plotting::{figure, FigureArgs};

/// The image's side, in pixels (the ascent photograph's).
pub const SIDE: usize = 512;

/// A zone plate: grey levels 0–255 in rings around the centre, their frequency rising
/// linearly with the radius to one cycle per four pixels at the edge.
pub fn zone_plate(side: usize) -> Vec<f64> {
    let centre = side as f64 / 2.0;
    (0..side * side)
        .map(|k| {
            let (row, col) = ((k / side) as f64 - centre, (k % side) as f64 - centre);
            let r2 = row * row + col * col;
            (127.5 + 127.5 * (std::f64::consts::PI * r2 / (2 * side) as f64).cos()).round()
        })
        .collect()
}

/// Each pixel the mean of the `box_side`² pixels around it (edges repeated outwards): a
/// pass along the rows and one along the columns, each keeping a running sum.
pub fn blur(image: &[f64], side: usize, box_side: usize) -> Vec<f64> {
    let half = (box_side / 2) as isize;
    let pass = |image: &[f64], at: &dyn Fn(usize, usize) -> usize| {
        let mut out = vec![0.0; image.len()];
        let clamp = |i: isize| i.clamp(0, side as isize - 1) as usize;
        for line in 0..side {
            let value = |i: isize| image[at(line, clamp(i))];
            let mut sum: f64 = (-half..=half).map(value).sum();
            for i in 0..side as isize {
                out[at(line, i as usize)] = sum / box_side as f64;
                sum += value(i + half + 1) - value(i - half);
            }
        }
        out
    };
    let rows = pass(image, &|line, i| line * side + i);
    pass(&rows, &|line, i| i * side + line)
}

fn as_image(pixels: Vec<f64>) -> Value {
    let mut image = NdArray::from(pixels);
    image.shape = vec![SIDE, SIDE];
    Value::List(vec![Value::Array(image)])
}

pub fn image_blur(doc: &mut Document) -> CallbackResult {
    let image = zone_plate(SIDE);
    let source = doc.add(ColumnDataSource::default());
    doc.set_columns(source, vec![("image".into(), as_image(image.clone()))])?;
    let w = SIDE as f64;
    let p = figure(
        doc,
        FigureArgs {
            x_range: (0.0, w).into(),
            y_range: (0.0, w).into(),
            ..FigureArgs::default()
        },
    );
    let gray = palette("Greys256").expect("Bokeh's Greys256, as gray(256)");
    let mapper = doc.add(LinearColorMapper::new(gray));
    let glyph = Image {
        image: Spec::field("image"),
        x: 0.0.into(),
        y: 0.0.into(),
        dw: w.into(),
        dh: w.into(),
        color_mapper: Some(mapper.any()),
        ..Image::default()
    };
    p.image(doc, source, glyph);

    let slider = doc.add(Slider::new("Blur Factor", 0.0, 0.0, 10.0, 1.0));
    doc.on_change(slider, Slider::VALUE, move |doc, change| {
        let box_side = 2 * change.new.round().max(0.0) as usize + 1;
        let blurred = blur(&image, SIDE, box_side);
        doc.set_columns(source, vec![("image".into(), as_image(blurred))])
    });

    let layout = column(doc, [p.any(), slider.any()]);
    doc.add_root(layout);
    doc.set_title("Image Blur");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_blur_is_the_mean_of_the_box_around_each_pixel() {
        let side = 9;
        let image: Vec<f64> = (0..side * side).map(|k| ((k * 37) % 11) as f64).collect();
        let blurred = blur(&image, side, 3);
        let at = |r: isize, c: isize| {
            let clamp = |i: isize| i.clamp(0, side as isize - 1) as usize;
            image[clamp(r) * side + clamp(c)]
        };
        for r in 0..side as isize {
            for c in 0..side as isize {
                let mean = (-1..=1)
                    .flat_map(|dr| (-1..=1).map(move |dc| (dr, dc)))
                    .map(|(dr, dc)| at(r + dr, c + dc))
                    .sum::<f64>()
                    / 9.0;
                let got = blurred[r as usize * side + c as usize];
                assert!((got - mean).abs() < 1e-12, "({r}, {c}): {got} vs {mean}");
            }
        }
        // A box of one pixel leaves the image as it is.
        assert_eq!(blur(&image, side, 1), image);
    }

    #[test]
    fn the_zone_plates_rings_get_finer_outwards_and_a_blur_wipes_out_the_outer_ones() {
        let image = zone_plate(SIDE);
        assert!(image.iter().all(|v| (0.0..=255.0).contains(v)));
        let centre = SIDE / 2 * SIDE + SIDE / 2;
        assert_eq!(image[centre], 255.0);
        // Contrast along the middle row: from the centre out to r = 30 (rings wider than
        // the box) and near the edge (rings of 4-5 pixels), before and after a 21-pixel box.
        let contrast = |img: &[f64], from: usize, len: usize| {
            let row = &img[SIDE / 2 * SIDE + from..][..len];
            let max = row.iter().copied().fold(f64::MIN, f64::max);
            max - row.iter().copied().fold(f64::MAX, f64::min)
        };
        let blurred = blur(&image, SIDE, 21);
        let (inner, outer) = ((SIDE / 2, 30), (8, 16));
        assert!(contrast(&image, inner.0, inner.1) > 200.0);
        assert!(contrast(&image, outer.0, outer.1) > 240.0);
        // The inner rings keep most of theirs; the outer ones turn an even grey.
        assert!(contrast(&blurred, inner.0, inner.1) > 150.0);
        assert!(contrast(&blurred, outer.0, outer.1) < 30.0);
    }
}
