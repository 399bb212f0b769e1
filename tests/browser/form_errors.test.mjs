// form_errors.test.mjs - every signed-in form, sent with every kind of
// wrong input (missing, not a date, an impossible date, not an amount, a
// negative number, an unknown country, a date in the future, a decision
// before the request, an end before the start, a row half filled in, a
// bad address): the answer is 422, each wrong field has a Dutch message
// right under it (inside its form field, below the field, referenced by
// aria-describedby, the field aria-invalid), the summary at the top links
// to it, the page title starts with "Fout:", what was typed is kept, and
// nothing was written (the export is byte-identical before and after).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
	RR_BIN, newContext, step, check, runAxe, describeViolations, main,
} from './lib.mjs';

const USER = { name: 'e2e-fouten', pw: 'fouten-wachtwoord-1' };
let DB = null;

const iso = (d) => d.toISOString().slice(0, 10);
function days(n) {
	const t = new Date();
	const d = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));
	d.setUTCDate(d.getUTCDate() + n);
	return d;
}

function cli(args, input) {
	const r = spawnSync(RR_BIN, args, { input, encoding: 'utf8', timeout: 60000, maxBuffer: 64 << 20 });
	if (r.status !== 0)
		throw new Error(`${args[0]}: ${r.stderr}`);
	return r.stdout;
}
const exportAll = () => cli(['export', '--db', DB]);

async function submit(page, button) {
	const [res] = await Promise.all([
		page.waitForNavigation({ waitUntil: 'load' }),
		page.click(`button:has-text("${button}")`),
	]);
	return res ? res.status() : 0;
}

// Where the message of each field stands, checked in the page.
function messagesAt(fields) {
	const out = {};
	const summary = document.querySelector('.rr-errors[role="alert"]');
	for (const f of fields) {
		const field = document.getElementById(f);
		const msg = document.getElementById(`${f}-fout`);
		const p = [];
		if (!field)
			p.push('no field');
		if (!msg)
			p.push('no message');
		if (field && msg) {
			const box = field.closest('.utrecht-form-field');
			if (!box || !box.contains(msg))
				p.push('the message is not in the field\'s form field');
			if (msg.getBoundingClientRect().top < field.getBoundingClientRect().bottom - 1)
				p.push('the message is not under the field');
			if (!(field.getAttribute('aria-describedby') || '').split(' ').includes(`${f}-fout`))
				p.push('the field is not described by its message');
			if (field.getAttribute('aria-invalid') !== 'true')
				p.push('the field is not aria-invalid');
		}
		if (!summary || !summary.querySelector(`a[href="#${CSS.escape(f)}"]`))
			p.push('the summary does not link to it');
		out[f] = { problems: p, text: msg ? msg.textContent.trim() : '' };
	}
	return { out, title: document.title };
}

const ENGLISH = /\b(must|required|invalid|is not|not a|field|error|unknown|before|after|cannot)\b/i;
const DUTCH = /\b(vul|kies|is geen|geen|ligt|schrijf|kan|kunt|niet|beschrijf|dag|bedrag|land|datum|horen)\b/i;

// One form case: go to url, fill (fn), press button, expect fields wrong.
async function wrong(page, base, name, url, fill, button, fields, keep) {
	await step(`${name}: 422, a Dutch message under every wrong field, nothing written`, async () => {
		const before = exportAll();
		await page.goto(base + url);
		await fill(page);
		const st = await submit(page, button);
		const { out, title } = await page.evaluate(messagesAt, fields);
		const problems = [];
		if (st !== 422)
			problems.push(`status ${st}`);
		if (!title.startsWith('Fout:'))
			problems.push(`title "${title}"`);
		for (const f of fields) {
			for (const p of out[f].problems)
				problems.push(`${f}: ${p}`);
			if (out[f].text && (ENGLISH.test(out[f].text) || !DUTCH.test(out[f].text)))
				problems.push(`${f}: not a Dutch message: "${out[f].text}"`);
			if (/\([a-z_]+\)/.test(out[f].text))
				problems.push(`${f}: a field name in the message: "${out[f].text}"`);
		}
		for (const [id, v] of Object.entries(keep || {}))
			if ((await page.inputValue(`#${id}`).catch(() => null)) !== v)
				problems.push(`#${id} does not keep what was typed ("${v}")`);
		if (exportAll() !== before)
			problems.push('something was written');
		return { problems, info: fields.map((f) => `${f}: ${out[f] && out[f].text}`) };
	});
}

