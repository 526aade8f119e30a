/**
 * Standalone InTime simulator for people and end-to-end runs:
 *   <runner> test/simulators/intime/cli.ts [port]
 * Port: first argument, else INTIME_SIM_PORT, else 5681 (0 = any free port). Account: INTIME_SIM_USER /
 * INTIME_SIM_KEY (default demo / demo-secret-key). Status callbacks: INTIME_SIM_CALLBACK_FORMAT
 * (form|form-latin1|query|xml|json), INTIME_SIM_CALLBACK_STATUSES (e.g. "20,21"), INTIME_SIM_CALLBACK_DELAY_MS.
 * Prints the base URL; never the secret key. Stops on SIGINT/SIGTERM.
 */
import { InTimeSimulator } from './server';
import type { CallbackFormat, CallbackOptions } from './types';

const DEFAULT_PORT = 5681;
const FORMATS: CallbackFormat[] = ['form', 'form-latin1', 'query', 'xml', 'json'];

function fail(message: string): never {
	process.stderr.write(`${message}\n`);
	process.exit(2);
}

function readPort(): number {
	const raw = process.argv[2] ?? process.env.INTIME_SIM_PORT;
	if (raw === undefined || raw === '') return DEFAULT_PORT;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		fail(`The port "${raw}" is not a number from 0 to 65535. Pass a port as first argument or in INTIME_SIM_PORT.`);
	}
	return port;
}

function readCallbackOptions(): CallbackOptions {
	const options: CallbackOptions = {};
	const format = process.env.INTIME_SIM_CALLBACK_FORMAT;
	if (format) {
		if (!FORMATS.includes(format as CallbackFormat)) {
			fail(`INTIME_SIM_CALLBACK_FORMAT "${format}" is not one of ${FORMATS.join(', ')}.`);
		}
		options.format = format as CallbackFormat;
	}
	const statuses = process.env.INTIME_SIM_CALLBACK_STATUSES;
	if (statuses) {
		options.statuses = statuses.split(',').map((value) => Number(value.trim()));
		if (options.statuses.some((value) => !Number.isInteger(value))) {
			fail(`INTIME_SIM_CALLBACK_STATUSES "${statuses}" must be whole numbers separated by commas, e.g. "20,21".`);
		}
	}
	const delay = process.env.INTIME_SIM_CALLBACK_DELAY_MS;
	if (delay) {
		options.delayMs = Number(delay);
		if (!Number.isFinite(options.delayMs) || options.delayMs < 0) {
			fail(`INTIME_SIM_CALLBACK_DELAY_MS "${delay}" must be a number of milliseconds, 0 or more.`);
		}
	}
	return options;
}

async function main(): Promise<void> {
	const username = process.env.INTIME_SIM_USER || 'demo';
	const secretKey = process.env.INTIME_SIM_KEY || 'demo-secret-key';
	const simulator = new InTimeSimulator({
		accounts: [{ username, secretKey }],
		callbacks: readCallbackOptions(),
	});
	const baseUrl = await simulator.start(readPort());
	const origin = new URL(baseUrl).origin;
	process.stdout.write(
		`InTime simulator listening. Base URL: ${baseUrl}\n` +
			`Account user: ${username} (secret key from INTIME_SIM_KEY, or the documented default)\n` +
			`Overview: ${origin}/  State: ${origin}/_sim/state  Requests: ${origin}/_sim/requests\n`,
	);
	const shutdown = () => {
		simulator.stop().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}

if (require.main === module) {
	main().catch((error: Error) => fail(`The InTime simulator could not start: ${error.message}`));
}
