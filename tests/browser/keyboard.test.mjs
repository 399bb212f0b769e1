// keyboard.test.mjs - the search page with the keyboard only: skip link,
// search field, submit, facets (reachable, visibly focused, narrowing the
// results), and no keyboard trap (Tab runs through to the footer, every
// stop with a visible focus indicator).
import { main, newContext, step } from './lib.mjs';

const FACETS = '.rr-facets, nav[aria-label="Verfijnen"]';
const MAX_TABS = 150;

// Describes the focused element in a line.
function describeActive(page) {
	return page.evaluate(() => {
		const e = document.activeElement;
		if (!e || e === document.body)
			return 'body';
		const text = (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 40);
		return `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.getAttribute('href') ? ` href=${e.getAttribute('href')}` : ''}${text ? ` "${text}"` : ''}`;
	});
}

// Remembers the unfocused outline and box-shadow of every focusable element.
function snapshotUnfocused(page) {
	return page.evaluate(() => {
		const look = (e) => {
			const s = getComputedStyle(e);
			return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} | ${s.boxShadow}`;
		};
		globalThis.__rrLook = look;
		globalThis.__rrUnfocused = new Map();
		for (const e of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]'))
			globalThis.__rrUnfocused.set(e, look(e));
	});
}

// The focused element: where it is, whether its focus can be seen.
function focusState(page, facetsSel) {
	return page.evaluate((sel) => {
		const e = document.activeElement;
		if (!e || e === document.body)
			return { none: true };
		const r = e.getBoundingClientRect();
		const focused = globalThis.__rrLook(e);
		const before = globalThis.__rrUnfocused.get(e);
		const s = getComputedStyle(e);
		const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 &&
			!/rgba\([^)]*, 0\)$/.test(s.outlineColor);
		// a box-shadow counts when it has a colour and a non-zero length
		const shadow = s.boxShadow !== 'none' && s.boxShadow.split(/,(?![^(]*\))/).some((sh) =>
			!/rgba\([^)]*, 0\)/.test(sh) &&
			(sh.replace(/rgba?\([^)]*\)/g, '').match(/-?[\d.]+px/g) || []).some((v) => parseFloat(v) !== 0));
		return {
			none: false,
			inFooter: !!e.closest('footer'),
			inFacets: !!e.closest(sel),
			inMain: !!e.closest('main'),
			current: (e.hasAttribute('aria-current') && e.getAttribute('aria-current') !== 'false') || e.checked === true,
			tag: e.tagName.toLowerCase(),
			type: e.type || '',
			sized: r.width > 0 && r.height > 0,
			// visible focus: an outline or a box-shadow, different from the unfocused look
			visible: (outline || shadow) && before !== focused,
			look: focused,
			before: before ?? '(not snapshotted)',
		};
	}, facetsSel);
}

async function tabUntil(page, pred, max = MAX_TABS) {
	for (let i = 1; i <= max; i++) {
		await page.keyboard.press('Tab');
		const st = await focusState(page, FACETS);
		if (pred(st))
			return { st, tabs: i };
	}
	return null;
}

async function resultCount(page) {
	const status = await page.locator('main [role="status"]').first().textContent().catch(() => null);
	const m = status && status.match(/(\d+)/);
	const links = await page.locator('main ol a[href^="/reizen/"], main ul.rr-results a[href^="/reizen/"]').count();
	return { stated: m ? Number(m[1]) : null, links, status: status && status.trim() };
}

await main(async ({ base, browser }) => {
	const ctx = await newContext(browser);
	const page = await ctx.newPage();
	page.setDefaultTimeout(30000);

	await page.goto(`${base}/zoeken`);
	await snapshotUnfocused(page);

	await step('skip link is the first Tab stop and is visible when focused', async () => {
		await page.keyboard.press('Tab');
		const info = await page.evaluate(() => {
			const e = document.activeElement;
			const r = e.getBoundingClientRect();
			return {
				skip: e.tagName === 'A' && (e.getAttribute('href') || '').startsWith('#'),
				href: e.getAttribute('href'), text: e.textContent.trim(),
				onScreen: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && r.top < innerHeight,
			};
		});
		const p = [];
		if (!info.skip)
			p.push(`first Tab stop is ${await describeActive(page)}`);
		else if (!info.onScreen)
			p.push(`skip link "${info.text}" is focused but not visible`);
		return p;
	});

	await step('Enter on the skip link moves focus to main', async () => {
		await page.keyboard.press('Enter');
		await page.waitForTimeout(100);
		const at = await page.evaluate(() => ({
			hash: location.hash,
			main: !!document.activeElement.closest('main') || document.activeElement.tagName === 'MAIN',
		}));
		if (at.main)
			return [];
		// else the next Tab must at least land inside main
		await page.keyboard.press('Tab');
		const st = await focusState(page, FACETS);
		return [`focus after Enter is on ${await describeActive(page)} (hash ${at.hash})${st.inMain ? '; the next Tab does land in main' : ''}`];
	});

	let before = null;
	await step('search field reached by Tab, filled, Enter submits, results appear', async () => {
		await page.goto(`${base}/zoeken`);
		await snapshotUnfocused(page);
		const hit = await tabUntil(page, (st) => st.tag === 'input' && (st.type === 'search' || st.type === 'text'));
		if (!hit)
			return [`no text field reached in ${MAX_TABS} Tabs`];
		await page.keyboard.type('shenzhen');
		await Promise.all([page.waitForURL(/[?&]q=shenzhen/), page.keyboard.press('Enter')]);
		await page.waitForLoadState('load');
		before = await resultCount(page);
		const p = [];
		if (!before.links)
			p.push(`no result links after submitting; status: ${before.status}`);
		if (before.stated !== null && before.stated !== before.links)
			p.push(`status says ${before.stated}, page lists ${before.links}`);
		return p;
	});

	await step('a facet is reached by Tab, has a visible focus, and Enter/Space narrows the results', async () => {
		if (!before)
			return ['no search results to narrow'];
		await snapshotUnfocused(page);
		const url0 = page.url();
		const hit = await tabUntil(page, (st) => st.inFacets && ['a', 'input', 'button', 'select'].includes(st.tag));
		if (!hit)
			return [`no facet control (${FACETS}) reached in ${MAX_TABS} Tabs`];
		const p = [];
		const what = await describeActive(page);
		if (!hit.st.visible)
			p.push(`no visible focus on ${what}: focused "${hit.st.look}", unfocused "${hit.st.before}"`);
		if (hit.st.tag === 'a') {
			await Promise.all([page.waitForURL((u) => u.toString() !== url0), page.keyboard.press('Enter')]);
		} else {
			await page.keyboard.press('Space');
			if (page.url() === url0) { // a checkbox in a form: submit with its button
				const sub = await tabUntil(page, (st) => st.tag === 'button' || st.type === 'submit', 40);
				if (!sub)
					return [...p, `after Space on ${what} no submit button reached`];
				await Promise.all([page.waitForURL((u) => u.toString() !== url0), page.keyboard.press('Enter')]);
			}
		}
		await page.waitForLoadState('load');
		const after = await resultCount(page);
		if (page.url() === url0)
			p.push('the URL did not change');
		if (!after.links)
			p.push(`no results after choosing ${what}; status: ${after.status}`);
		if (after.links > before.links)
			p.push(`results grew from ${before.links} to ${after.links} after ${what}`);
		const info = `facet ${what}: ${before.links} -> ${after.links} results, ${page.url().replace(base, '')}`;
		return { problems: p.length ? [...p, info] : p, info: [info, `focus look: ${hit.st.look} (unfocused: ${hit.st.before})`] };
	});

	await step('the chosen facet can be removed by keyboard, and the results come back', async () => {
		if (!before || !/[?&](organisation|year|country|person|kind|direction|paid_by)=/.test(page.url()))
			return ['no narrowed search to widen again'];
		const url0 = page.url();
		await snapshotUnfocused(page);
		const hit = await tabUntil(page, (st) => st.inFacets && st.current);
		if (!hit)
			return [`no selected facet (a control with aria-current or checked) reached in ${MAX_TABS} Tabs`];
		await Promise.all([page.waitForURL((u) => u.toString() !== url0), page.keyboard.press(hit.st.tag === 'a' ? 'Enter' : 'Space')]);
		await page.waitForLoadState('load');
		const again = await resultCount(page);
		return again.links === before.links ? [] : [`${again.links} results after removing the filter, ${before.links} before choosing it`];
	});

	await step('no keyboard trap: Tab runs through to the footer, every stop visibly focused', async () => {
		await page.goto(`${base}/zoeken?q=shenzhen`);
		await snapshotUnfocused(page);
		const seen = [];
		const problems = [];
		let prev = null;
		let footer = null;
		for (let i = 0; i < MAX_TABS; i++) {
			await page.keyboard.press('Tab');
			const st = await focusState(page, FACETS);
			const d = st.none ? 'body' : await describeActive(page);
			// past the last stop, focus leaves the page or wraps to the first
			if (st.none || (seen.length && d === seen[0])) {
				if (!footer)
					problems.push(`Tab ${i + 1} left the page before the footer (after ${prev})`);
				break;
			}
			if (d === prev)
				problems.push(`focus stuck on ${d}`);
			if (!st.sized)
				problems.push(`focused element has no size: ${d}`);
			if (!st.visible)
				problems.push(`no visible focus on ${d}: focused "${st.look}", unfocused "${st.before}"`);
			seen.push(d);
			prev = d;
			if (st.inFooter)
				footer = d;
		}
		if (!footer)
			problems.push(`footer not reached in ${seen.length} Tabs; last: ${prev}`);
		// and the way back: Shift+Tab from the page's end returns to the last stop
		await page.keyboard.press('Shift+Tab');
		const back = await describeActive(page);
		if (back !== prev)
			problems.push(`Shift+Tab from the end lands on ${back}, not on ${prev}`);
		if (problems.length)
			problems.push(`${seen.length} stops: ${seen.slice(0, 8).join(' | ')} ...`);
		return { problems: [...new Set(problems)], info: [`${seen.length} Tab stops, the last in the footer: ${footer}; then focus leaves the page and Shift+Tab comes back`] };
	});

	await ctx.close();
});