async function run(base, browser) {
	const ctx = await newContext(browser);
	const page = await ctx.newPage();
	await page.goto(`${base}/inloggen`);
	await page.fill('#naam', USER.name);
	await page.fill('#wachtwoord', USER.pw);
	await Promise.all([page.waitForURL(`${base}/beheer`), page.click('button:has-text("Inloggen")')]);

	await wrong(page, base, 'new request', '/beheer/reizen/nieuw?organisation=gm0034', async (p) => {
		await p.fill('#titel', '');
		await p.fill('#gepland_begin', iso(days(40)));
		await p.fill('#gepland_eind', iso(days(35)));
		await p.fill('#bestemming-1-land', 'Nergensland');
		await p.fill('#bestemming-1-stad', 'Nergensstad');
		await p.fill('#reiziger-1-rol', 'wethouder');
		await p.evaluate(() => { document.getElementById('ambtenaren').type = 'text'; });
		await p.fill('#ambtenaren', '-1');
		await p.fill('#kosten-1-categorie', 'Hotel');
		await p.fill('#kosten-1-bedrag', '12,3x');
		await p.fill('#kosten-2-bedrag', '100');
		await p.selectOption('#kosten-2-betaler', 'ander');
	}, 'Opslaan', ['titel', 'gepland_eind', 'bestemming-1-land', 'reiziger-1-naam', 'ambtenaren',
		'kosten-1-bedrag', 'kosten-2-categorie', 'kosten-2-partij'],
	{ 'bestemming-1-stad': 'Nergensstad', 'kosten-1-bedrag': '12,3x' });

	await wrong(page, base, 'new request with impossible dates', '/beheer/reizen/nieuw?organisation=gm0034',
		async (p) => {
			await p.fill('#titel', 'Datums');
			await p.evaluate(() => {
				for (const id of ['gepland_begin', 'aanvraagdatum'])
					document.getElementById(id).type = 'text';
			});
			await p.fill('#gepland_begin', '31 februari 2027');
			await p.fill('#aanvraagdatum', iso(days(3)));
		}, 'Opslaan', ['gepland_begin', 'aanvraagdatum']);

	await wrong(page, base, 'decision: none chosen, no date, a bad document address',
		'/beheer/reizen/e2e-wacht', async (p) => {
			await p.fill('#datum_besluit', '');
			await p.fill('#besluitdocument', 'ftp://almere.nl/besluit');
		}, 'Besluit vastleggen', ['uitkomst', 'datum_besluit', 'besluitdocument']);
	await wrong(page, base, 'decision conform with conditions', '/beheer/reizen/e2e-wacht', async (p) => {
		await p.selectOption('#uitkomst', 'approved');
		await p.fill('#datum_besluit', iso(days(-5)));
		await p.fill('#voorwaarden', 'Economy class.');
	}, 'Besluit vastleggen', ['voorwaarden'], { voorwaarden: 'Economy class.' });
	await wrong(page, base, 'decision before the request', '/beheer/reizen/e2e-wacht', async (p) => {
		await p.selectOption('#uitkomst', 'approved');
		await p.fill('#datum_besluit', iso(days(-30)));
	}, 'Besluit vastleggen', ['datum_besluit']);
	await wrong(page, base, 'decision in the future', '/beheer/reizen/e2e-wacht', async (p) => {
		await p.selectOption('#uitkomst', 'rejected');
		await p.fill('#datum_besluit', iso(days(2)));
	}, 'Besluit vastleggen', ['datum_besluit']);
	await wrong(page, base, 'coordination without a date', '/beheer/reizen/e2e-wacht', async (p) => {
		await p.fill('#datum_afstemming', '');
	}, 'Afstemming vastleggen', ['datum_afstemming']);

	await wrong(page, base, 'took place before it ended', '/beheer/reizen/e2e-toekomst', async (p) => {
		await p.evaluate(() => { document.getElementById('werkelijk_ambtenaren').type = 'text'; });
		await p.fill('#werkelijk_ambtenaren', 'twee');
	}, 'Reis uitgevoerd', ['werkelijk_ambtenaren']);
	await wrong(page, base, 'took place: the trip has not ended yet', '/beheer/reizen/e2e-toekomst', async () => {},
		'Reis uitgevoerd', ['werkelijk_eind']);
	await wrong(page, base, 'took place: end before start, a cost without amount format',
		'/beheer/reizen/e2e-toekomst', async (p) => {
			await p.fill('#werkelijk_begin', iso(days(-10)));
			await p.fill('#werkelijk_eind', iso(days(-12)));
			await p.fill('#werkelijk-kosten-1-categorie', 'Taxi');
			await p.fill('#werkelijk-kosten-1-bedrag', 'veel');
		}, 'Reis uitgevoerd', ['werkelijk-kosten-1-bedrag']);
	await wrong(page, base, 'report: empty, dated in the future', '/beheer/reizen/e2e-toekomst', async (p) => {
		await p.fill('#datum_verslag', iso(days(5)));
	}, 'Verslag indienen', ['verslag']);
	await wrong(page, base, 'report dated in the future', '/beheer/reizen/e2e-toekomst', async (p) => {
		await p.fill('#verslag', 'Verslag.');
		await p.fill('#datum_verslag', iso(days(5)));
	}, 'Verslag indienen', ['datum_verslag']);
	await wrong(page, base, 'cancelling without a reason', '/beheer/reizen/e2e-toekomst', async () => {},
		'Reis afgelasten', ['reden']);

	await wrong(page, base, 'correcting a trip', '/beheer/reizen/e2e-wacht/bewerken', async (p) => {
		await p.fill('#titel', '');
		await p.fill('#kosten-1-bedrag', '-5');
	}, 'Opslaan', ['titel', 'kosten-1-bedrag']);

	await wrong(page, base, 'gift', '/beheer/geschenken/nieuw?organisation=gm0034', async (p) => {
		await p.evaluate(() => { document.getElementById('datum').type = 'text'; });
		await p.fill('#datum', '32-13-2025');
		await p.fill('#waarde', 'veel');
	}, 'Opslaan', ['omschrijving', 'datum', 'waarde'], { waarde: 'veel' });

	await wrong(page, base, 'partnership', '/beheer/partnerschappen/nieuw?organisation=gm0034', async (p) => {
		await p.fill('#land', 'Atlantis');
		await p.fill('#sinds', 'ooit');
	}, 'Opslaan', ['partner', 'land', 'sinds'], { land: 'Atlantis' });
	await wrong(page, base, 'life event', '/beheer/partnerschappen/gm0034-shenzhen', async (p) => {
		await p.selectOption('#soort', 'upgraded');
	}, 'Gebeurtenis toevoegen', ['datum', 'vorm']);

	await wrong(page, base, 'result', '/beheer/resultaten/nieuw?organisation=gm0034', async (p) => {
		await p.evaluate(() => { document.getElementById('banen').type = 'text'; });
		await p.fill('#bedrag', '-5');
		await p.fill('#banen', 'drie');
	}, 'Opslaan', ['titel', 'bedrag', 'banen']);
	await wrong(page, base, 'follow-up action', '/beheer/resultaten/gm0034-2016-zusterstedenovereenkomst', async (p) => {
		await p.evaluate(() => { document.getElementById('uiterlijk').type = 'text'; });
		await p.fill('#uiterlijk', '30 februari 2024');
	}, 'Vervolgactie toevoegen', ['actie', 'uiterlijk']);

	await wrong(page, base, 'budget year', '/beheer/organisaties/gm0034/budget', async (p) => {
		await p.evaluate(() => { document.getElementById('jaar').type = 'text'; });
		await p.fill('#jaar', 'twintig');
		await p.fill('#budget', '-10');
		await p.fill('#fte', 'veel');
	}, 'Jaar opslaan', ['jaar', 'budget', 'fte']);
	await wrong(page, base, 'settings', '/beheer/organisaties/gm0034/budget', async (p) => {
		await p.evaluate(() => { document.getElementById('verslagtermijn').type = 'text'; });
		await p.fill('#verslagtermijn', '0');
		await p.fill('#drempel', 'vijftig');
	}, 'Instellingen opslaan', ['verslagtermijn', 'drempel']);

	await wrong(page, base, 'inviting a user', '/beheer/organisaties/gm0034/gebruikers', async (p) => {
		await p.fill('#nieuwe_naam', 'Anna Jansen!');
	}, 'Uitnodiging maken', ['nieuwe_naam']);

	await step('axe: no WCAG A/AA violations on a refused form with its summary and messages', async () => {
		await page.goto(`${base}/beheer/reizen/nieuw?organisation=gm0034`);
		await submit(page, 'Opslaan');
		return describeViolations((await runAxe(page)).violations);
	});
	await ctx.close();
}

