import { encode } from 'iconv-lite';

import { SerwerSmsWebhookTrigger } from '../../../nodes/SerwerSmsTrigger/SerwerSmsWebhookTrigger.node';
import { WebhookHarness, type WebhookHarnessOptions } from '../../helpers/webhook-harness';

async function withTrigger(
	options: Partial<WebhookHarnessOptions>,
	run: (harness: WebhookHarness) => Promise<void>,
): Promise<void> {
	const harness = new WebhookHarness({ nodeType: new SerwerSmsWebhookTrigger(), ...options });
	await harness.start();
	try {
		await run(harness);
	} finally {
		await harness.stop();
	}
}

/** Percent-encodes the bytes of `text` in `charset`, every byte escaped. */
function escaped(text: string, charset: string): string {
	return [...encode(text, charset)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');
}

describe('SerwerSMS Webhook Trigger: GET (ECO/ND/NDI replies)', () => {
	let harness: WebhookHarness;
	beforeAll(async () => {
		harness = new WebhookHarness({ nodeType: new SerwerSmsWebhookTrigger() });
		await harness.start();
	});
	afterAll(async () => await harness.stop());

	test('query fields normalised, every field passed through, answered 200 text/plain OK', async () => {
		const query = `phone=%2B48500600700&text=${encodeURIComponent('Przyjadę o 16')}&date=2026-07-01+12:30:00&sms_id=2477793&type=ECO&message_id=eba39e4fe1&Extra=1`;
		const response = await harness.request('GET', query);
		expect(response.status).toBe(200);
		expect(response.body).toBe('OK');
		expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
		expect(response.call.items).toHaveLength(1);
		expect(response.call.items![0].json).toEqual({
			id: 2477793,
			type: 'eco',
			typeLabel: 'Reply to an ECO SMS',
			phone: '+48500600700',
			text: 'Przyjadę o 16',
			// July: Polish summer time is UTC+2.
			receivedAt: '2026-07-01T12:30:00+02:00',
			receivedLocal: '2026-07-01 12:30:00',
			answeredMessageId: 'eba39e4fe1',
			toNumber: null,
			title: null,
			blacklisted: null,
			method: 'GET',
			fields: {
				phone: '+48500600700',
				text: 'Przyjadę o 16',
				date: '2026-07-01 12:30:00',
				sms_id: '2477793',
				type: 'ECO',
				message_id: 'eba39e4fe1',
				Extra: '1',
			},
		});
	});

	test('Polish names in upper case (NUMER, WIADOMOSC) are recognised', async () => {
		const response = await harness.request('GET', `NUMER=48500600700&WIADOMOSC=${encodeURIComponent('Dziękuję')}`);
		expect(response.call.items![0].json).toMatchObject({ phone: '48500600700', text: 'Dziękuję' });
	});

	test('text escaped in ISO-8859-2 (not UTF-8) is decoded as Polish', async () => {
		const response = await harness.request('GET', `phone=1&text=${escaped('Zażółć gęślą jaźń', 'iso-8859-2')}`);
		expect(response.call.items![0].json.text).toBe('Zażółć gęślą jaźń');
	});

	test('the Windows-1250 option reads such text as Windows-1250', async () => {
		await withTrigger({ parameters: { legacyCharset: 'windows-1250' } }, async (h) => {
			const response = await h.request('GET', `phone=1&text=${escaped('Świetnie, ąś', 'windows-1250')}`);
			expect(response.call.items![0].json.text).toBe('Świetnie, ąś');
		});
	});

	test('a text with spaces and + signs keeps them', async () => {
		const response = await harness.request('GET', `phone=1&text=${encodeURIComponent(' 2+2 = 4 ')}`);
		expect(response.call.items![0].json.text).toBe(' 2+2 = 4 ');
	});

	test('a call without any field is answered OK and starts nothing', async () => {
		const response = await harness.request('GET', '');
		expect([response.status, response.body, response.call.items]).toEqual([200, 'OK', undefined]);
	});
});

describe('SerwerSMS Webhook Trigger: POST (MMS)', () => {
	let harness: WebhookHarness;
	beforeAll(async () => {
		harness = new WebhookHarness({ nodeType: new SerwerSmsWebhookTrigger() });
		await harness.start();
	});
	afterAll(async () => await harness.stop());

	test('form body with ISO-8859-2 charset declared', async () => {
		const body = `phone=%2B48500600700&to_number=%2B48664078059&type=mms&title=${escaped('Temat żółty', 'iso-8859-2')}`;
		const response = await harness.request('POST', 'sms_id=323961872', {
			headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=ISO-8859-2' },
			body: Buffer.from(body, 'ascii'),
		});
		expect([response.status, response.body]).toEqual([200, 'OK']);
		expect(response.call.items![0].json).toMatchObject({
			id: 323961872,
			type: 'mms',
			typeLabel: 'MMS',
			phone: '+48500600700',
			toNumber: '+48664078059',
			title: 'Temat żółty',
			method: 'POST',
		});
	});

	test('multipart body with a file: the file becomes binary data, its name listed in the JSON', async () => {
		const form = new FormData();
		form.append('phone', '+48500600700');
		form.append('type', 'mms');
		form.append('file', new Blob([Buffer.from('Jakas tam jeszcze wiadaomosc')], { type: 'text/plain' }), 'text_0002.txt');
		const request = new Request('http://127.0.0.1/', { method: 'POST', body: form });
		const response = await harness.request('POST', '', {
			headers: { 'Content-Type': request.headers.get('content-type')! },
			body: Buffer.from(await request.arrayBuffer()),
		});
		expect([response.status, response.body]).toEqual([200, 'OK']);
		const item = response.call.items![0];
		expect(item.json).toMatchObject({
			phone: '+48500600700',
			type: 'mms',
			attachments: [{ id: null, fileName: 'text_0002.txt', mimeType: 'text/plain', binaryProperty: 'attachment_0' }],
		});
		expect(item.binary?.attachment_0).toMatchObject({ fileName: 'text_0002.txt', mimeType: 'text/plain' });
		expect(Buffer.from(item.binary!.attachment_0.data, 'base64').toString()).toBe('Jakas tam jeszcze wiadaomosc');
	});

	test('JSON body in the API\'s shape: attachments become binary data, not base64 in the JSON', async () => {
		const response = await harness.request('POST', '', {
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				id: 323961872,
				type: 'mms',
				phone: '+48500600700',
				recived: '2014-10-21 14:09:15',
				blacklist: false,
				attachments: [{ id: 2518, name: 'text_0002.txt', content_type: 'text/plain', data: 'SmFrYXMgdGFtIGplc3pjemUgd2lhZGFvbW9zYw==' }],
			}),
		});
		const item = response.call.items![0];
		expect(item.json).toMatchObject({
			id: 323961872,
			receivedAt: '2014-10-21T14:09:15+02:00',
			blacklisted: false,
			attachments: [{ id: 2518, fileName: 'text_0002.txt', mimeType: 'text/plain', binaryProperty: 'attachment_0' }],
		});
		expect(item.json.fields).not.toHaveProperty('attachments');
		expect(Buffer.from(item.binary!.attachment_0.data, 'base64').toString()).toBe('Jakas tam jeszcze wiadaomosc');
	});

	test('broken JSON: 400, nothing started', async () => {
		const response = await harness.request('POST', '', {
			headers: { 'Content-Type': 'application/json' },
			body: '{"phone":',
		});
		expect(response.status).toBe(400);
		expect(response.body).toMatch(/^The body is not valid JSON \(.+\)\. Nothing was started\.$/);
		expect(response.call.items).toBeUndefined();
	});
});

