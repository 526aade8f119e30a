'use strict';
/**
 * The InTime node in a real n8n, installed from the packed tarball as a community package (N8N_E2E_VERSION picks
 * the n8n line). Workflows run with `n8n execute`; then n8n is started to check what only a running n8n shows: the
 * node types it lists, the credential test, the executions it stored, the example workflows' webhook, and that the
 * InTime secret key (the `hash`) appears nowhere in n8n's database, files or log.
 */
const { freePort } = require('../../scripts/lib/ports');
const { exampleWorkflows, inTimeCredentials, EXAMPLE_IDS, ORDER_WEBHOOK_PATH } = require('../../scripts/lib/examples');
const { prepareInstance, importCredentials, disposeInstance, newSecretKey, findSecret } = require('./support/instance');
const { nodeItems, nodeError } = require('./support/workflows');
const {
	IDS,
	SCHEDULED_AT,
	APPOINTMENT_AT,
	allOperationsWorkflow,
	wrongKeyWorkflow,
	continueOnFailWorkflow,
	unreachableWorkflow,
} = require('./intime-workflows');

const PACKAGE = 'n8n-nodes-intime-serwersms';
const ACCOUNT = { username: 'e2e-user', secretKey: newSecretKey() };
const WRONG_KEY = newSecretKey();
const CREDENTIALS = {
	good: { id: 'e2eInTimeGood001', name: 'InTime e2e' },
	wrongKey: { id: 'e2eInTimeWrong01', name: 'InTime e2e (wrong key)' },
	unreachable: { id: 'e2eInTimeNoHost1', name: 'InTime e2e (nothing listens)' },
};

let context;
let simulator;
let n8n;
/** Everything n8n printed in this test file (CLI runs), searched for the secret keys at the end. */
const printed = {};

/** The requests the simulator received while `work` ran. */
async function requestsDuring(work) {
	const before = simulator.requests.length;
	const result = await work();
	return { result, requests: simulator.requests.slice(before) };
}

async function execute(workflowId) {
	const result = await n8n.execute(workflowId);
	printed[`n8n execute --id=${workflowId}`] = result.output;
	return result;
}

function bodyOf(request) {
	return request.bodyText;
}

beforeAll(async () => {
	context = await prepareInstance({ account: ACCOUNT });
	({ simulator, n8n } = context);
	const baseUrl = simulator.baseUrl;
	const closedPort = await freePort();
	await importCredentials(n8n, [
		{ ...CREDENTIALS.good, type: 'inTimeApi', data: { ...ACCOUNT, baseUrl } },
		{ ...CREDENTIALS.wrongKey, type: 'inTimeApi', data: { username: ACCOUNT.username, secretKey: WRONG_KEY, baseUrl } },
		{
			...CREDENTIALS.unreachable,
			type: 'inTimeApi',
			data: { ...ACCOUNT, baseUrl: `http://127.0.0.1:${closedPort}/api/1.0` },
		},
		...inTimeCredentials({ ...ACCOUNT, baseUrl }),
	]);
	await n8n.importWorkflows([
		allOperationsWorkflow(CREDENTIALS.good),
		wrongKeyWorkflow(CREDENTIALS.wrongKey),
		continueOnFailWorkflow(CREDENTIALS.good),
		unreachableWorkflow(CREDENTIALS.unreachable),
		...exampleWorkflows({ n8nUrl: n8n.baseUrl.replace('127.0.0.1', 'localhost') }),
	]);
	await n8n.activate(EXAMPLE_IDS.orderShipped);
	await n8n.activate(EXAMPLE_IDS.deliveryReports);
});

afterAll(async () => {
	await disposeInstance(context);
});

