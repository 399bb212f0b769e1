// smoke.test.mjs - the "done when", as a newcomer sees it: from the
// home page to Almere's 2023 register, by clicking. The three trips with
// their costs, then the Osaka/Tokio trip with planned (13-19 May) next to
// actual (15-19 May). No console errors, no failed requests, the CSP header
// on every page (this test never bypasses the CSP). Screenshots go to
// build/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import { main, newContext, step, check, ROOT } from './lib.mjs';

const SHOTS = path.join(ROOT, 'build', 'screenshots');

await main(async ({ base, browser }) => {
	fs.mkdirSync(SHOTS, { recursive: true });
	const ctx = await newContext(browser); // no bypassCSP, on purpose
	const page = await ctx.newPage();
	page.setDefaultTimeout(30000);

	const trouble = [];
	const documents = [];
	page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') trouble.push(`console ${m.type()}: ${m.text()}`); });
	page.on('pageerror', (e) => trouble.push(`page error: ${e.message}`));
	page.on('requestfailed', (r) => trouble.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
	page.on('response', (r) => {
		if (r.status() >= 400)
			trouble.push(`HTTP ${r.status()}: ${r.url()}`);
		if (r.request().isNavigationRequest() && r.request().frame() === page.mainFrame())
			documents.push({ url: r.url().replace(base, ''), csp: r.headers()['content-security-policy'] });
	});

	await step('a newcomer clicks from the home page to Almere and its 2023 register', async () => {
		await page.goto(`${base}/`);
		await Promise.all([page.waitForURL(/\/o\/gm0034$/), page.getByRole('link', { name: /Almere/ }).first().click()]);
		await Promise.all([page.waitForURL(/\/o\/gm0034\/2023$/), page.locator('main a[href="/o/gm0034/2023"]').first().click()]);
		const h1 = (await page.locator('main h1').textContent()).trim();
		return /2023/.test(h1) ? [] : [`heading is "${h1}"`];
	});

	await step('the 2023 register shows the three trips: Helsinki, Osaka/Tokio, Madrid', async () => {
		const main = page.locator('main');
		const text = await main.innerText();
		const p = ['Helsinki', 'Osaka', 'Tokio', 'Madrid'].filter((w) => !text.includes(w)).map((w) => `"${w}" not on the page`);
		const entries = await main.locator('h2').allInnerTexts();
		const trips = entries.filter((h) => /Helsinki|Osaka|Madrid/.test(h));
		if (trips.length !== 3)
			p.push(`trip headings: ${JSON.stringify(entries)}`);
		return p;
	});

	await step('the register shows costs in Dutch notation (€ 10.900) and who pays', async () => {
		const text = (await page.locator('main').innerText()).replace(/\u00a0/g, ' ');
		const p = [];
		if (!text.includes('€ 10.900'))
			p.push(`no "€ 10.900"; amounts seen: ${(text.match(/€ ?[\d.,]+/g) || []).slice(0, 6).join(', ')}`);
		if (!/betaald door/i.test(text))
			p.push('no "betaald door"');
		return p;
	});
	await page.screenshot({ path: path.join(SHOTS, 'almere-2023.png'), fullPage: true });

	await step('Osaka/Tokio: planned 13-19 May next to actual 15-19 May', async () => {
		await Promise.all([
			page.waitForURL(/\/reizen\/gm0034-2023-osaka-tokio/),
			page.locator('main a[href^="/reizen/gm0034-2023-osaka-tokio"]').first().click(),
		]);
		const row = page.locator('main tr', { has: page.locator('th', { hasText: /^\s*Data\s*$/ }) }).first();
		const cells = (await row.locator('td').allInnerTexts()).map((s) => s.trim());
		const p = [];
		if (cells[0] !== '13 t/m 19 mei 2023')
			p.push(`planned dates cell: "${cells[0]}"`);
		if (cells[1] !== '15 t/m 19 mei 2023')
			p.push(`actual dates cell: "${cells[1]}"`);
		const heads = (await row.locator('xpath=ancestor::table[1]//thead//th').allInnerTexts()).map((s) => s.trim());
		if (!heads.some((h) => /gepland/i.test(h)) || !heads.some((h) => /werkelijk/i.test(h)))
			p.push(`column headings: ${JSON.stringify(heads)}`);
		return p;
	});
	await page.screenshot({ path: path.join(SHOTS, 'osaka-tokio.png'), fullPage: true });

	await step('the stylesheet is applied (NL Design System CSS loaded)', async () => {
		const s = await page.evaluate(() => ({
			sheets: [...document.styleSheets].filter((x) => { try { return x.cssRules.length > 0; } catch { return false; } }).length,
			font: getComputedStyle(document.body).fontFamily,
		}));
		return s.sheets > 0 ? [] : [`no stylesheet with rules; body font ${s.font}`];
	});

	check(documents.length >= 4 && documents.every((d) => d.csp && /script-src 'none'/.test(d.csp) && /default-src 'self'/.test(d.csp)),
		'every page came with the Content-Security-Policy header',
		documents.map((d) => `${d.url}: ${d.csp ?? '(none)'}`));
	check(trouble.length === 0, 'no console errors or warnings, no failed requests, no 4xx/5xx',
		[...new Set(trouble)].slice(0, 20));

	// the same register on a phone, for the eye
	const phone = await newContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	const pp = await phone.newPage();
	await pp.goto(`${base}/o/gm0034/2023`);
	await pp.screenshot({ path: path.join(SHOTS, 'almere-2023-390px.png'), fullPage: true });
	await phone.close();
	await ctx.close();
	check(['almere-2023.png', 'osaka-tokio.png', 'almere-2023-390px.png'].every((f) => fs.statSync(path.join(SHOTS, f)).size > 10000),
		'screenshots saved in build/screenshots/');
});
