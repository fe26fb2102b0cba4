//! The app's eight clustering algorithms, written after scikit-learn's with the example's
//! parameters. Each labels every point with a cluster, or none for DBSCAN's noise.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use rokeh::np::random::Rng;

use super::datasets::Point;

/// Each point's cluster, `None` for noise.
pub type Labels = Vec<Option<usize>>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Algorithm {
    MiniBatchKMeans,
    AffinityPropagation,
    MeanShift,
    SpectralClustering,
    Ward,
    AgglomerativeClustering,
    Dbscan,
    Birch,
}

impl Algorithm {
    pub const ALL: [Algorithm; 8] = [
        Algorithm::MiniBatchKMeans,
        Algorithm::AffinityPropagation,
        Algorithm::MeanShift,
        Algorithm::SpectralClustering,
        Algorithm::Ward,
        Algorithm::AgglomerativeClustering,
        Algorithm::Dbscan,
        Algorithm::Birch,
    ];

    /// sklearn's class name, as the app's Select shows it.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::MiniBatchKMeans => "MiniBatchKMeans",
            Algorithm::AffinityPropagation => "AffinityPropagation",
            Algorithm::MeanShift => "MeanShift",
            Algorithm::SpectralClustering => "SpectralClustering",
            Algorithm::Ward => "Ward",
            Algorithm::AgglomerativeClustering => "AgglomerativeClustering",
            Algorithm::Dbscan => "DBSCAN",
            Algorithm::Birch => "Birch",
        }
    }

    pub fn from_name(name: &str) -> Option<Algorithm> {
        Algorithm::ALL.into_iter().find(|a| a.name() == name)
    }

    /// Clusters `points` (standardised) into `n_clusters` where the algorithm takes a
    /// number; the others find their own.
    pub fn cluster(self, points: &[Point], n_clusters: usize, rng: &mut Rng) -> Labels {
        let all = |labels: Vec<usize>| labels.into_iter().map(Some).collect();
        match self {
            // Lloyd's iterations on every point rather than mini-batches: as fast at a few
            // thousand points, and the same clusters.
            Algorithm::MiniBatchKMeans => all(kmeans(points.as_flattened(), 2, n_clusters, 3, rng)),
            Algorithm::AffinityPropagation => all(affinity_propagation(points, 0.9, -200.0, rng)),
            Algorithm::MeanShift => all(mean_shift(points, estimate_bandwidth(points, 0.3))),
            Algorithm::SpectralClustering => all(spectral(points, n_clusters, rng)),
            Algorithm::Ward | Algorithm::AgglomerativeClustering => {
                let linkage = match self {
                    Algorithm::Ward => Linkage::Ward,
                    _ => Linkage::AverageCityblock,
                };
                all(agglomerate(
                    points,
                    &knn_graph(points, 10),
                    n_clusters,
                    linkage,
                ))
            }
            Algorithm::Dbscan => dbscan(points, 0.2, 5),
            Algorithm::Birch => all(birch(points, 0.5, n_clusters)),
        }
    }
}