describe(`every InTime operation in a workflow (n8n execute)`, () => {
	let run;
	let requests;

	beforeAll(async () => {
		simulator.reset();
		const outcome = await requestsDuring(() => execute(IDS.allOperations));
		requests = outcome.requests;
		run = outcome.result.run;
		if (!outcome.result.ok || run?.status !== 'success') {
			throw new Error(`The workflow did not succeed:\n${outcome.result.output.slice(-4000)}`);
		}
	});

	const requestsTo = (endpoint) => requests.filter((r) => r.path.toLowerCase().endsWith(`/${endpoint}.ashx`));

	test('every request carries the credential as ?user=&hash= and is text/xml in ISO-8859-1', () => {
		expect(requests.length).toBeGreaterThanOrEqual(12);
		for (const request of requests) {
			expect(request.query.user).toBe(ACCOUNT.username);
			expect(request.query.hash).toBe(ACCOUNT.secretKey);
			if (request.method === 'POST') {
				expect(String(request.headers['content-type']).toLowerCase()).toContain('text/xml');
				expect(bodyOf(request).startsWith('<?xml version="1.0" encoding="iso-8859-1"?>')).toBe(true);
			}
		}
	});

	test('Message → Send: the text arrives in ISO-8859-1 bytes, with tracking ids, and the output lists each message id', () => {
		const [sent] = nodeItems(run, 'Send SMS');
		expect(sent.messageIds).toHaveLength(2);
		expect(sent.recipients).toEqual([
			{ phone: '+46701234567', transId: 'order-1', messageId: sent.messageIds[0] },
			{ phone: '0707654321', transId: 'order-2', messageId: sent.messageIds[1] },
		]);
		expect(sent.scheduled).toBe(false);
		expect(sent.replacedCharacters).toBe(1);

		const request = requestsTo('message/create').find((r) => bodyOf(r).includes('Ordern'));
		// "Å", "ä", "é"... are one byte each in ISO-8859-1; the en dash was replaced by "-".
		expect(request.rawBody.includes(Buffer.from('Hej \xc5sa! Ordern \xe4r klar - v\xe4lkommen.', 'latin1'))).toBe(true);
		expect(bodyOf(request)).toContain('<recipient transid="order-1">+46701234567</recipient>');
		expect(bodyOf(request)).toContain('<recipient transid="order-2">0707654321</recipient>');
		expect(bodyOf(request)).toContain('<sendertitle>Byggvaruh</sendertitle>');
		const stored = simulator.state.messages.filter((m) => sent.messageIds.includes(m.id));
		expect(stored.map((m) => m.body)).toEqual(['Hej Åsa! Ordern är klar - välkommen.', 'Hej Åsa! Ordern är klar - välkommen.']);
	});

	test('Message → Send with "Send At" schedules it; Delete Scheduled removes it', () => {
		const [scheduled] = nodeItems(run, 'Schedule SMS');
		expect(scheduled.scheduled).toBe(true);
		expect(bodyOf(requestsTo('message/create').find((r) => bodyOf(r).includes('leverans')))).toContain(
			`<senddate>${SCHEDULED_AT}</senddate>`,
		);
		const [deleted] = nodeItems(run, 'Delete scheduled SMS');
		expect(deleted).toEqual({ messageId: scheduled.messageIds[0], deleted: true });
		expect(bodyOf(requestsTo('message/delete')[0])).toContain(`<messageid>${scheduled.messageIds[0]}</messageid>`);
		expect(simulator.state.messages.find((m) => m.id === scheduled.messageIds[0]).deleted).toBe(true);
	});

	test('Group → Create, Get Many and Delete; Contact → Create in a group', () => {
		const created = nodeItems(run, 'Create groups');
		expect(created.map((g) => g.name)).toEqual(['E2E Kunder Malmö', 'E2E Leverantörer']);
		expect(created.every((g) => Number.isInteger(g.id))).toBe(true);

		const listed = nodeItems(run, 'List groups');
		expect(listed).toEqual(expect.arrayContaining(created.map((g) => expect.objectContaining(g))));

		const [contact] = nodeItems(run, 'Create contact');
		expect(contact).toMatchObject({ firstName: 'Åke', lastName: 'Ström', mobile: '0701234567', email: 'ake@example.com' });
		expect(Number.isInteger(contact.contactId)).toBe(true);
		const contactXml = bodyOf(requestsTo('contacts/add')[0]);
		expect(contactXml).toContain('<type>3</type>');
		expect(contactXml).toContain(`<group groupid="${created[0].id}"`);
		expect(requestsTo('contacts/add')[0].rawBody.includes(Buffer.from('\xc5ke', 'latin1'))).toBe(true);

		const [deleted] = nodeItems(run, 'Delete group');
		expect(deleted).toEqual({ groupId: created[0].id, deleted: true, contactsDeleted: true });
		expect(simulator.state.groups.map((g) => g.id)).not.toContain(created[0].id);
		expect(simulator.state.groups.map((g) => g.id)).toContain(created[1].id);
		expect(simulator.state.contacts.map((c) => c.id)).not.toContain(contact.contactId);
	});

	test('Block List → Add, Get Many and Remove', () => {
		const added = nodeItems(run, 'Block numbers');
		expect(added).toHaveLength(2);
		expect(added.every((entry) => Number.isInteger(entry.entryId))).toBe(true);
		const listed = nodeItems(run, 'List blocked numbers');
		expect(listed).toHaveLength(2);
		const removed = nodeItems(run, 'Unblock first number');
		expect(removed).toHaveLength(1);
		expect(removed[0].mobile).toBe(added[0].mobile);
		expect(simulator.state.blockList).toHaveLength(1);
		expect(simulator.state.blockList[0].id).toBe(added[1].entryId);
	});

	test('Reminder → Create, Get Many (by id) and Update', () => {
		const [created] = nodeItems(run, 'Create reminder');
		expect(Number.isInteger(created.appointmentId)).toBe(true);
		// 14:30 in the workflow's time zone (Europe/Stockholm) is sent as InTime's local wall-clock time.
		const createXml = bodyOf(requestsTo('reminder/add')[0]);
		expect(createXml).toMatch(/2030-05-20[ T]14:30/);
		expect(requestsTo('reminder/add')[0].rawBody.includes(Buffer.from('\xd6berg', 'latin1'))).toBe(true);

		const got = nodeItems(run, 'Get reminder');
		expect(got).toHaveLength(1);
		expect(got[0]).toMatchObject({
			appointmentId: created.appointmentId,
			active: true,
			organizer: { title: 'Dr', firstName: 'Karin', lastName: 'Ek' },
			attendant: { firstName: 'Åsa', lastName: 'Öberg', mobile: '+46701234567' },
		});
		expect(requestsTo('reminder/list')[0].query.id).toBe(String(created.appointmentId));

		const [updated] = nodeItems(run, 'Update reminder');
		expect(updated).toMatchObject({ appointmentId: created.appointmentId, updated: true });
		const stored = simulator.state.reminders.find((r) => r.id === created.appointmentId);
		expect(stored.attendant.mobile).toBe('+46709998877');
		expect(got[0].appointmentDate).toBe(`${APPOINTMENT_AT}+02:00`);
	});
});

