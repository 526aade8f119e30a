'use strict';
/**
 * Prepares a pinned, real n8n in `.cache/n8n/` (git-ignored) and reuses it on later runs.
 *
 * Why it is not a plain `npm install n8n`: n8n 2.x needs Node 24 while this machine has Node 20, so a Node 24 binary
 * is installed from the npm registry (the `node` package) and put first on n8n's PATH; one dependency's install script
 * downloads from outside the registry, so n8n is installed with --ignore-scripts and the one native module n8n needs
 * to start, SQLite, is then built from its bundled source with node-gyp. A marker file records a finished install, so
 * a second run takes no time here.
 */
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { step, info, runLogged, StepError } = require('./log');

const root = path.resolve(__dirname, '..', '..');
const cacheDir = path.join(root, '.cache', 'n8n');

/**
 * The n8n lines the package is run and tested in, chosen with N8N_E2E_VERSION (`2`, the default, or `1`).
 * 2.40.7 is the newest 2.x that installs here (2.41 pins a package the registry lacks); 1.123.81 is the newest 1.x.
 */
const LINES = {
	2: { n8nVersion: '2.40.7', nodeMajor: '24', nodeVersion: '24.21.0', overrides: undefined, env: {} },
	1: {
		n8nVersion: '1.123.81',
		nodeMajor: '20',
		nodeVersion: undefined, // the machine's own Node 20
		// its xlsx dependency points at a tarball outside the registry; 0.18.5 is the same library from the registry
		overrides: { xlsx: '0.18.5' },
		// the default expression engine needs isolated-vm, a native module that does not build here
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
	},
};

function selectedLine() {
	const wanted = (process.env.N8N_E2E_VERSION || '2').trim();
	const line = LINES[wanted] || Object.values(LINES).find((l) => l.n8nVersion === wanted);
	if (!line) {
		const choices = Object.entries(LINES).map(([key, l]) => `${key} (n8n ${l.n8nVersion})`).join(' or ');
		throw new StepError(`N8N_E2E_VERSION=${wanted} is not a prepared n8n line.`, `Use ${choices}, or leave it unset.`);
	}
	return line;
}

function npmCommand() {
	return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

function folderSize(dir) {
	const result = spawnSync('du', ['-sm', dir], { encoding: 'utf8' });
	return result.status === 0 ? `${result.stdout.split('\t')[0]} MB so far` : '';
}

function readMarker(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch {
		return undefined;
	}
}

/** Installs the `node` package of the wanted version; returns the folder to put first on PATH. */
async function prepareNode(line) {
	if (!line.nodeVersion) return undefined;
	const dir = path.join(cacheDir, `node-${line.nodeMajor}`);
	const binDir = path.join(dir, 'node_modules', '.bin');
	const marker = path.join(dir, '.ready.json');
	if (readMarker(marker)?.version === line.nodeVersion && fs.existsSync(path.join(binDir, 'node'))) return binDir;

	await step(`Installing Node ${line.nodeVersion} for n8n (from the npm registry's "node" package)`, async () => {
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'n8n-runtime-node', private: true }));
		// This package's own install step unpacks the platform binary; it must run, so no --ignore-scripts here.
		await runLogged(npmCommand(), ['install', `node@${line.nodeVersion}`, '--no-audit', '--no-fund'], {
			cwd: dir,
			env: runtimeEnv({ line, nodeBinDir: undefined }),
			logFile: path.join(dir, 'install.log'),
			label: `npm install node@${line.nodeVersion}`,
		});
		const version = spawnSync(path.join(binDir, 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim();
		if (version !== `v${line.nodeVersion}`) {
			throw new StepError(`The installed Node reports "${version}", expected v${line.nodeVersion}.`);
		}
		fs.writeFileSync(marker, JSON.stringify({ version: line.nodeVersion }));
	});
	return binDir;
}

/** Headers for node-gyp: the ones shipped in the `node` package, else the machine's own (npm's nodedir setting). */
function nodeHeadersDir(nodeBinDir) {
	if (nodeBinDir) {
		const shipped = path.join(nodeBinDir, '..', 'node', 'node_modules', `node-${process.platform}-${process.arch}`);
		if (fs.existsSync(path.join(shipped, 'include', 'node', 'node_api.h'))) return shipped;
	}
	for (const candidate of [process.env.npm_config_nodedir, path.resolve(process.execPath, '..', '..')]) {
		if (candidate && fs.existsSync(path.join(candidate, 'include', 'node', 'node_api.h'))) return candidate;
	}
	return undefined;
}

