// forms.test.mjs - the signed-in forms of partnerships, results and budgets
// in Debian chromium: a beheerder who is also redacteur creates a
// partnership and a result with a follow-up through the forms, and axe finds
// no WCAG A/AA violations on the three new form pages (and the refused form
// with its error summary). Server and browser are stopped by PID (lib.mjs).
import { spawnSync } from 'node:child_process';
import {
	RR_BIN, newContext, step, check, summary, runAxe, describeViolations, main,
} from './lib.mjs';

const USER = { name: 'e2e-beheer', pw: 'beheer-wachtwoord-1' };

function grant(db, role, add) {
	const args = add ? ['user', 'add', USER.name, '--db', db, '--organisation', 'gm0034', '--role', role,
		'--password-stdin'] : ['user', 'grant', USER.name, '--db', db, '--organisation', 'gm0034', '--role', role];
	const r = spawnSync(RR_BIN, args, { input: `${USER.pw}\n`, encoding: 'utf8', timeout: 60000 });
	if (r.status !== 0)
		throw new Error(`${args.slice(0, 2).join(' ')}: ${r.stderr}`);
}

async function submit(page, button) {
	const [res] = await Promise.all([
		page.waitForNavigation({ waitUntil: 'load' }),
		page.click(`button:has-text("${button}")`),
	]);
	return res ? res.status() : 0;
}

async function axeOn(page, url, name) {
	await step(`axe: no WCAG A/AA violations on ${name}`, async () => {
		if (url)
			await page.goto(url);
		const r = await runAxe(page);
		return describeViolations(r.violations);
	});
}

async function run(base, browser) {
	const ctx = await newContext(browser);
	const page = await ctx.newPage();
	await page.goto(`${base}/inloggen`);
	await page.fill('#naam', USER.name);
	await page.fill('#wachtwoord', USER.pw);
	await Promise.all([page.waitForURL(`${base}/beheer`), page.click('button:has-text("Inloggen")')]);

	await page.goto(`${base}/beheer/partnerschappen/nieuw?organisation=gm0034`);
	await axeOn(page, null, '/beheer/partnerschappen/nieuw');
	await page.fill('#partner', 'Gemeente Lyon');
	await page.fill('#land', 'Frankrijk');
	await page.check('#thema-culture_tourism');
	check(await submit(page, 'Opslaan') === 200 && new URL(page.url()).pathname.endsWith('/beheer/partnerschappen/gm0034-gemeente-lyon'),
		'a partnership is created through the form', page.url());
	await axeOn(page, null, '/beheer/partnerschappen/{id}');

	await page.goto(`${base}/beheer/resultaten/nieuw?organisation=gm0034&partnership=gm0034-gemeente-lyon`);
	await axeOn(page, null, '/beheer/resultaten/nieuw');
	await page.fill('#titel', 'Tentoonstelling in Lyon');
	await page.selectOption('#type', 'exhibition');
	await page.fill('#bedrag', '-5');
	check(await submit(page, 'Opslaan') === 422, 'a negative amount is refused with 422');
	await axeOn(page, null, 'the refused result form (error summary)');
	await page.fill('#bedrag', '1.500,00');
	check(await submit(page, 'Opslaan') === 200 && /\/beheer\/resultaten\/gm0034-tentoonstelling-in-lyon$/.test(new URL(page.url()).pathname),
		'a result is created through the form', page.url());
	await page.fill('#actie', 'Catalogus versturen');
	await page.fill('#uiterlijk', '2020-01-01');
	check(await submit(page, 'Vervolgactie toevoegen') === 200 &&
		(await page.locator('main').innerText()).includes('te laat'),
		'a follow-up is added and shown late');
	await axeOn(page, null, '/beheer/resultaten/{id} with a follow-up');
	await axeOn(page, `${base}/beheer/organisaties/gm0034/budget`, '/beheer/organisaties/gm0034/budget');
	await axeOn(page, `${base}/beheer`, '/beheer with partnerships and results');
	await ctx.close();
}

main(({ base, browser }) => run(base, browser), {
	prepare(db) {
		grant(db, 'redacteur', true);
		grant(db, 'beheerder', false);
	},
});
