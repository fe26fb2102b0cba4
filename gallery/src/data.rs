//! The gallery's data sets: files in `gallery/data/` converted once from PyPI's
//! bokeh-sampledata by `tests/python/gallery_data.py` (gzip'd JSON columns), and the CSV
//! files of Bokeh's own examples as they are. Natively they are compiled into the binary;
//! the page fetches an app's own files beside itself (the app names them with
//! `App::with_files`), so no app's data weighs on another's page. Each is parsed once per
//! process.

use std::io::Read;
use std::sync::{Arc, OnceLock};

use serde::de::DeserializeOwned;
use serde::Deserialize;

/// The path of data file `name` as the page fetches it.
macro_rules! data_path {
    ($name:literal) => {
        concat!("data/", $name)
    };
}
pub(crate) use data_path;

/// Data file `name`: compiled in natively, fetched by the page.
macro_rules! bytes {
    ($name:literal) => {{
        #[cfg(not(target_arch = "wasm32"))]
        let bytes: Arc<[u8]> = Arc::from(&include_bytes!(concat!("../data/", $name))[..]);
        #[cfg(target_arch = "wasm32")]
        let bytes = rokeh::app::file(data_path!($name)).expect(concat!(
            "the page fetches ",
            data_path!($name),
            " before the app runs"
        ));
        bytes
    }};
}

