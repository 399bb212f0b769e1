// score.mjs - scores what `reisregister import --dry-run --json` made of each
// document against our record of its facts (tests/import/expected/*.json);
// see tests/import/README.md for how facts are written and counted.
//
//   node tests/import/score.mjs EXPECTED_DIR ACTUAL_DIR [--ratchet FILE] [--verbose]
//
// ACTUAL_DIR holds NNN.json (the canonical document the import would load)
// for each expected NNN.json. Prints one line per document and a total, and
// TAP lines for tests/run.sh: "ok"/"not ok" for "nothing invented" and for
// "right facts at or above the ratchet". Exit status 0 when both hold.
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const ri = args.indexOf('--ratchet');
const ratchetFile = ri >= 0 ? args[ri + 1] : null;
const [expDir, actDir] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--ratchet');

// ---- folding and comparison ----
const fold = (s) => String(s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
	.toLowerCase().replace(/ß/g, 'ss').replace(/ł/g, 'l').replace(/[øœ]/g, 'o').replace(/æ/g, 'ae').replace(/đ/g, 'd').replace(/[‘’'`´]/g, "'").replace(/[^a-z0-9' ]+/g, ' ')
	.replace(/\s+/g, ' ').trim();
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', 'ten', 'ter', "'t", 'te', 'in',
	'dhr', 'mevr', 'heer', 'mevrouw', 'mr', 'drs', 'ir', 'dr', 'prof']);
// The surname key: the last word that is not a party in brackets.
function surname(name) {
	const w = fold(String(name ?? '').replace(/\([^)]*\)/g, ' ')).split(' ').filter(Boolean);
	for (let i = w.length - 1; i >= 0; i--) if (!PARTICLES.has(w[i])) return w[i];
	return w.join(' ');
}
const ROLE_SAME = [
	['commissaris van de koning', 'commissaris van de koningin', 'cvdk', 'cdk',
		'commissaris van de koning in', 'gouverneur'],
	['gedeputeerde', 'gedeputeerden', 'lid van gedeputeerde staten'],
	['wethouder', 'wethouders'], ['burgemeester', 'burgemeesters'],
	['ambtenaar', 'ambtenaren', 'medewerker', 'beleidsmedewerker', 'topambtenaar'],
	['minister president', 'premier', 'minister-president'],
];
function roleKey(r) {
	const f = fold(r).replace(/-/g, ' ');
	for (const g of ROLE_SAME) if (g.some((x) => fold(x).replace(/-/g, ' ') === f)) return g[0];
	return f;
}
// Place names: folded, with the exonyms of the repository's place table.
const ALIAS = new Map();
function loadAliases() {
	const f = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', 'data',
		'places-nl.tsv');
	if (!fs.existsSync(f)) return;
	for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
		if (!line || line.startsWith('#')) continue;
		const c = line.split('\t');
		// kind, country, Dutch name, GeoNames name: the Dutch name of a city
		// is the same place as its international name
		if ((c[0] === 'city' || c[0] === 'cityalt') && c[2] && c[3]) ALIAS.set(fold(c[2]), fold(c[3]));
	}
}
loadAliases();
const placeKey = (s) => { const f = fold(s).replace(/^(de |het )/, ''); return ALIAS.get(f) ?? f; };
const samePlace = (a, b) => a != null && b != null && (placeKey(a) === placeKey(b) ||
	placeKey(a).split(' ')[0] === placeKey(b).split(' ')[0] && Math.min(placeKey(a).length,
		placeKey(b).length) >= 5);
const textOverlap = (a, b) => {
	const fa = fold(a), fb = fold(b);
	return fa.length > 0 && fb.length > 0 && (fa.includes(fb) || fb.includes(fa) ||
		fa.split(' ').some((w) => w.length > 3 && fb.split(' ').includes(w)));
};

// Dates: 'right', 'missing' (less precise but consistent), 'invented'.
function cmpDate(exp, act) {
	if (act == null) return 'missing';
	if (exp === act) return 'right';
	if (exp.startsWith(act)) return 'missing';
	return 'invented';
}
function dayRange(d) {
	if (!d) return null;
	const [y, m, dd] = d.split('-').map(Number);
	const first = new Date(Date.UTC(y, (m || 1) - 1, dd || 1));
	const last = dd ? first : m ? new Date(Date.UTC(y, m, 0)) : new Date(Date.UTC(y, 11, 31));
	return [first.getTime(), last.getTime()];
}
function overlaps(a0, a1, b0, b1) {
	const a = dayRange(a0), b = dayRange(b0);
	if (!a || !b) return false;
	const ae = dayRange(a1 || a0), be = dayRange(b1 || b0);
	return a[0] <= be[1] && b[0] <= ae[1];
}

