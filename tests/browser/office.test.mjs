// office.test.mjs - the international-affairs office's week, in Debian
// chromium, without JavaScript on the pages (there is none):
//   the editor requests a trip to Osaka and Tokio with two destinations and
//   two cost lines chosen by name (a second row added with "Nog een ..."),
//   the secretary records the coordination and the decision with a number,
//   conditions and text, the trip takes place on other dates (with a wrong
//   cost line), the late report shows on the worklist of /beheer, the report
//   is filed, the trip published, the wrong cost line removed; each step
//   shows its confirmation; the audit page shows the changes in Dutch; the
//   public trip page shows the decision.
// On every page: zero axe violations (WCAG 2.1 A/AA). On every form page, at
// 1280 and at 390 px wide: each label's box lies above its field's box and
// starts at its left edge, nothing is wider than the window, and a
// screenshot is written to build/screenshots/ for people to look at.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
	RR_BIN, ROOT, newContext, step, check, runAxe, describeViolations, main,
} from './lib.mjs';

const EDITOR = { name: 'e2e-office', pw: 'office-wachtwoord-1', role: 'redacteur' };
const SECRETARY = { name: 'e2e-secretaris', pw: 'secretaris-wachtwoord-1', role: 'secretaris' };
const TITLE = 'Werkbezoek Osaka en Tokio';
const SHOTS = path.join(ROOT, 'build', 'screenshots');

const iso = (d) => d.toISOString().slice(0, 10);
function days(n) {
	const t = new Date();
	const d = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
	d.setUTCDate(d.getUTCDate() + n);
	return d;
}
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
	'september', 'oktober', 'november', 'december'];
const nl = (d, year = true) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${year ? ` ${d.getUTCFullYear()}` : ''}`;

const REQUESTED = days(-100), COORDINATED = days(-95), DECIDED = days(-90);
const PLANNED_START = days(-70), PLANNED_END = days(-66);
const ACTUAL_START = days(-69), ACTUAL_END = days(-64);

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

async function submit(page, button) {
	const [res] = await Promise.all([
		page.waitForNavigation({ waitUntil: 'load' }),
		page.click(`button:has-text("${button}")`),
	]);
	return res ? res.status() : 0;
}

const main_ = (page) => page.locator('main').innerText();
const flash = async (page) => {
	const f = page.locator('.rr-flash[role="status"]');
	return (await f.count()) ? f.first().innerText() : '';
};

// The layout of the form fields on the page: a list of problems.
function layoutProblems() {
	const out = [];
	const vw = document.documentElement.clientWidth;
	if (document.documentElement.scrollWidth > vw + 1)
		out.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${vw}px window`);
	for (const label of document.querySelectorAll('main label[for]')) {
		const field = document.getElementById(label.htmlFor);
		if (!field)
			continue;
		const lb = label.getBoundingClientRect(), fb = field.getBoundingClientRect();
		if (!lb.width || !fb.width)
			continue;
		const name = `${label.textContent.trim()} (#${label.htmlFor})`;
		if (field.type === 'checkbox') {
			const mid = fb.top + fb.height / 2;
			if (!(lb.left >= fb.right - 1 && mid >= lb.top - 2 && mid <= lb.bottom + 2))
				out.push(`${name}: the checkbox label is not right beside its box`);
			continue;
		}
		if (field.closest('td'))
			continue; /* a small form in a table cell: label beside the select */
		if (lb.bottom > fb.top + 1)
			out.push(`${name}: label bottom ${Math.round(lb.bottom)} below field top ${Math.round(fb.top)}`);
		if (Math.abs(lb.left - fb.left) > 2)
			out.push(`${name}: label starts at x=${Math.round(lb.left)}, its field at x=${Math.round(fb.left)}`);
		if (fb.right > vw + 1)
			out.push(`${name}: the field runs past the window (${Math.round(fb.right)} > ${vw})`);
	}
	return out;
}

const shotsTaken = [];

// Checks layout at 1280 and 390 px and saves screenshots; restores 1280.
async function checkLayout(page, name) {
	const slug = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
	await step(`labels above their fields at 1280 and 390 px: ${name}`, async () => {
		const problems = [];
		for (const width of [1280, 390]) {
			await page.setViewportSize({ width, height: 900 });
			const p = await page.evaluate(layoutProblems);
			problems.push(...p.map((x) => `${width}px: ${x}`));
			const file = path.join(SHOTS, `${slug}-${width}.png`);
			await page.screenshot({ path: file, fullPage: true });
			shotsTaken.push(file);
		}
		await page.setViewportSize({ width: 1280, height: 900 });
		return problems;
	});
}

