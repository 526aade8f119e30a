/**
 * The InTime Trigger and the SerwerSMS Webhook Trigger in a real n8n (the line chosen by N8N_E2E_VERSION, 2.40.7 by
 * default), installed from the packed tarball as a community package: workflows are imported and published, n8n is
 * started, and real HTTP requests go to the production webhook URLs. Asserts on the HTTP answers and on the
 * executions n8n stored. The round trip sends a message with the InTime node through the InTime simulator, which
 * then calls the trigger back as InTime would.
 *
 * Slow (n8n start-up, ~1 minute): part of `npm run test:e2e`; alone:
 *   npx jest -c test/e2e/jest.config.js test/e2e/webhook-triggers
 */
import type { InTimeSimulator as InTimeSimulatorType } from '../simulators/intime/server';

/* eslint-disable @typescript-eslint/no-require-imports */
const { prepareInstance, importCredentials, disposeInstance, newSecretKey } = require('./support/instance') as {
	prepareInstance: (options: { account: { username: string; secretKey: string }; logLevel?: string }) => Promise<Context>;
	importCredentials: (n8n: N8nInstance, credentials: unknown[]) => Promise<void>;
	disposeInstance: (context: Context | undefined) => Promise<void>;
	newSecretKey: () => string;
};
const { N8n } = require('../../scripts/lib/n8n') as {
	N8n: new (
		runtime: Runtime,
		options: { port: number; userFolder?: string; env?: Record<string, string> },
	) => N8nInstance;
};
const { freePort } = require('../../scripts/lib/ports') as { freePort: () => Promise<number> };

interface Context {
	runtime: Runtime;
	n8n: N8nInstance;
	simulator: InTimeSimulatorType;
	flatted: { parse: (text: string) => any };
}
interface Runtime {
	version: string;
	dir: string;
}
interface N8nInstance {
	userFolder: string;
	baseUrl: string;
	isV1: boolean;
	importWorkflows(workflows: unknown[]): Promise<void>;
	activate(id: string): Promise<void>;
	start(): Promise<void>;
	stop(): Promise<void>;
	waitForRest(): Promise<void>;
	loginAsOwner(): Promise<void>;
	rest(method: string, route: string, body?: unknown): Promise<{ status: number; body: any }>;
	execute(workflowId: string): Promise<{ ok: boolean; output: string }>;
}

jest.setTimeout(15 * 60 * 1000);

const PACKAGE = 'n8n-nodes-intime-serwersms';
const IDS = {
	plain: 'e2eInTimeTrig001',
	secure: 'e2eInTimeTrig002',
	serwersms: 'e2eSerwerSmsWh01',
	sender: 'e2eInTimeSend001',
	control: 'e2eN8nWebhook001',
	example: 'e2eExampleTrack1',
};
const SECRET = 'e2e-callback-secret';

let context: Context | undefined;
let runtime: Runtime;
let n8n: N8nInstance;
let simulator: InTimeSimulatorType;
let flattedParse: (text: string) => any;

