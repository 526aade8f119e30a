/**
 * The polling trigger's requests, output, options and errors, run through n8n-core's poll machinery against the
 * simulator.
 */
import { NodeApiError } from 'n8n-workflow';

import type { SerwerSmsSimulator } from '../../simulators/serwersms/server';
import {
	PASSWORD,
	TOKEN,
	freezeClock,
	passwordCredentials,
	startSimulator,
	triggerHarness,
} from './fixtures';

let simulator: SerwerSmsSimulator;

beforeEach(async () => {
	simulator = await startSimulator();
	freezeClock('2026-11-23T12:00:00Z'); // 13:00:00 in Warsaw
});

afterEach(async () => {
	await simulator.stop();
	jest.useRealTimers();
});

function lastRequest() {
	return simulator.requests[simulator.requests.length - 1];
}

describe('first activation and Start From', () => {
	test('starts from now: messages already in the inbox are not emitted, newer ones are', async () => {
		simulator.addMessages([
			{ id: 1, recived: '2026-11-20 09:00:00' },
			{ id: 2, recived: '2026-11-23 12:59:59' },
		]);
		const harness = triggerHarness(simulator);
		expect(await harness.poll()).toEqual({ items: [], emitted: false });
		expect(simulator.requests[0].body.date_from).toBe('2026-11-23 13:00:00');

		simulator.addMessages([{ id: 3, recived: '2026-11-23 13:00:30' }]);
		const outcome = await harness.poll();
		expect(outcome.items.map((item) => item.json.id)).toEqual([3]);
	});

	test('Start From emits the messages since that date on the first poll', async () => {
		simulator.addMessages([
			{ id: 1, recived: '2026-11-20 09:00:00' },
			{ id: 2, recived: '2026-11-22 08:00:00' },
			{ id: 3, recived: '2026-11-23 12:00:00' },
		]);
		const harness = triggerHarness(simulator, { options: { startFrom: '2026-11-22T08:00:00' } });
		const outcome = await harness.poll();
		expect(outcome.items.map((item) => item.json.id)).toEqual([2, 3]);
		expect(simulator.requests[0].body.date_from).toBe('2026-11-22 08:00:00');
	});

	test('changing Start From later restarts the trigger from the new date', async () => {
		simulator.addMessages([
			{ id: 1, recived: '2026-11-22 08:00:00' },
			{ id: 2, recived: '2026-11-23 12:00:00' },
		]);
		const first = triggerHarness(simulator, { options: { startFrom: '2026-11-23 00:00:00' } });
		expect((await first.poll()).items.map((item) => item.json.id)).toEqual([2]);
		expect((await first.poll()).emitted).toBe(false);
		// The user edits the option and the workflow is activated again (same static data).
		const edited = triggerHarness(simulator, { options: { startFrom: '2026-11-22 00:00:00' } });
		edited.persisted = first.persisted;
		expect((await edited.poll()).items.map((item) => item.json.id)).toEqual([1, 2]);
		expect((await edited.poll()).emitted).toBe(false);
	});

	test('a Start From with an offset is read as an instant and written in Polish time', async () => {
		const harness = triggerHarness(simulator, { options: { startFrom: '2026-07-01T10:00:00.000Z' } });
		await harness.poll();
		expect(simulator.requests[0].body.date_from).toBe('2026-07-01 12:00:00');
	});

	test('an invalid Start From fails with a message naming the field and the value', async () => {
		const harness = triggerHarness(simulator, { options: { startFrom: 'next tuesday' } });
		const outcome = await harness.poll();
		expect(outcome.error?.message).toBe('Start From: "next tuesday" is not a date and time');
		expect(simulator.requests).toHaveLength(0);
	});
});

