#!/usr/bin/env node
// bodies-tooi.mjs - writes data/bodies-nl.tsv from the TOOI registers.
//
// Usage: node scripts/bodies-tooi.mjs GEMEENTEN.json PROVINCIES.json WATERSCHAPPEN.json > data/bodies-nl.tsv
//
// The inputs are the JSON-LD downloads of the TOOI value lists (KOOP,
// standaarden.overheid.nl/tooi, CC0) "Register gemeenten compleet",
// "Register provincies compleet" and "Register waterschappen compleet":
//   https://repository.officiele-overheidspublicaties.nl/waardelijsten/
//     rwc_gemeenten_compleet/4/json/rwc_gemeenten_compleet_4.json   (and newer versions)
// Every body becomes a "body" line; a former name of a body (a TOOI
// HistorischeVersie) a "name" line. Successors come from the change events:
// a Samenvoeging (merger) and a Herschikking (new code) name the body they
// generated, an Uitbreiding (a body taken into others) the bodies it went
// into. Nothing is added that the registers do not say: the ministries,
// seats and other names are in data/bodies-nl-hand.tsv. docs/bodies.md says
// how to update.
import fs from 'node:fs';

const ONT = 'https://identifier.overheid.nl/tooi/def/ont/';
const PROV = 'http://www.w3.org/ns/prov#';
const OWL = 'http://www.w3.org/2002/07/owl#';

if (process.argv.length < 5) {
	console.error('usage: node scripts/bodies-tooi.mjs GEMEENTEN.json PROVINCIES.json WATERSCHAPPEN.json');
	process.exit(2);
}

function values(n, key) {
	const v = n[ONT + key] || n[PROV + key] || n[OWL + key] || [];
	return v.map((x) => x['@value'] ?? x['@id']);
}
const one = (n, key) => values(n, key)[0] ?? '';
const tail = (uri) => uri.split('/').pop();
const types = (n) => (n['@type'] || []).map(tail);
const day = (s) => (s || '').slice(0, 10);
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const clean = (s) => s.replace(/[\t\r\n]+/g, ' ').trim();

function nextDay(iso) {
	const d = new Date(iso + 'T00:00:00Z');
	d.setUTCDate(d.getUTCDate() + 1);
	return d.toISOString().slice(0, 10);
}

const KIND = { Gemeente: 'municipality', Provincie: 'province', Waterschap: 'water_board' };

// A water board's name: TOOI writes "waterschap Hoogheemraadschap van
// Rijnland" and "waterschap Aa en Maas"; the boards write "Hoogheemraadschap
// van Rijnland" and "Waterschap Aa en Maas". The short name drops the kind:
// "Rijnland", "Aa en Maas".
function boardNames(incl, excl) {
	const name = cap(incl.replace(/^waterschap (?=(Hoogheemraadschap|Wetterskip)\b)/i, ''));
	const short = excl.replace(/^(waterschap|hoogheemraadschap)\s+(van\s+)?/i, '');
	return { name, short };
}

function names(kind, n) {
	const offExcl = clean(one(n, 'officieleNaamExclSoort'));
	const prefExcl = clean(one(n, 'voorkeursnaamExclSoort') || offExcl);
	const offIncl = clean(one(n, 'officieleNaamInclSoort'));
	const prefIncl = clean(one(n, 'voorkeursnaamInclSoort') || offIncl);
	if (kind === 'water_board') {
		const pref = boardNames(prefIncl, prefExcl), off = boardNames(offIncl, offExcl);
		return { name: pref.name, official: off.name, short: pref.short };
	}
	return { name: cap(prefIncl), official: cap(offIncl), short: prefExcl };
}