fn dist2(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

/// The `k` nearest neighbours of each point (not itself), in index order: a sweep out
/// from the point along the points sorted by x, stopped where x alone is farther than
/// the k-th nearest so far.
fn nearest_neighbours(points: &[Point], k: usize) -> Vec<Vec<usize>> {
    let k = k.min(points.len() - 1);
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by(|&a, &b| points[a][0].total_cmp(&points[b][0]));
    let mut near = vec![Vec::new(); points.len()];
    let mut best: BinaryHeap<(Distance, usize)> = BinaryHeap::new();
    for (rank, &i) in order.iter().enumerate() {
        best.clear();
        let x = points[i][0];
        let consider = |j: usize, best: &mut BinaryHeap<(Distance, usize)>| {
            if (points[j][0] - x).powi(2) > best.peek().map_or(f64::INFINITY, |b| b.0 .0)
                && best.len() == k
            {
                return false;
            }
            best.push((Distance(dist2(&points[i], &points[j])), j));
            if best.len() > k {
                best.pop();
            }
            true
        };
        for &j in order[..rank].iter().rev() {
            if !consider(j, &mut best) {
                break;
            }
        }
        for &j in &order[rank + 1..] {
            if !consider(j, &mut best) {
                break;
            }
        }
        let mut found: Vec<usize> = best.drain().map(|b| b.1).collect();
        found.sort_unstable();
        near[i] = found;
    }
    near
}

/// The `k` nearest neighbours of each point made symmetric (i next to j when either is
/// among the other's), as the example's `0.5 * (connectivity + connectivity.T)`.
fn knn_graph(points: &[Point], k: usize) -> Vec<Vec<usize>> {
    symmetric(&nearest_neighbours(points, k))
}

fn symmetric(knn: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut graph = knn.to_vec();
    for (i, near) in knn.iter().enumerate() {
        near.iter().for_each(|&j| graph[j].push(i));
    }
    for next in &mut graph {
        next.sort_unstable();
        next.dedup();
    }
    graph
}

/// k-means++ seeds (greedy, 2 + ln k tries each, as sklearn's) then Lloyd's iterations,
/// the best of `n_init` runs by inertia. `data` holds rows of `dim` numbers.
fn kmeans(data: &[f64], dim: usize, k: usize, n_init: usize, rng: &mut Rng) -> Vec<usize> {
    let n = data.len() / dim;
    let row = |i: usize| &data[i * dim..][..dim];
    let k = k.min(n);
    let tries = 2 + (k as f64).ln() as usize;
    let mut best = (f64::INFINITY, Vec::new());
    for _ in 0..n_init {
        let mut centres: Vec<f64> = row((rng.random() * n as f64) as usize).to_vec();
        let mut closest: Vec<f64> = (0..n).map(|i| dist2(row(i), &centres)).collect();
        while centres.len() < k * dim {
            let total: f64 = closest.iter().sum();
            let pick = |rng: &mut Rng| {
                let mut target = rng.random() * total;
                closest.iter().position(|&d| {
                    target -= d;
                    target < 0.0
                })
            };
            let candidates = (0..tries)
                .map(|_| pick(rng).unwrap_or(n - 1))
                .collect::<Vec<_>>();
            let potential = |c: usize| -> (f64, Vec<f64>) {
                let next: Vec<f64> = (0..n)
                    .map(|i| closest[i].min(dist2(row(i), row(c))))
                    .collect();
                (next.iter().sum(), next)
            };
            let (c, (_, next)) = candidates
                .into_iter()
                .map(|c| (c, potential(c)))
                .min_by(|a, b| a.1 .0.total_cmp(&b.1 .0))
                .expect("tries > 0");
            centres.extend_from_slice(row(c));
            closest = next;
        }
        let mut labels = vec![usize::MAX; n];
        let inertia = loop {
            let mut changed = false;
            let mut inertia = 0.0;
            for (i, label) in labels.iter_mut().enumerate() {
                let (c, d) = (0..k)
                    .map(|c| (c, dist2(row(i), &centres[c * dim..][..dim])))
                    .min_by(|a, b| a.1.total_cmp(&b.1))
                    .expect("k > 0");
                inertia += d;
                changed |= *label != c;
                *label = c;
            }
            if !changed {
                break inertia;
            }
            let mut sums = vec![0.0; k * dim];
            let mut counts = vec![0usize; k];
            for (i, &c) in labels.iter().enumerate() {
                counts[c] += 1;
                sums[c * dim..][..dim]
                    .iter_mut()
                    .zip(row(i))
                    .for_each(|(s, x)| *s += x);
            }
            for c in (0..k).filter(|&c| counts[c] > 0) {
                let mean = sums[c * dim..][..dim].iter().map(|s| s / counts[c] as f64);
                centres[c * dim..][..dim]
                    .iter_mut()
                    .zip(mean)
                    .for_each(|(m, x)| *m = x);
            }
        };
        if inertia < best.0 {
            best = (inertia, labels);
        }
    }
    best.1
}

/// DBSCAN: points with `min_samples` points (themselves included) within `eps` are core
/// points; clusters are what core points reach; the rest is noise.
fn dbscan(points: &[Point], eps: f64, min_samples: usize) -> Labels {
    let near: Vec<Vec<usize>> = points
        .iter()
        .map(|p| {
            (0..points.len())
                .filter(|&j| dist2(p, &points[j]) <= eps * eps)
                .collect()
        })
        .collect();
    let core = |i: usize| near[i].len() >= min_samples;
    let mut labels = vec![None; points.len()];
    let mut cluster = 0;
    for start in (0..points.len()).filter(|&i| core(i)) {
        if labels[start].is_some() {
            continue;
        }
        labels[start] = Some(cluster);
        let mut stack = vec![start];
        while let Some(i) = stack.pop() {
            for &j in &near[i] {
                if labels[j].is_none() {
                    labels[j] = Some(cluster);
                    if core(j) {
                        stack.push(j);
                    }
                }
            }
        }
        cluster += 1;
    }
    labels
}

/// sklearn's `estimate_bandwidth`: the mean over points of the distance to their
/// `quantile · n`-th nearest (themselves counted).
fn estimate_bandwidth(points: &[Point], quantile: f64) -> f64 {
    let k = ((points.len() as f64 * quantile) as usize).clamp(1, points.len()) - 1;
    let mut distances = vec![0.0; points.len()];
    let total: f64 = points
        .iter()
        .map(|p| {
            distances
                .iter_mut()
                .zip(points)
                .for_each(|(d, q)| *d = dist2(p, q));
            distances.select_nth_unstable_by(k, f64::total_cmp).1.sqrt()
        })
        .sum();
    total / points.len() as f64
}

/// Mean shift with a flat kernel of radius `bandwidth`, seeded at the centres of the grid
/// cells of that size that hold points (sklearn's `bin_seeding`): each seed climbs to the
/// mean of the points around it; peaks closer than `bandwidth` to a denser one go; each
/// point joins its nearest peak.
fn mean_shift(points: &[Point], bandwidth: f64) -> Vec<usize> {
    let bin = |p: &Point| {
        [
            (p[0] / bandwidth).round() as i64,
            (p[1] / bandwidth).round() as i64,
        ]
    };
    let mut cells: Vec<[i64; 2]> = points.iter().map(bin).collect();
    cells.sort_unstable();
    cells.dedup();
    let mut peaks: Vec<(usize, Point)> = Vec::new();
    for cell in cells {
        let mut centre = [cell[0] as f64 * bandwidth, cell[1] as f64 * bandwidth];
        for _ in 0..300 {
            let (mut n, mut sum) = (0, [0.0; 2]);
            for p in points
                .iter()
                .filter(|p| dist2(*p, &centre) <= bandwidth * bandwidth)
            {
                (n, sum) = (n + 1, [sum[0] + p[0], sum[1] + p[1]]);
            }
            if n == 0 {
                break;
            }
            let next = [sum[0] / n as f64, sum[1] / n as f64];
            let shift = dist2(&next, &centre).sqrt();
            centre = next;
            if shift < 1e-3 * bandwidth {
                peaks.push((n, centre));
                break;
            }
        }
    }
    peaks.sort_by_key(|peak| Reverse(peak.0));
    let mut kept: Vec<Point> = Vec::new();
    for (_, peak) in peaks {
        if kept
            .iter()
            .all(|k| dist2(k, &peak) >= bandwidth * bandwidth)
        {
            kept.push(peak);
        }
    }
    points.iter().map(|p| nearest(p, &kept)).collect()
}

fn nearest(p: &[f64], centres: &[Point]) -> usize {
    (0..centres.len())
        .min_by(|&a, &b| dist2(p, &centres[a]).total_cmp(&dist2(p, &centres[b])))
        .unwrap_or(0)
}

/// Affinity propagation holds n² responsibilities and availabilities; it runs on at most
/// this many points (a random sample: the points come shuffled), the others joining their
/// nearest exemplar, as sklearn's `predict` does.
const AFFINITY_SAMPLE: usize = 500;

/// sklearn's affinity propagation (200 iterations at most, stopping when the exemplars
/// have not changed for 15), on negative squared distances. Each sampled point stands for
/// n / sample points, so `preference` is scaled by sample / n to weigh against as many
/// similarities as it would on all points.
fn affinity_propagation(
    points: &[Point],
    damping: f64,
    preference: f64,
    rng: &mut Rng,
) -> Vec<usize> {
    let m = points.len().min(AFFINITY_SAMPLE);
    let sample = &points[..m];
    let mut s: Vec<f64> = (0..m * m)
        .map(|ij| -dist2(&sample[ij / m], &sample[ij % m]))
        .collect();
    for i in 0..m {
        s[i * m + i] = preference * m as f64 / points.len() as f64;
    }
    // sklearn's tiny noise, so that ties between exemplars break.
    for v in &mut s {
        *v += (f64::EPSILON * *v + f64::MIN_POSITIVE * 100.0) * rng.normal1(0.0, 1.0);
    }
    let (mut r, mut a) = (vec![0.0; m * m], vec![0.0; m * m]);
    let mut column = vec![0.0; m];
    let mut unchanged = 0;
    let mut exemplars: Vec<bool> = vec![false; m];
    // Rows by slices and the diagonal apart: the inner loops are branch-free.
    let keep = 1.0 - damping;
    for _ in 0..200 {
        let rows = r
            .chunks_exact_mut(m)
            .zip(a.chunks_exact(m))
            .zip(s.chunks_exact(m));
        for ((r_row, a_row), s_row) in rows {
            let (mut first, mut second, mut at) = (f64::NEG_INFINITY, f64::NEG_INFINITY, 0);
            for (k, (av, sv)) in a_row.iter().zip(s_row).enumerate() {
                let v = av + sv;
                if v > first {
                    (second, first, at) = (first, v, k);
                } else if v > second {
                    second = v;
                }
            }
            for (rv, sv) in r_row.iter_mut().zip(s_row) {
                *rv = damping * *rv + keep * (sv - first);
            }
            r_row[at] += keep * (first - second);
        }
        column.fill(0.0);
        for r_row in r.chunks_exact(m) {
            column
                .iter_mut()
                .zip(r_row)
                .for_each(|(c, v)| *c += v.max(0.0));
        }
        for k in 0..m {
            let rkk = r[k * m + k];
            column[k] += rkk - rkk.max(0.0);
        }
        for (i, (a_row, r_row)) in a.chunks_exact_mut(m).zip(r.chunks_exact(m)).enumerate() {
            let self_availability = column[i] - r_row[i];
            for ((av, rv), c) in a_row.iter_mut().zip(r_row).zip(&column) {
                *av = damping * *av + keep * (c - rv.max(0.0)).min(0.0);
            }
            // The row's loop took the diagonal for an off-diagonal entry: undo it.
            let wrong = (column[i] - r_row[i].max(0.0)).min(0.0);
            a_row[i] += keep * (self_availability - wrong);
        }
        let now: Vec<bool> = (0..m).map(|i| a[i * m + i] + r[i * m + i] > 0.0).collect();
        unchanged = if now == exemplars { unchanged + 1 } else { 0 };
        exemplars = now;
        if unchanged >= 15 && exemplars.contains(&true) {
            break;
        }
    }
    let mut centres: Vec<usize> = (0..m).filter(|&i| exemplars[i]).collect();
    if centres.is_empty() {
        return vec![0; points.len()];
    }
    let assign = |centres: &[usize]| -> Vec<usize> {
        (0..m)
            .map(|i| match centres.iter().position(|&c| c == i) {
                Some(c) => c,
                None => (0..centres.len())
                    .max_by(|&x, &y| s[i * m + centres[x]].total_cmp(&s[i * m + centres[y]]))
                    .expect("exemplars"),
            })
            .collect()
    };
    // As sklearn: each cluster's exemplar becomes the member most similar to the others.
    let first = assign(&centres);
    for (c, centre) in centres.iter_mut().enumerate() {
        let members: Vec<usize> = (0..m).filter(|&i| first[i] == c).collect();
        let similarity = |j: usize| members.iter().map(|&i| s[i * m + j]).sum::<f64>();
        *centre = members
            .iter()
            .copied()
            .max_by(|&x, &y| similarity(x).total_cmp(&similarity(y)))
            .unwrap_or(*centre);
    }
    centres.sort_unstable();
    centres.dedup();
    let exemplar_points: Vec<Point> = centres.iter().map(|&c| sample[c]).collect();
    let labels = assign(&centres);
    (0..points.len())
        .map(|i| {
            if i < m {
                labels[i]
            } else {
                nearest(&points[i], &exemplar_points)
            }
        })
        .collect()
}

/// Spectral clustering on the 10-nearest-neighbour graph: the eigenvectors of the
/// normalised Laplacian's `k` smallest eigenvalues (the largest of D^-½ W D^-½), scaled by
/// D^-½, are each point's coordinates for k-means (10 runs, as sklearn's).
fn spectral(points: &[Point], k: usize, rng: &mut Rng) -> Vec<usize> {
    let n = points.len();
    let knn = nearest_neighbours(points, 10);
    // The symmetrised kNN matrix's weights: 1 both ways, ½ one way.
    let one_way = |i: usize, j: usize| knn[i].binary_search(&j).is_ok() as u8 as f64;
    let edges: Vec<Vec<(usize, f64)>> = symmetric(&knn)
        .into_iter()
        .enumerate()
        .map(|(i, near)| {
            near.into_iter()
                .map(|j| (j, 0.5 * (one_way(i, j) + one_way(j, i))))
                .collect()
        })
        .collect();
    let scale: Vec<f64> = edges
        .iter()
        .map(|e| {
            1.0 / e
                .iter()
                .map(|w| w.1)
                .sum::<f64>()
                .max(f64::MIN_POSITIVE)
                .sqrt()
        })
        .collect();
    // D^-½ W D^-½ in rows of (column, weight), flat: the filter applies it thousands of times.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(edges.iter().scan(0, |end, e| {
            *end += e.len();
            Some(*end)
        }))
        .collect();
    let entries: Vec<(usize, f64)> = (0..n)
        .flat_map(|i| {
            edges[i]
                .iter()
                .map(|&(j, w)| (j, scale[i] * w * scale[j]))
                .collect::<Vec<_>>()
        })
        .collect();
    let apply = |x: &[f64], y: &mut [f64]| {
        for (i, y) in y.iter_mut().enumerate() {
            *y = entries[starts[i]..starts[i + 1]]
                .iter()
                .map(|&(j, w)| w * x[j])
                .sum();
        }
    };
    let vectors = top_eigenvectors(n, k, apply, rng);
    let (vectors, scale) = (&vectors, &scale);
    let embedding: Vec<f64> = (0..n)
        .flat_map(|i| vectors.iter().map(move |v| v[i] * scale[i]))
        .collect();
    kmeans(&embedding, k, k, 10, rng)
}