describe('requests', () => {
	test('token mode: Bearer header only, JSON body with system, filters, paging and ascending order', async () => {
		const harness = triggerHarness(simulator, {
			messageTypes: ['ndi'],
			senderPhones: '+48500600700, +48 600 700 800',
			ndiNumber: '+48664078059',
			includeContactDetails: true,
		});
		await harness.poll();
		const request = lastRequest();
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/messages/recived.json');
		expect(request.contentType).toMatch(/^application\/json/);
		expect(request.authorization).toBe(`Bearer ${TOKEN}`);
		expect(JSON.parse(request.rawBody)).toEqual({
			type: 'ndi',
			phone: ['+48500600700', '+48600700800'],
			ndi: '+48664078059',
			show_contact: true,
			date_from: '2026-11-23 13:00:00',
			page: 1,
			limit: 100,
			order: 'asc',
			system: 'n8n-nodes-intime-serwersms',
		});
	});

	test('username and password mode: fields in the body, no Authorization header; one phone as a string', async () => {
		const harness = triggerHarness(
			simulator,
			{ senderPhones: '+48500600700' },
			{ credentials: passwordCredentials(simulator) },
		);
		expect((await harness.poll()).error).toBeUndefined();
		const request = lastRequest();
		expect(request.authorization).toBeUndefined();
		expect(request.body).toMatchObject({
			username: 'api-user-1',
			password: PASSWORD,
			phone: '+48500600700',
			system: 'n8n-nodes-intime-serwersms',
		});
		expect(request.body.type).toBeUndefined();
	});

	test('all types selected is the same as none: one query without a type', async () => {
		const harness = triggerHarness(simulator, { messageTypes: ['eco', 'nd', 'ndi', 'pre', 'mms'] });
		await harness.poll();
		expect(simulator.requests).toHaveLength(1);
		expect(simulator.requests[0].body.type).toBeUndefined();
	});

	test('a phone number that is not one fails before any request, naming the value', async () => {
		const harness = triggerHarness(simulator, { senderPhones: '+48500600700, Jan' });
		const outcome = await harness.poll();
		expect(outcome.error?.message).toBe('Sender Phone Numbers: "Jan" is not a phone number');
		expect(simulator.requests).toHaveLength(0);
	});

	test('an unknown time zone fails, naming the value', async () => {
		const harness = triggerHarness(simulator, { options: { timeZone: 'Europe/Warszawa' } });
		const outcome = await harness.poll();
		expect(outcome.error?.message).toBe('Time Zone: "Europe/Warszawa" is not a known time zone');
	});
});

describe('output', () => {
	test('each kind of message, with labels, ISO time with offset, contact details and MMS attachments as binary', async () => {
		simulator.inbox.addContact({ phone: '+48500600700', first_name: 'Jan', last_name: 'Kowalski', email: 'jan@example.pl' });
		const mmsText = 'Jakaś treść MMS';
		const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
		const harness = triggerHarness(simulator, { includeContactDetails: true });
		await harness.poll();
		simulator.addMessages([
			{ id: 2477793, type: 'eco', phone: '+48500600700', recived: '2026-11-23 13:01:00', message_id: 'eba39e4fe1', text: 'Przyjadę o 16' },
			{ id: 303023, type: 'nd', phone: '+48500600701', recived: '2026-11-23 13:01:01', text: 'STOP', blacklist: true },
			{
				id: 323961872,
				type: 'mms',
				phone: '+48500600700',
				recived: '2026-11-23 13:01:02',
				to_number: '+48664078059',
				title: 'Temat MMS',
				attachments: [
					{ id: 2518, name: 'text_0002.txt', content_type: 'text/plain', data: Buffer.from(mmsText).toString('base64') },
					{ id: 2519, name: 'photo.png', content_type: 'image/png', data: png.toString('base64') },
				],
			},
		]);
		const { items } = await harness.poll();
		expect(items.map((item) => item.json)).toEqual([
			{
				id: 2477793,
				type: 'eco',
				typeLabel: 'Reply to an ECO SMS',
				phone: '+48500600700',
				text: 'Przyjadę o 16',
				receivedAt: '2026-11-23T13:01:00+01:00',
				receivedLocal: '2026-11-23 13:01:00',
				blacklisted: false,
				answeredMessageId: 'eba39e4fe1',
				contact: { firstName: 'Jan', lastName: 'Kowalski', phone: '+48500600700', email: 'jan@example.pl' },
			},
			{
				id: 303023,
				type: 'nd',
				typeLabel: 'SMS to a shared access number (ND/SC)',
				phone: '+48500600701',
				text: 'STOP',
				receivedAt: '2026-11-23T13:01:01+01:00',
				receivedLocal: '2026-11-23 13:01:01',
				blacklisted: true,
				contact: null,
			},
			{
				id: 323961872,
				type: 'mms',
				typeLabel: 'MMS',
				phone: '+48500600700',
				text: null,
				receivedAt: '2026-11-23T13:01:02+01:00',
				receivedLocal: '2026-11-23 13:01:02',
				blacklisted: false,
				toNumber: '+48664078059',
				title: 'Temat MMS',
				contact: { firstName: 'Jan', lastName: 'Kowalski', phone: '+48500600700', email: 'jan@example.pl' },
				attachments: [
					{ id: 2518, fileName: 'text_0002.txt', mimeType: 'text/plain', binaryProperty: 'attachment_0' },
					{ id: 2519, fileName: 'photo.png', mimeType: 'image/png', binaryProperty: 'attachment_1' },
				],
			},
		]);
		const binary = items[2].binary!;
		expect(Object.keys(binary)).toEqual(['attachment_0', 'attachment_1']);
		expect(binary.attachment_0).toMatchObject({ fileName: 'text_0002.txt', mimeType: 'text/plain' });
		expect(Buffer.from(binary.attachment_0.data, 'base64').toString('utf8')).toBe(mmsText);
		expect(binary.attachment_1).toMatchObject({ fileName: 'photo.png', mimeType: 'image/png' });
		expect(Buffer.from(binary.attachment_1.data, 'base64').equals(png)).toBe(true);
		expect(items[0].binary).toBeUndefined();
	});

	test('summer time gives +02:00; another time zone option is honoured', async () => {
		const harness = triggerHarness(simulator, {
			options: { startFrom: '2026-07-01 00:00:00', timeZone: 'Europe/London' },
		});
		simulator.addMessages([{ recived: '2026-07-01 10:00:00' }]);
		const { items } = await harness.poll();
		expect(items[0].json.receivedAt).toBe('2026-07-01T10:00:00+01:00');

		const warsaw = triggerHarness(simulator, { options: { startFrom: '2026-07-01 00:00:00' } });
		expect((await warsaw.poll()).items[0].json.receivedAt).toBe('2026-07-01T10:00:00+02:00');
	});
});

