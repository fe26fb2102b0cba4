//! Numeric transforms a spec may name: Dodge (a shift, in a FactorRange's units when the
//! axis is categorical), Jitter (seeded noise, so a picture repeats) and, in a page with
//! its view, CustomJSTransform (see [`super::scripted`]).

use std::borrow::Cow;

use crate::document::AnyId;
use crate::models::Distribution;

use super::ranges::FactorMap;
use super::read::Reader;
use super::scripted::{self, Script};
use super::specs::Numbers;
use super::RenderError;

#[inline(never)]
pub(crate) fn transform_numbers<'d>(
    r: Reader<'d>,
    transform: AnyId,
    numbers: Numbers<'d>,
    rows: usize,
    _factors: Option<&FactorMap>,
) -> Result<Numbers<'d>, RenderError> {
    let per_row = |f: &dyn Fn(usize, f64) -> f64| -> Numbers<'d> {
        Numbers::Vector(Cow::Owned(
            (0..rows).map(|i| f(i, numbers.get(i))).collect(),
        ))
    };
    match r.type_name(transform) {
        "Dodge" => {
            let value = r.number(transform, "value")?;
            Ok(match numbers {
                Numbers::Scalar(v) => Numbers::Scalar(v + value),
                Numbers::Vector(_) | Numbers::Stored(_) => per_row(&|_, v| v + value),
            })
        }
        "Jitter" => {
            let mean = r.number(transform, "mean")?;
            let width = r.number(transform, "width")?;
            let distribution: Distribution = r.get(transform, "distribution")?;
            let mut rng = SplitMix(0x5eed_0000 ^ u64::from(transform.slot()));
            let noise: Vec<f64> = (0..rows)
                .map(|_| match distribution {
                    Distribution::Uniform => mean + (rng.unit() - 0.5) * width,
                    Distribution::Normal => mean + rng.normal() * width,
                })
                .collect();
            Ok(per_row(&|i, v| v + noise[i]))
        }
        "CustomJSTransform" => {
            let Some(Script::Transform(run)) = scripted::find("CustomJSTransform") else {
                let why = scripted::not_run("CustomJSTransform", "CUSTOM_JS_TRANSFORM");
                return Err(RenderError::Model(why));
            };
            let xs: Vec<f64> = (0..rows).map(|i| numbers.get(i)).collect();
            let mut transformed = run(r, transform, &xs).map_err(|e| {
                let id = r.doc.model_id(transform);
                RenderError::Model(format!("CustomJSTransform {id}: {e}"))
            })?;
            // One number per row, as the glyph reads them: missing ones are NaN (not drawn).
            transformed.resize(rows, f64::NAN);
            Ok(Numbers::Vector(Cow::Owned(transformed)))
        }
        other => Err(RenderError::Model(format!(
            "{other} is not a numeric transform rokeh applies (Dodge, Jitter, \
             CustomJSTransform)"
        ))),
    }
}

/// A small, seeded pseudo-random generator (SplitMix64).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in 0..1.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Standard normal (Box–Muller).
    fn normal(&mut self) -> f64 {
        let u = self.unit().max(f64::MIN_POSITIVE);
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}
