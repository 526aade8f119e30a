'use strict';
/**
 * Debian's Chromium for the editor tests, installed with apt-get when missing (playwright-core drives it; it cannot
 * download a browser of its own here). The launch flags keep a headless Chromium from reaching out to the network.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { step, runLogged, StepError } = require('./log');
const { root } = require('./runtime');

const CHROMIUM = '/usr/bin/chromium';

const LAUNCH_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

async function ensureChromium() {
	if (fs.existsSync(CHROMIUM)) return CHROMIUM;
	if (typeof process.getuid === 'function' && process.getuid() !== 0) {
		throw new StepError(
			`Chromium is not installed (${CHROMIUM} is missing) and installing it needs root.`,
			'Run: sudo apt-get update && sudo apt-get install -y chromium, then run the command again.',
		);
	}
	const logDir = path.join(root, '.cache');
	fs.mkdirSync(logDir, { recursive: true });
	const logFile = path.join(logDir, 'chromium-install.log');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await step("Installing Debian's chromium package (apt-get; a minute or two)", async () => {
		await runLogged('apt-get', ['update'], { env, logFile, label: 'apt-get update' });
		await runLogged('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
			env,
			logFile,
			label: 'apt-get install chromium',
		});
	});
	if (!fs.existsSync(CHROMIUM)) throw new StepError(`apt-get finished but ${CHROMIUM} is still missing; see ${logFile}.`);
	return CHROMIUM;
}

/** Launches headless Chromium with playwright-core and a fresh profile folder; resolves { browser, close }. */
async function launchChromium() {
	const executablePath = await ensureChromium();
	const { chromium } = require('playwright-core');
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath,
		headless: true,
		args: LAUNCH_ARGS,
		viewport: { width: 1600, height: 1000 },
	});
	return {
		context,
		close: async () => {
			await context.close();
			fs.rmSync(profile, { recursive: true, force: true });
		},
	};
}

module.exports = { ensureChromium, launchChromium, LAUNCH_ARGS };
