/** The SerwerSMS simulator speaks the API as documented: real HTTP on loopback, JSON, errors in the body. */
import type { SerwerSmsSimulator } from '../../simulators/serwersms/server';
import { PASSWORD, TOKEN, USERNAME, startSimulator } from './fixtures';

let simulator: SerwerSmsSimulator;

beforeEach(async () => {
	simulator = await startSimulator();
});

afterEach(async () => {
	await simulator.stop();
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
	const response = await fetch(`${simulator.baseUrl}${path}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', ...headers },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const bearer = { Authorization: `Bearer ${TOKEN}` };

test('listens on loopback only', () => {
	expect(simulator.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
});

test('both authentication modes; anything else is error 1001 with HTTP 200', async () => {
	expect((await post('/messages/recived.json', {}, bearer)).body).toEqual({ paging: { page: 1, count: 0 }, items: [] });
	expect((await post('/messages/recived.json', { username: USERNAME, password: PASSWORD })).body.items).toEqual([]);
	for (const attempt of [
		post('/messages/recived.json', {}, { Authorization: 'Bearer nope' }),
		post('/messages/recived.json', { username: USERNAME, password: 'nope' }),
		post('/messages/recived.json', {}),
	]) {
		expect(await attempt).toEqual({
			status: 200,
			body: { error: { code: 1001, type: 'InvalidUser', message: 'Incorrect login or password' } },
		});
	}
});

test('filters, paging, order, contacts and the read flag', async () => {
	simulator.inbox.addContact({ phone: '+48500600701', first_name: 'Ala' });
	simulator.addMessages([
		{ id: 1, type: 'eco', phone: '+48500600700', recived: '2026-11-23 10:00:00' },
		{ id: 2, type: 'nd', phone: '+48500600701', recived: '2026-11-23 10:00:00' },
		{ id: 3, type: 'ndi', phone: '+48500600701', recived: '2026-11-23 11:00:00', to_number: '+48664078060' },
		{ id: 4, type: 'mms', phone: '+48500600702', recived: '2026-11-23 12:00:00', to_number: '+48664078059' },
	]);
	const ids = (body: Record<string, any>) => body.items.map((item: { id: number }) => item.id);
	expect(ids((await post('/messages/recived.json', { type: 'nd' }, bearer)).body)).toEqual([2]);
	expect(ids((await post('/messages/recived.json', { phone: ['+48500600700', '+48500600702'] }, bearer)).body)).toEqual([1, 4]);
	expect(ids((await post('/messages/recived.json', { ndi: '+48664078060' }, bearer)).body)).toEqual([3]);
	expect(ids((await post('/messages/recived.json', { date_from: '2026-11-23 11:00:00' }, bearer)).body)).toEqual([3, 4]);
	expect(ids((await post('/messages/recived.json', { date_to: '2026-11-23 10:00:00' }, bearer)).body)).toEqual([1, 2]);
	expect(ids((await post('/messages/recived.json', { order: 'desc', limit: 1 }, bearer)).body)).toEqual([4]);
	const page2 = (await post('/messages/recived.json', { page: 2, limit: 3 }, bearer)).body;
	expect(page2.paging).toEqual({ page: 2, count: 2 });
	expect(ids(page2)).toEqual([4]);
	const withContact = (await post('/messages/recived.json', { phone: '+48500600701', show_contact: true }, bearer)).body;
	expect(withContact.items[0].contact).toEqual({ phone: '+48500600701', first_name: 'Ala' });
	expect(withContact.items[0]).not.toHaveProperty('to_number');
	const mms = (await post('/messages/recived.json', { type: 'mms' }, bearer)).body.items[0];
	expect(mms).toMatchObject({ to_number: '+48664078059', attachments: [] });
	expect(mms).not.toHaveProperty('text');

	expect(ids((await post('/messages/recived.json', { limit: 2, read: true }, bearer)).body)).toEqual([1, 2]);
	expect(ids((await post('/messages/recived.json', {}, bearer)).body)).toEqual([3, 4]);
});

test('form-encoded bodies as older clients send them', async () => {
	simulator.addMessages([{ id: 9, phone: '+48500600709', recived: '2026-11-23 10:00:00' }]);
	const response = await fetch(`${simulator.baseUrl}/messages/recived.json`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams([
			['username', USERNAME],
			['password', PASSWORD],
			['phone[]', '+48500600709'],
			['phone[]', '+48500600708'],
		]).toString(),
	});
	expect(((await response.json()) as { items: Array<{ id: number }> }).items.map((item) => item.id)).toEqual([9]);
});

test('error codes, bad data, unknown actions, and injected failures', async () => {
	expect((await post('/messages/recived.json', { date_from: '23.11.2026' }, bearer)).body.error.code).toBe(1006);
	expect((await post('/messages/recived.json', { phone: 'abc' }, bearer)).body.error.code).toBe(2001);
	expect((await post('/messages/unknown.json', {}, bearer)).body.error.code).toBe(1000);
	simulator.accountError = 1003;
	expect((await post('/messages/recived.json', {}, bearer)).body.error).toEqual({
		code: 1003,
		type: 'InvalidIP',
		message: 'IP address is not allowed',
	});
	simulator.accountError = undefined;
	simulator.failNext({ kind: 'http', status: 500 }, 1, 1);
	expect((await post('/messages/recived.json', {}, bearer)).status).toBe(200);
	const failed = await fetch(`${simulator.baseUrl}/messages/recived.json`, { method: 'POST', body: '{}', headers: bearer });
	expect(failed.status).toBe(500);
	simulator.failNext({ kind: 'disconnect' });
	await expect(post('/messages/recived.json', {}, bearer)).rejects.toThrow();
});

test('control endpoints let other processes add messages and inject failures', async () => {
	const added = await post('/__simulator/messages', [{ recived: '2026-11-23 10:00:00', text: 'Tak' }]);
	expect(added.status).toBe(201);
	const { items } = (await post('/messages/recived.json', {}, bearer)).body;
	expect(items).toEqual([
		expect.objectContaining({ id: added.body.added[0].id, text: 'Tak', recived: '2026-11-23 10:00:00' }),
	]);
	await post('/__simulator/fail-next', { kind: 'apiError', code: 1002 });
	expect((await post('/messages/recived.json', {}, bearer)).body.error.code).toBe(1002);
	expect((await post('/__simulator/messages', [{ recived: 'yesterday' }])).status).toBe(400);
});
