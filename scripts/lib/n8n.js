'use strict';
/**
 * One n8n instance on this machine: its user folder, its CLI (import, publish, execute) and its server (start, stop,
 * health, and a small REST client logged in as the owner). Every command runs on the n8n line prepared by runtime.js.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { runtimeEnv } = require('./runtime');
const { StepError } = require('./log');
const { freePort } = require('./ports');

/** The owner every instance started by these scripts gets; only ever used on localhost. */
const OWNER = {
	email: 'owner@example.com',
	firstName: 'Demo',
	lastName: 'Owner',
	password: 'Intime-demo-1',
};

/** A browser id for REST calls: n8n ties its auth cookie to the `browser-id` header sent at login. */
const BROWSER_ID = 'n8n-nodes-intime-serwersms-scripts';

class N8n {
	/**
	 * @param {object} runtime from runtime.prepareRuntime()
	 * @param {{ userFolder?: string, port: number, logFile?: string, env?: Record<string,string> }} options
	 */
	constructor(runtime, { userFolder, port, logFile, env = {} }) {
		this.runtime = runtime;
		this.userFolder = userFolder || fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-'));
		this.port = port;
		this.logFile = logFile || path.join(this.userFolder, 'n8n-output.log');
		this.extraEnv = { ...env };
		this.server = undefined;
		this.serverOutput = '';
		this.cookie = '';
		fs.mkdirSync(this.userFolder, { recursive: true });
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	get isV1() {
		return this.runtime.version.startsWith('1.');
	}

	env() {
		return runtimeEnv(this.runtime, {
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: 'localhost',
			N8N_PROTOCOL: 'http',
			N8N_EDITOR_BASE_URL: `http://localhost:${this.port}/`,
			WEBHOOK_URL: `http://localhost:${this.port}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_OUTPUT: 'console',
			// plain text output: the run JSON of `n8n execute` is parsed, and logs are searched
			FORCE_COLOR: '0',
			NO_COLOR: '1',
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
			...this.extraEnv,
		});
	}

	/**
	 * n8n 2.x always starts a task runner broker, by default on port 5679: two instances (or an instance and
	 * another program) would collide there, so each instance gets a free port unless one was given.
	 */
	async ensureBrokerPort() {
		if (!this.extraEnv.N8N_RUNNERS_BROKER_PORT) this.extraEnv.N8N_RUNNERS_BROKER_PORT = String(await freePort());
	}

	/** Runs `n8n <args>`; resolves { code, stdout, stderr } (output also appended to the log file). */
	async cli(args, { timeoutMs = 180000 } = {}) {
		await this.ensureBrokerPort();
		return new Promise((resolve, reject) => {
			const child = spawn(this.runtime.nodePath, [this.runtime.n8nBin, ...args], {
				cwd: this.userFolder,
				env: this.env(),
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk) => (stdout += chunk));
			child.stderr.on('data', (chunk) => (stderr += chunk));
			const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
			child.on('error', (error) => {
				clearTimeout(timer);
				reject(error);
			});
			child.on('close', (code) => {
				clearTimeout(timer);
				fs.appendFileSync(this.logFile, `\n$ n8n ${args.join(' ')}\n${stdout}${stderr}`);
				resolve({ code, stdout, stderr });
			});
		});
	}

	async cliOrThrow(args, what) {
		const result = await this.cli(args);
		if (result.code !== 0) {
			throw new StepError(
				`${what} failed (n8n ${args[0]} exited with ${result.code}):\n${(result.stdout + result.stderr).slice(-3000)}`,
				`The whole n8n output is in ${this.logFile}.`,
			);
		}
		return result;
	}

	writeTemp(name, content) {
		const dir = path.join(this.userFolder, 'import');
		fs.mkdirSync(dir, { recursive: true });
		const file = path.join(dir, name);
		fs.writeFileSync(file, JSON.stringify(content, null, 2));
		return file;
	}

	/** Imports credentials (an array of { id, name, type, data }); n8n encrypts `data` on import. */
	async importCredentials(credentials) {
		const file = this.writeTemp('credentials.json', credentials);
		await this.cliOrThrow(['import:credentials', `--input=${file}`], 'Importing credentials');
	}

	/** Imports workflows (an array of workflow JSON objects with fixed ids). */
	async importWorkflows(workflows) {
		const file = this.writeTemp('workflows.json', workflows);
		await this.cliOrThrow(['import:workflow', `--input=${file}`], 'Importing workflows');
	}

	/** Activates a workflow (its webhooks answer once `n8n start` runs); n8n must be stopped. */
	async activate(workflowId) {
		const args = this.isV1
			? ['update:workflow', `--id=${workflowId}`, '--active=true']
			: ['publish:workflow', `--id=${workflowId}`];
		await this.cliOrThrow(args, `Activating workflow ${workflowId}`);
	}

	/**
	 * `n8n execute --id --rawOutput`: resolves { ok, run, output } where `run` is the parsed run (on success), and
	 * `output` is everything n8n printed (on failure n8n prints the run into its log, not as raw output).
	 */
	async execute(workflowId) {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		const output = result.stdout + result.stderr;
		return { ok: result.code === 0, run: parseRunOutput(result.stdout), output, code: result.code };
	}

	/** Starts `n8n start` and waits until /healthz answers. */
	async start({ timeoutMs = 120000 } = {}) {
		await this.ensureBrokerPort();
		const out = fs.openSync(this.logFile, 'a');
		this.serverOutput = '';
		this.server = spawn(this.runtime.nodePath, [this.runtime.n8nBin, 'start'], {
			cwd: this.userFolder,
			env: this.env(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const collect = (chunk) => {
			this.serverOutput += chunk;
			fs.writeSync(out, chunk);
		};
		this.server.stdout.on('data', collect);
		this.server.stderr.on('data', collect);
		let exited = false;
		this.server.on('close', (code) => {
			exited = true;
			this.serverExitCode = code;
			fs.closeSync(out);
		});
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (exited) {
				throw new StepError(
					`n8n stopped while starting (exit code ${this.serverExitCode}):\n${this.serverOutput.slice(-3000)}`,
					`The whole output is in ${this.logFile}.`,
				);
			}
			try {
				const response = await fetch(`${this.baseUrl}/healthz`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			await sleep(250);
		}
		throw new StepError(`n8n did not answer on ${this.baseUrl}/healthz within ${timeoutMs / 1000} s.`);
	}

	/**
	 * Waits until the REST API really answers: while n8n starts, every route answers 200 with the text
	 * "n8n is starting up", so only a JSON body counts.
	 */
	async waitForRest(timeoutMs = 90000) {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			try {
				const response = await fetch(`${this.baseUrl}/rest/settings`);
				const body = await response.text();
				if (response.ok && body.startsWith('{')) return;
			} catch {
				// starting
			}
			await sleep(250);
		}
		throw new StepError(`n8n's REST API did not answer within ${timeoutMs / 1000} s.`);
	}

	/** Stops the server (SIGTERM, then SIGKILL after 20 s). */
	async stop() {
		const server = this.server;
		if (!server || server.exitCode !== null || server.signalCode !== null) return;
		await new Promise((resolve) => {
			const timer = setTimeout(() => server.kill('SIGKILL'), 20000);
			server.once('close', () => {
				clearTimeout(timer);
				resolve();
			});
			server.kill('SIGTERM');
		});
	}

	/** fetch() of any n8n path (e.g. '/types/nodes.json', '/icons/…') as the logged-in owner. */
	fetchAsOwner(pathname, init = {}) {
		return fetch(`${this.baseUrl}${pathname}`, {
			...init,
			headers: { 'browser-id': BROWSER_ID, ...(this.cookie ? { cookie: this.cookie } : {}), ...init.headers },
		});
	}

	/** A REST call as the logged-in owner; resolves { status, body }. */
	async rest(method, route, body) {
		const response = await fetch(`${this.baseUrl}/rest${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': BROWSER_ID,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) {
			const auth = setCookie.split(/,(?=\s*[\w-]+=)/).find((c) => c.trim().startsWith('n8n-auth='));
			if (auth) this.cookie = auth.split(';')[0].trim();
		}
		const text = await response.text();
		let parsed;
		try {
			parsed = JSON.parse(text);
		} catch {
			parsed = text;
		}
		return { status: response.status, body: parsed };
	}

	/** Sets up the owner account on a fresh instance (or logs in when it exists) and keeps the session cookie. */
	async loginAsOwner() {
		const setup = await this.rest('POST', '/owner/setup', OWNER);
		if (setup.status === 200) return;
		const login = await this.rest('POST', '/login', {
			emailOrLdapLoginId: OWNER.email,
			email: OWNER.email,
			password: OWNER.password,
		});
		if (login.status !== 200) {
			throw new StepError(`Logging in to n8n as ${OWNER.email} failed: ${login.status} ${JSON.stringify(login.body)}`);
		}
	}
}

/**
 * The JSON run that `n8n execute --rawOutput` prints among its log lines. At log level debug n8n prints it through
 * its logger, so the first line may carry a time and level ("18:38:45.782   info    {") and the last line the
 * logger's metadata ('} { "file": "base-command.js", ... }').
 */
function parseRunOutput(stdout) {
	// eslint-disable-next-line no-control-regex
	const lines = stdout.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
	const isStart = (line) => /^(?:\d\d:\d\d:\d\d\.\d+\s+\w+\s+)?\{$/.test(line);
	const isEnd = (line) => /^\}(?:\s+\{ "file": .*\})?$/.test(line);
	for (let start = 0; start < lines.length; start++) {
		if (!isStart(lines[start])) continue;
		for (let end = lines.length - 1; end > start; end--) {
			if (!isEnd(lines[end])) continue;
			try {
				return JSON.parse(['{', ...lines.slice(start + 1, end), '}'].join('\n'));
			} catch {
				// not this pair of braces
			}
		}
	}
	return undefined;
}

function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

module.exports = { N8n, OWNER, parseRunOutput, sleep };
