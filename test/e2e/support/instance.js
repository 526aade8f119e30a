'use strict';
/**
 * Set-up shared by the end-to-end test files: the prepared n8n line (N8N_E2E_VERSION), the packed tarball installed
 * as a community package into a temporary n8n user folder, and the InTime simulator in this process (so tests read
 * exactly what it received). Each test file gets its own n8n; nothing is shared between files.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { prepareRuntime } = require('../../../scripts/lib/runtime');
const { buildAndPack, installIntoN8n } = require('../../../scripts/lib/package');
const { compileSimulators, loadSimulator } = require('../../../scripts/lib/simulators');
const { freePort } = require('../../../scripts/lib/ports');
const { N8n } = require('../../../scripts/lib/n8n');

/** A secret key shaped like a real InTime `hash` (40 hex characters), new for every run. */
function newSecretKey() {
	return crypto.randomBytes(20).toString('hex');
}

/**
 * Prepares n8n with the package installed; starts the InTime simulator for `account`.
 * Returns { runtime, n8n, simulator, flatted }.
 */
async function prepareInstance({ account, logLevel = 'debug' }) {
	const runtime = await prepareRuntime();
	const tarball = await buildAndPack();
	await compileSimulators();
	const { InTimeSimulator } = loadSimulator('intime');
	const simulator = new InTimeSimulator({ accounts: [account] });
	await simulator.start(0);
	const n8n = new N8n(runtime, {
		port: await freePort(),
		env: { N8N_LOG_LEVEL: logLevel, GENERIC_TIMEZONE: 'Europe/Stockholm' },
	});
	await installIntoN8n(tarball, n8n.userFolder);
	// n8n stores execution data with `flatted`; read it with n8n's own copy.
	const flatted = require(path.join(runtime.dir, 'node_modules', 'flatted'));
	return { runtime, n8n, simulator, flatted };
}

/** Imports credentials from a file outside n8n's folder (it holds secrets in plain text) and removes the file. */
async function importCredentials(n8n, credentials) {
	const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'n8n-e2e-import-'));
	const file = path.join(dir, 'credentials.json');
	try {
		fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
		await n8n.cliOrThrow(['import:credentials', `--input=${file}`], 'Importing credentials');
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** Stops n8n and the simulator; removes the user folder unless E2E_KEEP=1 (then prints where it is). */
async function disposeInstance(context) {
	if (!context) return;
	await context.n8n?.stop();
	await context.simulator?.stop();
	if (!context.n8n) return;
	if (process.env.E2E_KEEP === '1') console.log(`n8n user folder kept: ${context.n8n.userFolder}`);
	else fs.rmSync(context.n8n.userFolder, { recursive: true, force: true });
}

/** Every file below `dir`, recursively. */
function allFiles(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isSymbolicLink()) return [];
		return entry.isDirectory() ? allFiles(full) : [full];
	});
}

/**
 * Where `secret` occurs, in any encoding a log or database might hold it (plain, URL-encoded, base64, hex of the
 * UTF-8 bytes): every file of n8n's user folder except the installed package, plus the given texts.
 */
function findSecret(secret, { folder, skip = [], texts = {} }) {
	const needles = [
		Buffer.from(secret),
		Buffer.from(encodeURIComponent(secret)),
		Buffer.from(Buffer.from(secret).toString('base64')),
		Buffer.from(Buffer.from(secret).toString('hex')),
	];
	const found = [];
	for (const file of allFiles(folder)) {
		if (skip.some((prefix) => file.startsWith(prefix))) continue;
		const content = fs.readFileSync(file);
		if (needles.some((needle) => content.includes(needle))) found.push(path.relative(folder, file));
	}
	for (const [name, text] of Object.entries(texts)) {
		const content = Buffer.from(text);
		if (needles.some((needle) => content.includes(needle))) found.push(name);
	}
	return found;
}

module.exports = { prepareInstance, importCredentials, disposeInstance, newSecretKey, findSecret };
