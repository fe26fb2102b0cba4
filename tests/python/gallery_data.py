"""Converts the gallery's data sets from PyPI's bokeh-sampledata (the files Bokeh's own
server examples read) into compact column files in gallery/data/: gzip'd JSON, one object of
columns per file, only the columns the apps use. Run once; the output is committed.

    .venv/bin/python tests/python/gallery_data.py [bokeh_sampledata-2026.1-py3-none-any.whl]

Without a wheel it downloads the pinned one with pip (checked by hash). Only the standard
library reads it: the .venv needs no pandas/shapely for this.

Licences (the wheel's licenses/datasets.json): movies_data CC0-1.0 (Wikidata), gapminder
CC-BY-2.0 (Gapminder.org: credited in gallery/data/README.md), stocks public domain (Quandl
WIKI), autompg CC0-1.0, population CC-BY-3.0-IGO (United Nations, World Population
Prospects 2024: credited in gallery/data/README.md). The razzies list comes from Bokeh's movies example (BSD-3-Clause).
"""

import csv
import gzip
import hashlib
import io
import itertools
import json
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEEL = "bokeh_sampledata-2026.1-py3-none-any.whl"
WHEEL_SHA256 = "f40331a40ca30c64a1c1471835aad9006b61b0d9731a3f649ee8cbbf48d3822f"
OUT = Path(__file__).resolve().parents[2] / "gallery" / "data"

# Bokeh's movies example: query.sql (the columns its app reads).
MOVIES_QUERY = """
SELECT imdbID, Title, Year, Runtime, Genre, Director, omdb.Cast, Oscars,
       tomatoes.Rating as numericRating, Meter, Reviews, BoxOffice
FROM omdb, tomatoes
WHERE omdb.ID = tomatoes.ID AND Reviews >= 10
"""


def wheel_path(argv):
    if len(argv) > 1:
        path = Path(argv[1])
    else:
        tmp = Path(tempfile.mkdtemp())
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
             "-d", str(tmp), f"bokeh-sampledata==2026.1"],
            check=True,
        )
        path = tmp / WHEEL
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        sys.exit(f"{path}: sha256 {digest}, expected {WHEEL_SHA256}")
    return path


def write(name, columns):
    text = json.dumps(columns, separators=(",", ":"), ensure_ascii=False)
    data = gzip.compress(text.encode(), mtime=0)
    (OUT / name).write_bytes(data)
    print(f"{name}: {len(text)} bytes of JSON, {len(data)} gzip'd")


def num(v):
    """Missing numbers become 0, as the movies example's fillna(0)."""
    return 0 if v is None else (int(v) if float(v).is_integer() else v)


def movies(wheel):
    with tempfile.NamedTemporaryFile(suffix=".db") as db:
        db.write(wheel.read("bokeh_sampledata/_data/movies.db"))
        db.flush()
        rows = sqlite3.connect(db.name).execute(MOVIES_QUERY).fetchall()
    razzies = set((OUT / "razzies.txt").read_text().split())
    names = ["imdbID", "title", "year", "runtime", "genre", "director", "cast", "oscars",
             "numericRating", "meter", "reviews", "boxoffice"]
    cols = {n: [r[i] for r in rows] for i, n in enumerate(names)}
    out = {n: [v or "" for v in cols[n]] for n in ["title", "genre", "director", "cast"]}
    for n in ["year", "runtime", "oscars", "numericRating", "meter", "reviews", "boxoffice"]:
        out[n] = [num(v) for v in cols[n]]
    out["razzie"] = [i for i, v in enumerate(cols["imdbID"]) if v in razzies]
    write("movies.json.gz", compact_cast(out))


def compact_cast(movies):
    """The cast column (two thirds of the file) as each name once: `castNames`, sorted, and
    per film its names' indices in the film's order, each the difference from the one
    before (from 0); the page joins them back with ", " into the strings it was."""
    films = [c.split(", ") if c else [] for c in movies.pop("cast")]
    names = sorted({n for film in films for n in film})
    index = {n: i for i, n in enumerate(names)}
    cast = []
    for film in films:
        ids = [index[n] for n in film]
        cast.append([b - a for a, b in zip([0, *ids], ids)])
    assert [", ".join(names[i] for i in itertools.accumulate(d)) for d in cast] == \
        [", ".join(f) for f in films]
    return {**movies, "castNames": names, "cast": cast}