function triggerWorkflow(id: string, name: string, type: string, webhookId: string, parameters: object, credentials?: object) {
	return {
		id,
		name,
		active: true,
		nodes: [
			{
				id: `${id}-node`,
				name,
				type: `${PACKAGE}.${type}`,
				typeVersion: 1,
				position: [0, 0],
				webhookId,
				parameters,
				...(credentials ? { credentials } : {}),
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

function url(path: string): string {
	return `${n8n.baseUrl}/webhook/${path}`;
}

async function post(path: string, headers: Record<string, string>, body?: string | Buffer) {
	const response = await fetch(url(path), { method: 'POST', headers, body });
	return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
}

/** Finished executions of a workflow, newest first, with the trigger's output items. */
async function executions(
	workflowId: string,
): Promise<Array<{ id: string; items: any[]; outputOf: (node: string) => any[] }>> {
	const list = await n8n.rest('GET', `/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=100`);
	const results: any[] = list.body?.data?.results ?? list.body?.data ?? [];
	const detailed = [];
	for (const summary of results) {
		if (summary.status !== 'success') {
			if (['error', 'crashed', 'canceled'].includes(summary.status)) {
				throw new Error(`execution ${summary.id} of ${workflowId} ended with ${summary.status}`);
			}
			continue; // still running: not stored completely yet
		}
		const full = await n8n.rest('GET', `/executions/${summary.id}`);
		const data = flattedParse(full.body.data.data);
		const runData = data.resultData.runData;
		const [triggerRuns] = Object.values(runData) as any[];
		detailed.push({
			id: String(summary.id),
			items: triggerRuns[0].data.main[0].map((item: any) => item.json),
			outputOf: (node: string) =>
				(runData[node]?.[0]?.data?.main ?? []).flatMap((output: any[] | null) => (output ?? []).map((item) => item.json)),
		});
	}
	return detailed;
}

async function waitForExecutions(workflowId: string, count: number, timeoutMs = 30000) {
	const started = Date.now();
	for (;;) {
		const found = await executions(workflowId);
		if (found.length >= count) return found;
		if (Date.now() - started > timeoutMs) throw new Error(`expected ${count} executions of ${workflowId}, found ${found.length}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** docs/examples/intime-send-and-track.json as a user would import it, pointed at this n8n and the simulator. */
function exampleFromDocs(port: string) {
	const file = `${__dirname}/../../docs/examples/intime-send-and-track.json`;
	const text = require('fs')
		.readFileSync(file, 'utf8')
		.replace('https://YOUR-N8N-HOST', `http://localhost:${port}`);
	const example = JSON.parse(text);
	for (const node of example.nodes) {
		if (node.credentials?.inTimeApi) node.credentials.inTimeApi = { id: 'e2eInTimeCred001', name: 'InTime simulator' };
	}
	return { ...example, id: IDS.example, active: true };
}

beforeAll(async () => {
	const account = { username: 'e2e-user', secretKey: newSecretKey() };
	context = await prepareInstance({ account, logLevel: 'info' });
	({ runtime, n8n, simulator } = context);
	flattedParse = context.flatted.parse;
	simulator.setCallbackOptions({ format: 'form-latin1', statuses: [20, 3], delayMs: 100, retryDelaysMs: [300, 600] });
	await importCredentials(n8n, [
		{ id: 'e2eQueryAuth0001', name: 'Callback secret', type: 'httpQueryAuth', data: { name: 'token', value: SECRET } },
		{ id: 'e2eInTimeCred001', name: 'InTime simulator', type: 'inTimeApi', data: { ...account, baseUrl: simulator.baseUrl } },
	]);
	const statusUrl = `http://localhost:${new URL(n8n.baseUrl).port}/webhook/e2e-intime-plain/status`;
	await n8n.importWorkflows([
		triggerWorkflow(IDS.plain, 'InTime Trigger', 'inTimeTrigger', 'e2e-intime-plain', {}),
		triggerWorkflow(
			IDS.secure,
			'InTime Trigger (secret, no repeats)',
			'inTimeTrigger',
			'e2e-intime-secure',
			{ authentication: 'queryAuth', dropRepeats: true },
			{ httpQueryAuth: { id: 'e2eQueryAuth0001', name: 'Callback secret' } },
		),
		triggerWorkflow(IDS.serwersms, 'SerwerSMS Webhook Trigger', 'serwerSmsWebhookTrigger', 'e2e-serwersms', {}),
		{
			id: IDS.sender,
			name: 'Send and track',
			active: true,
			nodes: [
				{
					id: 'send-webhook',
					name: 'Send request',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: 'e2e-send',
					parameters: { httpMethod: 'POST', path: 'e2e-send', responseMode: 'lastNode', options: {} },
				},
				{
					id: 'send-intime',
					name: 'InTime',
					type: `${PACKAGE}.inTime`,
					typeVersion: 1,
					position: [220, 0],
					parameters: {
						resource: 'message',
						operation: 'send',
						to: '+46701234567, +46701234568',
						senderTitle: 'Shop',
						body: 'Din order är packad',
						additionalFields: { statusUrl, trackingIds: 'order-1, order-2' },
					},
					credentials: { inTimeApi: { id: 'e2eInTimeCred001', name: 'InTime simulator' } },
				},
			],
			connections: { 'Send request': { main: [[{ node: 'InTime', type: 'main', index: 0 }]] } },
			settings: { executionOrder: 'v1' },
			pinData: {},
		},
		{
			id: IDS.control,
			name: "n8n's own Webhook node (control)",
			active: true,
			nodes: [
				{
					id: 'control-webhook',
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					position: [0, 0],
					webhookId: 'e2e-control',
					parameters: { httpMethod: 'POST', path: 'e2e-control', options: {} },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
			pinData: {},
		},
	]);
	await n8n.importWorkflows([exampleFromDocs(new URL(n8n.baseUrl).port)]);
	for (const id of Object.values(IDS)) await n8n.activate(id);
	await n8n.start();
	await n8n.waitForRest();
	await n8n.loginAsOwner();
	// Production webhooks are registered a little after the REST API answers.
	// (The probes start nothing in our workflows: 400 no message id, 401 no secret, OK without fields.)
	const deadline = Date.now() + 60000;
	for (const path of ['e2e-intime-plain/status', 'e2e-intime-secure/status', 'e2e-serwersms/incoming', 'e2e-control']) {
		while ((await fetch(url(path), { method: 'POST' })).status === 404 && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
});

afterAll(async () => await disposeInstance(context));

const FORM_LATIN1 = { 'Content-Type': 'application/x-www-form-urlencoded; charset=ISO-8859-1' };

describe('InTime Trigger in a real n8n', () => {
	test("control: n8n's own Webhook node rejects a form body declared ISO-8859-1 with 422", async () => {
		const response = await post('e2e-control', FORM_LATIN1, 'messageid=1&status=20');
		expect(response.status).toBe(422);
	});

	test('every body form is answered 200 with the message id and stored as an execution', async () => {
		const calls: Array<[string, Record<string, string>, string | Buffer | undefined, string]> = [
			['form, ISO-8859-1', FORM_LATIN1, Buffer.from('messageid=7001&status=20&transid=%C5sa', 'ascii'), '7001'],
			['form, UTF-8', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'MessageId=7002&Status=0&TransId=b', '7002'],
			['XML, ISO-8859-1', { 'Content-Type': 'text/xml; charset=iso-8859-1' }, Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><status><messageid>7003</messageid><status>21</status><transid>\xd6</transid></status>', 'latin1'), '7003'],
			['JSON', { 'Content-Type': 'application/json' }, '{"messageid":7004,"status":4,"transid":"d"}', '7004'],
		];
		for (const [label, headers, body, id] of calls) {
			const response = await post('e2e-intime-plain/status', headers, body);
			expect([label, response.status, response.body]).toEqual([label, 200, id]);
		}
		const query = await post('e2e-intime-plain/status?messageid=7005&status=20&transid=e', {});
		expect([query.status, query.body]).toEqual([200, '7005']);

		const stored = await waitForExecutions(IDS.plain, 5);
		const reports = stored.flatMap((execution) => execution.items).sort((a, b) => a.messageId.localeCompare(b.messageId));
		expect(reports.map(({ messageId, transId, status, delivered, final }) => ({ messageId, transId, status, delivered, final }))).toEqual([
			{ messageId: '7001', transId: 'Åsa', status: 20, delivered: true, final: true },
			{ messageId: '7002', transId: 'b', status: 0, delivered: false, final: true },
			{ messageId: '7003', transId: 'Ö', status: 21, delivered: false, final: false },
			{ messageId: '7004', transId: 'd', status: 4, delivered: false, final: true },
			{ messageId: '7005', transId: 'e', status: 20, delivered: true, final: true },
		]);
	});

	test('a callback without a message id gets 400 and starts nothing', async () => {
		const before = (await executions(IDS.plain)).length;
		const response = await post('e2e-intime-plain/status', FORM_LATIN1, 'status=20');
		expect(response.status).toBe(400);
		expect(response.body).toContain('no message id');
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect((await executions(IDS.plain)).length).toBe(before);
	});

	test('secret: 401 without, 403 wrong, 200 right; a repeated report starts nothing (static data kept by n8n)', async () => {
		const path = 'e2e-intime-secure/status';
		expect((await post(`${path}?messageid=8001&status=20`, {})).status).toBe(401);
		expect((await post(`${path}?token=wrong&messageid=8001&status=20`, {})).status).toBe(403);
		const first = await post(`${path}?token=${SECRET}`, FORM_LATIN1, 'messageid=8001&status=20&transid=x');
		expect([first.status, first.body]).toEqual([200, '8001']);
		await waitForExecutions(IDS.secure, 1);
		const repeat = await post(`${path}?token=${SECRET}`, FORM_LATIN1, 'messageid=8001&status=20&transid=x');
		expect([repeat.status, repeat.body]).toEqual([200, '8001']);
		const other = await post(`${path}?token=${SECRET}`, FORM_LATIN1, 'messageid=8001&status=20&transid=y');
		expect(other.status).toBe(200);
		const stored = await waitForExecutions(IDS.secure, 2);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const all = await executions(IDS.secure);
		expect(all.flatMap((execution) => execution.items.map((item) => item.transId)).sort()).toEqual(['x', 'y']);
		expect(stored.length).toBe(2);
		expect(JSON.stringify(all)).not.toContain(SECRET);
	});

	test('round trip: the InTime node sends with the status URL, the simulator calls back, the reports match by transid', async () => {
		const response = await fetch(url('e2e-send'), { method: 'POST' });
		expect(response.status).toBe(200);
		const attempts = await simulator.waitForCallbacks(2, 15000);
		expect(attempts.map((attempt) => [attempt.transId, attempt.status, attempt.httpStatus, attempt.responseBody])).toEqual([
			['order-1', 20, 200, attempts[0].messageId],
			['order-2', 3, 200, attempts[1].messageId],
		]);
		const stored = await waitForExecutions(IDS.plain, 7);
		const byTransId = Object.fromEntries(
			stored.flatMap((execution) => execution.items).filter((item) => item.transId?.startsWith('order-')).map((item) => [item.transId, item]),
		);
		expect(byTransId['order-1']).toMatchObject({ messageId: attempts[0].messageId, status: 20, delivered: true });
		expect(byTransId['order-2']).toMatchObject({ messageId: attempts[1].messageId, status: 3, delivered: false, statusText: "Not delivered: the message was stopped in the operator's network" });
	});
});

describe('The send-and-track example from the docs, in a real n8n', () => {
	test('running it texts through the simulator; the delivery reports take the delivered / not delivered branches', async () => {
		simulator.callbackAttempts.length = 0;
		// `n8n execute` next to the running server: same database, its own task-broker port.
		const cli = new N8n(runtime, {
			port: await freePort(),
			userFolder: n8n.userFolder,
			env: { N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
		});
		const run = await cli.execute(IDS.example);
		expect([run.ok, run.ok ? '' : run.output.slice(-2000)]).toEqual([true, '']);
		const attempts = await simulator.waitForCallbacks(1, 15000);
		expect([attempts[0].transId, attempts[0].httpStatus, attempts[0].responseBody]).toEqual(['order-1042', 200, attempts[0].messageId]);
		// The "Try it" run itself is an execution too; the reports are those that ran the InTime Trigger.
		const reportRuns = async (count: number) => {
			const deadline = Date.now() + 30000;
			for (;;) {
				const runs = (await executions(IDS.example)).filter((e) => e.outputOf('InTime Trigger').length > 0);
				if (runs.length >= count || Date.now() > deadline) return runs;
				await new Promise((resolve) => setTimeout(resolve, 500));
			}
		};
		const [delivered] = await reportRuns(1);
		const report = delivered.outputOf('InTime Trigger')[0];
		expect(report).toMatchObject({ messageId: attempts[0].messageId, transId: 'order-1042', delivered: true });
		expect(delivered.outputOf('Mark order as texted')).toEqual([
			{ orderId: 'order-1042', smsStatus: 'delivered', at: report.receivedAt },
		]);

		const failed = await post('3c9a1f6e-58b2-4d7a-a0f4-6e2d9b1c7a55/status', FORM_LATIN1, 'messageid=9901&status=1&transid=order-1043');
		expect([failed.status, failed.body]).toEqual([200, '9901']);
		const runs = await reportRuns(2);
		expect(runs.flatMap((e) => e.outputOf('Flag order: text not delivered'))).toEqual([
			{ orderId: 'order-1043', smsStatus: 'failed', reason: 'Not delivered: the message was not approved by the message service provider' },
		]);
	});
});

describe('SerwerSMS Webhook Trigger in a real n8n', () => {
	test('GET (reply) and POST (MMS form) are answered 200 text/plain OK and stored', async () => {
		const get = await fetch(url(`e2e-serwersms/incoming?phone=%2B48500600700&text=${encodeURIComponent('Będę o 16')}&type=eco`));
		expect([get.status, await get.text(), get.headers.get('content-type')]).toEqual([200, 'OK', 'text/plain; charset=utf-8']);
		const mms = await post('e2e-serwersms/incoming', { 'Content-Type': 'application/x-www-form-urlencoded; charset=ISO-8859-2' }, Buffer.from('phone=%2B48500600701&type=mms&title=%BFó%B3w'.replace('ó', '%F3'), 'ascii'));
		expect([mms.status, mms.body]).toEqual([200, 'OK']);
		const stored = await waitForExecutions(IDS.serwersms, 2);
		const items = stored.flatMap((execution) => execution.items).sort((a, b) => a.phone.localeCompare(b.phone));
		expect(items.map(({ phone, text, type, title, method }) => ({ phone, text, type, title, method }))).toEqual([
			{ phone: '+48500600700', text: 'Będę o 16', type: 'eco', title: null, method: 'GET' },
			{ phone: '+48500600701', text: null, type: 'mms', title: 'żółw', method: 'POST' },
		]);
	});
});