describe('errors as a real n8n shows them (n8n execute)', () => {
	test('a wrong secret key stops the workflow with the node error', async () => {
		const { result, requests } = await requestsDuring(() => execute(IDS.wrongKey));
		expect(result.ok).toBe(false);
		expect(requests).toHaveLength(1);
		expect(requests[0].answer).toBe('0:ERROR3');
		expect(result.output).toContain('InTime did not accept the username or secret key');
	});

	test('continue on fail: the failed item carries the error, the other item its result', async () => {
		// InTime fails the first send ("Send (continue)" runs first: it is placed higher).
		simulator.failNext('message/create.ashx', '2:ERROR1');
		const { result, requests } = await requestsDuring(() => execute(IDS.continueOnFail));
		expect(result.ok).toBe(true);
		expect(result.run.status).toBe('success');
		const regular = nodeItems(result.run, 'Send (continue)');
		expect(regular).toEqual([
			{ error: expect.stringContaining('InTime could not send the message') },
			{ error: '"To" has a value that is not a phone number: "not a number"' },
		]);

		const sent = nodeItems(result.run, 'Send (error output)', 0);
		const failed = nodeItems(result.run, 'Send (error output)', 1);
		expect(sent).toEqual([expect.objectContaining({ messageIds: [expect.any(Number)] })]);
		expect(failed).toEqual([{ error: '"To" has a value that is not a phone number: "not a number"' }]);
		// The invalid number never reaches InTime: two requests, one per valid item.
		const sends = requests.filter((r) => r.path.endsWith('/message/create.ashx'));
		expect(sends.map((r) => r.answer)).toEqual(['2:ERROR1', String(sent[0].messageIds[0])]);
	});

	test('an InTime address where nothing listens fails the request with a clear message', async () => {
		const result = await execute(IDS.unreachable);
		expect(result.ok).toBe(false);
		expect(result.output).toContain('The service refused the connection - perhaps it is offline');
	});
});

