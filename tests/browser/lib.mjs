// lib.mjs - shared helpers of the browser tests.
//
// Each test file builds a fresh register from examples/*.json, starts
// `reisregister serve` on a free loopback port, drives Debian's chromium
// through playwright-core and prints TAP-like lines:
//   ok - NAME
//   not ok - NAME
//   # detail
// tests/run.sh counts the lines that start with "ok " and "not ok ".
//
// The binary is $RR_BIN (tests/run.sh sets the ASan build), else
// build/asan/reisregister. The server and the browser are stopped in a
// finally block, on SIGINT/SIGTERM, on process exit, and by a watchdog
// when a test file runs longer than RR_BROWSER_TIMEOUT seconds (170).

import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RR_BIN = process.env.RR_BIN || path.join(ROOT, 'build/asan/reisregister');
export const CHROMIUM = process.env.RR_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_S = Number(process.env.RR_BROWSER_TIMEOUT || 170);

// ---------------------------------------------------------------- TAP

let passed = 0;
let failed = 0;

function details(lines) {
	for (const l of lines.flat()) {
		for (const s of String(l).split('\n'))
			process.stdout.write(`# ${s}\n`);
	}
}

export function ok(name, ...info) {
	passed++;
	process.stdout.write(`ok - ${name}\n`);
	details(info);
}

export function notOk(name, ...info) {
	failed++;
	process.stdout.write(`not ok - ${name}\n`);
	details(info);
}

// check(cond, name, ...info): ok or not ok; returns cond.
export function check(cond, name, ...info) {
	if (cond)
		ok(name);
	else
		notOk(name, ...info);
	return !!cond;
}

// step(name, fn): runs fn; a thrown error becomes "not ok - name".
// fn returns nothing (it printed its own line), or true/false, or a list of
// problems (empty = ok), or { problems, info } (info: detail lines after ok).
export async function step(name, fn) {
	try {
		const r = await fn();
		if (r === undefined)
			return true;
		if (Array.isArray(r))
			return check(r.length === 0, name, r);
		if (r && typeof r === 'object' && Array.isArray(r.problems)) {
			if (r.problems.length)
				return check(false, name, r.problems);
			ok(name, r.info ?? []);
			return true;
		}
		return check(r, name);
	} catch (e) {
		notOk(name, `error: ${e && e.message ? e.message.split('\n').slice(0, 6).join('\n') : e}`);
		return false;
	}
}

export function summary() {
	process.stdout.write(`# ${passed} passed, ${failed} failed\n`);
	return failed;
}

// ---------------------------------------------------------------- cleanup

const cleanups = new Set();

function runCleanupsSync() {
	for (const c of cleanups) {
		try { c.sync(); } catch { /* exiting anyway */ }
	}
	cleanups.clear();
}

process.on('exit', runCleanupsSync);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(sig, () => {
		notOk(`interrupted by ${sig}`);
		runCleanupsSync();
		process.exit(1);
	});
}

// ---------------------------------------------------------------- database

// makeDb(): a fresh SQLite register in a temp dir, loaded with examples/*.json.
// Returns { dir, db }.
export function makeDb() {
	if (!fs.existsSync(RR_BIN))
		throw new Error(`${RR_BIN} does not exist (set RR_BIN or build build/asan/reisregister)`);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rr-browser-'));
	const db = path.join(dir, 'r.db');
	const examples = fs.readdirSync(path.join(ROOT, 'examples'))
		.filter((f) => f.endsWith('.json')).sort()
		.map((f) => path.join(ROOT, 'examples', f));
	for (const args of [['init', '--db', db], ['load', '--db', db, ...examples]]) {
		const r = spawnSync(RR_BIN, args, { encoding: 'utf8', timeout: 60000 });
		if (r.status !== 0)
			throw new Error(`reisregister ${args[0]} failed (${r.status ?? r.signal}): ${r.stderr}`);
	}
	return { dir, db };
}

// ---------------------------------------------------------------- server

function freePort() {
	return new Promise((resolve, reject) => {
		const s = net.createServer();
		s.unref();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address();
			s.close(() => resolve(port));
		});
	});
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function answers(base) {
	try {
		const r = await fetch(`${base}/toegankelijkheid`, { signal: AbortSignal.timeout(2000) });
		await r.arrayBuffer();
		return r.status > 0;
	} catch {
		return false;
	}
}

// startServer(db, dir): starts reisregister serve; resolves to
// { base, pid, log(), stop() } once it answers. stop() ends it by its PID.
export async function startServer(db, dir) {
	let lastErr = '';
	for (let attempt = 0; attempt < 5; attempt++) {
		const port = await freePort();
		const logPath = path.join(dir, `server-${port}.log`);
		const logFd = fs.openSync(logPath, 'w');
		const child = spawn(RR_BIN, ['serve', '--db', db, '--listen', `127.0.0.1:${port}`, '--threads', '2'], {
			stdio: ['ignore', logFd, logFd],
			env: {
				...process.env,
				ASAN_OPTIONS: process.env.ASAN_OPTIONS || 'detect_leaks=1:abort_on_error=0',
				UBSAN_OPTIONS: process.env.UBSAN_OPTIONS || 'print_stacktrace=1:halt_on_error=1',
			},
		});
		fs.closeSync(logFd);
		let exited = null;
		const done = new Promise((r) => child.on('exit', (code, sig) => { exited = { code, sig }; r(); }));
		const entry = {
			sync() { if (!exited) { try { process.kill(child.pid, 'SIGKILL'); } catch { /* gone */ } } },
		};
		cleanups.add(entry);
		const base = `http://127.0.0.1:${port}`;
		const deadline = Date.now() + 30000;
		while (!exited && Date.now() < deadline && !(await answers(base)))
			await sleep(100);
		const server = {
			base,
			pid: child.pid,
			log: () => { try { return fs.readFileSync(logPath, 'utf8'); } catch { return ''; } },
			// stop(): SIGTERM by PID, SIGKILL after 10 s; resolves to the exit.
			async stop() {
				if (!exited) {
					try { process.kill(child.pid, 'SIGTERM'); } catch { /* gone */ }
					const t = setTimeout(() => { try { process.kill(child.pid, 'SIGKILL'); } catch { /* gone */ } }, 10000);
					await done;
					clearTimeout(t);
				}
				cleanups.delete(entry);
				return exited;
			},
		};
		if (!exited && (await answers(base)))
			return server;
		lastErr = server.log();
		await server.stop();
	}
	throw new Error(`the server did not start; log:\n${lastErr.slice(-2000)}`);
}

