#!/usr/bin/env node
// Checks the expected-facts files (tests/import/expected/*.json) against the
// shape described in tests/import/README.md, and counts their facts the way the
// README's scoring section counts them.
//
// usage: node tests/import/check_expected.mjs [file.json ...]
//   With no arguments every file in tests/import/expected/ is checked.
//   Exit status 1 when any problem is found.
//
// When the source documents are found (../shared next to the repository, or
// RR_SHARED), it also checks that the "file" named exists and that no "evidence"
// or "notes" text repeats a run of 8 or more words of its document (these fields
// are to be written in our own words).
//
// No dependencies: country codes are checked with the ICU region names that
// Node ships (Intl.DisplayNames), not with a list of our own.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const expectedDir = path.join(here, 'expected');
const repo = path.resolve(here, '..', '..');
const sharedCandidates = [process.env.RR_SHARED, path.join(repo, '..', 'shared'),
                          path.join(repo, '..', '..', 'shared')].filter(Boolean);
const shared = sharedCandidates.find((d) => fs.existsSync(path.join(d, 'corpus')));

const ENUM = {
  orgKind: ['municipality', 'province', 'national', 'other'],
  direction: ['out', 'in'],
  status: ['took_place', 'planned', 'cancelled'],
  tripKind: ['handelsmissie', 'werkbezoek', 'studiereis', 'conferentie', 'dienstreis', 'bezoek'],
  pType: ['sister_city', 'friendship_treaty', 'mou', 'friendly_city', 'cooperation_agreement'],
  pStatus: ['active', 'ended', 'dormant'],
  event: ['signed', 'renewed', 'amended', 'upgraded', 'downgraded', 'dormant', 'ended'],
};
const KEYS = {
  top: ['file', 'organisation', 'import_date', 'document_date', 'trips', 'partnerships', 'gifts', 'notes'],
  org: ['id', 'name', 'kind', 'country', 'city'],
  trip: ['direction', 'status', 'kind', 'start', 'end', 'destinations', 'origin', 'travellers',
         'officials', 'cost_eur', 'paid_by', 'counterpart', 'evidence'],
  place: ['country', 'city', 'region'],
  traveller: ['name', 'role'],
  partnership: ['partner', 'country', 'region', 'type', 'since', 'status', 'events', 'evidence'],
  event: ['kind', 'date'],
  gift: ['giver', 'recipient', 'date', 'description', 'value_eur', 'disposition'],
};
const OPTIONAL = { trip: ['organisation'], partnership: ['organisation'], gift: ['organisation'] };
const ORG_ID = /^(gm\d{4}|pv\d{2}|[a-z]+(-[a-z0-9]+)+)$/;

let regionNames = null;
try { regionNames = new Intl.DisplayNames(['en'], { type: 'region' }); } catch { regionNames = null; }

function isCountry(c) {
  if (typeof c !== 'string' || !/^[A-Z]{2}$/.test(c)) return false;
  if (!regionNames) return true;
  let name;
  try { name = regionNames.of(c); } catch { return false; }
  // ICU gives the code itself back for a code it does not know; XA-XZ, QM-QZ,
  // AA and ZZ are private-use codes, not countries.
  if (!name || name === c) return false;
  return !/^(X[A-Z]|Q[M-Z]|AA|ZZ)$/.test(c);
}

function isoDate(s) {
  if (typeof s !== 'string') return false;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return false;
  const y = +m[1];
  if (y < 1000 || y > 9999) return false;
  if (m[2] === undefined) return true;
  const mo = +m[2];
  if (mo < 1 || mo > 12) return false;
  if (m[3] === undefined) return true;
  const d = +m[3];
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d >= 1 && d <= days;
}

