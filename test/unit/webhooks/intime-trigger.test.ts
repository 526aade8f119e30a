import { encode } from 'iconv-lite';

import { InTimeTrigger } from '../../../nodes/InTime/InTimeTrigger.node';
import { describeStatus } from '../../../nodes/InTime/trigger/statusCodes';
import { WebhookHarness, type WebhookHarnessOptions } from '../../helpers/webhook-harness';

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
const FORM_LATIN1 = { 'Content-Type': 'application/x-www-form-urlencoded; charset=ISO-8859-1' };

async function withTrigger(
	options: Partial<WebhookHarnessOptions>,
	run: (harness: WebhookHarness) => Promise<void>,
): Promise<void> {
	const harness = new WebhookHarness({ nodeType: new InTimeTrigger(), ...options });
	await harness.start();
	try {
		await run(harness);
	} finally {
		await harness.stop();
	}
}

describe('InTime Trigger: body forms and charsets', () => {
	let harness: WebhookHarness;
	beforeAll(async () => {
		harness = new WebhookHarness({ nodeType: new InTimeTrigger() });
		await harness.start();
	});
	afterAll(async () => await harness.stop());

	const expectReport = (
		response: Awaited<ReturnType<WebhookHarness['request']>>,
		messageId: string,
		transId: string | null,
		status: number,
	) => {
		expect(response.status).toBe(200);
		expect(response.body).toBe(messageId);
		expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
		expect(response.call.items).toHaveLength(1);
		expect(response.call.items![0].json).toMatchObject({ messageId, transId, status });
	};

	test('form body', async () => {
		const response = await harness.request('POST', '', {
			headers: FORM,
			body: 'messageid=1001&status=20&transid=order-7',
		});
		expectReport(response, '1001', 'order-7', 20);
		const json = response.call.items![0].json;
		expect(json).toEqual({
			messageId: '1001',
			transId: 'order-7',
			status: 20,
			statusText: "Delivered: the recipient's phone confirmed receipt",
			delivered: true,
			final: true,
			receivedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
			otherFields: {},
		});
		expect(Math.abs(Date.parse(json.receivedAt as string) - Date.now())).toBeLessThan(5000);
	});

	test('form body declared ISO-8859-1 (n8n itself would answer 422): 200 and the Latin-1 bytes decoded', async () => {
		// transid "Åsa-ö" as ISO-8859-1 percent escapes: %C5 = Å, %F6 = ö.
		const response = await harness.request('POST', '', {
			headers: FORM_LATIN1,
			body: Buffer.from('messageid=1002&status=0&transid=%C5sa-%F6', 'ascii'),
		});
		expectReport(response, '1002', 'Åsa-ö', 0);
		expect(response.call.items![0].json.delivered).toBe(false);
	});

	test('raw (unescaped) Latin-1 bytes in a form body without a charset are read as Latin-1, not garbled', async () => {
		const body = Buffer.concat([Buffer.from('messageid=1003&status=20&transid=', 'ascii'), encode('Göran', 'latin1')]);
		expectReport(await harness.request('POST', '', { headers: FORM, body }), '1003', 'Göran', 20);
	});

	test('UTF-8 percent escapes stay UTF-8', async () => {
		const response = await harness.request('POST', '', {
			headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8' },
			body: 'messageid=1004&status=20&transid=%C3%85sa',
		});
		expectReport(response, '1004', 'Åsa', 20);
	});

	test('unknown charset name: still accepted', async () => {
		const response = await harness.request('POST', '', {
			headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=x-made-up' },
			body: 'messageid=1005&status=4&transid=t',
		});
		expectReport(response, '1005', 't', 4);
	});

	test('query string only (POST without a body)', async () => {
		expectReport(await harness.request('POST', 'messageid=1006&status=21&transid=q1'), '1006', 'q1', 21);
	});

	test('XML body with elements, ISO-8859-1 declared in the XML only', async () => {
		const xml = '<?xml version="1.0" encoding="iso-8859-1"?>\r\n<status><messageid>1007</messageid><status>3</status><transid>Örebro</transid></status>';
		const response = await harness.request('POST', '', {
			headers: { 'Content-Type': 'text/xml' },
			body: encode(xml, 'latin1'),
		});
		expectReport(response, '1007', 'Örebro', 3);
	});

	test('XML body with attributes and upper-case names', async () => {
		const response = await harness.request('POST', '', {
			headers: { 'Content-Type': 'application/xml; charset=utf-8' },
			body: '<Callback><Report MessageID="1008" Status="20" TransID="x-1"/></Callback>',
		});
		expectReport(response, '1008', 'x-1', 20);
	});

	test('JSON body with numbers and mixed case', async () => {
		const response = await harness.request('POST', '', {
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ MessageId: 1009, Status: 1, TransId: 'j-1' }),
		});
		expectReport(response, '1009', 'j-1', 1);
	});

	test('JSON body without a content type is recognised', async () => {
		const response = await harness.request('POST', '', {
			headers: { 'Content-Type': 'text/plain' },
			body: '{"messageid":"1010","status":"2","transid":"p"}',
		});
		expectReport(response, '1010', 'p', 2);
	});

	test('gzip-compressed form body', async () => {
		const { gzipSync } = await import('zlib');
		const response = await harness.request('POST', '', {
			headers: { ...FORM, 'Content-Encoding': 'gzip' },
			body: gzipSync(Buffer.from('messageid=1011&status=20&transid=gz')),
		});
		expectReport(response, '1011', 'gz', 20);
	});

	test('body fields win over query fields; extra query fields are passed through', async () => {
		const response = await harness.request('POST', 'status=99&customer=42', {
			headers: FORM,
			body: 'messageid=1012&status=20&transid=b',
		});
		expectReport(response, '1012', 'b', 20);
		expect(response.call.items![0].json.otherFields).toEqual({ customer: '42' });
	});

	test('several reports in one XML body: one item each, all ids answered', async () => {
		const response = await harness.request('POST', '', {
			headers: { 'Content-Type': 'text/xml' },
			body: '<statuses><status messageid="1" status="20" transid="a"/><status messageid="2" status="0" transid="b"/></statuses>',
		});
		expect(response.status).toBe(200);
		expect(response.body).toBe('1,2');
		expect(response.call.items!.map((item) => item.json.transId)).toEqual(['a', 'b']);
	});
});