describe('manual test run', () => {
	test('returns the newest matching message as a sample and touches neither the state nor the read flag', async () => {
		simulator.addMessages([
			{ id: 1, type: 'eco', recived: '2026-11-23 10:00:00' },
			{ id: 2, type: 'mms', recived: '2026-11-23 11:00:00' },
			{ id: 3, type: 'nd', recived: '2026-11-23 12:00:00' },
		]);
		const harness = triggerHarness(simulator, { messageTypes: ['eco', 'mms'], options: { markAsRead: true } });
		const sample = await harness.manualRun();
		expect(sample?.[0].map((item) => item.json.id)).toEqual([2]);
		expect(simulator.requests.map((request) => request.body)).toEqual([
			expect.objectContaining({ type: 'eco', page: 1, limit: 1, order: 'desc' }),
			expect.objectContaining({ type: 'mms', page: 1, limit: 1, order: 'desc' }),
		]);
		for (const request of simulator.requests) {
			expect(request.body.read).toBeUndefined();
			expect(request.body.date_from).toBeUndefined();
		}
		expect(simulator.inbox.messages.every((message) => !message.read)).toBe(true);
		expect(harness.liveStaticData).toEqual({});

		// The active trigger still starts from its own activation, not from the sample.
		await harness.poll();
		simulator.addMessages([{ id: 4, type: 'eco', recived: '2026-11-23 13:00:05' }]);
		expect((await harness.poll()).items.map((item) => item.json.id)).toEqual([4]);
	});

	test('returns nothing when no message matches', async () => {
		const harness = triggerHarness(simulator);
		expect(await harness.manualRun()).toBeNull();
	});
});

describe('mark as read', () => {
	test('off by default: nothing is marked read on the server', async () => {
		const harness = triggerHarness(simulator);
		await harness.poll();
		simulator.addMessages([{ recived: '2026-11-23 13:00:01' }]);
		expect((await harness.poll()).items).toHaveLength(1);
		expect(simulator.inbox.messages.every((message) => !message.read)).toBe(true);
		expect(simulator.requests.every((request) => request.body.read === undefined)).toBe(true);
	});

	test('on: asks with read=true, keeps asking for the first page while pages are full, emits each once', async () => {
		const harness = triggerHarness(simulator, { options: { markAsRead: true } });
		await harness.poll();
		const added = simulator
			.addMessages(Array.from({ length: 250 }, () => ({ recived: '2026-11-23 13:00:02' })))
			.map(({ id }) => id);
		const outcome = await harness.poll();
		expect(outcome.items.map((item) => item.json.id)).toEqual(added);
		const scanRequests = simulator.requests.slice(1);
		expect(scanRequests.map((request) => [request.body.page, request.body.read])).toEqual([
			[1, true],
			[1, true],
			[1, true],
		]);
		expect(simulator.inbox.unread()).toHaveLength(0);
		expect((await harness.poll()).emitted).toBe(false);
	});

	test('on: when a later request fails, the messages already marked read are emitted, the rest next poll', async () => {
		const harness = triggerHarness(simulator, { options: { markAsRead: true } });
		await harness.poll();
		const added = simulator
			.addMessages(Array.from({ length: 150 }, (_, index) => ({ recived: `2026-11-23 13:0${index < 100 ? 1 : 2}:00` })))
			.map(({ id }) => id);
		simulator.failNext({ kind: 'http', status: 502 }, 1, 1); // the first request answers, the second fails
		const first = await harness.poll();
		expect(first.error).toBeUndefined();
		expect(first.items.map((item) => item.json.id)).toEqual(added.slice(0, 100));
		const second = await harness.poll();
		expect(second.items.map((item) => item.json.id)).toEqual(added.slice(100));
	});
});

