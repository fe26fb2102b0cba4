//! The app's four 2-D datasets, drawn as scikit-learn's generators draw them
//! (`make_circles`, `make_moons`, `make_blobs`, uniform noise), from rokeh's seeded
//! generator rather than numpy's stream.

use std::f64::consts::PI;

use rokeh::np::random::Rng;

/// A point of the plane.
pub type Point = [f64; 2];

/// The datasets of the app's Select, by their shown names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dataset {
    NoisyCircles,
    NoisyMoons,
    Blobs,
    NoStructure,
}

impl Dataset {
    pub const ALL: [Dataset; 4] = [
        Dataset::NoisyCircles,
        Dataset::NoisyMoons,
        Dataset::Blobs,
        Dataset::NoStructure,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Dataset::NoisyCircles => "Noisy Circles",
            Dataset::NoisyMoons => "Noisy Moons",
            Dataset::Blobs => "Blobs",
            Dataset::NoStructure => "No Structure",
        }
    }

    pub fn from_name(name: &str) -> Option<Dataset> {
        Dataset::ALL.into_iter().find(|d| d.name() == name)
    }

    /// `n` points of the dataset, shuffled as sklearn's generators shuffle them (the
    /// order matters to Birch, which reads them one by one).
    pub fn sample(self, n: usize, rng: &mut Rng) -> Vec<Point> {
        let mut points = match self {
            Dataset::NoisyCircles => circles(n, 0.5, 0.05, rng),
            Dataset::NoisyMoons => moons(n, 0.05, rng),
            Dataset::Blobs => blobs(n, rng),
            Dataset::NoStructure => (0..n).map(|_| [rng.random(), rng.random()]).collect(),
        };
        // Fisher–Yates.
        for i in (1..points.len()).rev() {
            points.swap(i, (rng.random() * (i + 1) as f64) as usize);
        }
        points
    }
}

/// `n` angles evenly spread over [0, `end`), or over [0, `end`] when `closed`.
fn angles(n: usize, end: f64, closed: bool) -> impl Iterator<Item = f64> {
    let steps = if closed { n.max(2) - 1 } else { n } as f64;
    (0..n).map(move |i| end * i as f64 / steps)
}

fn jitter(points: &mut [Point], noise: f64, rng: &mut Rng) {
    for p in points {
        p[0] += rng.normal1(0.0, noise);
        p[1] += rng.normal1(0.0, noise);
    }
}

/// A unit circle around one `factor` times its size, half the points on each.
fn circles(n: usize, factor: f64, noise: f64, rng: &mut Rng) -> Vec<Point> {
    let outer = angles(n / 2, 2.0 * PI, false).map(|t| [t.cos(), t.sin()]);
    let inner = angles(n - n / 2, 2.0 * PI, false).map(|t| [factor * t.cos(), factor * t.sin()]);
    let mut points: Vec<Point> = outer.chain(inner).collect();
    jitter(&mut points, noise, rng);
    points
}

/// Two interleaved half circles.
fn moons(n: usize, noise: f64, rng: &mut Rng) -> Vec<Point> {
    let outer = angles(n / 2, PI, true).map(|t| [t.cos(), t.sin()]);
    let inner = angles(n - n / 2, PI, true).map(|t| [1.0 - t.cos(), 0.5 - t.sin()]);
    let mut points: Vec<Point> = outer.chain(inner).collect();
    jitter(&mut points, noise, rng);
    points
}

/// The centres sklearn's `make_blobs(random_state=8)` draws (`uniform(-10, 10)` from
/// numpy's generator seeded 8): the same three blobs every time.
const BLOB_CENTRES: [Point; 3] = [
    [7.468_588_055_836_324, 9.370_813_256_418_64],
    [7.383_890_804_278_398, 0.617_113_831_111_979],
    [-5.345_433_440_454_186, -9.772_023_914_451_403],
];

/// Normal blobs of deviation 1 around [`BLOB_CENTRES`], a third of the points each.
fn blobs(n: usize, rng: &mut Rng) -> Vec<Point> {
    (0..n)
        .map(|i| {
            let [x, y] = BLOB_CENTRES[i * BLOB_CENTRES.len() / n];
            [rng.normal1(x, 1.0), rng.normal1(y, 1.0)]
        })
        .collect()
}

/// Each coordinate less its mean, over its deviation: sklearn's `StandardScaler`.
pub fn standardise(points: &[Point]) -> Vec<Point> {
    let n = points.len() as f64;
    let mean = |d: usize| points.iter().map(|p| p[d]).sum::<f64>() / n;
    let (mx, my) = (mean(0), mean(1));
    let sd = |d: usize, m: f64| (points.iter().map(|p| (p[d] - m).powi(2)).sum::<f64>() / n).sqrt();
    let (sx, sy) = (
        sd(0, mx).max(f64::MIN_POSITIVE),
        sd(1, my).max(f64::MIN_POSITIVE),
    );
    points
        .iter()
        .map(|p| [(p[0] - mx) / sx, (p[1] - my) / sy])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn radius(p: &Point) -> f64 {
        p[0].hypot(p[1])
    }

    #[test]
    fn the_circles_and_moons_are_sklearns_shapes_shuffled() {
        let circles = Dataset::NoisyCircles.sample(1001, &mut Rng::seed(1));
        assert_eq!(circles.len(), 1001);
        let inner = circles.iter().filter(|p| radius(p) < 0.75).count();
        assert_eq!(inner, 501);
        assert!(circles
            .iter()
            .all(|p| (radius(p) - 0.5).abs() < 0.25 || (radius(p) - 1.0).abs() < 0.25));
        // Shuffled: the first half holds both rings.
        assert!(circles[..500].iter().filter(|p| radius(p) < 0.75).count() > 200);
        // The upper moon is the unit half circle; the lower one its mirror, moved.
        let moons = Dataset::NoisyMoons.sample(1000, &mut Rng::seed(1));
        let upper = moons
            .iter()
            .filter(|p| (radius(p) - 1.0).abs() < 0.2 && p[1] > -0.2)
            .count();
        let lower = moons
            .iter()
            .filter(|p| (p[0] - 1.0).hypot(p[1] - 0.5) < 1.2 && p[1] < 0.7)
            .count();
        assert!(upper >= 500 && lower >= 500, "{upper} {lower}");
    }

    #[test]
    fn the_blobs_are_around_sklearns_centres_and_standardising_centres_and_scales() {
        let blobs = Dataset::Blobs.sample(1000, &mut Rng::seed(1));
        for centre in BLOB_CENTRES {
            let near = blobs
                .iter()
                .filter(|p| (p[0] - centre[0]).hypot(p[1] - centre[1]) < 4.0)
                .count();
            assert!((333..=334).contains(&near), "{near}");
        }
        let standard = standardise(&Dataset::NoStructure.sample(1000, &mut Rng::seed(1)));
        for d in 0..2 {
            let mean = standard.iter().map(|p| p[d]).sum::<f64>() / 1000.0;
            let var = standard.iter().map(|p| (p[d] - mean).powi(2)).sum::<f64>() / 1000.0;
            assert!(mean.abs() < 1e-12 && (var - 1.0).abs() < 1e-12);
        }
    }
}
