#!/usr/bin/env node
'use strict';
/**
 * `npm start`: a real n8n with this package installed as a community package, the API simulators running on
 * localhost, credentials pointing at them and example workflows imported. The first run prepares n8n (minutes);
 * later runs reuse everything in .cache/ and start in seconds. Ctrl-C stops all it started.
 *
 * Environment: N8N_PORT (default 5678), N8N_E2E_VERSION (2 = n8n 2.40.7, default; 1 = n8n 1.123.81),
 * INTIME_SIM_PORT / SERWERSMS_SIM_PORT (5681 / 5682). To use the real InTime service instead of the simulator:
 * INTIME_USERNAME and INTIME_SECRET_KEY (and INTIME_BASE_URL for another address).
 */
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureDependencies } = require('./ensure-deps');

ensureDependencies();

const { info, step, fail, StepError } = require('./lib/log');
const { prepareRuntime, root } = require('./lib/runtime');
const { buildAndPack, installIntoN8n } = require('./lib/package');
const { compileSimulators, simulatorNames, startSimulatorProcess, KNOWN } = require('./lib/simulators');
const { isPortFree } = require('./lib/ports');
const { N8n, OWNER } = require('./lib/n8n');
const { exampleWorkflows, inTimeCredentials, EXAMPLE_IDS, ORDER_WEBHOOK_PATH } = require('./lib/examples');

const REAL_INTIME_URL = 'https://sms.intime.nu/api/1.0';

/** What to stop when a step fails after something was started. */
const cleanups = [];

function readPort(variable, fallback) {
	const raw = process.env[variable];
	if (raw === undefined || raw === '') return fallback;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 1 || port > 65535) {
		throw new StepError(`${variable}="${raw}" is not a port number.`, `Set ${variable} to a number from 1 to 65535.`);
	}
	return port;
}

function realInTimeAccount() {
	const username = process.env.INTIME_USERNAME;
	const secretKey = process.env.INTIME_SECRET_KEY;
	if (!username && !secretKey) return undefined;
	if (!username || !secretKey) {
		throw new StepError(
			'Only one of INTIME_USERNAME and INTIME_SECRET_KEY is set.',
			'Set both to use the real InTime service, or neither to use the simulator.',
		);
	}
	return { username, secretKey, baseUrl: process.env.INTIME_BASE_URL || REAL_INTIME_URL };
}

/** Fails early, by name, when a port this command needs is taken. */
async function checkPorts(ports) {
	for (const { port, what, variable } of ports) {
		if (!(await isPortFree(port))) {
			throw new StepError(
				`Port ${port} (${what}) is already in use.`,
				`Stop whatever uses it (another \`npm start\`? \`ss -ltnp 'sport = :${port}'\` shows it), or choose another port: ${variable}=<port> npm start`,
			);
		}
	}
}