describe('the example workflows of `npm start` (n8n execute)', () => {
	test('"try the order SMS with a sample order" texts the sample customer with tracking id and status URL', async () => {
		simulator.reset();
		const result = await execute(EXAMPLE_IDS.sampleOrder);
		expect(result.ok).toBe(true);
		const [message] = simulator.state.messages;
		expect(message).toMatchObject({
			recipient: '+46701234567',
			transId: 'order-1042',
			senderTitle: 'Byggvaruh',
			body: 'Hej Åsa! Din order order-1042 är skickad. Spåra paketet: https://track.example.com/1042',
		});
		expect(message.statusUrl).toMatch(/\/webhook\/[0-9a-f-]+\/status$/);
	});

	test('"list and clean the block list" blocks three numbers and unblocks the two test numbers', async () => {
		simulator.reset();
		const result = await execute(EXAMPLE_IDS.blockListCleanup);
		expect(result.ok).toBe(true);
		expect(nodeItems(result.run, 'Unblock them').map((e) => e.mobile)).toEqual(['0700001111', '0700002222']);
		expect(simulator.state.blockList.map((e) => e.mobile)).toEqual(['0701122334']);
	});

	test('"appointment reminders" creates one reminder per appointment', async () => {
		simulator.reset();
		const result = await execute(EXAMPLE_IDS.appointmentReminders);
		expect(result.ok).toBe(true);
		expect(nodeItems(result.run, 'Create reminder')).toHaveLength(2);
		expect(simulator.state.reminders.map((r) => r.attendant.firstName)).toEqual(['Åsa', 'Erik']);
	});
});