const axeSeen = new Set();
async function axe(page, name) {
	if (axeSeen.has(name))
		return;
	axeSeen.add(name);
	await step(`axe: no WCAG A/AA violations on ${name}`, async () =>
		describeViolations((await runAxe(page)).violations));
}

async function run(base, browser) {
	fs.mkdirSync(SHOTS, { recursive: true });
	const edCtx = await newContext(browser, { bypassCSP: true });
	const secCtx = await newContext(browser, { bypassCSP: true });
	const anonCtx = await newContext(browser);
	const ed = await edCtx.newPage();
	const sec = await secCtx.newPage();
	const anon = await anonCtx.newPage();
	let id = null;

	await login(ed, base, EDITOR);
	await axe(ed, '/beheer');

	if (!(await step('the editor requests a trip: two destinations and two cost lines chosen by name', async () => {
		await ed.click('a:has-text("Nieuwe reisaanvraag")');
		await axe(ed, 'the new request form');
		await checkLayout(ed, 'nieuwe reisaanvraag');
		await ed.fill('#titel', TITLE);
		await ed.selectOption('#soort', 'werkbezoek');
		await ed.fill('#gepland_begin', iso(PLANNED_START));
		await ed.fill('#gepland_eind', iso(PLANNED_END));
		await ed.fill('#bestemming-1-land', 'Japan');
		await ed.fill('#bestemming-1-stad', 'Osaka');
		// a second destination row, without JavaScript: the form comes back with one more
		const st = await submit(ed, 'Nog een bestemming');
		const kept = await ed.inputValue('#bestemming-1-stad');
		await ed.fill('#bestemming-2-land', 'Japan');
		await ed.fill('#bestemming-2-stad', 'Tokio');
		await ed.fill('#reiziger-1-naam', 'M. Veeningen');
		await ed.fill('#reiziger-1-rol', 'wethouder');
		await ed.fill('#doel', 'Kennis over waterstof en de Expo 2025 opdoen.');
		await ed.fill('#motivatie', 'Osaka werkt aan dezelfde opgave als wij.');
		await ed.fill('#ambtenaren', '1');
		await ed.fill('#kosten-1-categorie', 'Vliegreis');
		await ed.fill('#kosten-1-bedrag', '1.250,00');
		await ed.fill('#kosten-2-categorie', 'Hotel');
		await ed.fill('#kosten-2-bedrag', '980,50');
		await ed.selectOption('#kosten-2-betaler', { label: 'Metropoolregio Amsterdam' }).catch(async () => {
			await ed.selectOption('#kosten-2-betaler', 'ander');
			await ed.fill('#kosten-2-partij', 'Metropoolregio Amsterdam');
		});
		await ed.selectOption('#status', 'requested');
		await ed.fill('#aanvraagdatum', iso(REQUESTED));
		const st2 = await submit(ed, 'Opslaan');
		const m = ed.url().match(/\/beheer\/reizen\/([a-z0-9._-]+)\?melding=aanvraag$/);
		id = m && m[1];
		const t = await main_(ed);
		return [
			...(st === 200 && kept === 'Osaka' ? [] : [`"Nog een bestemming": ${st}, kept "${kept}"`]),
			...(st2 === 200 && id ? [] : [`saved: ${st2} ${ed.url()}`]),
			...((await flash(ed)).includes('Aanvraag opgeslagen') ? [] : ['no confirmation "Aanvraag opgeslagen"']),
			...(t.includes('Osaka, Japan; Tokio, Japan') ? [] : ['destinations are not Osaka and Tokio in Japan']),
			...(t.includes('Vliegreis') && t.includes('Hotel') ? [] : ['the two cost lines are not shown']),
			...(t.includes('Metropoolregio Amsterdam') || t.includes('MRA') ? [] : ['the payer of the hotel is not named']),
		];
	})))
		return;
	await axe(ed, '/beheer/reizen/{id} (requested)');
	await checkLayout(ed, 'reis aangevraagd');

	await step('the secretary records the coordination and the decision with number, conditions and text', async () => {
		await login(sec, base, SECRETARY);
		await sec.goto(`${base}/beheer/reizen/${id}`);
		await axe(sec, '/beheer/reizen/{id} for the secretary');
		await checkLayout(sec, 'besluit vastleggen');
		await sec.selectOption('#met', 'burgemeester');
		await sec.fill('#datum_afstemming', iso(COORDINATED));
		const s1 = await submit(sec, 'Afstemming vastleggen');
		const f1 = await flash(sec);
		await sec.selectOption('#uitkomst', 'approved_with_conditions');
		await sec.fill('#datum_besluit', iso(DECIDED));
		await sec.fill('#besluitnummer', 'B&W 2026/123');
		await sec.fill('#voorwaarden', 'Reizen in economy class.');
		await sec.fill('#besluittekst', 'Het college stemt in met de reis naar Osaka en Tokio.');
		await sec.fill('#besluitdocument', 'https://almere.nl/besluiten/2026-123.pdf');
		const s2 = await submit(sec, 'Besluit vastleggen');
		const t = await main_(sec);
		return [
			...(s1 === 200 && f1.includes('Afstemming vastgelegd') ? [] : [`coordination: ${s1} "${f1}"`]),
			...(s2 === 200 && (await flash(sec)).includes('Besluit van het college vastgelegd') ? [] : [`decision: ${s2}`]),
			...(t.includes('onder voorwaarden goedgekeurd') ? [] : ['outcome not shown in Dutch']),
			...(t.includes('B&W 2026/123') && t.includes('Reizen in economy class.') ? [] : ['number or conditions missing']),
		];
	});

	await step('the trip takes place on other dates (and a wrong cost line slips in)', async () => {
		await ed.goto(`${base}/beheer/reizen/${id}`);
		await ed.fill('#werkelijk_begin', iso(ACTUAL_START));
		await ed.fill('#werkelijk_eind', iso(ACTUAL_END));
		await ed.fill('#werkelijk_ambtenaren', '2');
		await ed.fill('#werkelijk-kosten-1-categorie', 'Parkeren');
		await ed.fill('#werkelijk-kosten-1-bedrag', '4.500');
		const st = await submit(ed, 'Reis uitgevoerd');
		const t = await main_(ed);
		return [
			...(st === 200 && (await flash(ed)).includes('plaatsgevonden') ? [] : [`status ${st}, flash "${await flash(ed)}"`]),
			...(/dagen te laat/.test(t) ? [] : ['the trip page does not say the report is late']),
		];
	});

	await step('the late report shows on the worklist of /beheer', async () => {
		await ed.goto(`${base}/beheer`);
		const late = ed.locator('section.rr-worklist', { hasText: 'Verslagen die te laat zijn' });
		const t = (await late.count()) ? await late.innerText() : '';
		return t.includes(TITLE) && /dagen te laat/.test(t) ? [] : [`worklist: ${t.slice(0, 300)}`];
	});
	await axe(ed, '/beheer with worklists');
	await step('the secretary sees no waiting decision for it any more', async () => {
		await sec.goto(`${base}/beheer`);
		const w = sec.locator('section.rr-worklist', { hasText: 'wachten op een besluit' });
		return (await w.count()) === 1 && !(await w.innerText()).includes(TITLE);
	});

	await step('the report is filed', async () => {
		await ed.goto(`${base}/beheer/reizen/${id}`);
		await ed.fill('#verslag', '# Verslag\n\nWe bezochten de **waterstofhub** van Osaka.');
		const st = await submit(ed, 'Verslag indienen');
		return st === 200 && (await flash(ed)).includes('Verslag ingediend');
	});

	await step('the trip is published', async () => {
		const st = await submit(ed, 'Publiceren');
		return st === 200 && (await flash(ed)).includes('Reis gepubliceerd') && /Openbaar\s+ja/.test(await main_(ed));
	});

	await step('the wrong cost line is removed in the edit form', async () => {
		await ed.goto(`${base}/beheer/reizen/${id}/bewerken`);
		await axe(ed, '/beheer/reizen/{id}/bewerken');
		await checkLayout(ed, 'gegevens bewerken');
		const rows = ed.locator('fieldset.rr-row', { hasText: 'Kostenpost' });
		let n = 0;
		for (let i = 1; i <= (await rows.count()); i++)
			if ((await ed.inputValue(`#kosten-${i}-categorie`).catch(() => '')) === 'Parkeren')
				n = i;
		if (!n)
			return ['no row "Parkeren"'];
		await ed.check(`#kosten-${n}-weg`);
		const st = await submit(ed, 'Opslaan');
		const t = await ed.locator('main table.rr-facts').first().innerText();
		return [
			...(st === 200 && (await flash(ed)).includes('opgeslagen') ? [] : [`status ${st}`]),
			...(!t.includes('Parkeren') && t.includes('Vliegreis') ? [] : ['Parkeren still there, or the others gone']),
		];
	});

	await step('Enter in a text field of a form with rows saves it (it adds no row)', async () => {
		await ed.goto(`${base}/beheer/reizen/${id}/bewerken`);
		await ed.focus('#titel');
		await Promise.all([ed.waitForNavigation({ waitUntil: 'load' }), ed.keyboard.press('Enter')]);
		return /\?melding=gegevens$/.test(ed.url()) || [`after Enter: ${ed.url()}`];
	});

	await step('the audit page shows the trip\'s changes in Dutch', async () => {
		await ed.goto(`${base}/beheer/audit/trip/${id}`);
		await axe(ed, '/beheer/audit/trip/{id}');
		const t = await main_(ed);
		const want = [
			`Einddatum: ${nl(PLANNED_END, PLANNED_END.getUTCFullYear() !== ACTUAL_END.getUTCFullYear())} → ${nl(ACTUAL_END)}`,
			`Vertrekdatum: ${nl(PLANNED_START, PLANNED_START.getUTCFullYear() !== ACTUAL_START.getUTCFullYear())} → ${nl(ACTUAL_START)}`,
			'Kostenpost toegevoegd: Parkeren, € 4.500 (werkelijk)',
			'Kostenpost verwijderd: Parkeren, € 4.500 (werkelijk)',
			'Besluitnummer: B&W 2026/123',
			'Openbaar: nee → ja',
			'status verslag uitgebracht',
			'e2e-secretaris',
		];
		const problems = want.filter((w) => !t.includes(w)).map((w) => `missing: ${w}`);
		for (const raw of ['"status"', 'planned_end', 'amount_eur', 'user:'])
			if (t.includes(raw))
				problems.push(`raw field text on the page: ${raw}`);
		return problems;
	});

	await step('an anonymous visitor sees the decision on the public trip page', async () => {
		const res = await anon.goto(`${base}/trips/${id}`);
		const t = await main_(anon);
		return [
			...(res && res.status() === 200 ? [] : [`HTTP ${res && res.status()}`]),
			...['onder voorwaarden goedgekeurd', 'B&W 2026/123', 'Reizen in economy class.',
				'Het college stemt in'].filter((w) => !t.includes(w)).map((w) => `missing: ${w}`),
		];
	});

	await step('a draft is deleted, and the deletion is in the audit log', async () => {
		await ed.goto(`${base}/beheer/reizen/nieuw?organisation=gm0034`);
		await ed.fill('#titel', 'Concept dat niet doorgaat');
		await ed.fill('#gepland_begin', iso(days(60)));
		await ed.selectOption('#status', 'draft');
		await submit(ed, 'Opslaan');
		const did = (ed.url().match(/\/beheer\/reizen\/([a-z0-9._-]+)\?/) || [])[1];
		const st = await submit(ed, 'Concept verwijderen');
		const f = await flash(ed);
		await ed.goto(`${base}/beheer/audit/trip/${did}`);
		const t = await main_(ed);
		return [
			...(did && st === 200 && f.includes('verwijderd') ? [] : [`delete: ${did} ${st} "${f}"`]),
			...(t.includes('verwijderd') && t.includes('aangemaakt') ? [] : ['audit lacks the create and delete']),
		];
	});

	for (const [p, name] of [['/beheer/geschenken/nieuw?organisation=gm0034', 'nieuw geschenk'],
		['/beheer/partnerschappen/gm0034-shenzhen', 'partnerschap bewerken'],
		['/beheer/resultaten/nieuw?organisation=gm0034', 'nieuw resultaat']]) {
		await ed.goto(base + p);
		await axe(ed, p);
		await checkLayout(ed, name);
	}

	check(shotsTaken.length >= 14, `screenshots written to build/screenshots (${shotsTaken.length})`);
	await Promise.all([edCtx.close(), secCtx.close(), anonCtx.close()]);
}

main(({ base, browser }) => run(base, browser), {
	prepare(db) {
		addUser(db, EDITOR);
		addUser(db, SECRETARY);
	},
});