fn parse<T: DeserializeOwned>(name: &str, bytes: &[u8]) -> T {
    let mut text = Vec::new();
    // A host that serves the file with `Content-Encoding: gzip` has it unzipped already.
    let text = if bytes.starts_with(&[0x1f, 0x8b]) {
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut text)
            .unwrap_or_else(|e| panic!("{name}: not gzip: {e}"));
        &text[..]
    } else {
        bytes
    };
    serde_json::from_slice(text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

macro_rules! data_set {
    ($(#[$doc:meta])* $fn:ident -> $ty:ty, $name:literal) => {
        $(#[$doc])*
        pub fn $fn() -> Arc<$ty> {
            static DATA: OnceLock<Arc<$ty>> = OnceLock::new();
            DATA.get_or_init(|| Arc::new(parse($name, &bytes!($name)))).clone()
        }
    };
}

/// Films from Wikidata (CC0) with their Rotten Tomatoes-style review columns, as Bokeh's
/// movies example queries them (`Reviews >= 10`); missing numbers are 0. Each film's cast
/// is one string of names (", " between them), as the example's `Cast` column.
#[derive(Deserialize)]
#[serde(from = "MovieColumns")]
pub struct Movies {
    columns: MovieColumns,
    pub cast: Vec<String>,
}

impl std::ops::Deref for Movies {
    type Target = MovieColumns;
    fn deref(&self) -> &MovieColumns {
        &self.columns
    }
}

/// The file's cast (two thirds of its bytes as strings) is each name once, sorted, and per
/// film its names' indices, each the difference from the one before: joined back here.
impl From<MovieColumns> for Movies {
    fn from(mut columns: MovieColumns) -> Movies {
        let names = std::mem::take(&mut columns.cast_names);
        let cast = std::mem::take(&mut columns.cast_steps)
            .into_iter()
            .map(|steps| {
                let mut at = 0;
                let film = steps.into_iter().map(|step| {
                    at += step;
                    names[at as usize].as_str()
                });
                film.collect::<Vec<_>>().join(", ")
            })
            .collect();
        Movies { columns, cast }
    }
}

/// The movies' columns but the cast.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MovieColumns {
    pub title: Vec<String>,
    pub genre: Vec<String>,
    pub director: Vec<String>,
    cast_names: Vec<String>,
    #[serde(rename = "cast")]
    cast_steps: Vec<Vec<i64>>,
    pub year: Vec<f64>,
    pub runtime: Vec<f64>,
    pub oscars: Vec<f64>,
    pub numeric_rating: Vec<f64>,
    pub meter: Vec<f64>,
    pub reviews: Vec<f64>,
    pub boxoffice: Vec<f64>,
    /// Rows of the films in Bokeh's razzies list.
    pub razzie: Vec<usize>,
}

data_set!(
    /// The movies table.
    movies -> Movies, "movies.json.gz"
);

/// Gapminder's fertility, life expectancy and population (CC-BY-2.0, Gapminder.org) by
/// year (outer) and country (inner); `None` where the source has no value.
#[derive(Deserialize)]
pub struct Gapminder {
    pub years: Vec<i64>,
    pub countries: Vec<String>,
    /// Each country's region.
    pub region: Vec<Option<String>>,
    /// The regions, in the order of Gapminder's regions table.
    pub regions: Vec<String>,
    pub fertility: Vec<Vec<Option<f64>>>,
    pub life: Vec<Vec<Option<f64>>>,
    pub population: Vec<Vec<Option<f64>>>,
}

data_set!(
    /// The gapminder tables.
    gapminder -> Gapminder, "gapminder.json.gz"
);

/// One stock's daily closes, oldest first (dates as `YYYY-MM-DD`).
#[derive(Deserialize)]
pub struct Series {
    pub date: Vec<String>,
    pub close: Vec<f64>,
}

/// Daily closes of AAPL, FB, GOOG, IBM and MSFT to 2013-03-01 (Quandl WIKI, public domain),
/// by ticker.
pub type Stocks = std::collections::HashMap<String, Series>;

data_set!(
    /// The stocks.
    stocks -> Stocks, "stocks.json.gz"
);

/// The Auto MPG cars as bokeh.sampledata's `autompg_clean` (CC0): makers' names mended,
/// origins named.
#[derive(Deserialize)]
pub struct AutoMpg {
    pub mpg: Vec<f64>,
    pub cyl: Vec<f64>,
    pub displ: Vec<f64>,
    pub hp: Vec<f64>,
    pub weight: Vec<f64>,
    pub accel: Vec<f64>,
    pub yr: Vec<f64>,
    pub origin: Vec<String>,
    pub mfr: Vec<String>,
}

data_set!(
    /// The cars.
    autompg -> AutoMpg, "autompg.json.gz"
);

/// The UN's World Population Prospects 2024 as bokeh-sampledata has it (CC BY 3.0 IGO):
/// the people of each location by year (every fifth from 1950 to 2100, projected after
/// 2023), sex and age group.
#[derive(Deserialize)]
#[serde(from = "PopulationFile")]
pub struct Population {
    pub locations: Vec<String>,
    pub years: Vec<i64>,
    pub sexes: Vec<String>,
    pub ages: Vec<String>,
    /// By location, then sex, then age group, then year.
    people: Vec<f64>,
}

impl Population {
    /// The people of `location` of `sex` in age group `age` in `year`, each by its index.
    pub fn people(&self, location: usize, sex: usize, age: usize, year: usize) -> f64 {
        let run = (location * self.sexes.len() + sex) * self.ages.len() + age;
        self.people[run * self.years.len() + year]
    }
}

/// The file keeps each (location, sex, age group)'s change from one year to the next.
#[derive(Deserialize)]
struct PopulationFile {
    locations: Vec<String>,
    years: Vec<i64>,
    sexes: Vec<String>,
    ages: Vec<String>,
    steps: Vec<i64>,
}

impl From<PopulationFile> for Population {
    fn from(file: PopulationFile) -> Population {
        let mut people = Vec::with_capacity(file.steps.len());
        for run in file.steps.chunks(file.years.len()) {
            people.extend(run.iter().scan(0, |sum, step| {
                *sum += step;
                Some(*sum as f64)
            }));
        }
        Population {
            locations: file.locations,
            years: file.years,
            sexes: file.sexes,
            ages: file.ages,
            people,
        }
    }
}

data_set!(
    /// The people.
    population -> Population, "population.json.gz"
);

/// Bokeh's export_csv example's table (BSD-3-Clause, in the example as CSV, kept so).
pub struct Salaries {
    pub name: Vec<String>,
    pub salary: Vec<f64>,
    pub years_experience: Vec<f64>,
}

/// The salaries: `name,salary,years_experience`, one row a line after the header.
pub fn salaries() -> Arc<Salaries> {
    static DATA: OnceLock<Arc<Salaries>> = OnceLock::new();
    DATA.get_or_init(|| {
        let bytes = bytes!("salary_data.csv");
        let text = std::str::from_utf8(&bytes).expect("salary_data.csv is UTF-8");
        let mut table = Salaries {
            name: Vec::new(),
            salary: Vec::new(),
            years_experience: Vec::new(),
        };
        for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
            let [name, salary, years] = line.splitn(3, ',').collect::<Vec<_>>()[..] else {
                panic!("salary_data.csv: not three fields: {line}");
            };
            let number = |f: &str| f.parse::<f64>().unwrap_or(f64::NAN);
            table.name.push(name.to_owned());
            table.salary.push(number(salary));
            table.years_experience.push(number(years));
        }
        Arc::new(table)
    })
    .clone()
}

/// Bokeh's weather example's file (BSD-3-Clause, in the example as CSV, kept so): the
/// weather at three airports (AUS, BOS, SEA) on each day of 2015, as the
/// example reads `2015_weather.csv`: columns as in the file, in its row order.
pub struct Weather {
    pub airport: Vec<String>,
    /// Each day as ms since the epoch (midnight UTC), as Bokeh sends a pandas datetime.
    pub date: Vec<f64>,
    /// The temperature columns (°F), by the file's header names.
    pub temperatures: Vec<(String, Vec<f64>)>,
}

/// The weather, parsed from `airport,date,<temperature columns…>`.
pub fn weather() -> Arc<Weather> {
    static DATA: OnceLock<Arc<Weather>> = OnceLock::new();
    DATA.get_or_init(|| {
        let bytes = bytes!("weather_2015.csv");
        let text = std::str::from_utf8(&bytes).expect("weather_2015.csv is UTF-8");
        let mut lines = text.lines().filter(|l| !l.is_empty());
        let header = lines.next().expect("weather_2015.csv has a header");
        let mut table = Weather {
            airport: Vec::new(),
            date: Vec::new(),
            temperatures: header
                .split(',')
                .skip(2)
                .map(|name| (name.to_owned(), Vec::new()))
                .collect(),
        };
        for line in lines {
            let mut fields = line.split(',');
            let (Some(airport), Some(date)) = (fields.next(), fields.next()) else {
                panic!("weather_2015.csv: no airport and date: {line}");
            };
            table.airport.push(airport.to_owned());
            let day = rokeh::core::Date::parse(date)
                .unwrap_or_else(|| panic!("weather_2015.csv: not a date: {date}"));
            table.date.push(day.to_datetime().0);
            for (column, field) in table.temperatures.iter_mut().zip(fields) {
                column.1.push(field.parse().unwrap_or(f64::NAN));
            }
        }
        Arc::new(table)
    })
    .clone()
}