describe('in the running n8n', () => {
	beforeAll(async () => {
		await n8n.start();
		await n8n.waitForRest();
		await n8n.loginAsOwner();
	});

	test('lists the package’s node and credential types and serves the node icon', async () => {
		const nodes = await (await n8n.fetchAsOwner('/types/nodes.json')).json();
		const names = nodes.map((n) => n.name);
		expect(names).toEqual(expect.arrayContaining([`${PACKAGE}.inTime`, `${PACKAGE}.inTimeTrigger`]));
		const inTime = nodes.find((n) => n.name === `${PACKAGE}.inTime`);
		const resources = inTime.properties.find((p) => p.name === 'resource').options.map((o) => o.value);
		// n8n adds "Custom API Call" to nodes whose credential can authenticate its HTTP Request node.
		expect(resources.sort()).toEqual(['__CUSTOM_API_CALL__', 'blockList', 'contact', 'group', 'message', 'reminder']);

		const credentials = await (await n8n.fetchAsOwner('/types/credentials.json')).json();
		expect(credentials.map((c) => c.name)).toContain('inTimeApi');

		const iconPath = inTime.iconUrl?.light ?? inTime.iconUrl ?? `icons/${PACKAGE}/dist/nodes/InTime/intime.svg`;
		const icon = await n8n.fetchAsOwner(`/${String(iconPath).replace(/^\//, '')}`);
		expect(icon.status).toBe(200);
		expect(icon.headers.get('content-type')).toContain('svg');
		expect(await icon.text()).toContain('<svg');
	});

	async function testCredential(credential, data) {
		const response = await n8n.rest('POST', '/credentials/test', {
			credentials: { id: credential.id, name: credential.name, type: 'inTimeApi', data },
		});
		expect(response.status).toBe(200);
		return response.body.data;
	}

	test('the credential test succeeds with good and fails with bad credentials', async () => {
		const baseUrl = simulator.baseUrl;
		const { result: good, requests } = await requestsDuring(() =>
			testCredential(CREDENTIALS.good, { ...ACCOUNT, baseUrl }),
		);
		expect(good).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(requests).toHaveLength(1);
		expect(requests[0].query).toMatchObject({ user: ACCOUNT.username, hash: ACCOUNT.secretKey });

		const wrong = await testCredential(CREDENTIALS.wrongKey, { username: ACCOUNT.username, secretKey: WRONG_KEY, baseUrl });
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toContain('did not accept the username or secret key');
		expect(wrong.message).not.toContain(WRONG_KEY);

		const unreachable = await testCredential(CREDENTIALS.unreachable, {
			...ACCOUNT,
			baseUrl: `http://127.0.0.1:${await freePort()}/api/1.0`,
		});
		expect(unreachable.status).toBe('Error');
		expect(unreachable.message).toContain('Could not reach InTime');
		expect(unreachable.message).not.toContain(ACCOUNT.secretKey);
	});

	/** The newest finished execution n8n stored for `workflowId` (waits up to 15 s for one, e.g. after a webhook). */
	async function storedExecution(workflowId) {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		let results = [];
		for (let tries = 0; tries < 60 && results.length === 0; tries++) {
			if (tries) await new Promise((resolve) => setTimeout(resolve, 250));
			const list = await n8n.rest('GET', `/executions?filter=${filter}`);
			expect(list.status).toBe(200);
			results = (list.body.data.results ?? list.body.data).filter((e) => e.status !== 'running' && e.status !== 'new');
		}
		expect(results.length).toBeGreaterThan(0);
		const stored = await n8n.rest('GET', `/executions/${results[0].id}`);
		expect(stored.status).toBe(200);
		return { ...stored.body.data, data: context.flatted.parse(stored.body.data.data) };
	}

	test('n8n stores the wrong-key error with the node’s message and description', async () => {
		const execution = await storedExecution(IDS.wrongKey);
		expect(execution.status).toBe('error');
		const error = execution.data.resultData.error;
		expect(error.message).toBe('InTime did not accept the username or secret key (0:ERROR3)');
		expect(error.description).toContain('Open the InTime credential and check Username and Secret Key');
		expect(error.name).toBe('NodeApiError');
		expect(error.node.name).toBe('Send SMS');
		expect(nodeError({ data: execution.data }, 'Send SMS').message).toBe(error.message);
	});

	test('n8n stores the unreachable-address error', async () => {
		const execution = await storedExecution(IDS.unreachable);
		expect(execution.status).toBe('error');
		expect(execution.data.resultData.error.message).toBe('The service refused the connection - perhaps it is offline');
		expect(execution.data.resultData.error.node.name).toBe('List groups');
	});

	test('n8n stores the continue-on-fail items', async () => {
		const execution = await storedExecution(IDS.continueOnFail);
		expect(execution.status).toBe('success');
		expect(nodeItems({ data: execution.data }, 'Send (continue)')[0].error).toContain('InTime could not send the message');
	});

	test('the "order shipped" example answers its webhook and texts the customer; the delivery report comes back', async () => {
		simulator.reset();
		const response = await fetch(`${n8n.baseUrl}/webhook/${ORDER_WEBHOOK_PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				orderId: 'order-7',
				customerName: 'Erik',
				phone: '+46707654321',
				trackingUrl: 'https://track.example.com/7',
			}),
		});
		expect(response.status).toBe(200);
		const answer = await response.json();
		expect(answer.recipients).toEqual([{ phone: '+46707654321', transId: 'order-7', messageId: answer.messageIds[0] }]);
		const [message] = simulator.state.messages;
		expect(message.body).toBe('Hej Erik! Din order order-7 är skickad. Spåra paketet: https://track.example.com/7');
		const attempts = await simulator.waitForCallbacks(1, 15000);
		expect(attempts[0].httpStatus).toBe(200);
		const execution = await storedExecution(EXAMPLE_IDS.deliveryReports);
		expect(nodeItems({ data: execution.data }, 'Delivery report')[0].order).toBe('order-7');
	});

	test('the secret keys appear nowhere in n8n’s database, files or log', async () => {
		await n8n.stop();
		const where = {
			folder: n8n.userFolder,
			skip: [`${n8n.userFolder}/.n8n/nodes`],
			texts: { ...printed, 'n8n server output': n8n.serverOutput },
		};
		expect(findSecret(ACCOUNT.secretKey, where)).toEqual([]);
		expect(findSecret(WRONG_KEY, where)).toEqual([]);
		// The check can fail: the simulator did receive the key, and n8n's database holds the execution data.
		expect(simulator.requests.length).toBeGreaterThan(0);
		expect(findSecret('InTime did not accept the username', where).length).toBeGreaterThan(0);
	});
});