// ---- the actual side ----
const STATUS = { draft: 'planned', requested: 'planned', coordinated: 'planned',
	approved: 'planned', completed: 'took_place', reported: 'took_place',
	cancelled: 'cancelled', rejected: 'rejected' };
function actualTrip(t) {
	const start = t.start ?? t.planned_start ?? null;
	const end = t.start ? (t.end ?? t.start) : t.planned_start ? (t.planned_end ?? t.planned_start) : null;
	const costs = (t.costs || []).filter((c) => typeof c.amount_eur === 'number');
	const actualCosts = costs.filter((c) => c.kind === 'actual');
	const use = actualCosts.length ? actualCosts : costs;
	const payer = (t.costs || []).map((c) => c.paid_by).find(Boolean) ?? null;
	const dir = t.direction;
	const places = (t.destinations || []).filter((d) => d.country !== 'NL' || dir === 'out');
	return {
		id: t.id, organisation: t.organisation, direction: dir, status: STATUS[t.status] ?? t.status,
		kind: t.kind ?? null, start, end,
		destinations: dir === 'out' ? places : [],
		origin: dir === 'in' ? (t.origin ?? null) : null,
		travellers: (t.travellers || t.planned_travellers || []),
		officials: t.accompanying_officials ?? t.planned_accompanying_officials ?? null,
		cost_eur: use.length ? use.reduce((s, c) => s + c.amount_eur, 0) : null,
		paid_by: payer, counterpart: t.counterpart ?? null,
	};
}

// ---- scoring ----
class Tally {
	constructor() { this.right = 0; this.missing = 0; this.invented = 0; this.lines = []; }
	add(kind, what) { this[kind]++; if (kind !== 'right') this.lines.push(`${kind}: ${what}`); }
}

function tripSimilarity(e, a) {
	let s = 0;
	if (e.direction === a.direction) s += 1;
	const ep = e.direction === 'in' ? (e.origin ? [e.origin] : []) : (e.destinations || []);
	const ap = a.direction === 'in' ? (a.origin ? [a.origin] : []) : a.destinations;
	if (ep.some((x) => ap.some((y) => y.country === x.country))) s += 3;
	if (ep.some((x) => ap.some((y) => x.city && samePlace(x.city, y.city)))) s += 2;
	if (e.start && a.start && overlaps(e.start, e.end, a.start, a.end)) s += 3;
	if ((e.travellers || []).some((x) => a.travellers.some((y) => surname(x.name) === surname(y.name)))) s += 1;
	if (e.counterpart && a.counterpart && textOverlap(e.counterpart, a.counterpart)) s += 2;
	return s;
}

function pairUp(exp, act, sim, min) {
	const cand = [];
	exp.forEach((e, i) => act.forEach((a, j) => { const s = sim(e, a); if (s >= min) cand.push([s, i, j]); }));
	cand.sort((x, y) => y[0] - x[0]);
	const ue = new Set(), ua = new Set(), pairs = [];
	for (const [, i, j] of cand) if (!ue.has(i) && !ua.has(j)) { ue.add(i); ua.add(j); pairs.push([i, j]); }
	return { pairs, lonelyExp: exp.map((_, i) => i).filter((i) => !ue.has(i)),
		lonelyAct: act.map((_, j) => j).filter((j) => !ua.has(j)) };
}

function scalar(t, label, e, a, same = (x, y) => x === y) {
	if (e == null) { if (a != null) t.add('invented', `${label}: ${JSON.stringify(a)} (not stated)`); return; }
	if (a == null) return t.add('missing', `${label}: ${JSON.stringify(e)}`);
	if (same(e, a)) return t.add('right');
	t.add('invented', `${label}: ${JSON.stringify(a)} where the text says ${JSON.stringify(e)}`);
}