describe('errors', () => {
	const cases: Array<[number, RegExp, RegExp]> = [
		[1001, /wrong API username or password, or an invalid API token/, /credential/],
		[1002, /no permission to use the API/, /HTTPS API/],
		[1003, /IP address/, /allowed addresses/],
	];
	test.each(cases)('API error %s becomes a NodeApiError that says what to do', async (code, message, hint) => {
		const harness = triggerHarness(simulator);
		await harness.poll();
		const before = harness.liveStaticData;
		simulator.accountError = code;
		const outcome = await harness.poll();
		expect(outcome.error).toBeInstanceOf(NodeApiError);
		const error = outcome.error as NodeApiError;
		expect(error.message).toMatch(message);
		expect(error.message).toContain(`SerwerSMS error ${code}`);
		expect(error.description).toMatch(hint);
		expect(lastRequest().status).toBe(200);
		expect(harness.liveStaticData).toEqual(before);
	});

	test('a wrong token fails (HTTP 200 with an error body) and no secret is in the error', async () => {
		const harness = triggerHarness(simulator, {}, {
			credentials: { serwerSmsApi: { authentication: 'apiToken', apiToken: 'wrong-token-123', baseUrl: simulator.baseUrl } },
		});
		const outcome = await harness.poll();
		expect(outcome.error?.message).toMatch(/SerwerSMS error 1001/);
		expect(lastRequest().status).toBe(200);
		expect(JSON.stringify(outcome.error)).not.toContain('wrong-token-123');
		expect(String(outcome.error?.stack)).not.toContain('wrong-token-123');
	});

	test('a wrong password fails and the password is not in the error', async () => {
		const harness = triggerHarness(simulator, {}, {
			credentials: {
				serwerSmsApi: { authentication: 'usernamePassword', username: 'api-user-1', password: 'bad-pass-77', baseUrl: simulator.baseUrl },
			},
		});
		const outcome = await harness.poll();
		expect(outcome.error?.message).toMatch(/SerwerSMS error 1001/);
		expect(JSON.stringify(outcome.error)).not.toContain('bad-pass-77');
	});

	test.each([
		['HTTP 503', { kind: 'http', status: 503 } as const, /HTTP status 503/],
		['a dropped connection', { kind: 'disconnect' } as const, /Could not reach SerwerSMS/],
	])('%s: the poll fails, the cursor stays, the messages come at the next poll', async (_name, failure, message) => {
		const harness = triggerHarness(simulator);
		await harness.poll();
		simulator.addMessages([{ id: 7, recived: '2026-11-23 13:00:03' }]);
		const before = harness.persisted;
		simulator.failNext(failure);
		const failed = await harness.poll();
		expect(failed.emitted).toBe(false);
		expect(failed.error).toBeInstanceOf(NodeApiError);
		expect(failed.error?.message).toMatch(message);
		expect((failed.error as NodeApiError).description).toMatch(/next poll/);
		expect(JSON.stringify(failed.error)).not.toContain(TOKEN);
		expect(harness.persisted).toEqual(before);
		expect((await harness.poll()).items.map((item) => item.json.id)).toEqual([7]);
	});

	test('a failure on the second page moves nothing: the first page is emitted at the next poll, once', async () => {
		const harness = triggerHarness(simulator);
		await harness.poll();
		const added = simulator
			.addMessages(Array.from({ length: 130 }, () => ({ recived: '2026-11-23 13:00:04' })))
			.map(({ id }) => id);
		simulator.failNext({ kind: 'apiError', code: 1006 }, 1, 1); // page 1 answers, page 2 fails
		const failed = await harness.poll();
		expect(failed.error?.message).toMatch(/SerwerSMS error 1006/);
		expect(failed.emitted).toBe(false);
		const next = await harness.poll();
		expect(next.items.map((item) => item.json.id)).toEqual(added);
	});
});

describe('paging', () => {
	test('an answer without paging information is read on while pages come back full', async () => {
		const harness = triggerHarness(simulator);
		await harness.poll();
		const added = simulator
			.addMessages(Array.from({ length: 230 }, () => ({ recived: '2026-11-23 13:00:06' })))
			.map(({ id }) => id);
		simulator.omitPaging = true;
		const outcome = await harness.poll();
		expect(outcome.items.map((item) => item.json.id)).toEqual(added);
		expect(simulator.requests.slice(1).map((request) => request.body.page)).toEqual([1, 2, 3]);
	});
});
