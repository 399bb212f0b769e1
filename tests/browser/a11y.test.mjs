// a11y.test.mjs - axe-core (WCAG 2.0/2.1 A and AA rules) on every page type
// of the public site, in Debian chromium; zero violations wanted. One line
// per page; a failure lists each rule, its impact, its help text and the
// first three elements. Also two pages at a 390 px wide viewport, where the
// page itself must not scroll sideways (WCAG 1.4.10 reflow).
//
// axe is injected with page.evaluate (over CDP, outside the page's CSP), so
// pages are checked exactly as visitors get them, CSP included.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { main, newContext, runAxe, describeViolations, step, check, RR_BIN, ROOT } from './lib.mjs';

const PAGES = [
	{ name: 'home', path: '/' },
	{ name: 'body (gemeente)', path: '/o/gm0034' },
	{ name: 'body (provincie)', path: '/o/pv26' },
	{ name: 'year register', path: '/o/gm0034/2023' },
	{ name: 'trip with planned vs actual', path: '/reizen/gm0034-2023-osaka-tokio', has: 'text=Aanvraag (gepland)' },
	{ name: 'trip with a report and results', path: '/reizen/gm0034-2016-shenzhen', has: '#verslag' },
	{ name: 'trip without a report', path: '/reizen/gm0034-2016-japan' },
	{ name: 'person', path: null /* found on the Osaka/Tokio trip page */ },
	{ name: 'country', path: '/landen/JP' },
	{ name: 'search with results and facets', path: '/zoeken?q=shenzhen', has: '.rr-facets a' },
	{ name: 'search narrowed by a facet', path: '/zoeken?q=shenzhen&year=2016' },
	{ name: 'search form, empty query', path: '/zoeken?q=' },
	{ name: 'search without results', path: '/zoeken?q=zzzz' },
	{ name: 'gifts register', path: '/o/gm0034/geschenken' },
	{ name: 'overdue reports', path: '/o/gm0034/te-laat' },
	{ name: 'partnership', path: '/partnerschappen/gm0034-shenzhen' },
	{ name: 'partnership with wider figures and evidence', path: '/partnerschappen/pv99-proefstad', has: '.rr-evidence-link' },
	{ name: 'result', path: '/resultaten/gm0034-2014-mou-tno-edba-zte-health' },
	{ name: 'result with evidence', path: '/resultaten/pv99-investeringen-proefstad', has: '.rr-evidence-link' },
	{ name: 'source document with marked spans', path: '/documenten/proef-evaluatie', has: 'mark.rr-evidence' },
	{ name: 'source document without text', path: '/documenten/gm0034-register-2023' },
	{ name: 'trip with a report from a later letter', path: '/reizen/pv99-2017-missie', has: '.rr-evidence-link' },
	{ name: 'year register with totals', path: '/o/pv99/2017', has: '#totalen' },
	{ name: 'search by filters only', path: '/zoeken?third_party=1' },
	{ name: 'comparison of bodies', path: '/vergelijking' },
	{ name: 'comparison over a period', path: '/vergelijking?van=2014&tot=2016' },
	{ name: 'accessibility statement', path: '/toegankelijkheid' },
	{ name: 'open data', path: '/open-data' },
	{ name: 'login form', path: '/inloggen', has: 'form input[type="password"]' },
	{ name: 'not found', path: '/bestaat-niet', status: 404 },
];

const NARROW = ['/o/gm0034/2023', '/reizen/gm0034-2023-osaka-tokio', '/documenten/proef-evaluatie'];

// The hand-made register of the HTTP tests adds documents with their text
// and marked spans, a wider figure and a report from a later letter.
function prepare(db) {
	const fixture = path.join(ROOT, 'tests', 'http', 'fixtures', 'public.json');
	const r = spawnSync(RR_BIN, ['load', '--db', db, fixture], { encoding: 'utf8', timeout: 60000 });
	if (r.status !== 0)
		throw new Error(`loading ${fixture} failed: ${r.stderr}`);
}

// open(page, base, path, status): goes there; returns the problems found.
async function open(page, base, p, status = 200) {
	const res = await page.goto(base + p, { waitUntil: 'load' });
	const problems = [];
	if (!res || res.status() !== status)
		problems.push(`HTTP ${res ? res.status() : 'no response'}, wanted ${status}`);
	if (await page.locator('main h1').count() !== 1)
		problems.push('no single h1 inside main: is this the page?');
	return problems;
}

async function axePage(page, base, name, p, opts = {}) {
	await step(`axe: ${name} (${p})`, async () => {
		const problems = await open(page, base, p, opts.status);
		if (opts.has) { // a locator that must match: the page shows what it is for
			if (await page.locator(opts.has).count() === 0)
				problems.push(`expected content missing: ${opts.has}`);
		}
		const r = await runAxe(page);
		problems.push(...describeViolations(r.violations));
		if (r.incomplete.length && process.env.RR_AXE_VERBOSE)
			problems.push(`needs review: ${r.incomplete.join(', ')}`);
		return problems;
	});
}

await main(async ({ base, browser }) => {
	const ctx = await newContext(browser);
	const page = await ctx.newPage();
	page.setDefaultTimeout(30000);

	// the person page: the first person linked from a trip page
	await page.goto(`${base}/reizen/gm0034-2023-osaka-tokio`);
	const personHref = await page.locator('main a[href^="/personen/"]').first().getAttribute('href').catch(() => null);
	check(personHref, 'the Osaka/Tokio trip page links a person', 'no a[href^="/personen/"] inside main');

	for (const pg of PAGES) {
		const p = pg.path ?? personHref ?? '/personen/veeningen';
		await axePage(page, base, pg.name, p, pg);
	}

	// axe itself works: a planted image without alt and an empty button are found
	await step('axe finds planted violations (image-alt, button-name)', async () => {
		await open(page, base, '/toegankelijkheid');
		await page.evaluate(() => {
			const m = document.querySelector('main');
			const img = document.createElement('img');
			img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
			m.append(img, document.createElement('button'));
		});
		const ids = (await runAxe(page)).violations.map((v) => v.id);
		return ['image-alt', 'button-name'].filter((id) => !ids.includes(id))
			.map((id) => `axe did not report ${id}; it reported: ${ids.join(', ') || 'nothing'}`);
	});
	await ctx.close();

	const narrow = await newContext(browser, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
	const np = await narrow.newPage();
	for (const p of NARROW) {
		await axePage(np, base, 'narrow 390 px', p);
		await step(`reflow: ${p} does not scroll sideways at 390 px`, async () => {
			const w = await np.evaluate(() => ({
				scroll: document.documentElement.scrollWidth, inner: window.innerWidth,
			}));
			return w.scroll <= w.inner + 1 ? [] : [`page is ${w.scroll} px wide in a ${w.inner} px viewport`];
		});
	}
	await narrow.close();
}, { prepare });