function fingerprint(value) {
	return crypto.createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

async function main() {
	const started = Date.now();
	const n8nPort = readPort('N8N_PORT', 5678);
	const brokerPort = readPort('N8N_RUNNERS_BROKER_PORT', n8nPort + 1);
	const realAccount = realInTimeAccount();
	const simulators = simulatorNames()
		.filter((name) => !(name === 'intime' && realAccount))
		.map((name, index) => {
			const known = KNOWN[name] ?? { title: name, port: 5690 + index, portVariable: `${name.toUpperCase()}_SIM_PORT` };
			return { name, ...known, port: readPort(known.portVariable, known.port) };
		});

	await checkPorts([
		{ port: n8nPort, what: 'n8n editor', variable: 'N8N_PORT' },
		{ port: brokerPort, what: "n8n's task runner broker", variable: 'N8N_RUNNERS_BROKER_PORT' },
		...simulators.map((s) => ({ port: s.port, what: `${s.title} simulator`, variable: s.portVariable })),
	]);

	const runtime = await prepareRuntime();
	const tarball = await buildAndPack();
	const userFolder = path.join(root, '.cache', 'start', `n8n-${runtime.version}`);
	const n8n = new N8n(runtime, {
		userFolder,
		port: n8nPort,
		logFile: path.join(userFolder, 'n8n.log'),
		env: { N8N_RUNNERS_BROKER_PORT: String(brokerPort) },
	});
	await installIntoN8n(tarball, userFolder);

	await compileSimulators();
	const running = [];
	const stopSimulators = () => running.forEach((s) => s.child.exitCode === null && s.child.kill('SIGTERM'));
	process.on('exit', stopSimulators);
	cleanups.push(async () => stopSimulators());
	for (const simulator of simulators) {
		const started = await step(`Starting the ${simulator.title} simulator on port ${simulator.port}`, () =>
			startSimulatorProcess(simulator.name, simulator.port),
		);
		running.push(started);
	}
	const inTimeSimulator = running.find((s) => s.name === 'intime');

	const account = realAccount ?? {
		username: process.env.INTIME_SIM_USER || 'demo',
		secretKey: process.env.INTIME_SIM_KEY || 'demo-secret-key',
		baseUrl: inTimeSimulator?.baseUrl,
	};
	const credentials = account.baseUrl ? inTimeCredentials(account) : [];
	if (realAccount) credentials.forEach((c) => (c.name = 'InTime (real service)'));
	const workflows = exampleWorkflows({ n8nUrl: `http://localhost:${n8nPort}` });
	const importMarker = path.join(userFolder, 'imported.json');
	const wanted = fingerprint({ credentials, workflows });
	const previous = fs.existsSync(importMarker) ? JSON.parse(fs.readFileSync(importMarker, 'utf8')).fingerprint : '';
	if (previous !== wanted) {
		await step('Importing the credentials and example workflows into n8n', async () => {
			// The import file holds the secret key in plain text: write it outside n8n's folder and remove it.
			const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-import-'));
			try {
				if (credentials.length) {
					const file = path.join(tempDir, 'credentials.json');
					fs.writeFileSync(file, JSON.stringify(credentials), { mode: 0o600 });
					await n8n.cliOrThrow(['import:credentials', `--input=${file}`], 'Importing the credentials');
				}
				const file = path.join(tempDir, 'workflows.json');
				fs.writeFileSync(file, JSON.stringify(workflows));
				await n8n.cliOrThrow(['import:workflow', `--input=${file}`], 'Importing the example workflows');
			} finally {
				fs.rmSync(tempDir, { recursive: true, force: true });
			}
			for (const id of [EXAMPLE_IDS.orderShipped, EXAMPLE_IDS.deliveryReports]) await n8n.activate(id);
		});
		fs.writeFileSync(importMarker, JSON.stringify({ fingerprint: wanted }));
	}

	cleanups.push(() => n8n.stop());
	await step(`Starting n8n ${runtime.version} on port ${n8nPort}`, async () => {
		await n8n.start();
		await n8n.waitForRest();
		await n8n.loginAsOwner();
	});

	const editorUrl = `http://localhost:${n8nPort}`;
	const lines = [
		'',
		`n8n ${runtime.version} is running with ${path.basename(tarball)} installed (ready in ${Math.round((Date.now() - started) / 1000)} s).`,
		'',
		`  Editor:    ${editorUrl}`,
		`  Log in:    ${OWNER.email} / ${OWNER.password}`,
		'  Examples:  Overview → "Example: …" workflows. Open "Example: try the order SMS with a sample order" and',
		'             click "Execute workflow": the simulator page below shows the text.',
		`  Webhook:   curl -X POST ${editorUrl}/webhook/${ORDER_WEBHOOK_PATH} -H 'content-type: application/json' \\`,
		`               -d '{"orderId":"order-7","customerName":"Erik","phone":"+46707654321","trackingUrl":"https://track.example.com/7"}'`,
	];
	for (const s of running) {
		const origin = new URL(s.baseUrl).origin;
		lines.push(
			`  ${s.title} simulator: ${s.baseUrl}  (what was "sent": ${origin}/ , JSON: ${origin}/_sim/requests)`,
		);
	}
	if (realAccount) lines.push(`  InTime:    the REAL service at ${account.baseUrl} (user ${account.username}): texts are really sent.`);
	else if (inTimeSimulator) lines.push(`  InTime credential "InTime (local simulator)": user ${account.username}; nothing leaves this machine.`);
	lines.push(`  n8n log:   ${path.relative(root, n8n.logFile)}`, '', 'Press Ctrl-C to stop n8n and the simulators.', '');
	console.log(lines.join('\n'));

	await new Promise((resolve) => {
		let stopping = false;
		const shutdown = async (signal) => {
			if (stopping) return;
			stopping = true;
			info(`${signal}: stopping n8n and the simulators ...`);
			await n8n.stop();
			stopSimulators();
			resolve();
		};
		process.on('SIGINT', () => shutdown('Ctrl-C'));
		process.on('SIGTERM', () => shutdown('SIGTERM'));
		n8n.server.on('close', (code) => {
			if (stopping) return;
			stopping = true;
			stopSimulators();
			fail(new StepError(`n8n stopped by itself (exit code ${code}).`, `Read ${n8n.logFile} for the reason.`));
			resolve();
		});
	});
	info('Stopped.');
}

main().catch(async (error) => {
	fail(error);
	for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
	process.exit(1);
});