// sanitizerReport(log): the first lines of an ASan/UBSan/LSan report, or ''.
export function sanitizerReport(log) {
	const m = log.match(/(ERROR: (Address|Leak)Sanitizer|runtime error:|SUMMARY: \w+Sanitizer)[\s\S]{0,1500}/);
	return m ? m[0] : '';
}

// ---------------------------------------------------------------- browser

export const CHROMIUM_ARGS = [
	'--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
	'--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// childPids(re): PIDs of this process's direct children whose command name
// matches re (the browser that playwright just started).
function childPids(re) {
	const out = [];
	for (const d of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(d))
			continue;
		try {
			const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
			const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			if (ppid === process.pid && re.test(comm))
				out.push(Number(d));
		} catch { /* raced with an exit */ }
	}
	return out;
}

// launchBrowser(): Debian chromium; playwright gives it a fresh temporary
// user-data-dir and removes it on close. Resolves to the Browser; close()
// ends it, and the process is killed by PID if that does not happen.
export async function launchBrowser() {
	const { chromium } = require('playwright-core');
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_ARGS,
		timeout: 60000,
	});
	const pids = childPids(/chrom/);
	const entry = {
		sync() {
			for (const pid of pids) {
				// playwright starts chromium as a process-group leader
				try { process.kill(-pid, 'SIGKILL'); } catch { /* gone */ }
				try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
			}
		},
	};
	cleanups.add(entry);
	const close = browser.close.bind(browser);
	browser.close = async () => {
		try {
			await Promise.race([close(), sleep(15000)]);
		} finally {
			entry.sync();
			cleanups.delete(entry);
		}
	};
	return browser;
}

// newContext(browser, opts): a Dutch desktop context; pass bypassCSP only
// where axe is injected, never where the CSP is checked.
export function newContext(browser, opts = {}) {
	return browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 }, ...opts });
}

// ---------------------------------------------------------------- environment

// withSite(fn, {prepare}): db + server + browser around fn({base, browser,
// server}); prepare(db), if given, runs on the fresh database before the
// server starts (to add users). Everything is stopped afterwards, whatever happens. Prints a
// final line for the server's own health (exit status, sanitizer report).
// Returns the process exit code to use.
export async function withSite(fn, opts = {}) {
	const watchdog = setTimeout(() => {
		notOk(`finished within ${TIMEOUT_S} s`, 'watchdog: stopping the server and the browser');
		runCleanupsSync();
		process.exit(1);
	}, TIMEOUT_S * 1000);
	let dir = null;
	let server = null;
	let browser = null;
	try {
		const made = makeDb();
		dir = made.dir;
		const tmpEntry = { sync() { fs.rmSync(made.dir, { recursive: true, force: true }); } };
		cleanups.add(tmpEntry);
		if (opts.prepare)
			await opts.prepare(made.db);
		server = await startServer(made.db, dir);
		browser = await launchBrowser();
		await fn({ base: server.base, browser, server });
	} catch (e) {
		notOk('test environment', `error: ${e && e.stack ? e.stack.split('\n').slice(0, 8).join('\n') : e}`);
	} finally {
		if (browser)
			await browser.close().catch(() => {});
		if (server) {
			const exit = await server.stop();
			const san = sanitizerReport(server.log());
			check(!san && exit && (exit.code === 0 || exit.sig === 'SIGTERM'),
				'server ran clean and stopped on SIGTERM',
				`exit: ${JSON.stringify(exit)}`, san);
		}
		if (dir)
			fs.rmSync(dir, { recursive: true, force: true });
		clearTimeout(watchdog);
	}
	return summary() ? 1 : 0;
}

// ---------------------------------------------------------------- axe

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
let axeSource = null;

// runAxe(page): injects axe-core (page.evaluate runs over CDP, which the
// page's CSP does not govern) and runs the WCAG 2.1 A/AA rules. Resolves to
// { violations: [{id, impact, help, targets, count}], incomplete: [ids] }.
export async function runAxe(page) {
	if (!axeSource)
		axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
	await page.evaluate(axeSource);
	return page.evaluate(async (tags) => {
		const r = await globalThis.axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations', 'incomplete'],
		});
		return {
			violations: r.violations.map((v) => ({
				id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
				targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
			})),
			incomplete: r.incomplete.map((v) => `${v.id} (${v.nodes.length})`),
		};
	}, AXE_TAGS);
}

// describeViolations(list): detail lines for a not ok.
export function describeViolations(list) {
	const out = [];
	for (const v of list) {
		out.push(`${v.id} [${v.impact}] ${v.help} (${v.count} element${v.count === 1 ? '' : 's'})`);
		for (const t of v.targets)
			out.push(`    ${t}`);
	}
	return out;
}

// main(fn, opts): run withSite and exit with its code.
export async function main(fn, opts = {}) {
	const code = await withSite(fn, opts);
	// Exit now: nothing may keep a server or a browser (or this process) alive.
	process.exit(code);
}