/// The eigenvectors of the `k` largest eigenvalues of a symmetric operator of order `n`
/// whose spectrum lies in [-1, 1]: Chebyshev-filtered subspace iteration (Zhou and Saad),
/// a block of k + 8 vectors, each round damping the eigenvalues below the block's least
/// Ritz value, then Rayleigh–Ritz, until the wanted residuals are small.
fn top_eigenvectors(
    n: usize,
    k: usize,
    apply: impl Fn(&[f64], &mut [f64]),
    rng: &mut Rng,
) -> Vec<Vec<f64>> {
    let p = (k + 8).min(n);
    let mut block: Vec<Vec<f64>> = (0..p)
        .map(|_| (0..n).map(|_| rng.normal1(0.0, 1.0)).collect())
        .collect();
    let mut cut = 0.0;
    let (mut mx, mut prev, mut next) = (vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    for _ in 0..60 {
        // Degree-30 Chebyshev polynomial, small on [-1, cut], growing above it.
        let (centre, half) = ((cut - 1.0) / 2.0, (cut + 1.0) / 2.0);
        for x in &mut block {
            prev.copy_from_slice(x);
            apply(x, &mut mx);
            for i in 0..n {
                x[i] = (mx[i] - centre * x[i]) / half;
            }
            for _ in 1..30 {
                apply(x, &mut mx);
                for i in 0..n {
                    next[i] = 2.0 * (mx[i] - centre * x[i]) / half - prev[i];
                }
                prev.copy_from_slice(x);
                x.copy_from_slice(&next);
            }
        }
        orthonormalise(&mut block);
        let images: Vec<Vec<f64>> = block
            .iter()
            .map(|x| {
                let mut y = vec![0.0; n];
                apply(x, &mut y);
                y
            })
            .collect();
        let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
        let h: Vec<Vec<f64>> = block
            .iter()
            .map(|x| images.iter().map(|y| dot(x, y)).collect())
            .collect();
        let (values, rotation) = jacobi_eigen(h);
        let mut order: Vec<usize> = (0..p).collect();
        order.sort_by(|&a, &b| values[b].total_cmp(&values[a]));
        let rotate = |vs: &[Vec<f64>], c: usize| -> Vec<f64> {
            (0..n)
                .map(|i| (0..p).map(|r| rotation[r][c] * vs[r][i]).sum())
                .collect()
        };
        let (ritz, ritz_images): (Vec<_>, Vec<_>) = order
            .iter()
            .map(|&c| (rotate(&block, c), rotate(&images, c)))
            .unzip();
        let residual = (0..k)
            .map(|c| {
                let theta = values[order[c]];
                ritz_images[c]
                    .iter()
                    .zip(&ritz[c])
                    .map(|(y, x)| (y - theta * x).powi(2))
                    .sum::<f64>()
                    .sqrt()
            })
            .fold(0.0, f64::max);
        block = ritz;
        cut = values[order[p - 1]];
        if residual < 1e-4 {
            break;
        }
    }
    block.truncate(k);
    block
}

/// Modified Gram–Schmidt.
fn orthonormalise(block: &mut [Vec<f64>]) {
    for c in 0..block.len() {
        let (done, rest) = block.split_at_mut(c);
        let x = &mut rest[0];
        for q in done.iter() {
            let d: f64 = q.iter().zip(x.iter()).map(|(a, b)| a * b).sum();
            x.iter_mut().zip(q).for_each(|(v, q)| *v -= d * q);
        }
        let norm = x
            .iter()
            .map(|v| v * v)
            .sum::<f64>()
            .sqrt()
            .max(f64::MIN_POSITIVE);
        x.iter_mut().for_each(|v| *v /= norm);
    }
}

/// The eigenvalues and eigenvectors (columns) of a small symmetric matrix, by cyclic
/// Jacobi rotations.
fn jacobi_eigen(mut a: Vec<Vec<f64>>) -> (Vec<f64>, Vec<Vec<f64>>) {
    let p = a.len();
    let mut v: Vec<Vec<f64>> = (0..p)
        .map(|i| (0..p).map(|j| (i == j) as u8 as f64).collect())
        .collect();
    for _ in 0..100 {
        let off: f64 = (0..p)
            .flat_map(|i| (0..p).filter(move |&j| j != i).map(move |j| (i, j)))
            .map(|(i, j)| a[i][j] * a[i][j])
            .sum();
        if off < 1e-22 {
            break;
        }
        for i in 0..p {
            for j in i + 1..p {
                if a[i][j].abs() < 1e-300 {
                    continue;
                }
                let theta = (a[j][j] - a[i][i]) / (2.0 * a[i][j]);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let (c, s) = (1.0 / (t * t + 1.0).sqrt(), t / (t * t + 1.0).sqrt());
                for m in [&mut a, &mut v] {
                    for row in m.iter_mut() {
                        let (x, y) = (row[i], row[j]);
                        (row[i], row[j]) = (c * x - s * y, s * x + c * y);
                    }
                }
                let (upper, lower) = a.split_at_mut(j);
                for (x, y) in upper[i].iter_mut().zip(lower[0].iter_mut()) {
                    (*x, *y) = (c * *x - s * *y, s * *x + c * *y);
                }
            }
        }
    }
    ((0..p).map(|i| a[i][i]).collect(), v)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Linkage {
    /// The rise in within-cluster squared distances a merge makes.
    Ward,
    /// The mean of the cityblock distances between the clusters' joined points, as sklearn
    /// keeps it under a connectivity: merged by size where both clusters have a distance
    /// to a neighbour, copied where one has.
    AverageCityblock,
}

/// Distances that a heap orders.
#[derive(Clone, Copy, PartialEq)]
struct Distance(f64);

impl Eq for Distance {}

impl PartialOrd for Distance {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Distance {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Agglomerative clustering merging only neighbours in `graph` (sklearn's
/// `connectivity`), the closest pair by `linkage` first, until `n_clusters` are left. A
/// graph in pieces is first joined by an edge between the closest points of each two
/// pieces, as sklearn's `_fix_connectivity` joins it.
fn agglomerate(
    points: &[Point],
    graph: &[Vec<usize>],
    n_clusters: usize,
    linkage: Linkage,
) -> Vec<usize> {
    let n = points.len();
    let mut graph = graph.to_vec();
    join_pieces(points, &mut graph);
    let cityblock = |a: &Point, b: &Point| (a[0] - b[0]).abs() + (a[1] - b[1]).abs();
    // Clusters by id: points 0..n, then one new id per merge.
    let mut size: Vec<usize> = vec![1; n];
    let mut sum: Vec<Point> = points.to_vec();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut next: Vec<HashMap<usize, f64>> = (0..n)
        .map(|i| {
            graph[i]
                .iter()
                .map(|&j| (j, cityblock(&points[i], &points[j])))
                .collect()
        })
        .collect();
    let ward = |size: &[usize], sum: &[Point], a: usize, b: usize| {
        let (na, nb) = (size[a] as f64, size[b] as f64);
        let ca = [sum[a][0] / na, sum[a][1] / na];
        na * nb / (na + nb) * dist2(&ca, &[sum[b][0] / nb, sum[b][1] / nb])
    };
    let mut heap = BinaryHeap::new();
    for (i, near) in next.iter().enumerate() {
        for (&j, &d) in near.iter().filter(|(&j, _)| j > i) {
            let d = if linkage == Linkage::Ward {
                ward(&size, &sum, i, j)
            } else {
                d
            };
            heap.push(Reverse((Distance(d), i, j)));
        }
    }
    let mut alive = vec![true; n];
    let mut left = n;
    while left > n_clusters.max(1) {
        let Some(Reverse((_, a, b))) = heap.pop() else {
            break;
        };
        if !alive[a] || !alive[b] {
            continue;
        }
        let id = alive.len();
        alive[a] = false;
        alive[b] = false;
        alive.push(true);
        size.push(size[a] + size[b]);
        sum.push([sum[a][0] + sum[b][0], sum[a][1] + sum[b][1]]);
        let mut joined = std::mem::take(&mut members[a]);
        joined.append(&mut members[b]);
        members.push(joined);
        let (na, nb) = (size[a] as f64, size[b] as f64);
        let (near_a, near_b) = (std::mem::take(&mut next[a]), std::mem::take(&mut next[b]));
        let mut near: HashMap<usize, f64> = near_a.into_iter().filter(|(c, _)| alive[*c]).collect();
        for (c, d) in near_b.into_iter().filter(|(c, _)| alive[*c]) {
            near.entry(c)
                .and_modify(|e| *e = (na * *e + nb * d) / (na + nb))
                .or_insert(d);
        }
        for (&c, &d) in &near {
            let d = if linkage == Linkage::Ward {
                ward(&size, &sum, id, c)
            } else {
                d
            };
            next[c].insert(id, d);
            heap.push(Reverse((Distance(d), c, id)));
        }
        next.push(near);
        left -= 1;
    }
    let mut labels = vec![0; n];
    for (cluster, group) in (0..alive.len())
        .filter(|&c| alive[c])
        .map(|c| &members[c])
        .enumerate()
    {
        for &i in group {
            labels[i] = cluster;
        }
    }
    labels
}

/// Adds an edge between the closest points of every two connected pieces of `graph`.
fn join_pieces(points: &[Point], graph: &mut [Vec<usize>]) {
    let n = points.len();
    let mut piece = vec![usize::MAX; n];
    let mut pieces = 0;
    for start in 0..n {
        if piece[start] != usize::MAX {
            continue;
        }
        piece[start] = pieces;
        let mut stack = vec![start];
        while let Some(i) = stack.pop() {
            for &j in &graph[i] {
                if piece[j] == usize::MAX {
                    piece[j] = pieces;
                    stack.push(j);
                }
            }
        }
        pieces += 1;
    }
    if pieces < 2 {
        return;
    }
    let mut closest = vec![(f64::INFINITY, 0, 0); pieces * pieces];
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (piece[i].min(piece[j]), piece[i].max(piece[j]));
            let d = dist2(&points[i], &points[j]);
            if a != b && d < closest[a * pieces + b].0 {
                closest[a * pieces + b] = (d, i, j);
            }
        }
    }
    for (d, i, j) in closest {
        if d.is_finite() {
            graph[i].push(j);
            graph[j].push(i);
        }
    }
}

/// Birch, its CF tree flattened to its leaves' subclusters: each point joins the nearest
/// subcluster if the subcluster's radius stays within `threshold`, else starts one; then
/// Ward's clustering of the subclusters' centres into `n_clusters` (sklearn's global
/// step), each point labelled as its nearest centre.
fn birch(points: &[Point], threshold: f64, n_clusters: usize) -> Vec<usize> {
    // (count, linear sum, sum of squared norms)
    let mut features: Vec<(f64, Point, f64)> = Vec::new();
    let mut centres: Vec<Point> = Vec::new();
    for p in points {
        let norm2 = p[0] * p[0] + p[1] * p[1];
        let fits = |&(n, s, ss): &(f64, Point, f64)| {
            let (n, s, ss) = (n + 1.0, [s[0] + p[0], s[1] + p[1]], ss + norm2);
            ss / n - (s[0] * s[0] + s[1] * s[1]) / (n * n) <= threshold * threshold
        };
        match (!centres.is_empty()).then(|| nearest(p, &centres)) {
            Some(c) if fits(&features[c]) => {
                let (n, s, ss) = &mut features[c];
                (*n, *s, *ss) = (*n + 1.0, [s[0] + p[0], s[1] + p[1]], *ss + norm2);
                centres[c] = [s[0] / *n, s[1] / *n];
            }
            _ => {
                features.push((1.0, *p, norm2));
                centres.push(*p);
            }
        }
    }
    let everyone: Vec<Vec<usize>> = (0..centres.len())
        .map(|i| (0..centres.len()).filter(|&j| j != i).collect())
        .collect();
    let groups = agglomerate(&centres, &everyone, n_clusters, Linkage::Ward);
    points
        .iter()
        .map(|p| groups[nearest(p, &centres)])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::datasets::{standardise, Dataset};
    use super::*;

    fn data(dataset: Dataset, n: usize) -> Vec<Point> {
        standardise(&dataset.sample(n, &mut Rng::seed(1)))
    }

    /// The clusters' sizes, largest first (noise not counted).
    fn sizes(labels: &Labels) -> Vec<usize> {
        let mut counts: HashMap<usize, usize> = HashMap::new();
        labels
            .iter()
            .flatten()
            .for_each(|&l| *counts.entry(l).or_default() += 1);
        let mut sizes: Vec<usize> = counts.into_values().collect();
        sizes.sort_unstable_by(|a, b| b.cmp(a));
        sizes
    }

    /// Whether the labels split the points as `truth` does, but for `slack` points.
    fn agrees(labels: &Labels, truth: &[usize], slack: usize) -> bool {
        let mut pairs: HashMap<(Option<usize>, usize), usize> = HashMap::new();
        labels
            .iter()
            .zip(truth)
            .for_each(|(&l, &t)| *pairs.entry((l, t)).or_default() += 1);
        // Each found cluster is matched with the true one most of its points are in.
        let mut best: HashMap<Option<usize>, usize> = HashMap::new();
        for (&(l, _), &count) in &pairs {
            let b = best.entry(l).or_default();
            *b = (*b).max(count);
        }
        let distinct_truths = {
            let mut t = truth.to_vec();
            t.sort_unstable();
            t.dedup();
            t.len()
        };
        best.len() == distinct_truths && labels.len() - best.values().sum::<usize>() <= slack
    }

    /// The true group of each point of the circles and moons: its radius or side.
    fn rings(points: &[Point]) -> Vec<usize> {
        let r = |p: &Point| (p[0] * p[0] + p[1] * p[1]).sqrt();
        let mid = points.iter().map(r).sum::<f64>() / points.len() as f64;
        points.iter().map(|p| (r(p) > mid) as usize).collect()
    }

    #[test]
    fn kmeans_finds_the_three_blobs_and_splits_the_circles_down_the_middle() {
        let points = data(Dataset::Blobs, 1500);
        let labels = Algorithm::MiniBatchKMeans.cluster(&points, 3, &mut Rng::seed(2));
        assert_eq!(sizes(&labels), [500, 500, 500]);
        // Not the rings: each cluster takes half of each.
        let circles = data(Dataset::NoisyCircles, 1000);
        let labels = Algorithm::MiniBatchKMeans.cluster(&circles, 2, &mut Rng::seed(2));
        assert!(!agrees(&labels, &rings(&circles), 100));
        assert_eq!(sizes(&labels).len(), 2);
    }

    #[test]
    fn dbscan_finds_the_two_moons() {
        let points = data(Dataset::NoisyMoons, 1500);
        let labels = Algorithm::Dbscan.cluster(&points, 2, &mut Rng::seed(2));
        let s = sizes(&labels);
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[1] > 700, "{s:?}");
        // Sparse points are noise.
        let noise = data(Dataset::NoStructure, 1000);
        let labels = dbscan(&noise, 0.01, 5);
        assert!(labels.iter().all(Option::is_none));
    }

    #[test]
    fn average_linkage_and_spectral_separate_the_rings_and_ward_the_moons() {
        let points = data(Dataset::NoisyCircles, 1500);
        let truth = rings(&points);
        for algorithm in [
            Algorithm::SpectralClustering,
            Algorithm::AgglomerativeClustering,
        ] {
            let labels = algorithm.cluster(&points, 2, &mut Rng::seed(3));
            assert!(
                agrees(&labels, &truth, 15),
                "{algorithm:?}: {:?}",
                sizes(&labels)
            );
        }
        // As sklearn's (1194 and 306 points), Ward's cuts a piece of both rings off.
        let labels = Algorithm::Ward.cluster(&points, 2, &mut Rng::seed(3));
        assert!(!agrees(&labels, &truth, 100), "{:?}", sizes(&labels));
        let moons = data(Dataset::NoisyMoons, 1500);
        let labels = Algorithm::Ward.cluster(&moons, 2, &mut Rng::seed(3));
        assert_eq!(sizes(&labels), [750, 750]);
    }

    #[test]
    fn spectral_finds_the_moons_and_as_many_clusters_as_asked() {
        let points = data(Dataset::NoisyMoons, 1500);
        let labels = Algorithm::SpectralClustering.cluster(&points, 2, &mut Rng::seed(3));
        assert_eq!(sizes(&labels), [750, 750]);
        let labels = Algorithm::SpectralClustering.cluster(&points, 6, &mut Rng::seed(3));
        assert_eq!(sizes(&labels).len(), 6);
    }

    #[test]
    fn the_top_eigenvectors_of_a_diagonal_are_its_largest_entries_axes() {
        let diagonal = [
            0.1, 0.9, -0.5, 0.95, 0.3, 0.2, 0.0, -0.9, 0.5, 0.6, 0.7, 0.1,
        ];
        let apply = |x: &[f64], y: &mut [f64]| {
            y.iter_mut()
                .enumerate()
                .for_each(|(i, y)| *y = diagonal[i] * x[i])
        };
        let vectors = top_eigenvectors(diagonal.len(), 2, apply, &mut Rng::seed(4));
        assert!(
            vectors[0][3].abs() > 0.999 && vectors[1][1].abs() > 0.999,
            "{vectors:?}"
        );
    }

    #[test]
    fn mean_shift_finds_the_blobs_and_its_bandwidth_is_a_quantiles_distance() {
        let points = data(Dataset::Blobs, 1500);
        let bandwidth = estimate_bandwidth(&points, 0.3);
        assert!((0.3..2.0).contains(&bandwidth), "{bandwidth}");
        // On a line of evenly spaced points, 0.3·n-th neighbours are mostly 0.3·n - 1 apart.
        let line: Vec<Point> = (0..100).map(|i| [i as f64, 0.0]).collect();
        assert!((estimate_bandwidth(&line, 0.3) - 22.0).abs() < 8.0);
        let labels = Algorithm::MeanShift.cluster(&points, 2, &mut Rng::seed(2));
        assert_eq!(sizes(&labels), [500, 500, 500]);
    }

    #[test]
    fn affinity_propagation_finds_exemplars_of_the_blobs() {
        let points = data(Dataset::Blobs, 1500);
        let labels = Algorithm::AffinityPropagation.cluster(&points, 2, &mut Rng::seed(2));
        let s = sizes(&labels);
        assert!((3..=12).contains(&s.len()), "{s:?}");
        // No cluster straddles two blobs.
        let truth = Algorithm::MiniBatchKMeans.cluster(&points, 3, &mut Rng::seed(2));
        let mut blob_of: HashMap<Option<usize>, Option<usize>> = HashMap::new();
        for (l, t) in labels.iter().zip(&truth) {
            assert_eq!(*blob_of.entry(*l).or_insert(*t), *t);
        }
    }

    #[test]
    fn birch_gathers_subclusters_into_the_blobs() {
        let points = data(Dataset::Blobs, 1500);
        assert_eq!(
            sizes(&Algorithm::Birch.cluster(&points, 3, &mut Rng::seed(2))),
            [500, 500, 500]
        );
        let circles = data(Dataset::NoisyCircles, 1000);
        assert_eq!(
            sizes(&Algorithm::Birch.cluster(&circles, 5, &mut Rng::seed(2))).len(),
            5
        );
    }

    #[test]
    fn the_sweep_finds_the_neighbours_all_distances_find() {
        let points = data(Dataset::NoStructure, 500);
        let near = nearest_neighbours(&points, 10);
        for (i, p) in points.iter().enumerate() {
            let mut all: Vec<usize> = (0..points.len()).filter(|&j| j != i).collect();
            all.sort_by(|&a, &b| dist2(p, &points[a]).total_cmp(&dist2(p, &points[b])));
            all.truncate(10);
            all.sort_unstable();
            assert_eq!(near[i], all);
        }
    }

    #[test]
    fn agglomerative_clustering_joins_a_graph_in_pieces() {
        // Two far pairs, not connected: still two clusters, not four.
        let points = [[0.0, 0.0], [0.1, 0.0], [5.0, 5.0], [5.1, 5.0]];
        let graph = vec![vec![1], vec![0], vec![3], vec![2]];
        for linkage in [Linkage::Ward, Linkage::AverageCityblock] {
            let labels = agglomerate(&points, &graph, 1, linkage);
            assert_eq!(labels, [0, 0, 0, 0]);
            let labels = agglomerate(&points, &graph, 2, linkage);
            assert!(labels[0] == labels[1] && labels[2] == labels[3] && labels[0] != labels[2]);
        }
    }
}