main(({ base, browser }) => run(base, browser), {
	prepare(db) {
		DB = db;
		cli(['user', 'add', USER.name, '--db', db, '--organisation', 'gm0034', '--role', 'redacteur',
			'--password-stdin'], `${USER.pw}\n`);
		for (const role of ['secretaris', 'beheerder'])
			cli(['user', 'grant', USER.name, '--db', db, '--organisation', 'gm0034', '--role', role]);
		const trips = {
			trips: [
				{ id: 'e2e-wacht', organisation: 'gm0034', title: 'Wacht op besluit', direction: 'out',
					status: 'requested', requested: iso(days(-20)), planned_start: iso(days(30)),
					planned_end: iso(days(33)), destinations: [{ country: 'JP', city: 'Osaka' }],
					costs: [{ category: 'Vliegreis', amount_eur: 1200, kind: 'estimate', paid_by: 'gm0034' }] },
				{ id: 'e2e-toekomst', organisation: 'gm0034', title: 'Nog niet gereisd', direction: 'out',
					status: 'approved', requested: iso(days(-20)), planned_start: iso(days(30)),
					planned_end: iso(days(33)),
					decision: { outcome: 'approved', date: iso(days(-10)) } },
			],
		};
		const f = path.join(path.dirname(db), 'e2e.json');
		fs.writeFileSync(f, JSON.stringify(trips));
		cli(['load', '--db', db, f]);
		check(true, 'a register with a request waiting and an approved trip ahead');
	},
});
