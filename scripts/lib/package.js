'use strict';
/**
 * Builds and packs this package, and installs the tarball into an n8n user folder the way n8n 2.x installs a
 * community package from Settings → Community Nodes: the tarball is unpacked into `.n8n/nodes/node_modules/<name>`,
 * its dev/peer/optional dependencies are dropped, `npm install` runs inside it with n8n's own flags, and the package
 * is recorded in `.n8n/nodes/package.json`. n8n loads every package found there when it starts.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { step, info, runLogged, StepError } = require('./log');
const { root } = require('./runtime');

const packageDir = path.join(root, '.cache', 'package');

function npmCommand() {
	return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

function listFiles(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? listFiles(full) : [full];
	});
}

/** A fingerprint of everything that goes into the tarball, to skip build + pack when nothing changed. */
function sourceFingerprint() {
	const hash = crypto.createHash('sha256');
	const inputs = [
		...listFiles(path.join(root, 'nodes')),
		...listFiles(path.join(root, 'credentials')),
		...['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'gulpfile.js'].map((f) =>
			path.join(root, f),
		),
	].sort();
	for (const file of inputs) {
		if (!fs.existsSync(file)) continue;
		hash.update(path.relative(root, file));
		hash.update(fs.readFileSync(file));
	}
	return hash.digest('hex');
}

/** Builds (`npm run build`) and packs the package into .cache/package; returns the tarball's path. */
async function buildAndPack() {
	fs.mkdirSync(packageDir, { recursive: true });
	const fingerprint = sourceFingerprint();
	const markerFile = path.join(packageDir, 'packed.json');
	let marker;
	try {
		marker = JSON.parse(fs.readFileSync(markerFile, 'utf8'));
	} catch {
		marker = undefined;
	}
	if (marker?.fingerprint === fingerprint && fs.existsSync(marker.tarball)) {
		info(`Package unchanged since the last build: ${path.relative(root, marker.tarball)}`);
		return marker.tarball;
	}
	const logFile = path.join(packageDir, 'build.log');
	fs.writeFileSync(logFile, '');
	await step('Building the package (npm run build)', () =>
		runLogged(npmCommand(), ['run', 'build'], { cwd: root, env: process.env, logFile, label: 'npm run build' }),
	);
	for (const file of listFiles(packageDir)) if (file.endsWith('.tgz')) fs.rmSync(file);
	const tarball = await step('Packing it (npm pack)', async () => {
		const result = spawnSync(npmCommand(), ['pack', '--json', '--pack-destination', packageDir], {
			cwd: root,
			encoding: 'utf8',
		});
		if (result.status !== 0) throw new StepError(`npm pack failed:\n${result.stderr.slice(-3000)}`);
		const [packed] = JSON.parse(result.stdout);
		const files = packed.files.map((f) => f.path);
		const distFiles = files.filter((f) => f.startsWith('dist/'));
		if (distFiles.length === 0) throw new StepError('npm pack produced a tarball without dist/ files.');
		info(`  ${packed.filename}: ${files.length} files, ${Math.round(packed.size / 1024)} kB`);
		return path.join(packageDir, packed.filename);
	});
	fs.writeFileSync(markerFile, JSON.stringify({ fingerprint, tarball }));
	return tarball;
}

function fileHash(file) {
	return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/**
 * Installs `tarball` as a community package into `<userFolder>/.n8n/nodes`. Skips the work when that exact tarball
 * is already installed there (a second `npm start`). Returns the package's name.
 */
async function installIntoN8n(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	const target = path.join(nodesDir, 'node_modules', manifest.name);
	const markerFile = path.join(nodesDir, `.installed-${manifest.name}.json`);
	const tarballHash = fileHash(tarball);
	try {
		if (JSON.parse(fs.readFileSync(markerFile, 'utf8')).tarballHash === tarballHash && fs.existsSync(target)) {
			info(`${manifest.name} ${manifest.version} is already installed in this n8n`);
			return manifest.name;
		}
	} catch {
		// not installed yet
	}

	await step(`Installing ${path.basename(tarball)} into n8n as a community package`, async () => {
		fs.rmSync(target, { recursive: true, force: true });
		fs.mkdirSync(target, { recursive: true });
		const untar = spawnSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], { encoding: 'utf8' });
		if (untar.status !== 0) throw new StepError(`Unpacking ${tarball} failed: ${untar.stderr}`);
		const packageJsonPath = path.join(target, 'package.json');
		// eslint-disable-next-line no-unused-vars
		const { devDependencies, peerDependencies, optionalDependencies, ...installed } = JSON.parse(
			fs.readFileSync(packageJsonPath, 'utf8'),
		);
		fs.writeFileSync(packageJsonPath, JSON.stringify(installed, null, 2));
		const logFile = path.join(nodesDir, 'install.log');
		await runLogged(
			npmCommand(),
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
			],
			{ cwd: target, env: cleanNpmEnv(), logFile, label: 'npm install (package dependencies)' },
		);
		const nodesManifestPath = path.join(nodesDir, 'package.json');
		let nodesManifest = { name: 'installed-nodes', private: true, dependencies: {} };
		if (fs.existsSync(nodesManifestPath)) nodesManifest = JSON.parse(fs.readFileSync(nodesManifestPath, 'utf8'));
		nodesManifest.dependencies = { ...nodesManifest.dependencies, [manifest.name]: installed.version };
		fs.writeFileSync(nodesManifestPath, JSON.stringify(nodesManifest, null, 2));
		fs.writeFileSync(markerFile, JSON.stringify({ tarballHash }));
	});
	return manifest.name;
}

/** The environment without npm's run-script variables, so the project's own npm settings do not leak in. */
function cleanNpmEnv() {
	const env = { ...process.env };
	for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
	return env;
}

module.exports = { buildAndPack, installIntoN8n, sourceFingerprint };