describe('InTime Trigger: rejected callbacks start nothing', () => {
	let harness: WebhookHarness;
	beforeAll(async () => {
		harness = new WebhookHarness({ nodeType: new InTimeTrigger() });
		await harness.start();
	});
	afterAll(async () => await harness.stop());

	test('no message id: 400 naming the field and what was received', async () => {
		const response = await harness.request('POST', '', { headers: FORM, body: 'status=20&transid=t' });
		expect(response.status).toBe(400);
		expect(response.body).toBe(
			'The status callback has no message id: expected a field named "messageid" in the query string or the body (received the fields "status", "transid"). Nothing was started.',
		);
		expect(response.call.items).toBeUndefined();
	});

	test('empty request: 400', async () => {
		const response = await harness.request('POST', '');
		expect(response.status).toBe(400);
		expect(response.body).toContain('received no fields');
		expect(response.call.items).toBeUndefined();
	});

	test('status that is not a number: 400', async () => {
		const response = await harness.request('POST', '', { headers: FORM, body: 'messageid=5&status=ok' });
		expect(response.status).toBe(400);
		expect(response.body).toBe(
			'The status callback for message 5 has the status "ok": expected a number such as 20 (delivered) or 0-4 (not delivered). Nothing was started.',
		);
		expect(response.call.items).toBeUndefined();
	});

	test('broken XML: 400', async () => {
		const response = await harness.request('POST', '', {
			headers: { 'Content-Type': 'text/xml' },
			body: '<status><messageid>1</status>',
		});
		expect(response.status).toBe(400);
		expect(response.body).toMatch(/^The body is not well-formed XML \(.+\)\. Nothing was started\.$/);
		expect(response.call.items).toBeUndefined();
	});
});

describe('InTime Trigger: status mapping', () => {
	test.each([
		[0, 'notDelivered', true, 'Not delivered: the message is faulty or the phone number is not valid'],
		[1, 'notDelivered', true, 'Not delivered: the message was not approved by the message service provider'],
		[2, 'notDelivered', true, 'Not delivered: a parameter of the message was faulty'],
		[3, 'notDelivered', true, "Not delivered: the message was stopped in the operator's network"],
		[4, 'notDelivered', true, 'Not delivered: reason unknown'],
		[20, 'delivered', true, "Delivered: the recipient's phone confirmed receipt"],
		[21, 'unknown', false, 'Status unknown: no delivery receipt was received'],
		[7, 'unknown', false, 'Status 7, a code the InTime API does not document'],
	])('status %i', (status, outcome, final, statusText) => {
		expect(describeStatus(status)).toEqual({ outcome, final, statusText });
	});

	test('delivered is true only for 20 (through the node)', async () => {
		await withTrigger({}, async (harness) => {
			const delivered: Record<number, unknown> = {};
			for (const status of [0, 1, 2, 3, 4, 20, 21, 99]) {
				const response = await harness.request('POST', `messageid=${status + 100}&status=${status}&transid=t`);
				delivered[status] = response.call.items![0].json.delivered;
			}
			expect(delivered).toEqual({ 0: false, 1: false, 2: false, 3: false, 4: false, 20: true, 21: false, 99: false });
		});
	});
});