const out = [];
const header = [];
for (const file of process.argv.slice(2)) {
	const data = JSON.parse(fs.readFileSync(file, 'utf8'));
	const succ = new Map(); // code -> Set of successor codes
	const add = (from, to) => {
		if (!succ.has(from)) succ.set(from, new Set());
		succ.get(from).add(to);
	};
	const hv = new Map(); // code -> historical versions
	for (const n of data) {
		const t = types(n);
		if (t.includes('RegisterwaardelijstCompleet')) {
			header.push(`${one(n, 'titel')} version ${tail(n['@id'])}, zichtdatum ` +
				`${one(n, 'zichtdatum')}: ${one(n, 'versionInfo')}`);
			continue;
		}
		if (t.includes('HistorischeVersie')) {
			const of = tail(one(n, 'specializationOf'));
			if (!hv.has(of)) hv.set(of, []);
			hv.get(of).push(n);
			continue;
		}
		if (t.includes('Samenvoeging') || t.includes('Herschikking')) {
			for (const gone of values(n, 'invalidated'))
				for (const made of values(n, 'generated'))
					add(tail(gone), tail(made));
		} else if (t.includes('Uitbreiding')) {
			for (const gone of values(n, 'invalidated'))
				for (const into of values(n, 'used'))
					add(tail(gone), tail(into));
		}
	}
	for (const n of data) {
		const t = types(n);
		const kind = t.map((x) => KIND[x]).find(Boolean);
		if (!kind || t.includes('HistorischeVersie'))
			continue;
		const code = one(n, 'organisatiecode');
		const nm = names(kind, n);
		const versions = (hv.get(code) || []).sort((a, b) =>
			one(a, 'einddatumHV').localeCompare(one(b, 'einddatumHV')));
		let start = day(one(n, 'begindatum'));
		let from = '';
		if (versions.length) {
			// begindatum then dates the current name, not the body
			from = start;
			start = '';
		}
		let prevEnd = '';
		for (const v of versions) {
			const vn = names(kind, v);
			const until = day(one(v, 'einddatumHV') || one(v, 'einddatum'));
			out.push(['name', code, vn.name, vn.short, one(v, 'afkorting'),
				prevEnd ? nextDay(prevEnd) : '', until].join('\t'));
			prevEnd = until;
		}
		if (versions.length && !from && prevEnd)
			from = nextDay(prevEnd);
		const province = kind === 'municipality' ? tail(one(n, 'ligtInProvincie')) : '';
		const successors = [...(succ.get(code) || [])].sort().join(',');
		out.push(['body', code, kind, nm.name, nm.official !== nm.name ? nm.official : '',
			nm.short, one(n, 'afkorting'), province, start, day(one(n, 'einddatum')),
			successors, from].join('\t'));
	}
}

out.sort((a, b) => {
	const ka = a.split('\t'), kb = b.split('\t');
	return ka[1].localeCompare(kb[1]) || (ka[0] === 'name' ? -1 : 1) - (kb[0] === 'name' ? -1 : 1) ||
		a.localeCompare(b);
});

process.stdout.write(`# bodies-nl.tsv - the public bodies of the Netherlands from TOOI.
#
# Generated by scripts/bodies-tooi.mjs from the TOOI value lists (Thesauri en
# Ontologieen voor Overheidsinformatie, KOOP for the Ministry of the Interior,
# CC0), downloaded from repository.officiele-overheidspublicaties.nl:
${header.map((h) => '#   ' + h).join('\n')}
# Do not edit by hand: hand-made additions (the ministries, seats, other names)
# are in bodies-nl-hand.tsv. docs/bodies.md says how both are updated.
#
# Lines, tab-separated:
#   body  code kind name official short abbr province start end successors name_from
#     name: with the kind, as the body writes itself ("Gemeente Den Haag");
#     official: the official name when it differs ("Gemeente 's-Gravenhage");
#     short: without the kind; province: a municipality's province (code);
#     start, end: first and last day (empty: unknown, or still exists);
#     successors: the bodies it went into (codes, comma-separated);
#     name_from: the first day of the current name, when it had others
#   name  code name short abbr from until
#     a former name of the body, with its first (empty: unknown) and last day
`);
process.stdout.write(out.join('\n') + '\n');
