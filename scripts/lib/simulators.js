'use strict';
/**
 * The API simulators (test/simulators/<name>/, TypeScript) for `npm start` and the end-to-end tests: compiled with
 * the project's own TypeScript into .cache/build (scripts/tsconfig.simulators.json), recompiled only when their
 * sources change. `npm start` runs each simulator's cli.js as a child process, the way a person runs it; the tests
 * load the simulator classes in-process to read what they received.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawn, spawnSync } = require('child_process');
const { step, info, StepError } = require('./log');
const { root } = require('./runtime');

const simulatorsDir = path.join(root, 'test', 'simulators');
const buildDir = path.join(root, '.cache', 'build');

/**
 * What `npm start` knows about each simulator: its default port (the one its cli.ts uses) and the environment
 * variable that moves it. A simulator folder not listed here is still started, on the next free default port.
 */
const KNOWN = {
	intime: { title: 'InTime', port: 5681, portVariable: 'INTIME_SIM_PORT' },
	serwersms: { title: 'SerwerSMS', port: 5682, portVariable: 'SERWERSMS_SIM_PORT' },
};

function listFiles(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? listFiles(full) : [full];
	});
}

/** Simulator folders that have a cli.ts, in a stable order (InTime first). */
function simulatorNames() {
	if (!fs.existsSync(simulatorsDir)) return [];
	return fs
		.readdirSync(simulatorsDir, { withFileTypes: true })
		.filter((entry) => entry.isDirectory() && fs.existsSync(path.join(simulatorsDir, entry.name, 'cli.ts')))
		.map((entry) => entry.name)
		.sort((a, b) => (a === 'intime' ? -1 : b === 'intime' ? 1 : a.localeCompare(b)));
}

function fingerprint() {
	const hash = crypto.createHash('sha256');
	const files = [
		...listFiles(simulatorsDir),
		...listFiles(path.join(root, 'nodes', 'shared')),
		path.join(root, 'tsconfig.json'),
		path.join(root, 'scripts', 'tsconfig.simulators.json'),
	].sort();
	for (const file of files) {
		if (!file.endsWith('.ts') && !file.endsWith('.json')) continue;
		hash.update(path.relative(root, file));
		hash.update(fs.readFileSync(file));
	}
	return hash.digest('hex');
}

/** Compiles the simulators into .cache/build (skipped when their sources did not change). */
async function compileSimulators() {
	const markerFile = path.join(buildDir, '.simulators.json');
	const current = fingerprint();
	try {
		if (JSON.parse(fs.readFileSync(markerFile, 'utf8')).fingerprint === current) return;
	} catch {
		// first build
	}
	await step('Compiling the API simulators (TypeScript)', async () => {
		const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
		const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'scripts', 'tsconfig.simulators.json')], {
			cwd: root,
			encoding: 'utf8',
		});
		const missing = simulatorNames().filter((name) => !fs.existsSync(compiledPath(name, 'cli.js')));
		if (result.status !== 0) {
			// tsc still writes JavaScript on type errors; a simulator being edited must not stop the others.
			const report = `${result.stdout}${result.stderr}`.trim().split('\n').slice(0, 15).join('\n');
			if (missing.length) throw new StepError(`The simulators did not compile:\n${report}`);
			info(`  warning: type errors in the simulators (their JavaScript was still written):\n${report}`);
			return;
		}
		fs.writeFileSync(markerFile, JSON.stringify({ fingerprint: current }));
	});
}

function compiledPath(name, file) {
	return path.join(buildDir, 'test', 'simulators', name, file);
}

/** Loads a compiled simulator module in-process (e.g. `loadSimulator('intime').InTimeSimulator`). */
function loadSimulator(name) {
	const entry = fs.existsSync(compiledPath(name, 'index.js')) ? 'index.js' : 'server.js';
	return require(compiledPath(name, entry));
}

/**
 * Starts `cli.js` of simulator `name` on `port` as a child process; resolves once it printed its base URL:
 * `{ name, title, port, baseUrl, banner, child }`. Rejects with its own message when it cannot start.
 */
function startSimulatorProcess(name, port, env) {
	const title = KNOWN[name]?.title ?? name;
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [compiledPath(name, 'cli.js'), String(port)], {
			cwd: root,
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		let settled = false;
		const timer = setTimeout(() => {
			if (settled) return;
			settled = true;
			child.kill('SIGTERM');
			reject(new StepError(`The ${title} simulator printed no base URL within 15 s:\n${output}`));
		}, 15000);
		const onData = (chunk) => {
			output += chunk;
			// The first loopback URL it prints is its base URL ("Base URL: …" or "listening on …").
			const match = /(http:\/\/(?:127\.0\.0\.1|localhost):\d+\S*)/.exec(output);
			if (match && !settled && output.endsWith('\n')) {
				settled = true;
				clearTimeout(timer);
				resolve({ name, title, port, baseUrl: match[1], banner: output.trim(), child });
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', (chunk) => (output += chunk));
		child.on('close', (code) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			reject(new StepError(`The ${title} simulator stopped at start (exit code ${code}): ${output.trim()}`));
		});
	});
}

module.exports = { KNOWN, simulatorNames, compileSimulators, loadSimulator, startSimulatorProcess, buildDir };