def gapminder(wheel):
    rows = list(csv.DictReader(io.TextIOWrapper(
        gzip.open(wheel.open("bokeh_sampledata/_data/gapminder.csv.gz")), "utf-8")))
    regions = list(csv.DictReader(io.TextIOWrapper(
        wheel.open("bokeh_sampledata/_data/gapminder_regions.csv"), "utf-8")))
    region_of = {r["Country"]: r["Group"] for r in regions}
    countries = list(dict.fromkeys(r["country"] for r in rows))
    years = sorted({int(r["year"]) for r in rows})
    index = {c: i for i, c in enumerate(countries)}
    tables = {k: [[None] * len(countries) for _ in years]
              for k in ["fertility", "life", "population"]}
    for r in rows:
        y, c = years.index(int(r["year"])), index[r["country"]]
        for key, field in [("fertility", "fertility"), ("life", "life_expectancy"),
                           ("population", "population")]:
            if r[field]:
                tables[key][y][c] = float(r[field])
    write("gapminder.json.gz", {
        "years": years,
        "countries": countries,
        "region": [region_of.get(c) for c in countries],
        # regions.Group.unique(): the regions table's order.
        "regions": list(dict.fromkeys(r["Group"] for r in regions)),
        **tables,
    })


def stocks(wheel):
    rows = list(csv.DictReader(io.TextIOWrapper(
        gzip.open(wheel.open("bokeh_sampledata/_data/stocks.csv.gz")), "utf-8")))
    out = {}
    for r in rows:
        t = out.setdefault(r["Ticker"], {"date": [], "close": []})
        t["date"].append(r["Date"])
        t["close"].append(float(r["Close"]))
    write("stocks.json.gz", out)


def autompg(wheel):
    """bokeh.sampledata.autompg's autompg_clean: makers' names mended, origins named."""
    rows = list(csv.DictReader(io.TextIOWrapper(
        wheel.open("bokeh_sampledata/_data/auto-mpg.csv"), "utf-8")))
    mended = {"chevy": "chevrolet", "chevroelt": "chevrolet", "maxda": "mazda",
              "mercedes-benz": "mercedes", "toyouta": "toyota", "vokswagen": "volkswagen",
              "vw": "volkswagen"}
    origins = {"1": "North America", "2": "Europe", "3": "Asia"}
    out = {k: [num(float(r[k])) for r in rows]
           for k in ["mpg", "cyl", "displ", "hp", "weight", "accel", "yr"]}
    out["origin"] = [origins[r["origin"]] for r in rows]
    mfr = [r["name"].split()[0] for r in rows]
    out["mfr"] = [mended.get(m, m) for m in mfr]
    write("autompg.json.gz", out)


def population(wheel):
    """Every location's people by year, sex and age group: the value of each (location,
    sex, age group) as it changes from one year to the next (0 before the first), so that
    gzip finds the repeats; the app adds them up again."""
    rows = list(csv.DictReader(io.TextIOWrapper(
        gzip.open(wheel.open("bokeh_sampledata/_data/population.csv.gz")), "utf-8")))
    locations = sorted({r["Location"] for r in rows})
    years = sorted({int(r["Year"]) for r in rows})
    first_seen = lambda key: list(dict.fromkeys(r[key] for r in rows))
    sexes, ages = first_seen("Sex"), first_seen("AgeGrp")
    value = {(r["Location"], int(r["Year"]), r["Sex"], r["AgeGrp"]): float(r["Value"])
             for r in rows}
    steps = []
    for location, sex, age in itertools.product(locations, sexes, ages):
        before = 0
        for year in years:
            now = value[(location, year, sex, age)]
            assert now == int(now), (location, year, sex, age, now)
            steps.append(int(now) - before)
            before = int(now)
    write("population.json.gz", {
        "locations": locations, "years": years, "sexes": sexes, "ages": ages,
        "steps": steps,
    })


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel_path(sys.argv)) as wheel:
        movies(wheel)
        gapminder(wheel)
        stocks(wheel)
        autompg(wheel)
        population(wheel)


if __name__ == "__main__":
    main()
