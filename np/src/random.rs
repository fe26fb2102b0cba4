//! Seeded random numbers as numpy's `np.random` draws them in Bokeh's examples: uniform,
//! normal, lognormal and gamma samples. Not numpy's stream (a seed gives other numbers
//! than numpy's), but the same distributions, repeatable from a seed.
//!
//! ```
//! use rokeh_np::random::Rng;
//! let mut rng = Rng::seed(1);
//! let x = rng.normal(5.0, 1.0, 1000) * 100.0; // numpy: np.random.normal(loc=5.0, size=1000) * 100
//! assert!((x.mean() - 500.0).abs() < 10.0);
//! ```

use super::Array;

/// A small, fast generator (SplitMix64), seeded.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator whose numbers follow from `seed`, as `np.random.seed(seed)`.
    pub fn seed(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// One number in [0, 1).
    pub fn random(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One number in [low, high).
    pub fn uniform1(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.random()
    }

    /// One standard normal number (Box-Muller).
    fn standard_normal(&mut self) -> f64 {
        let u = 1.0 - self.random(); // (0, 1]: ln stays finite
        let v = self.random();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }

    /// One normal number of mean `loc` and deviation `scale`.
    pub fn normal1(&mut self, loc: f64, scale: f64) -> f64 {
        loc + scale * self.standard_normal()
    }

    /// One number whose log is normal with `mean` and `sigma`, as `np.random.lognormal`.
    pub fn lognormal1(&mut self, mean: f64, sigma: f64) -> f64 {
        self.normal1(mean, sigma).exp()
    }

    /// One gamma number of `shape` and `scale` (Marsaglia and Tsang), as
    /// `np.random.gamma`.
    pub fn gamma1(&mut self, shape: f64, scale: f64) -> f64 {
        if shape < 1.0 {
            // Boosted: gamma(a) = gamma(a + 1) * U^(1/a).
            let u = 1.0 - self.random();
            return self.gamma1(shape + 1.0, scale) * u.powf(1.0 / shape);
        }
        let d = shape - 1.0 / 3.0;
        let c = 1.0 / (9.0 * d).sqrt();
        loop {
            let x = self.standard_normal();
            let v = (1.0 + c * x).powi(3);
            if v <= 0.0 {
                continue;
            }
            let u = 1.0 - self.random();
            if u.ln() < 0.5 * x * x + d - d * v + d * v.ln() {
                return d * v * scale;
            }
        }
    }

    /// `n` uniform numbers in [low, high), as `np.random.uniform(low, high, n)`.
    pub fn uniform(&mut self, low: f64, high: f64, n: usize) -> Array {
        Array((0..n).map(|_| self.uniform1(low, high)).collect())
    }

    /// `n` normal numbers, as `np.random.normal(loc, scale, n)`.
    pub fn normal(&mut self, loc: f64, scale: f64, n: usize) -> Array {
        Array((0..n).map(|_| self.normal1(loc, scale)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_numbers() {
        let (mut a, mut b) = (Rng::seed(7), Rng::seed(7));
        assert_eq!(a.normal(0.0, 1.0, 5), b.normal(0.0, 1.0, 5));
        assert_ne!(Rng::seed(8).random(), Rng::seed(7).random());
    }

    #[test]
    fn distributions_have_their_moments() {
        let mut rng = Rng::seed(1);
        let n = 20_000;
        let normal = rng.normal(3.0, 2.0, n);
        let var = normal.iter().map(|x| (x - 3.0).powi(2)).sum::<f64>() / n as f64;
        assert!((normal.mean() - 3.0).abs() < 0.05, "{}", normal.mean());
        assert!((var - 4.0).abs() < 0.15, "{var}");
        let gamma: f64 = (0..n).map(|_| rng.gamma1(2.0, 0.5)).sum::<f64>() / n as f64;
        assert!((gamma - 1.0).abs() < 0.03, "{gamma}");
        let small: f64 = (0..n).map(|_| rng.gamma1(0.5, 1.0)).sum::<f64>() / n as f64;
        assert!((small - 0.5).abs() < 0.03, "{small}");
        let u = rng.uniform(0.05, 0.95, n);
        assert!(u.min() >= 0.05 && u.max() < 0.95);
        let logn: f64 = (0..n).map(|_| rng.lognormal1(0.0, 0.04)).sum::<f64>() / n as f64;
        assert!((logn - (0.0008f64).exp()).abs() < 0.002, "{logn}");
    }
}