// A reduced date covers its whole period ("2013-11" runs from the 1st to the
// 30th): an end is wrong only when even its last day lies before the first day
// of the start.
function firstDay(s) { return s.length === 4 ? `${s}-01-01` : s.length === 7 ? `${s}-01` : s; }
function lastDay(s) {
  if (s.length === 4) return `${s}-12-31`;
  if (s.length === 7) {
    const [y, m] = s.split('-').map(Number);
    return `${s}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  return s;
}

function words(s) {
  return s.toLowerCase().normalize('NFKC').replace(/\u00a0/g, ' ')
    .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

class Checker {
  constructor(file) { this.file = file; this.problems = []; }
  bad(where, msg) { this.problems.push(`${this.file}: ${where}: ${msg}`); }

  keys(where, obj, required, optional = []) {
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
      this.bad(where, 'must be an object'); return false;
    }
    for (const k of required) if (!(k in obj)) this.bad(where, `missing key "${k}"`);
    for (const k of Object.keys(obj)) {
      if (!required.includes(k) && !optional.includes(k)) this.bad(where, `unknown key "${k}"`);
    }
    return true;
  }
  // A missing key is reported once by keys(); the value checks skip it.
  str(where, v, { nullable = true, max = 1000 } = {}) {
    if (v === undefined || (v === null && nullable)) return;
    if (typeof v !== 'string' || v.trim() === '') { this.bad(where, 'must be a non-empty string' + (nullable ? ' or null' : '')); return; }
    if (v !== v.trim()) this.bad(where, 'has leading or trailing white space');
    if (v.length > max) this.bad(where, `longer than ${max} characters`);
  }
  date(where, v) {
    if (v === null || v === undefined) return;
    if (!isoDate(v)) this.bad(where, `not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): ${JSON.stringify(v)}`);
  }
  en(where, v, list, nullable = true) {
    if (v === undefined || (v === null && nullable)) return;
    if (!list.includes(v)) this.bad(where, `${JSON.stringify(v)} is not one of ${list.join(', ')}`);
  }
  country(where, v, nullable = false) {
    if (v === undefined || (v === null && nullable)) return;
    if (!isCountry(v)) this.bad(where, `not an ISO 3166-1 alpha-2 country: ${JSON.stringify(v)}`);
  }
  num(where, v, { integer = false } = {}) {
    if (v === null || v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) { this.bad(where, 'must be a number >= 0 or null'); return; }
    if (integer && !Number.isInteger(v)) this.bad(where, 'must be a whole number');
    if (!integer && Math.abs(Math.round(v * 100) - v * 100) > 1e-6) this.bad(where, 'more than two decimals');
  }
  orgRef(where, v) {
    if (v === undefined) return;
    if (typeof v !== 'string' || !ORG_ID.test(v)) this.bad(where, `not an organisation code: ${JSON.stringify(v)}`);
  }
  place(where, p) {
    if (!this.keys(where, p, KEYS.place)) return;
    this.country(`${where}.country`, p.country);
    this.str(`${where}.city`, p.city);
    this.str(`${where}.region`, p.region);
    if (p.country === 'NL') this.bad(where, 'a foreign place is expected, not NL');
  }
  evidence(where, v) {
    this.str(where, v, { nullable: false, max: 120 });
  }
}

function countFacts(doc) {
  const c = { trips: 0, partnerships: 0, gifts: 0, facts: 0 };
  const nn = (v) => (v !== null && v !== undefined ? 1 : 0);
  c.facts += nn(doc.document_date);
  for (const t of doc.trips || []) {
    c.trips++;
    c.facts += nn(t.direction) + nn(t.status) + nn(t.kind) + nn(t.start) + nn(t.end)
      + nn(t.officials) + nn(t.cost_eur) + nn(t.paid_by) + nn(t.counterpart);
    // each place's country, city and region, as score.mjs counts them
    const places = t.direction === 'in' ? (t.origin ? [t.origin] : []) : (t.destinations || []);
    for (const d of places) c.facts += nn(d.country) + nn(d.city) + nn(d.region);
    for (const p of t.travellers || []) c.facts += nn(p.name) + nn(p.role);
  }
  for (const p of doc.partnerships || []) {
    c.partnerships++;
    c.facts += nn(p.partner) + nn(p.country) + nn(p.type) + nn(p.since) + nn(p.status)
      + (p.events || []).length;
  }
  for (const g of doc.gifts || []) {
    c.gifts++;
    for (const k of KEYS.gift) c.facts += nn(g[k]);
  }
  return c;
}

function sourceText(name) {
  if (!shared || typeof name !== 'string') return null;
  for (const dir of ['corpus', 'seeds']) {
    const p = path.join(shared, dir, name);
    if (fs.existsSync(p)) return fs.readFileSync(p, 'utf8');
  }
  return undefined; // shared is there but the file is not
}

function copiedRun(text, srcWords, n = 8) {
  const w = words(text);
  if (w.length < n) return null;
  const src = ` ${srcWords.join(' ')} `;
  for (let i = 0; i + n <= w.length; i++) {
    const run = w.slice(i, i + n).join(' ');
    if (src.includes(` ${run} `)) return run;
  }
  return null;
}

function check(file) {
  const ck = new Checker(path.basename(file));
  let doc;
  try { doc = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) {
    ck.bad('file', `not valid JSON: ${e.message}`); return { ck, counts: null };
  }
  if (!ck.keys('top', doc, KEYS.top)) return { ck, counts: null };

  const base = path.basename(file, '.json');
  ck.str('file', doc.file, { nullable: false });
  if (typeof doc.file === 'string') {
    const num = /^seed(\d{3})$/.exec(base) ? base.slice(4) : base;
    if (!/^(\d{3}|seed\d{3})$/.test(base)) ck.bad('file', `expected file name NNN.json or seedNNN.json, not ${base}.json`);
    else if (!doc.file.startsWith(`${num}_`)) ck.bad('file', `"${doc.file}" does not belong to ${base}.json`);
  }
  const src = sourceText(doc.file);
  if (src === undefined) ck.bad('file', `source document not found in ${shared}: ${doc.file}`);

  if (ck.keys('organisation', doc.organisation, KEYS.org)) {
    const o = doc.organisation;
    if (typeof o.id !== 'string' || !ORG_ID.test(o.id)) ck.bad('organisation.id', `not an organisation code: ${JSON.stringify(o.id)}`);
    ck.str('organisation.name', o.name, { nullable: false });
    ck.en('organisation.kind', o.kind, ENUM.orgKind, false);
    if (o.country !== 'NL') ck.bad('organisation.country', 'must be NL');
    ck.str('organisation.city', o.city, { nullable: false });
    if (/^gm\d{4}$/.test(o.id) && o.kind !== 'municipality') ck.bad('organisation.kind', 'a gm code is a municipality');
    if (/^pv\d{2}$/.test(o.id) && o.kind !== 'province') ck.bad('organisation.kind', 'a pv code is a province');
  }
  ck.date('import_date', doc.import_date);
  ck.date('document_date', doc.document_date);
  // import_date is for documents that show no (complete) date of their own; a
  // document date completed from it must agree with it.
  if (typeof doc.import_date === 'string' && typeof doc.document_date === 'string'
      && !doc.import_date.startsWith(doc.document_date) && !doc.document_date.startsWith(doc.import_date)) {
    ck.bad('import_date', `disagrees with document_date ${doc.document_date}`);
  }
  if (doc.notes !== null) ck.str('notes', doc.notes, { max: 4000 });

  for (const k of ['trips', 'partnerships', 'gifts']) {
    if (!Array.isArray(doc[k])) ck.bad(k, 'must be an array');
  }
  (Array.isArray(doc.trips) ? doc.trips : []).forEach((t, i) => {
    const w = `trips[${i}]`;
    if (!ck.keys(w, t, KEYS.trip, OPTIONAL.trip)) return;
    ck.orgRef(`${w}.organisation`, t.organisation);
    ck.en(`${w}.direction`, t.direction, ENUM.direction, false);
    ck.en(`${w}.status`, t.status, ENUM.status, false);
    ck.en(`${w}.kind`, t.kind, ENUM.tripKind);
    ck.date(`${w}.start`, t.start);
    ck.date(`${w}.end`, t.end);
    if (isoDate(t.start) && isoDate(t.end) && lastDay(t.end) < firstDay(t.start)) ck.bad(`${w}.end`, 'before start');
    if (t.end !== null && t.start === null) ck.bad(`${w}.start`, 'null while end is set');
    if (!Array.isArray(t.destinations)) ck.bad(`${w}.destinations`, 'must be an array');
    else t.destinations.forEach((d, j) => ck.place(`${w}.destinations[${j}]`, d));
    if (t.origin !== null) ck.place(`${w}.origin`, t.origin);
    if (t.direction === 'out') {
      if (t.origin !== null) ck.bad(`${w}.origin`, 'must be null for an outgoing trip');
      if (Array.isArray(t.destinations) && t.destinations.length === 0) ck.bad(`${w}.destinations`, 'an outgoing trip needs at least its country');
    }
    if (t.direction === 'in') {
      if (Array.isArray(t.destinations) && t.destinations.length) ck.bad(`${w}.destinations`, 'must be empty for an incoming visit');
      if (t.origin === null) ck.bad(`${w}.origin`, 'an incoming visit needs at least its country');
    }
    if (!Array.isArray(t.travellers)) ck.bad(`${w}.travellers`, 'must be an array');
    else t.travellers.forEach((p, j) => {
      const pw = `${w}.travellers[${j}]`;
      if (!ck.keys(pw, p, KEYS.traveller)) return;
      ck.str(`${pw}.name`, p.name, { nullable: false });
      ck.str(`${pw}.role`, p.role);
      if (typeof p.role === 'string' && p.role !== p.role.toLowerCase()) ck.bad(`${pw}.role`, 'must be lower case');
    });
    ck.num(`${w}.officials`, t.officials, { integer: true });
    ck.num(`${w}.cost_eur`, t.cost_eur);
    if (t.cost_eur === 0) ck.bad(`${w}.cost_eur`, 'zero: an unknown cost is null');
    ck.str(`${w}.paid_by`, t.paid_by);
    ck.str(`${w}.counterpart`, t.counterpart);
    ck.evidence(`${w}.evidence`, t.evidence);
  });
  (Array.isArray(doc.partnerships) ? doc.partnerships : []).forEach((p, i) => {
    const w = `partnerships[${i}]`;
    if (!ck.keys(w, p, KEYS.partnership, OPTIONAL.partnership)) return;
    ck.orgRef(`${w}.organisation`, p.organisation);
    ck.str(`${w}.partner`, p.partner);
    ck.country(`${w}.country`, p.country, true);
    ck.str(`${w}.region`, p.region);
    ck.en(`${w}.type`, p.type, ENUM.pType);
    ck.date(`${w}.since`, p.since);
    ck.en(`${w}.status`, p.status, ENUM.pStatus);
    if (!Array.isArray(p.events)) ck.bad(`${w}.events`, 'must be an array');
    else p.events.forEach((e, j) => {
      const ew = `${w}.events[${j}]`;
      if (!ck.keys(ew, e, KEYS.event)) return;
      ck.en(`${ew}.kind`, e.kind, ENUM.event, false);
      ck.date(`${ew}.date`, e.date);
    });
    ck.evidence(`${w}.evidence`, p.evidence);
  });
  (Array.isArray(doc.gifts) ? doc.gifts : []).forEach((g, i) => {
    const w = `gifts[${i}]`;
    if (!ck.keys(w, g, KEYS.gift, OPTIONAL.gift)) return;
    ck.orgRef(`${w}.organisation`, g.organisation);
    ck.str(`${w}.giver`, g.giver);
    ck.str(`${w}.recipient`, g.recipient);
    ck.date(`${w}.date`, g.date);
    ck.str(`${w}.description`, g.description, { nullable: false });
    ck.num(`${w}.value_eur`, g.value_eur);
    ck.str(`${w}.disposition`, g.disposition);
  });

  if (typeof src === 'string') {
    const srcWords = words(src);
    const texts = [['notes', doc.notes]];
    (doc.trips || []).forEach((t, i) => texts.push([`trips[${i}].evidence`, t && t.evidence]));
    (doc.partnerships || []).forEach((p, i) => texts.push([`partnerships[${i}].evidence`, p && p.evidence]));
    for (const [w, text] of texts) {
      if (typeof text !== 'string') continue;
      const run = copiedRun(text, srcWords);
      if (run) ck.bad(w, `repeats the document's words: "${run}"`);
    }
  }
  return { ck, counts: countFacts(doc) };
}

const args = process.argv.slice(2);
const files = args.length ? args : fs.readdirSync(expectedDir)
  .filter((f) => f.endsWith('.json')).sort().map((f) => path.join(expectedDir, f));

let problems = 0;
const total = { trips: 0, partnerships: 0, gifts: 0, facts: 0 };
for (const f of files) {
  const { ck, counts } = check(f);
  for (const p of ck.problems) console.log(`problem: ${p}`);
  problems += ck.problems.length;
  if (counts) {
    console.log(`${path.basename(f).padEnd(14)} trips ${String(counts.trips).padStart(3)}  partnerships ${String(counts.partnerships).padStart(2)}  gifts ${String(counts.gifts).padStart(2)}  facts ${String(counts.facts).padStart(4)}`);
    for (const k of Object.keys(total)) total[k] += counts[k];
  }
}
console.log(`total: ${files.length} files, ${total.trips} trips, ${total.partnerships} partnerships, ${total.gifts} gifts, ${total.facts} facts`);
if (!shared) console.log('note: ../shared not found; source files and copied wording were not checked');
console.log(`${problems} problem${problems === 1 ? '' : 's'}`);
process.exit(problems ? 1 : 0);