function countTripFacts(e) {
	let n = 2; // direction, status
	for (const k of ['kind', 'start', 'end', 'officials', 'cost_eur', 'paid_by', 'counterpart'])
		if (e[k] != null) n++;
	for (const d of (e.direction === 'in' ? (e.origin ? [e.origin] : []) : e.destinations || []))
		n += 1 + (d.city ? 1 : 0) + (d.region ? 1 : 0);
	for (const p of e.travellers || []) n += 1 + (p.role ? 1 : 0);
	return n;
}
function countActualTrip(a) {
	let n = 2;
	for (const k of ['kind', 'start', 'officials', 'cost_eur', 'paid_by', 'counterpart']) if (a[k] != null) n++;
	n += a.destinations.length + a.travellers.length;
	return n;
}

function scorePlaces(t, label, exp, act) {
	for (const x of exp) {
		const same = act.filter((y) => y.country === x.country);
		if (!same.length) { t.add('missing', `${label} country ${x.country}`); if (x.city) t.add('missing', `${label} city ${x.city}`); if (x.region) t.add('missing', `${label} region ${x.region}`); continue; }
		t.add('right');
		if (x.city) {
			if (same.some((y) => samePlace(x.city, y.city))) t.add('right');
			// a city of the same country that the text does not name is a wrong
			// city; one it names (another stop of the journey) leaves this one missing
			else if (same.some((y) => y.city && !exp.some((z) => z.country === y.country && (samePlace(z.city, y.city) || samePlace(z.region, y.city)))))
				t.add('invented', `${label} city ${same.map((y) => y.city).filter(Boolean).join('/')} where the text says ${x.city}`);
			else t.add('missing', `${label} city ${x.city}`);
		}
		if (x.region) {
			if (same.some((y) => samePlace(x.region, y.region) || samePlace(x.region, y.city))) t.add('right');
			else t.add('missing', `${label} region ${x.region}`);
		}
	}
	for (const y of act) {
		if (!exp.some((x) => x.country === y.country)) t.add('invented', `${label} ${y.country} ${y.city ?? y.region ?? ''}`);
		else if (y.city && !exp.some((x) => x.country === y.country && (samePlace(x.city, y.city) || samePlace(x.region, y.city))))
			if (exp.some((x) => x.country === y.country && x.city)) { /* counted above */ } else t.add('invented', `${label} city ${y.city} (not stated)`);
	}
}

function scoreTrip(t, e, a, label) {
	if (e.organisation && a.organisation && e.organisation !== a.organisation)
		t.add('invented', `${label} body ${a.organisation} where the text says ${e.organisation}`);
	scalar(t, `${label} direction`, e.direction, a.direction);
	scalar(t, `${label} status`, e.status, a.status);
	scalar(t, `${label} kind`, e.kind ?? null, a.kind);
	const s = e.start ? cmpDate(e.start, a.start) : a.start ? 'invented' : null;
	if (s) t.add(s, `${label} start ${a.start ?? '-'} (text: ${e.start ?? 'none'})`);
	const en = e.end ? cmpDate(e.end, a.end) : null;
	if (en) t.add(en, `${label} end ${a.end ?? '-'} (text: ${e.end})`);
	if (e.direction === 'in') scorePlaces(t, `${label} origin`, e.origin ? [e.origin] : [], a.origin ? [a.origin] : []);
	else scorePlaces(t, `${label} destination`, e.destinations || [], a.destinations);
	for (const p of e.travellers || []) {
		const m = a.travellers.find((y) => surname(y.name) === surname(p.name));
		if (!m) { t.add('missing', `${label} traveller ${p.name}`); if (p.role) t.add('missing', `${label} role of ${p.name}`); continue; }
		t.add('right');
		if (p.role) scalar(t, `${label} role of ${p.name}`, roleKey(p.role), m.role ? roleKey(m.role) : null);
		else if (m.role) { /* a role the writer did not note: not counted */ }
	}
	for (const y of a.travellers)
		if (!(e.travellers || []).some((p) => surname(p.name) === surname(y.name)))
			t.add('invented', `${label} traveller ${y.name}`);
	scalar(t, `${label} officials`, e.officials ?? null, a.officials);
	scalar(t, `${label} cost`, e.cost_eur ?? null, a.cost_eur, (x, y) => Math.abs(x - y) < 0.5);
	scalar(t, `${label} paid by`, e.paid_by ?? null, a.paid_by, textOverlap);
	scalar(t, `${label} counterpart`, e.counterpart ?? null, a.counterpart, textOverlap);
}