describe('InTime Trigger: which statuses start the workflow', () => {
	test('only "not delivered": others answered 200 with the id, starting nothing', async () => {
		await withTrigger({ parameters: { startOn: ['notDelivered'] } }, async (harness) => {
			const delivered = await harness.request('POST', 'messageid=1&status=20&transid=a');
			expect([delivered.status, delivered.body, delivered.call.items]).toEqual([200, '1', undefined]);
			const unknown = await harness.request('POST', 'messageid=2&status=21&transid=a');
			expect([unknown.status, unknown.body, unknown.call.items]).toEqual([200, '2', undefined]);
			const failed = await harness.request('POST', 'messageid=3&status=3&transid=a');
			expect(failed.status).toBe(200);
			expect(failed.call.items?.map((item) => item.json.status)).toEqual([3]);
		});
	});

	test('"delivered" and "unknown"', async () => {
		await withTrigger({ parameters: { startOn: ['delivered', 'unknown'] } }, async (harness) => {
			const started: number[] = [];
			for (const status of [0, 4, 20, 21, 55]) {
				const response = await harness.request('POST', `messageid=9&status=${status}`);
				expect(response.status).toBe(200);
				if (response.call.items) started.push(response.call.items[0].json.status as number);
			}
			expect(started).toEqual([20, 21, 55]);
		});
	});
});