/** npm ships node-gyp; use that copy so nothing is fetched. */
function nodeGypScript() {
	const candidates = [];
	if (process.env.npm_execpath) candidates.push(path.resolve(process.env.npm_execpath, '..', '..'));
	const globalRoot = spawnSync(npmCommand(), ['root', '-g'], { encoding: 'utf8' }).stdout?.trim();
	if (globalRoot) candidates.push(path.join(globalRoot, 'npm'));
	candidates.push(path.resolve(process.execPath, '..', '..', 'lib', 'node_modules', 'npm'));
	for (const npmDir of candidates) {
		const script = path.join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
		if (fs.existsSync(script)) return script;
	}
	throw new StepError('node-gyp (shipped with npm) was not found, so SQLite cannot be built for n8n.');
}

/** Environment under which every n8n command of this line runs (Node on PATH, the line's settings). */
function runtimeEnv(runtime, extra = {}) {
	const env = { ...process.env, ...runtime.line.env, ...extra };
	if (runtime.nodeBinDir) env.PATH = `${runtime.nodeBinDir}${path.delimiter}${env.PATH}`;
	// npm's run-script variables would leak the project's settings into n8n's own npm calls; under jest,
	// NODE_ENV=test would make n8n refuse to load nodes ("Not available in tests") and silence its log.
	for (const key of Object.keys(env)) if (key.startsWith('npm_') || key.startsWith('JEST_')) delete env[key];
	if (env.NODE_ENV === 'test') delete env.NODE_ENV;
	return env;
}

/**
 * Makes sure the selected n8n line is installed and can start. Returns
 * `{ line, dir, nodeBinDir, nodePath, n8nBin, version }`.
 */
async function prepareRuntime() {
	const line = selectedLine();
	const nodeBinDir = await prepareNode(line);
	const dir = path.join(cacheDir, `n8n-${line.n8nVersion}`);
	const marker = path.join(dir, '.ready.json');
	const n8nBin = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const runtime = {
		line,
		dir,
		nodeBinDir,
		nodePath: nodeBinDir ? path.join(nodeBinDir, 'node') : process.execPath,
		n8nBin,
		version: line.n8nVersion,
	};
	const ready = readMarker(marker);
	if (ready?.version === line.n8nVersion && fs.existsSync(n8nBin)) {
		info(`n8n ${line.n8nVersion} is ready in ${path.relative(root, dir)} (prepared ${ready.preparedAt})`);
		return runtime;
	}

	info(`Preparing n8n ${line.n8nVersion} in ${path.relative(root, dir)}: the first time takes several minutes.`);
	fs.mkdirSync(dir, { recursive: true });
	const manifest = { name: 'n8n-runtime', private: true };
	if (line.overrides) manifest.overrides = line.overrides;
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
	const logFile = path.join(dir, 'install.log');
	const env = runtimeEnv(runtime);

	await step(`Installing n8n ${line.n8nVersion} (about 3 minutes, 2.8 GB)`, () =>
		runLogged(npmCommand(), ['install', `n8n@${line.n8nVersion}`, '--ignore-scripts', '--no-audit', '--no-fund'], {
			cwd: dir,
			env,
			logFile,
			label: `npm install n8n@${line.n8nVersion}`,
			progress: () => folderSize(dir),
		}),
	);

	const sqliteDir = path.join(dir, 'node_modules', 'sqlite3');
	if (!fs.existsSync(sqliteDir)) throw new StepError(`n8n ${line.n8nVersion} was installed without sqlite3.`);
	const headers = nodeHeadersDir(nodeBinDir);
	await step('Building SQLite for n8n from source (about 1 minute)', () =>
		runLogged(
			runtime.nodePath,
			[nodeGypScript(), 'rebuild', ...(headers ? [`--nodedir=${headers}`] : []), '--jobs=max'],
			{ cwd: sqliteDir, env, logFile, label: 'node-gyp rebuild (sqlite3)' },
		),
	);

	const check = spawnSync(runtime.nodePath, ['-e', "require('sqlite3')"], { cwd: dir, env, encoding: 'utf8' });
	if (check.status !== 0) {
		throw new StepError(`The SQLite module that was built does not load:\n${check.stderr.slice(-2000)}`);
	}
	fs.writeFileSync(marker, JSON.stringify({ version: line.n8nVersion, preparedAt: new Date().toISOString() }));
	return runtime;
}

module.exports = { prepareRuntime, runtimeEnv, selectedLine, LINES, root };
