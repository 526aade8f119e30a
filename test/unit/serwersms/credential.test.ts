/**
 * The SerwerSMS API credential: authentication in each mode, and the credential test n8n runs when the credential
 * is saved. n8n 2.40's CredentialsTester calls the node's `methods.credentialTest[testedBy]` with a
 * CredentialTestContext; a `test` request on the credential would only fail on a non-2xx status, and SerwerSMS says
 * "wrong login" with HTTP 200.
 */
import { CredentialTestContext } from 'n8n-core';
import type { ICredentialsDecrypted, ICredentialTestFunctions } from 'n8n-workflow';

import { SerwerSmsApi } from '../../../credentials/SerwerSmsApi.credentials';
import { SerwerSmsTrigger } from '../../../nodes/SerwerSmsTrigger/SerwerSmsTrigger.node';
import type { SerwerSmsSimulator } from '../../simulators/serwersms/server';
import { PASSWORD, TOKEN, USERNAME, startSimulator } from './fixtures';

let simulator: SerwerSmsSimulator;

beforeEach(async () => {
	simulator = await startSimulator();
});

afterEach(async () => {
	await simulator.stop();
});

function credential(data: Record<string, string>): ICredentialsDecrypted {
	return { id: '1', name: 'SerwerSMS account', type: 'serwerSmsApi', data: { baseUrl: simulator.baseUrl, ...data } };
}

async function runCredentialTest(data: Record<string, string>) {
	const trigger = new SerwerSmsTrigger();
	// The lookup n8n does: the node's credential entry names the test function.
	const entry = trigger.description.credentials?.find(({ name }) => name === 'serwerSmsApi');
	expect(entry?.testedBy).toBe('serwerSmsApiTest');
	const testFunction = trigger.methods.credentialTest[entry!.testedBy as 'serwerSmsApiTest'];
	const context = new CredentialTestContext() as unknown as ICredentialTestFunctions;
	return await testFunction.call(context, credential(data));
}

describe('authenticate', () => {
	const type = new SerwerSmsApi();

	test('token mode: Bearer header, nothing added to the body', async () => {
		const options = await (type.authenticate as Function)(
			{ authentication: 'apiToken', apiToken: TOKEN, username: 'ignored', password: 'ignored' },
			{ url: 'x', method: 'POST', body: { system: 's' }, headers: { Accept: 'application/json' } },
		);
		expect(options.headers).toEqual({ Accept: 'application/json', Authorization: `Bearer ${TOKEN}` });
		expect(options.body).toEqual({ system: 's' });
	});

	test('username and password mode: body fields, no Authorization header', async () => {
		const options = await (type.authenticate as Function)(
			{ authentication: 'usernamePassword', apiToken: 'ignored', username: USERNAME, password: PASSWORD },
			{ url: 'x', method: 'POST', body: { system: 's' } },
		);
		expect(options.headers).toBeUndefined();
		expect(options.body).toEqual({ system: 's', username: USERNAME, password: PASSWORD });
	});

	test('the credential has no status-only `test`: n8n would prefer it over the node\'s body-checking test', () => {
		expect((type as { test?: unknown }).test).toBeUndefined();
	});
});

describe('credential test (as n8n runs it)', () => {
	test('a good token passes; the request is a harmless one-message read, never marking read', async () => {
		simulator.addMessages([{ recived: '2026-11-23 10:00:00' }]);
		expect(await runCredentialTest({ authentication: 'apiToken', apiToken: TOKEN })).toEqual({
			status: 'OK',
			message: 'Connection successful',
		});
		const [request] = simulator.requests;
		expect(request.path).toBe('/messages/recived.json');
		expect(request.authorization).toBe(`Bearer ${TOKEN}`);
		expect(JSON.parse(request.rawBody)).toEqual({ system: 'n8n-nodes-intime-serwersms', page: 1, limit: 1 });
		expect(simulator.inbox.unread()).toHaveLength(1);
	});

	test('good username and password pass', async () => {
		const result = await runCredentialTest({ authentication: 'usernamePassword', username: USERNAME, password: PASSWORD });
		expect(result.status).toBe('OK');
		expect(simulator.requests[0].authorization).toBeUndefined();
		expect(simulator.requests[0].body).toMatchObject({ username: USERNAME, password: PASSWORD });
	});

	test('a wrong token fails although SerwerSMS answers HTTP 200, and the token is not in the message', async () => {
		const result = await runCredentialTest({ authentication: 'apiToken', apiToken: 'bad-token-xyz' });
		expect(simulator.requests[0].status).toBe(200);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/wrong API username or password, or an invalid API token \(SerwerSMS error 1001/);
		expect(result.message).not.toContain('bad-token-xyz');
	});

	test('a wrong password fails', async () => {
		const result = await runCredentialTest({ authentication: 'usernamePassword', username: USERNAME, password: 'nope-123' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/SerwerSMS error 1001/);
		expect(result.message).not.toContain('nope-123');
	});

	test('no API permission and a blocked IP fail with what to do', async () => {
		simulator.accountError = 1002;
		expect((await runCredentialTest({ authentication: 'apiToken', apiToken: TOKEN })).message).toMatch(
			/no permission to use the API \(SerwerSMS error 1002/,
		);
		simulator.accountError = 1003;
		expect((await runCredentialTest({ authentication: 'apiToken', apiToken: TOKEN })).message).toMatch(
			/IP address.*SerwerSMS error 1003/,
		);
	});

	test('a server that is not SerwerSMS or not reachable fails', async () => {
		simulator.failNext({ kind: 'http', status: 404 });
		expect((await runCredentialTest({ authentication: 'apiToken', apiToken: TOKEN })).message).toMatch(
			/HTTP status 404\. Check the Base URL/,
		);
		const { baseUrl } = simulator;
		await simulator.stop();
		const result = await runCredentialTest({ authentication: 'apiToken', apiToken: TOKEN, baseUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Could not reach SerwerSMS/);
	});
});