describe('InTime Trigger: secret', () => {
	const credentials = {
		httpQueryAuth: { name: 'token', value: 's3cret-Ü' },
		httpHeaderAuth: { name: 'X-Callback-Secret', value: 'hdr-secret' },
		httpBasicAuth: { user: 'intime', password: 'pa:ss' },
	};

	test('secret in the URL: missing 401, wrong 403, right 200 and the token is not in the output', async () => {
		await withTrigger({ parameters: { authentication: 'queryAuth' }, credentials }, async (harness) => {
			const missing = await harness.request('POST', 'messageid=1&status=20');
			expect(missing.status).toBe(401);
			expect(missing.body).toBe('This URL requires a secret, and the request did not carry it. Nothing was started.');
			expect(missing.call.items).toBeUndefined();

			const wrong = await harness.request('POST', 'token=guess&messageid=1&status=20');
			expect(wrong.status).toBe(403);
			expect(wrong.body).toBe('The secret in the request does not match. Nothing was started.');
			expect(wrong.call.items).toBeUndefined();

			const right = await harness.request('POST', `token=${encodeURIComponent('s3cret-Ü')}&customer=5`, {
				headers: FORM,
				body: 'messageid=1&status=20&transid=t',
			});
			expect(right.status).toBe(200);
			expect(right.body).toBe('1');
			expect(right.call.items![0].json.otherFields).toEqual({ customer: '5' });
			expect(JSON.stringify(right.call.items)).not.toContain('s3cret');
		});
	});

	test('header: missing 401, wrong 403, right 200', async () => {
		await withTrigger({ parameters: { authentication: 'headerAuth' }, credentials }, async (harness) => {
			expect((await harness.request('POST', 'messageid=1&status=20')).status).toBe(401);
			const wrong = await harness.request('POST', 'messageid=1&status=20', {
				headers: { 'x-callback-secret': 'nope' },
			});
			expect([wrong.status, wrong.call.items]).toEqual([403, undefined]);
			const right = await harness.request('POST', 'messageid=1&status=20', {
				headers: { 'X-Callback-Secret': 'hdr-secret' },
			});
			expect(right.status).toBe(200);
			expect(JSON.stringify(right.call.items)).not.toContain('hdr-secret');
		});
	});

	test('basic auth: missing 401 with a challenge, wrong 403, right 200', async () => {
		await withTrigger({ parameters: { authentication: 'basicAuth' }, credentials }, async (harness) => {
			const missing = await harness.request('POST', 'messageid=1&status=20');
			expect(missing.status).toBe(401);
			expect(missing.headers['www-authenticate']).toBe('Basic realm="Webhook"');
			const basic = (user: string, password: string) => ({
				Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`,
			});
			const wrong = await harness.request('POST', 'messageid=1&status=20', { headers: basic('intime', 'pa') });
			expect([wrong.status, wrong.call.items]).toEqual([403, undefined]);
			const right = await harness.request('POST', 'messageid=1&status=20', { headers: basic('intime', 'pa:ss') });
			expect(right.status).toBe(200);
			expect(right.call.items).toHaveLength(1);
		});
	});

	test('secret chosen but the credential is empty: 500 saying so, nothing started', async () => {
		await withTrigger(
			{ parameters: { authentication: 'queryAuth' }, credentials: { httpQueryAuth: { name: 'token', value: '' } } },
			async (harness) => {
				const response = await harness.request('POST', 'token=&messageid=1&status=20');
				expect(response.status).toBe(500);
				expect(response.body).toBe(
					"The trigger's Query Auth credential needs a Name and a Value. Nothing was started.",
				);
				expect(response.call.items).toBeUndefined();
			},
		);
	});

	test('the secret is checked before the body is read: a wrong secret with broken XML is 403, not 400', async () => {
		await withTrigger({ parameters: { authentication: 'queryAuth' }, credentials }, async (harness) => {
			const response = await harness.request('POST', 'token=guess', {
				headers: { 'Content-Type': 'text/xml' },
				body: '<broken',
			});
			expect(response.status).toBe(403);
		});
	});
});

describe('InTime Trigger: repeated reports', () => {
	test('dropped within the window when enabled; a different recipient or status is not a repeat', async () => {
		await withTrigger({ parameters: { dropRepeats: true, repeatWindowMinutes: 60 } }, async (harness) => {
			const first = await harness.request('POST', 'messageid=50&status=20&transid=a');
			expect(first.call.items).toHaveLength(1);
			const repeat = await harness.request('POST', 'messageid=50&status=20&transid=a');
			expect([repeat.status, repeat.body, repeat.call.items]).toEqual([200, '50', undefined]);
			const otherRecipient = await harness.request('POST', 'messageid=50&status=20&transid=b');
			expect(otherRecipient.call.items).toHaveLength(1);
			const laterStatus = await harness.request('POST', 'messageid=50&status=21&transid=a');
			expect(laterStatus.call.items).toHaveLength(1);
			expect(Object.keys(harness.savedStaticData['node:Trigger Under Test'] as object)).toEqual(['seenReports']);
		});
	});

	test('forgotten after the window', async () => {
		await withTrigger({ parameters: { dropRepeats: true, repeatWindowMinutes: 1 } }, async (harness) => {
			await harness.request('POST', 'messageid=51&status=20&transid=a');
			// Pretend the first report came two minutes ago.
			const store = harness.savedStaticData['node:Trigger Under Test'] as { seenReports: Record<string, number> };
			for (const key of Object.keys(store.seenReports)) store.seenReports[key] -= 120_000;
			const again = await harness.request('POST', 'messageid=51&status=20&transid=a');
			expect(again.call.items).toHaveLength(1);
		});
	});

	test('off by default: the repeat starts the workflow again and nothing is stored', async () => {
		await withTrigger({}, async (harness) => {
			await harness.request('POST', 'messageid=52&status=20&transid=a');
			const repeat = await harness.request('POST', 'messageid=52&status=20&transid=a');
			expect(repeat.call.items).toHaveLength(1);
			expect(harness.savedStaticData).toEqual({});
		});
	});
});

describe('InTime Trigger: n8n leaves the body to the node', () => {
	test("n8n's skip condition holds for the node with default parameters", async () => {
		await withTrigger({}, async (harness) => {
			const response = await harness.request('POST', '', { headers: FORM_LATIN1, body: 'messageid=1&status=20' });
			// The harness answers 422 like n8n whenever n8n would parse; 200 proves n8n's condition skipped it.
			expect(response.status).toBe(200);
		});
	});

	test('control: if the hidden parameter were lost, n8n would answer 422 before the node runs', async () => {
		await withTrigger({ parameters: { options: {} } }, async (harness) => {
			const response = await harness.request('POST', '', { headers: FORM_LATIN1, body: 'messageid=1&status=20' });
			expect(response.status).toBe(422);
			expect(response.body).toContain('Unknown encoding: ISO-8859-1');
		});
	});

	test('works without n8n\'s readRawBody() too (the node reads the stream)', async () => {
		await withTrigger({ withoutN8nRawBodyReader: true }, async (harness) => {
			const response = await harness.request('POST', '', { headers: FORM_LATIN1, body: 'messageid=77&status=20&transid=%E5' });
			expect(response.body).toBe('77');
			expect(response.call.items![0].json.transId).toBe('å');
		});
	});
});
