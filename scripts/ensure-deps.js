#!/usr/bin/env node
'use strict';
/**
 * Installs the npm dependencies (`npm ci`) when node_modules is missing or no longer matches package-lock.json,
 * so that `npm test`, `npm start` and `npm run test:e2e` work on a fresh clone with no step before them.
 * Uses nothing but Node itself: it runs before any dependency exists.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');

/** Why node_modules must be (re)installed, or '' when it matches the lockfile. */
function staleReason() {
	const lockPath = path.join(root, 'package-lock.json');
	const installedPath = path.join(root, 'node_modules', '.package-lock.json');
	if (!fs.existsSync(path.join(root, 'node_modules'))) return 'node_modules is missing';
	if (!fs.existsSync(installedPath)) return 'node_modules was not installed by npm';
	const wanted = JSON.parse(fs.readFileSync(lockPath, 'utf8')).packages || {};
	const installed = JSON.parse(fs.readFileSync(installedPath, 'utf8')).packages || {};
	for (const [location, entry] of Object.entries(wanted)) {
		// Optional packages for other platforms are legitimately absent; the root entry is the project itself.
		if (location === '' || entry.optional || entry.link) continue;
		const have = installed[location];
		if (!have) return `${location} is not installed`;
		if (have.version !== entry.version) return `${location} is ${have.version}, the lockfile wants ${entry.version}`;
	}
	return '';
}

function ensureDependencies() {
	const reason = staleReason();
	if (!reason) return;
	console.log(`[deps] Installing npm dependencies (${reason}): npm ci`);
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) {
		console.error('[deps] `npm ci` failed (see its output above). Fix the cause and run the command again.');
		process.exit(result.status || 1);
	}
}

module.exports = { ensureDependencies, staleReason };

if (require.main === module) ensureDependencies();
