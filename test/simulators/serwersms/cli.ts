/**
 * Standalone SerwerSMS simulator for people and end-to-end runs:
 *   <runner> test/simulators/serwersms/cli.ts [port]
 * Port: first argument, else SERWERSMS_SIM_PORT, else 5682 (0 = any free port). Account: SERWERSMS_SIM_TOKEN,
 * SERWERSMS_SIM_USER, SERWERSMS_SIM_PASSWORD (default sim-token / sim-user / sim-password). Starts with a few
 * incoming messages of each kind; add more with POST /__simulator/messages (JSON: one message or a list, each at
 * least {"recived": "yyyy-MM-dd HH:mm:ss"}). Prints the base URL; never the token or password.
 */
import { dateToWallClock, formatWallClock } from '../../../nodes/shared/zonedTime';
import { SerwerSmsSimulator } from './server';

const DEFAULT_PORT = 5682;

function fail(message: string): never {
	process.stderr.write(`${message}\n`);
	process.exit(2);
}

function readPort(): number {
	const raw = process.argv[2] ?? process.env.SERWERSMS_SIM_PORT;
	if (raw === undefined || raw === '') return DEFAULT_PORT;
	const port = Number(raw);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		fail(`The port "${raw}" is not a number from 0 to 65535. Pass a port as first argument or in SERWERSMS_SIM_PORT.`);
	}
	return port;
}

function polishTime(minutesAgo: number): string {
	return formatWallClock(dateToWallClock(new Date(Date.now() - minutesAgo * 60000), 'Europe/Warsaw'));
}

async function main(): Promise<void> {
	const simulator = new SerwerSmsSimulator({
		port: readPort(),
		token: process.env.SERWERSMS_SIM_TOKEN || undefined,
		username: process.env.SERWERSMS_SIM_USER || undefined,
		password: process.env.SERWERSMS_SIM_PASSWORD || undefined,
	});
	simulator.addMessages([
		{ type: 'eco', phone: '+48500600700', recived: polishTime(30), text: 'Przyjadę o 16', message_id: 'eba39e4fe1' },
		{ type: 'nd', phone: '+48500600701', recived: polishTime(20), text: 'STOP', to_number: '+48664078059' },
		{ type: 'ndi', phone: '+48500600702', recived: polishTime(10), text: 'Dziękuję za informację', to_number: '+48664078060' },
		{
			type: 'mms',
			phone: '+48500600700',
			recived: polishTime(5),
			to_number: '+48664078059',
			title: 'Temat MMS',
			attachments: [
				{ id: 2518, name: 'text_0002.txt', content_type: 'text/plain', data: Buffer.from('Jakaś treść').toString('base64') },
			],
		},
	]);
	simulator.inbox.addContact({ phone: '+48500600700', first_name: 'Jan', last_name: 'Kowalski', company: 'Przykład sp. z o.o.' });
	const baseUrl = await simulator.start();
	const username = process.env.SERWERSMS_SIM_USER || 'sim-user';
	process.stdout.write(
		[
			`SerwerSMS simulator listening on ${baseUrl}`,
			`  API user: ${username}; its password and the API token come from SERWERSMS_SIM_PASSWORD / SERWERSMS_SIM_TOKEN (or the defaults)`,
			`  Add incoming messages: POST ${baseUrl}/__simulator/messages {"recived": "yyyy-MM-dd HH:mm:ss", "text": "..."}`,
			'',
		].join('\n'),
	);
	const stop = async (): Promise<void> => {
		await simulator.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
}

void main();
