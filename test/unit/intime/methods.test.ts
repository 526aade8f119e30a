/**
 * The node's methods as the n8n editor calls them: group pickers through n8n-core's LoadOptionsContext (what
 * n8n's /dynamic-node-parameters endpoints build) and the credential test through n8n-core's CredentialTestContext.
 */
import { CredentialTestContext, LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	INode,
	INodeCredentialTestResult,
	INodeParameters,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { InTimeApi } from '../../../credentials/InTimeApi.credentials';
import { InTime } from '../../../nodes/InTime/InTime.node';
import { testAdditionalData } from '../../helpers/additionalData';
import type { InTimeSimulator } from '../../simulators/intime';
import { seedGroups, startPlainServer } from './fixtures';
import { requestsTo, SECRET_KEY, useInTimeSimulator, USERNAME } from './setup';

const nodeType = new InTime();

function additionalDataFor(
	credentials: ICredentialDataDecryptedObject,
	currentNodeParameters?: INodeParameters,
): IWorkflowExecuteAdditionalData {
	return testAdditionalData({
		credentialTypes: [new InTimeApi()],
		credentials: { inTimeApi: credentials },
		extra: { currentNodeParameters },
	});
}

/** The context n8n builds for a load-options or list-search call: a one-node workflow with the editor's parameters. */
function loadOptionsContext(
	simulator: InTimeSimulator,
	parameters: INodeParameters,
	path: string,
	credentials: ICredentialDataDecryptedObject = {},
): LoadOptionsContext {
	const node: INode = {
		id: 'b3d6a7e2-0000-4000-8000-000000000002',
		name: 'InTime',
		type: 'test.inTime',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { inTimeApi: { id: '1', name: 'InTime account' } },
	};
	const nodeTypes: INodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const data = { username: USERNAME, secretKey: SECRET_KEY, baseUrl: simulator.baseUrl, ...credentials };
	return new LoadOptionsContext(workflow, node, additionalDataFor(data, parameters), path);
}

/** Everything an error holds, nested causes included (message, stack and cause are not enumerable). */
function serializeError(error: unknown): string {
	return JSON.stringify(error, (_key, value: unknown) =>
		value instanceof Error
			? { ...value, message: value.message, stack: value.stack, cause: (value as { cause?: unknown }).cause }
			: value,
	);
}

const contactParameters = { resource: 'contact', operation: 'create', contactType: 1 };
const groupDeleteParameters = { resource: 'group', operation: 'delete' };

describe('InTime node methods', () => {
	const simulator = useInTimeSimulator();

	describe('loadOptions.getGroups', () => {
		const getGroups = nodeType.methods.loadOptions.getGroups;

		it('lists the groups sorted by Swedish alphabet, with numeric values', async () => {
			const [orebro, alingsas, angelholm, boras] = seedGroups(simulator, ['Örebro', 'Alingsås', 'Ängelholm', 'Borås']);
			const context = loadOptionsContext(simulator, contactParameters, 'parameters.additionalFields.groupIds');

			const options = await getGroups.call(context);

			const [request] = requestsTo(simulator, 'contacts/listgroups.ashx');
			expect(request.method).toBe('GET');
			expect(request.query).toEqual({ user: USERNAME, hash: SECRET_KEY });
			// Å Ä Ö come after Z in Swedish.
			expect(options).toEqual([
				{ name: 'Alingsås', value: alingsas.id },
				{ name: 'Borås', value: boras.id },
				{ name: 'Ängelholm', value: angelholm.id },
				{ name: 'Örebro', value: orebro.id },
			]);
		});

		it('gives an empty list for an account without groups (2:ERROR1)', async () => {
			const context = loadOptionsContext(simulator, contactParameters, 'parameters.additionalFields.groupIds');
			await expect(getGroups.call(context)).resolves.toEqual([]);
			expect(requestsTo(simulator, 'contacts/listgroups.ashx')[0].answer).toBe('2:ERROR1');
		});

		it('fails with the InTime explanation for a wrong key, without the key in the error', async () => {
			const wrongKey = `${SECRET_KEY}-old`;
			const context = loadOptionsContext(simulator, contactParameters, 'parameters.additionalFields.groupIds', {
				secretKey: wrongKey,
			});
			const failure = await getGroups.call(context).then(
				() => undefined,
				(error: Error & { description?: string }) => error,
			);
			expect(requestsTo(simulator, 'contacts/listgroups.ashx')[0].query.hash).toBe(wrongKey);
			expect(failure?.message).toBe('InTime did not accept the username or secret key (0:ERROR3)');
			expect(serializeError(failure)).not.toContain(SECRET_KEY);
		});

		it('does not show the key when the Base URL leads to a page that echoes the request', async () => {
			const echo = await startPlainServer((url) => ({ status: 404, body: `<h1>Not found: ${url}</h1>` }));
			try {
				const context = loadOptionsContext(simulator, contactParameters, 'parameters.additionalFields.groupIds', {
					baseUrl: echo.baseUrl,
				});
				const failure = await getGroups.call(context).then(
					() => undefined,
					(error: Error & { description?: string }) => error,
				);
				expect(echo.received[0]).toContain(`hash=${SECRET_KEY}`);
				expect(failure?.message).toBe('InTime answered with HTTP status 404');
				expect(failure?.description).toContain('Not found: /api/1.0/contacts/listgroups.ashx');
				expect(serializeError(failure)).not.toContain(SECRET_KEY);
			} finally {
				await echo.stop();
			}
		});

		it('fails an unreachable Base URL without the key anywhere in the error', async () => {
			const closed = await startPlainServer(() => ({ status: 200, body: '' }));
			await closed.stop();
			const context = loadOptionsContext(simulator, contactParameters, 'parameters.additionalFields.groupIds', {
				baseUrl: closed.baseUrl,
			});
			const failure = await getGroups.call(context).then(
				() => undefined,
				(error: Error) => error,
			);
			expect(failure).toBeInstanceOf(Error);
			const everything = serializeError(failure);
			expect(everything).toContain('ECONNREFUSED');
			expect(everything).not.toContain(SECRET_KEY);
		});
	});

	describe('listSearch.searchGroups', () => {
		const searchGroups = nodeType.methods.listSearch.searchGroups;

		it('lists all groups with string values for the resource locator, sorted by name', async () => {
			const [kunder, ekonomi] = seedGroups(simulator, ['Kunder', 'Ekonomi & lön']);
			const context = loadOptionsContext(simulator, groupDeleteParameters, 'parameters.groupId');
			await expect(searchGroups.call(context)).resolves.toEqual({
				results: [
					{ name: 'Ekonomi & lön', value: String(ekonomi.id) },
					{ name: 'Kunder', value: String(kunder.id) },
				],
			});
		});

		it('filters by part of the name (any case, Swedish letters) or by the exact id', async () => {
			const [goteborg, , malmo] = seedGroups(simulator, ['Kunder Göteborg', 'Leverantörer', 'Kunder Malmö']);
			const context = loadOptionsContext(simulator, groupDeleteParameters, 'parameters.groupId');

			const byName = await searchGroups.call(context, 'KUNDER');
			expect(byName.results.map((result) => result.value)).toEqual([String(goteborg.id), String(malmo.id)]);

			const byLetter = await searchGroups.call(context, 'MALMÖ');
			expect(byLetter.results).toEqual([{ name: 'Kunder Malmö', value: String(malmo.id) }]);

			const byId = await searchGroups.call(context, ` ${goteborg.id} `);
			expect(byId.results).toEqual([{ name: 'Kunder Göteborg', value: String(goteborg.id) }]);

			await expect(searchGroups.call(context, 'Stockholm')).resolves.toEqual({ results: [] });
			expect(requestsTo(simulator, 'contacts/listgroups.ashx')).toHaveLength(4);
		});
	});

	describe('credentialTest.inTimeApiTest', () => {
		const inTimeApiTest = nodeType.methods.credentialTest.inTimeApiTest;

		it('is the test the node names for its credential', () => {
			expect(nodeType.description.credentials).toEqual([
				{ name: 'inTimeApi', required: true, testedBy: 'inTimeApiTest' },
			]);
		});

		async function testCredential(data: ICredentialDataDecryptedObject): Promise<INodeCredentialTestResult> {
			const credential: ICredentialsDecrypted = { id: '1', name: 'InTime account', type: 'inTimeApi', data };
			const context = new CredentialTestContext(additionalDataFor(data));
			return await inTimeApiTest.call(context, credential);
		}

		function expectNoSecret(result: INodeCredentialTestResult, secret = SECRET_KEY) {
			expect(JSON.stringify(result)).not.toContain(secret);
		}

		it('passes with a good username and key, also for an account without groups', async () => {
			const result = await testCredential({ username: USERNAME, secretKey: SECRET_KEY, baseUrl: simulator.baseUrl });
			expect(result).toEqual({ status: 'OK', message: 'Connection successful' });
			const [request] = requestsTo(simulator, 'contacts/listgroups.ashx');
			expect(request.query).toEqual({ user: USERNAME, hash: SECRET_KEY });
			expect(request.answer).toBe('2:ERROR1');

			seedGroups(simulator, ['Kunder']);
			await expect(
				testCredential({ username: USERNAME, secretKey: SECRET_KEY, baseUrl: `${simulator.baseUrl}/` }),
			).resolves.toMatchObject({ status: 'OK' });
			expect(requestsTo(simulator, 'contacts/listgroups.ashx')[1].answer).toContain('<groups>');
		});

		it('fails a wrong key, which InTime answers with 0:ERROR3 and HTTP 200', async () => {
			const wrongKey = 'demo-secret-key-0123456789abcdef0123456X';
			const result = await testCredential({ username: USERNAME, secretKey: wrongKey, baseUrl: simulator.baseUrl });
			expect(requestsTo(simulator, 'contacts/listgroups.ashx')[0].answer).toBe('0:ERROR3');
			expect(result.status).toBe('Error');
			expect(result.message).toContain('InTime did not accept the username or secret key (0:ERROR3)');
			expectNoSecret(result, wrongKey);
		});

		it('fails an unknown username', async () => {
			const result = await testCredential({ username: 'okand', secretKey: SECRET_KEY, baseUrl: simulator.baseUrl });
			expect(result.status).toBe('Error');
			expect(result.message).toContain('(0:ERROR3)');
			expectNoSecret(result);
		});

		it.each([
			{ case: 'a missing username', data: { username: '', secretKey: SECRET_KEY } },
			{ case: 'a missing key', data: { username: USERNAME, secretKey: '' } },
		])('fails $case without sending anything', async ({ data }) => {
			const result = await testCredential({ ...data, baseUrl: simulator.baseUrl });
			expect(result).toEqual({ status: 'Error', message: 'Enter both the Username and the Secret Key.' });
			expect(simulator.requests).toHaveLength(0);
		});

		it('fails an unreachable Base URL and names it, without the key', async () => {
			const closed = await startPlainServer(() => ({ status: 200, body: '' }));
			await closed.stop();
			const result = await testCredential({ username: USERNAME, secretKey: SECRET_KEY, baseUrl: closed.baseUrl });
			expect(result.status).toBe('Error');
			expect(result.message).toContain(`Could not reach InTime at ${closed.baseUrl}`);
			expect(result.message).toContain('ECONNREFUSED');
			expectNoSecret(result);
		});

		it('fails a Base URL that is not a URL', async () => {
			const result = await testCredential({ username: USERNAME, secretKey: SECRET_KEY, baseUrl: 'sms.intime.nu' });
			expect(result.status).toBe('Error');
			expect(result.message).toContain('Could not reach InTime at sms.intime.nu');
			expectNoSecret(result);
		});

		it('fails a Base URL with a wrong path (HTTP 404)', async () => {
			const result = await testCredential({
				username: USERNAME,
				secretKey: SECRET_KEY,
				baseUrl: `${simulator.baseUrl}/api/1.0`,
			});
			expect(requestsTo(simulator, 'contacts/listgroups.ashx')[0].answer).toBe('Not found');
			expect(result.status).toBe('Error');
			expect(result.message).toContain('InTime answered with HTTP status 404');
			expectNoSecret(result);
		});

		it('fails a Base URL that answers HTTP 200 with something other than InTime, without the key', async () => {
			// E.g. a company proxy's start page, or a web server that echoes the address it was asked for.
			const page = await startPlainServer((url) => ({ status: 200, body: `<html><body>Welcome! You asked for ${url}</body></html>` }));
			try {
				const result = await testCredential({ username: USERNAME, secretKey: SECRET_KEY, baseUrl: page.baseUrl });
				expect(page.received).toEqual([`/api/1.0/contacts/listgroups.ashx?user=${USERNAME}&hash=${SECRET_KEY}`]);
				expect(result.status).toBe('Error');
				expect(result.message).toContain('Welcome!');
				expectNoSecret(result);
			} finally {
				await page.stop();
			}
		});

		it('hides a key with special characters also where the page echoes it percent-encoded', async () => {
			const secret = "k3y+/=Å!'(x)*&";
			const page = await startPlainServer((url) => ({ status: 404, body: `No page at ${url}` }));
			try {
				const result = await testCredential({ username: USERNAME, secretKey: secret, baseUrl: page.baseUrl });
				const echoed = page.received[0].slice(page.received[0].indexOf('hash=') + 'hash='.length);
				expect(echoed).not.toBe(secret);
				expect(result.status).toBe('Error');
				expect(result.message).toContain('No page at /api/1.0/contacts/listgroups.ashx?user=demo&hash=***');
				expectNoSecret(result, secret);
				expectNoSecret(result, echoed);
			} finally {
				await page.stop();
			}
		});

		it('fails a Base URL whose error page echoes the request, without the key', async () => {
			const page = await startPlainServer((url) => ({ status: 502, body: `Bad gateway for ${url}` }));
			try {
				const result = await testCredential({ username: USERNAME, secretKey: SECRET_KEY, baseUrl: page.baseUrl });
				expect(result.status).toBe('Error');
				expect(result.message).toContain('InTime answered with HTTP status 502');
				expect(result.message).toContain('Bad gateway for /api/1.0/contacts/listgroups.ashx');
				expectNoSecret(result);
			} finally {
				await page.stop();
			}
		});
	});
});
