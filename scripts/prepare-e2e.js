#!/usr/bin/env node
'use strict';
/**
 * First half of `npm run test:e2e`: everything slow that the end-to-end tests need, done before jest starts so its
 * progress is printed as it happens: the n8n line of N8N_E2E_VERSION (minutes the first time, then reused), the
 * packed package, the compiled simulators, and Debian's Chromium for the editor test (E2E_EDITOR=0 skips it).
 */
const { info, fail } = require('./lib/log');
const { prepareRuntime } = require('./lib/runtime');
const { buildAndPack } = require('./lib/package');
const { compileSimulators } = require('./lib/simulators');
const { ensureChromium } = require('./lib/chromium');

async function main() {
	const runtime = await prepareRuntime();
	await buildAndPack();
	await compileSimulators();
	if (process.env.E2E_EDITOR !== '0') await ensureChromium();
	info(`Ready for the end-to-end tests in n8n ${runtime.version}.`);
}

main().catch((error) => {
	fail(error);
	process.exit(1);
});
