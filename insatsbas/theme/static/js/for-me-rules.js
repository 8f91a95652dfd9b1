// /for-mig/ as data: the answers in the URL (?status=..&alder=..&kommun=..&manader=..) <-> a profile, and
// a profile -> the static Pagefind filters that answer "what applies to me now" and "what changes later".
// Pure functions over the setup the build writes into the page (statuses, municipalities, bands, and the
// site's filter names).

export const OTHER_STATUS = "annat";
export const LATER_MONTHS = 12;
const MAX_AGE = 130;
const MAX_MONTHS = 1200;
const PARAMS = ["status", "alder", "kommun", "manader"];

function wholeNumber(text, max) {
  const trimmed = (text || "").trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const number = Number(trimmed);
  return number <= max ? number : null;
}

// { profile, errors, asked }: `asked` is false for a first visit without answers (no errors shown then).
export function readAnswers(params, setup) {
  const status = params.get("status") || "";
  const kommun = params.get("kommun") || "";
  const monthsText = (params.get("manader") || "").trim();
  const profile = {
    status: setup.statuses.includes(status) || status === OTHER_STATUS ? status : null,
    age: wholeNumber(params.get("alder"), MAX_AGE),
    kommun: setup.municipalities.includes(kommun) ? kommun : null,
    months: monthsText === "" ? null : wholeNumber(monthsText, MAX_MONTHS),
  };
  const errors = {};
  if (profile.status === null) errors.status = "errorStatus";
  if (profile.age === null) errors.alder = "errorAge";
  if (profile.kommun === null) errors.kommun = "errorKommun";
  if (monthsText !== "" && profile.months === null) errors.manader = "errorMonths";
  return { profile, errors, asked: PARAMS.some((key) => params.has(key)) };
}

export function urlFromProfile(profile, path = window.location.pathname) {
  const params = new URLSearchParams({ status: profile.status, alder: String(profile.age), kommun: profile.kommun });
  if (profile.months !== null) params.set("manader", String(profile.months));
  return `${path}?${params}`;
}

export function bandOf(bands, number) {
  return bands.find((band) => number >= band.low && (band.high === null || number <= band.high));
}

// Every entry that is open to this status, age, municipality (and time in Sweden, when given). "Something
// else" asks for what is open to every status.
export function filtersFor(profile, setup, { age = profile.age, months = profile.months } = {}) {
  const names = setup.filters;
  const filters = {
    [names.municipality]: profile.kommun,
    [names.residenceStatus]: profile.status === OTHER_STATUS ? { all: setup.statuses } : profile.status,
    [names.age]: bandOf(setup.ageBands, age).value,
  };
  if (months !== null) filters[names.months] = bandOf(setup.monthBands, months).value;
  return filters;
}

// The moments within the next twelve months at which an answer can change: every band boundary of months
// in Sweden ahead (when the months are known) and the next birthday when it crosses an age boundary. Between
// them nothing changes, so asking at each of them finds every change exactly.
export function laterQueries(profile, setup) {
  const queries = [];
  if (profile.months !== null) {
    for (const band of setup.monthBands) {
      if (band.low > profile.months && band.low <= profile.months + LATER_MONTHS) {
        queries.push({ months: band.low - profile.months, filters: filtersFor(profile, setup, { months: band.low }) });
      }
    }
  }
  const nextAge = profile.age + 1;
  if (bandOf(setup.ageBands, nextAge) !== bandOf(setup.ageBands, profile.age)) {
    queries.push({ age: nextAge, filters: filtersFor(profile, setup, { age: nextAge }) });
  }
  return queries;
}

// id -> { opens: bool, months | age }: the first moment each entry's answer changes. `answers` are the
// ids found for each of laterQueries(), in the same order.
export function laterChanges(nowIds, queries, answers) {
  const changes = new Map();
  queries.forEach((query, index) => {
    const when = query.months !== undefined ? { months: query.months } : { age: query.age };
    for (const id of answers[index]) {
      if (!nowIds.has(id) && !changes.has(id)) changes.set(id, { opens: true, ...when });
    }
    for (const id of nowIds) {
      if (!answers[index].has(id) && !changes.has(id)) changes.set(id, { opens: false, ...when });
    }
  });
  return changes;
}