// Partnerships
function actualPartnership(p) {
	const ev = p.events || [];
	const status = ev.some((x) => x.kind === 'ended') ? 'ended' : ev.some((x) => x.kind === 'dormant') ? 'dormant' : null;
	return { partner: p.partner?.name ?? null, country: p.partner?.country ?? null,
		region: null, type: p.type ?? null, since: p.since ?? null, status, events: ev };
}
function partnerSim(e, a) {
	let s = 0;
	if (e.partner && a.partner && (samePlace(e.partner, a.partner) || textOverlap(e.partner, a.partner))) s += 3;
	if (e.country && e.country === a.country) s += 1;
	return s;
}
// "active" is not scored: the register holds events, not a state, and an
// import that says nothing of an end is not thereby right or wrong.
const statusOf = (e) => (e.status === 'active' ? null : e.status ?? null);
function countPartnerFacts(e) {
	let n = statusOf(e) != null ? 1 : 0;
	for (const k of ['partner', 'country', 'type', 'since']) if (e[k] != null) n++;
	return n + (e.events || []).length;
}
function scorePartnership(t, e, a, label) {
	scalar(t, `${label} partner`, e.partner, a.partner, (x, y) => samePlace(x, y) || textOverlap(x, y));
	scalar(t, `${label} country`, e.country ?? null, a.country);
	scalar(t, `${label} type`, e.type ?? null, a.type);
	if (e.since) { const c = cmpDate(e.since, a.since); t.add(c, `${label} since ${a.since ?? '-'} (text: ${e.since})`); }
	else if (a.since) t.add('invented', `${label} since ${a.since} (not stated)`);
	if (statusOf(e)) scalar(t, `${label} status`, statusOf(e), a.status);
	else if (a.status && e.status !== 'active') t.add('invented', `${label} status ${a.status} (not stated)`);
	const used = new Set();
	for (const x of e.events || []) {
		const j = a.events.findIndex((y, k) => !used.has(k) && y.kind === x.kind);
		if (j < 0) { t.add('missing', `${label} event ${x.kind} ${x.date ?? ''}`); continue; }
		used.add(j);
		const c = x.date ? cmpDate(x.date, a.events[j].date) : 'right';
		t.add(c, `${label} event ${x.kind} ${a.events[j].date} (text: ${x.date})`);
	}
	a.events.forEach((y, k) => { if (!used.has(k)) t.add('invented', `${label} event ${y.kind} ${y.date}`); });
}

// Gifts
function giftSim(e, a) {
	let s = 0;
	if (textOverlap(e.description, a.description)) s += 2;
	if (e.giver && textOverlap(e.giver, a.giver)) s += 1;
	if (e.value_eur != null && a.value_eur != null && Math.abs(e.value_eur - a.value_eur) < 0.01) s += 1;
	return s;
}
function countGiftFacts(e) {
	let n = 0;
	for (const k of ['giver', 'recipient', 'date', 'description', 'value_eur', 'disposition']) if (e[k] != null) n++;
	return n;
}
function scoreGift(t, e, a, label) {
	scalar(t, `${label} giver`, e.giver ?? null, a.giver ?? null, textOverlap);
	scalar(t, `${label} recipient`, e.recipient ?? null, a.recipient ?? null, textOverlap);
	if (e.date) t.add(cmpDate(e.date, a.date ?? null), `${label} date ${a.date ?? '-'} (text: ${e.date})`);
	else if (a.date) t.add('invented', `${label} date ${a.date} (not stated)`);
	scalar(t, `${label} description`, e.description ?? null, a.description ?? null, textOverlap);
	scalar(t, `${label} value`, e.value_eur ?? null, a.value_eur ?? null, (x, y) => Math.abs(x - y) < 0.01);
	scalar(t, `${label} disposition`, e.disposition ?? null, a.disposition_note ?? null, textOverlap);
}