describe('SerwerSMS Webhook Trigger: secret', () => {
	const credentials = { httpQueryAuth: { name: 'token', value: 'tajne' } };

	test('missing 401, wrong 403, right 200 OK without the token in the output', async () => {
		await withTrigger({ parameters: { authentication: 'queryAuth' }, credentials }, async (harness) => {
			const missing = await harness.request('GET', 'phone=1&text=a');
			expect([missing.status, missing.call.items]).toEqual([401, undefined]);
			const wrong = await harness.request('GET', 'token=x&phone=1&text=a');
			expect([wrong.status, wrong.call.items]).toEqual([403, undefined]);
			const right = await harness.request('GET', 'token=tajne&phone=1&text=a');
			expect([right.status, right.body]).toEqual([200, 'OK']);
			expect(right.call.items![0].json.fields).toEqual({ phone: '1', text: 'a' });
			expect(JSON.stringify(right.call.items)).not.toContain('tajne');
		});
	});

	test('a call carrying only the secret starts nothing', async () => {
		await withTrigger({ parameters: { authentication: 'queryAuth' }, credentials }, async (harness) => {
			const response = await harness.request('GET', 'token=tajne');
			expect([response.status, response.body, response.call.items]).toEqual([200, 'OK', undefined]);
		});
	});
});
