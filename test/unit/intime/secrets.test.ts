import { createServer } from 'http';
import type { AddressInfo } from 'net';

import { Logger } from '@n8n/backend-common';

import { startPlainServer } from './fixtures';
import { runInTime, SECRET_KEY, useInTimeSimulator } from './setup';

/** Everything an object holds, errors included (their message and stack are not enumerable). */
function serialize(value: unknown): string {
	return JSON.stringify(value, (_key, entry: unknown) =>
		entry instanceof Error
			? { ...entry, message: entry.message, stack: entry.stack, cause: (entry as { cause?: unknown }).cause }
			: entry,
	);
}

/** The InTime key travels in the query string; it must not end up in what n8n stores or shows. */
describe('InTime node: the secret key stays out of errors and execution data', () => {
	const simulator = useInTimeSimulator();
	// n8n-core logs node errors through n8n's Logger (the log n8n writes to console or file): it must stay clean too.
	let logged: string[] = [];
	beforeEach(() => {
		logged = [];
		jest.spyOn(Logger.prototype, 'log' as never).mockImplementation(((...entry: unknown[]) => {
			logged.push(serialize(entry));
		}) as never);
	});
	afterEach(() => {
		jest.restoreAllMocks();
		expect(logged.join('\n')).not.toContain(SECRET_KEY);
	});

	const send = { resource: 'message', operation: 'send', to: '0701234567', senderTitle: 'Shop', body: 'Hi' };

	function expectNoSecret(value: unknown) {
		expect(serialize(value)).not.toContain(SECRET_KEY);
	}

	it('(the check itself finds a key hidden in an error)', () => {
		expect(serialize({ error: new Error(`failed: ${SECRET_KEY}`) })).toContain(SECRET_KEY);
		expect(serialize(Object.assign(new Error('x'), { cause: new Error(SECRET_KEY) }))).toContain(SECRET_KEY);
	});

	it('on an InTime error code', async () => {
		const result = await runInTime(simulator, send, { credentials: { secretKey: `${SECRET_KEY}x` } });
		expect(result.error?.message).toBe('InTime did not accept the username or secret key (0:ERROR3)');
		expect(logged.join('\n')).toContain('(0:ERROR3)');
		expectNoSecret(result.run);
		expectNoSecret(result.error);
	});

	it('on an HTTP error status', async () => {
		const result = await runInTime(simulator, send, {
			credentials: { baseUrl: `${simulator.baseUrl}/wrong-path` },
		});
		expect(result.error?.message).toBe('InTime answered with HTTP status 404');
		expectNoSecret(result.run);
	});

	it('when InTime cannot be reached, also with continue-on-fail', async () => {
		// A port that was just free: nothing listens there.
		const server = createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		await new Promise((resolve) => server.close(resolve));

		const credentials = { baseUrl: `http://127.0.0.1:${port}/api/1.0` };
		const failed = await runInTime(simulator, send, { credentials });
		expect(failed.error).toBeDefined();
		expectNoSecret(failed.run);

		const continued = await runInTime(simulator, send, { credentials, continueOnFail: true });
		expect(continued.items[0].json.error).toBeDefined();
		expectNoSecret(continued.run);
	});

	it.each([
		{ status: 500, expected: 'InTime answered with HTTP status 500' },
		{ status: 200, expected: 'InTime sent an answer the node does not understand' },
	])('when a server that is not InTime echoes the address (HTTP $status)', async ({ status, expected }) => {
		// e.g. a proxy's error page or a login page quoting the URL it was asked for, key included
		const page = await startPlainServer((url) => ({ status, body: `<html><p>Not found: ${url}</p></html>` }));
		try {
			const result = await runInTime(
				simulator,
				{ resource: 'group', operation: 'getAll', returnAll: true },
				{ credentials: { baseUrl: page.baseUrl } },
			);
			expect(page.received[0]).toContain(SECRET_KEY);
			expect(result.error?.message).toBe(expected);
			expect(result.error?.description).toContain('Not found: /api/1.0/contacts/listgroups.ashx?user=demo&hash=***');
			expectNoSecret(result.run);
		} finally {
			await page.stop();
		}
	});
});
