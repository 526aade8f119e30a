import type { INodeParameters } from 'n8n-workflow';

import { SerwerSmsApi } from '../../../credentials/SerwerSmsApi.credentials';
import { SerwerSmsTrigger } from '../../../nodes/SerwerSmsTrigger/SerwerSmsTrigger.node';
import { PollHarness } from '../../helpers/poll-harness';
import { SerwerSmsSimulator } from '../../simulators/serwersms/server';

export const TOKEN = 'tok-7f3a9c1e5b';
export const USERNAME = 'api-user-1';
export const PASSWORD = 'pa55-w0rd-x9';

export async function startSimulator(): Promise<SerwerSmsSimulator> {
	const simulator = new SerwerSmsSimulator({ token: TOKEN, username: USERNAME, password: PASSWORD });
	await simulator.start();
	return simulator;
}

export function tokenCredentials(simulator: SerwerSmsSimulator) {
	return { serwerSmsApi: { authentication: 'apiToken', apiToken: TOKEN, baseUrl: simulator.baseUrl } };
}

export function passwordCredentials(simulator: SerwerSmsSimulator) {
	return {
		serwerSmsApi: {
			authentication: 'usernamePassword',
			username: USERNAME,
			password: PASSWORD,
			baseUrl: simulator.baseUrl,
		},
	};
}

export function triggerHarness(
	simulator: SerwerSmsSimulator,
	parameters: INodeParameters = {},
	extra: { pollBudgetMs?: number; credentials?: ReturnType<typeof tokenCredentials> | ReturnType<typeof passwordCredentials> } = {},
): PollHarness {
	return new PollHarness({
		nodeType: new SerwerSmsTrigger(),
		parameters,
		credentialTypes: [new SerwerSmsApi()],
		credentials: extra.credentials ?? tokenCredentials(simulator),
		pollBudgetMs: extra.pollBudgetMs,
	});
}

/** Only Date is faked: sockets and timers keep working. */
export function freezeClock(isoInstant: string): void {
	jest.useFakeTimers({
		doNotFake: [
			'hrtime',
			'nextTick',
			'performance',
			'queueMicrotask',
			'requestAnimationFrame',
			'cancelAnimationFrame',
			'requestIdleCallback',
			'cancelIdleCallback',
			'setImmediate',
			'clearImmediate',
			'setInterval',
			'clearInterval',
			'setTimeout',
			'clearTimeout',
		],
	});
	jest.setSystemTime(new Date(isoInstant));
}

export function setClock(isoInstant: string): void {
	jest.setSystemTime(new Date(isoInstant));
}

/** `yyyy-MM-dd HH:mm:ss` plus seconds, as wall-clock arithmetic. */
export function plusSeconds(wallClock: string, seconds: number): string {
	const date = new Date(`${wallClock.replace(' ', 'T')}Z`);
	return new Date(date.getTime() + seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');
}