function scoreDocument(exp, act) {
	const t = new Tally();
	const org = exp.organisation.id;
	const actTrips = (act.trips || []).map(actualTrip);
	const expTrips = (exp.trips || []).map((x) => ({ ...x, organisation: x.organisation ?? org }));
	const { pairs, lonelyExp, lonelyAct } = pairUp(expTrips, actTrips, tripSimilarity, 3);
	for (const [i, j] of pairs) scoreTrip(t, expTrips[i], actTrips[j], `trip ${i + 1}`);
	for (const i of lonelyExp) { const n = countTripFacts(expTrips[i]); t.missing += n; t.lines.push(`missing: trip ${i + 1} (${n} facts) ${expTrips[i].evidence ?? ''}`); }
	for (const j of lonelyAct) { const n = countActualTrip(actTrips[j]); t.invented += n; t.lines.push(`invented: trip ${actTrips[j].id} (${n} facts)`); }

	const actP = (act.partnerships || []).map(actualPartnership);
	const expP = exp.partnerships || [];
	const pp = pairUp(expP, actP, partnerSim, 3);
	for (const [i, j] of pp.pairs) scorePartnership(t, expP[i], actP[j], `partnership ${expP[i].partner}`);
	for (const i of pp.lonelyExp) { const n = countPartnerFacts(expP[i]); t.missing += n; t.lines.push(`missing: partnership ${expP[i].partner} (${n} facts)`); }
	for (const j of pp.lonelyAct) { const n = 1 + (actP[j].since ? 1 : 0) + actP[j].events.length; t.invented += n; t.lines.push(`invented: partnership ${actP[j].partner} (${n} facts)`); }

	const actG = act.gifts || [];
	const expG = exp.gifts || [];
	const gp = pairUp(expG, actG, giftSim, 2);
	for (const [i, j] of gp.pairs) scoreGift(t, expG[i], actG[j], `gift ${i + 1}`);
	for (const i of gp.lonelyExp) { const n = countGiftFacts(expG[i]); t.missing += n; t.lines.push(`missing: gift ${expG[i].description} (${n} facts)`); }
	for (const j of gp.lonelyAct) { t.invented += 2; t.lines.push(`invented: gift ${actG[j].description}`); }

	const doc = (act.documents || [])[0];
	if (exp.document_date) t.add(cmpDate(exp.document_date, doc?.date ?? null), `document date ${doc?.date ?? '-'} (text: ${exp.document_date})`);
	else if (doc?.date && !exp.import_date) t.add('invented', `document date ${doc.date} (not stated)`);
	return t;
}

// ---- main ----
const files = fs.readdirSync(expDir).filter((f) => /^[a-z0-9]+\.json$/.test(f)).sort();
let R = 0, M = 0, I = 0;
const rows = [];
for (const f of files) {
	const exp = JSON.parse(fs.readFileSync(path.join(expDir, f), 'utf8'));
	const ap = path.join(actDir, f);
	let act = {};
	if (fs.existsSync(ap)) { try { act = JSON.parse(fs.readFileSync(ap, 'utf8') || '{}'); } catch { act = {}; } }
	const t = scoreDocument(exp, act);
	R += t.right; M += t.missing; I += t.invented;
	const total = t.right + t.missing;
	rows.push(`${f.replace('.json', '').padEnd(8)} right ${String(t.right).padStart(3)} / ${String(total).padStart(3)}  missing ${String(t.missing).padStart(3)}  invented ${String(t.invented).padStart(3)}`);
	if (verbose || t.invented) for (const l of t.lines) if (verbose || l.startsWith('invented')) rows.push(`    ${l}`);
}
for (const r of rows) console.log(r);
const share = R + M ? R / (R + M) : 0;
console.log(`corpus: ${R} of ${R + M} facts right (${(100 * share).toFixed(1)}%), ${M} missing, ${I} invented, ${files.length} documents`);
let ok = true;
if (I === 0) console.log('ok - corpus: no fact invented');
else { console.log(`not ok - corpus: ${I} facts invented`); ok = false; }
if (ratchetFile) {
	const want = Number(fs.readFileSync(ratchetFile, 'utf8').trim());
	if (share * 100 + 1e-9 >= want) console.log(`ok - corpus: ${(100 * share).toFixed(1)}% right, ratchet ${want}%`);
	else { console.log(`not ok - corpus: ${(100 * share).toFixed(1)}% right, below the ratchet ${want}%`); ok = false; }
}
process.exit(ok ? 0 : 1);
