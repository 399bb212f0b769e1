// lifecycle.test.mjs - the "Done when", end to end in Debian
// chromium: an editor logs in and requests a trip (planned months ago), a
// secretary records the coordination and approves it, the editor records
// that it took place (other dates, officials, travellers, costs than
// planned), the overdue lists show it late, the editor files the report
// late and publishes it, an anonymous visitor sees it with planned vs
// actual, and the audit log shows every step with its actor.
//
// A fresh register from examples/ plus two users made with
// `reisregister user add --password-stdin`; the server and the browser are
// stopped by PID (lib.mjs) whatever happens. Prints ok/not ok lines.
import { spawnSync } from 'node:child_process';
import {
	RR_BIN, newContext, step, check, runAxe, describeViolations, main,
} from './lib.mjs';

const EDITOR = { name: 'e2e-redacteur', pw: 'redacteur-wachtwoord-1', role: 'redacteur' };
const SECRETARY = { name: 'e2e-secretaris', pw: 'secretaris-wachtwoord-1', role: 'secretaris' };
const TITLE = 'Werkbezoek E2E aan Lyon';

function iso(d) {
	return d.toISOString().slice(0, 10);
}
// The date as the public pages write it: "21 augustus 2026".
function nl(d) {
	const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
		'september', 'oktober', 'november', 'december'];
	return `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}
function days(n, from = new Date()) {
	const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
	d.setUTCDate(d.getUTCDate() + n);
	return d;
}

// Planned some months ago; it actually went a day later and came back later.
const PLANNED_START = days(-150), PLANNED_END = days(-147);
const ACTUAL_START = days(-149), ACTUAL_END = days(-145);
const REQUESTED = days(-180), COORDINATED = days(-175), DECIDED = days(-170), REPORTED = days(0);
const DUE = days(42, ACTUAL_END);

function addUser(db, u) {
	const r = spawnSync(RR_BIN, ['user', 'add', u.name, '--db', db, '--organisation', 'gm0034',
		'--role', u.role, '--password-stdin'], { input: `${u.pw}\n`, encoding: 'utf8', timeout: 60000 });
	if (r.status !== 0)
		throw new Error(`user add ${u.name}: ${r.stderr}`);
}

async function login(page, base, u) {
	await page.goto(`${base}/inloggen`);
	await page.fill('#naam', u.name);
	await page.fill('#wachtwoord', u.pw);
	await Promise.all([page.waitForURL(`${base}/beheer`), page.click('button:has-text("Inloggen")')]);
}

// submit(page, button): clicks and waits for the answer page; returns its
// HTTP status (303s are followed: the status of the final page).
async function submit(page, button) {
	const [res] = await Promise.all([
		page.waitForNavigation({ waitUntil: 'load' }),
		page.click(`button:has-text("${button}")`),
	]);
	return res ? res.status() : 0;
}

async function text(page) {
	return page.locator('main').innerText();
}

async function run(base, browser) {
	const editorCtx = await newContext(browser);
	const secCtx = await newContext(browser);
	const anonCtx = await newContext(browser);
	const ed = await editorCtx.newPage();
	const sec = await secCtx.newPage();
	const anon = await anonCtx.newPage();
	let id = null;

	const cspErrors = [];
	for (const p of [ed, sec, anon])
		p.on('console', (m) => {
			if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()))
				cspErrors.push(m.text());
		});

	if (!(await step('editor logs in and lands on /beheer', async () => {
		await login(ed, base, EDITOR);
		const t = await text(ed);
		return check(t.includes('Ingelogd als e2e-redacteur') && t.includes('Gemeente Almere'),
			'the admin page names the user and the body', t.slice(0, 300));
	})))
		return;

	if (!(await step('editor requests a trip', async () => {
		await ed.click('a:has-text("Nieuwe reisaanvraag")');
		await ed.fill('#titel', TITLE);
		await ed.selectOption('#soort', 'werkbezoek');
		await ed.selectOption('#richting', 'out');
		await ed.fill('#gepland_begin', iso(PLANNED_START));
		await ed.fill('#gepland_eind', iso(PLANNED_END));
		await ed.fill('#bestemming-1-land', 'Frankrijk');
		await ed.fill('#bestemming-1-stad', 'Lyon');
		await ed.fill('#reiziger-1-naam', 'Anna Jansen');
		await ed.fill('#reiziger-1-rol', 'wethouder');
		await ed.fill('#doel', 'Kennis opdoen over stedelijke logistiek.');
		await ed.fill('#motivatie', 'Lyon werkt aan dezelfde opgave als wij.');
		await ed.fill('#ambtenaren', '1');
		await ed.fill('#kosten-1-categorie', 'Treinreis');
		await ed.fill('#kosten-1-bedrag', '450,00');
		await ed.fill('#kosten-2-categorie', 'Hotel');
		await ed.fill('#kosten-2-bedrag', '1.250,50');
		await ed.selectOption('#kosten-2-betaler', 'ander');
		await ed.fill('#kosten-2-partij', 'MRA');
		await ed.selectOption('#status', 'requested');
		await ed.fill('#aanvraagdatum', iso(REQUESTED));
		const st = await submit(ed, 'Opslaan');
		const m = ed.url().match(/\/beheer\/reizen\/([a-z0-9._-]+)\?melding=aanvraag$/);
		id = m && m[1];
		const t = await text(ed);
		return [
			...(st === 200 ? [] : [`status ${st}`]),
			...(id ? [] : [`no trip page: ${ed.url()}`]),
			...(t.includes('aangevraagd') ? [] : ['status is not "aangevraagd"']),
			...(t.includes('betaald door derden: MRA') ? [] : ['the third party is not flagged']),
		];
	})))
		return;
	check(true, `trip id ${id}`);

	await step('a secretary logs in, records the coordination and approves it', async () => {
		await login(sec, base, SECRETARY);
		await sec.goto(`${base}/beheer/reizen/${id}`);
		await sec.selectOption('#met', 'burgemeester');
		await sec.fill('#datum_afstemming', iso(COORDINATED));
		const s1 = await submit(sec, 'Afstemming vastleggen');
		await sec.selectOption('#uitkomst', 'approved');
		await sec.fill('#datum_besluit', iso(DECIDED));
		const s2 = await submit(sec, 'Besluit vastleggen');
		const t = await text(sec);
		return [
			...(s1 === 200 && s2 === 200 ? [] : [`statuses ${s1} ${s2}`]),
			...(t.includes('goedgekeurd') ? [] : ['status is not "goedgekeurd"']),
			...(t.includes('met burgemeester') ? [] : ['the coordination step is not shown']),
		];
	});

	await step('the editor may not record the decision (no form for it)', async () => {
		await ed.goto(`${base}/beheer/reizen/${id}`);
		return (await ed.locator('button:has-text("Besluit vastleggen")').count()) === 0;
	});

	await step('the editor records that it took place, other than planned', async () => {
		await ed.goto(`${base}/beheer/reizen/${id}`);
		await ed.fill('#werkelijk_begin', iso(ACTUAL_START));
		await ed.fill('#werkelijk_eind', iso(ACTUAL_END));
		await ed.fill('#werkelijk_ambtenaren', '2');
		await ed.fill('#werkelijk-reiziger-2-naam', 'Piet de Boer');
		await ed.fill('#werkelijk-reiziger-2-rol', 'ambtenaar');
		await ed.fill('#werkelijk-kosten-1-categorie', 'Treinreis');
		await ed.fill('#werkelijk-kosten-1-bedrag', '480,00');
		const st = await submit(ed, 'Reis uitgevoerd');
		const t = await text(ed);
		return [
			...(st === 200 ? [] : [`status ${st}`]),
			...(t.includes('uitgevoerd') ? [] : ['status is not "uitgevoerd"']),
			...(/dagen te laat/.test(t) ? [] : ['the trip page does not say the report is late']),
		];
	});

	await step('the overdue lists show it late (/o/gm0034/te-laat and /beheer)', async () => {
		const problems = [];
		const res = await ed.goto(`${base}/o/gm0034/te-laat`);
		let t = await text(ed);
		if (!res || res.status() !== 200)
			problems.push(`te-laat: HTTP ${res && res.status()}`);
		const row = ed.locator('tr', { hasText: TITLE });
		if ((await row.count()) !== 1)
			problems.push('te-laat: the trip is not listed');
		else {
			const cells = await row.locator('td').allInnerTexts();
			const late = Number(cells[cells.length - 1].replace(/\./g, ''));
			const want = Math.round((days(0) - DUE) / 86400000);
			if (late !== want)
				problems.push(`te-laat: ${late} days late, wanted ${want}`);
			if (!cells.includes(nl(DUE)))
				problems.push(`te-laat: due date ${nl(DUE)} not shown: ${cells.join(' | ')}`);
		}
		await ed.goto(`${base}/beheer`);
		t = await text(ed);
		const i = t.indexOf('Verslagen die te laat zijn');
		if (i < 0 || !t.slice(i).includes(TITLE))
			problems.push('/beheer: not in the late reports');
		return problems;
	});

	await step('the editor files the report, late', async () => {
		await ed.goto(`${base}/beheer/reizen/${id}`);
		await ed.fill('#verslag', '# Verslag\n\nWe bezochten de **logistieke hub** van Lyon.');
		await ed.fill('#datum_verslag', iso(REPORTED));
		const st = await submit(ed, 'Verslag indienen');
		const t = await text(ed);
		return [
			...(st === 200 ? [] : [`status ${st}`]),
			...(t.includes('verslag uitgebracht') ? [] : ['status is not "verslag uitgebracht"']),
			...(REPORTED > DUE ? [] : ['the report was not late']),
		];
	});

	await step('not yet public: an anonymous visitor gets 404', async () => {
		const res = await anon.goto(`${base}/reizen/${id}`);
		return res && res.status() === 404;
	});

	await step('the editor publishes it', async () => {
		await ed.goto(`${base}/beheer/reizen/${id}`);
		const st = await submit(ed, 'Publiceren');
		const t = await text(ed);
		return st === 200 && /Openbaar\s+ja/.test(t);
	});

	await step('an anonymous visitor sees it with planned vs actual', async () => {
		const res = await anon.goto(`${base}/reizen/${id}`);
		const t = await text(anon);
		const problems = [];
		if (!res || res.status() !== 200)
			problems.push(`HTTP ${res && res.status()}`);
		for (const want of [TITLE, 'Aanvraag (gepland)', 'Verslag (werkelijk)', 'Piet de Boer',
			'logistieke hub', 'Uiterlijk in te dienen', 'betaald door MRA'])
			if (!t.includes(want))
				problems.push(`missing: ${want}`);
		const table = anon.locator('table', { hasText: 'Aanvraag (gepland)' });
		const tt = (await table.count()) ? await table.first().innerText() : '';
		for (const d of [PLANNED_START, ACTUAL_START]) {
			const day = String(d.getUTCDate());
			if (!tt.includes(day))
				problems.push(`planned vs actual table lacks day ${day}: ${tt.slice(0, 300)}`);
		}
		return problems;
	});

	await step('the audit page lists every step with its actor', async () => {
		await ed.goto(`${base}/beheer/audit/trip/${id}`);
		const rows = await ed.locator('main table tbody tr').allInnerTexts();
		const problems = [];
		const want = [
			['e2e-redacteur', 'status aangevraagd'],
			['e2e-secretaris', 'status afgestemd'],
			['e2e-secretaris', 'status goedgekeurd'],
			['e2e-redacteur', 'status uitgevoerd'],
			['e2e-redacteur', 'status verslag uitgebracht'],
		];
		for (const [who, what] of want)
			if (!rows.some((r) => r.includes(who) && r.includes(what)))
				problems.push(`no step "${what}" by ${who}`);
		if (!rows.some((r) => r.includes('e2e-redacteur') && /Openbaar:\s*nee\s*→\s*ja/.test(r)))
			problems.push('no publish step (Openbaar: nee → ja)');
		if (rows.length < 6)
			problems.push(`only ${rows.length} entries`);
		return problems;
	});

	for (const p of ['/beheer', `/beheer/reizen/${id}`, '/beheer/reizen/nieuw?organisation=gm0034',
		`/beheer/audit/trip/${id}`, '/beheer/geschenken/nieuw?organisation=gm0034']) {
		await step(`axe: no WCAG A/AA violations on ${p.replace(id, '{id}')}`, async () => {
			await ed.goto(base + p);
			const r = await runAxe(ed);
			return describeViolations(r.violations);
		});
	}

	check(cspErrors.length === 0, 'no CSP violations on any page', cspErrors.slice(0, 5));
	await Promise.all([editorCtx.close(), secCtx.close(), anonCtx.close()]);
}

main(({ base, browser }) => run(base, browser), {
	prepare(db) {
		addUser(db, EDITOR);
		addUser(db, SECRETARY);
		check(true, 'fresh register with an editor and a secretary (reisregister user add)');
	},
});
