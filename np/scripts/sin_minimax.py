"""The sine polynomial of rokeh-np's kernels.rs (SIN): sin r ~ r + r^3 P(r^2) on |r| <= pi/2,
P of degree 7, the coefficients minimising the largest relative error (Remez exchange at
60 digits). Prints them and the error once rounded to f64.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install mpmath
    /tmp/venv/bin/python np/scripts/sin_minimax.py
"""
import mpmath as mp

mp.mp.dps = 60
TERMS = 8
# A hair beyond pi/2: the reduction's n may round either way at the quadrant's edge.
Z = (mp.pi / 2 * (1 + mp.mpf("1e-6"))) ** 2


def target(z):
    """P's ideal value at z = r^2: (sin r - r) / r^3."""
    if z == 0:
        return mp.mpf(-1) / 6
    r = mp.sqrt(z)
    return (mp.sin(r) - r) / (z * r)


def weight(z):
    """An error in P at z times this is the relative error of the sine."""
    r = mp.sqrt(z)
    return z * r / mp.sin(r) if z else mp.mpf("1e-30")


def error(c, z):
    return (mp.polyval(c[::-1], z) - target(z)) * weight(z)


def remez(iterations=12):
    nodes = [Z * (1 - mp.cos(mp.pi * i / TERMS)) / 2 for i in range(TERMS + 1)]
    nodes[0] = Z * mp.mpf("1e-30")
    grid = [Z * (1 - mp.cos(mp.pi * j / 4000)) / 2 for j in range(4001)]
    for _ in range(iterations):
        # P(z_i) + (-1)^i E / w(z_i) = target(z_i): equal and alternating weighted errors.
        a = mp.matrix(TERMS + 1, TERMS + 1)
        b = mp.matrix(TERMS + 1, 1)
        for i, z in enumerate(nodes):
            for k in range(TERMS):
                a[i, k] = z**k
            a[i, TERMS] = (-1) ** i / weight(z)
            b[i] = target(z)
        solution = mp.lu_solve(a, b)
        c = [solution[k] for k in range(TERMS)]
        errors = [error(c, z) for z in grid]
        # The new nodes: the error's extremes, one per run of equal sign.
        extremes = [0] + [
            j
            for j in range(1, len(grid) - 1)
            if (errors[j] - errors[j - 1]) * (errors[j + 1] - errors[j]) <= 0
        ] + [len(grid) - 1]
        runs = []
        for j in extremes:
            if runs and mp.sign(errors[j]) == mp.sign(errors[runs[-1]]):
                if abs(errors[j]) > abs(errors[runs[-1]]):
                    runs[-1] = j
            else:
                runs.append(j)
        while len(runs) > TERMS + 1:
            runs.pop(0 if abs(errors[runs[0]]) < abs(errors[runs[-1]]) else -1)
        if len(runs) == TERMS + 1:
            nodes = [grid[j] for j in runs]
    return c


c = remez()
rounded = [mp.mpf(float(x)) for x in c]
worst = max(abs(error(rounded, Z * j / 20000)) for j in range(1, 20001))
print("relative error with f64 coefficients:", mp.nstr(worst, 3), "=", mp.nstr(worst / mp.mpf(2) ** -53, 3), "ulp")
for x in c:
    print(f"    {float(x)!r},")
