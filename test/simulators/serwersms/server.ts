/**
 * A SerwerSMS HTTPS API v2 look-alike on loopback, for tests and `npm start`: POST `messages/recived.json` with a
 * JSON (or form) body, both authentication modes (Bearer token, or username/password in the body), paging, the read
 * flag, `show_contact`, and errors reported in the body as `{"error": {...}}` with HTTP 200, like the real API.
 *
 * Tests drive it in process (`inbox.add`, `failNext`, `accountError`, `requests`); other processes can use the
 * `/__simulator/...` endpoints (not part of the SerwerSMS API).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { SerwerSmsInbox, type NewMessage, type SimMessage } from './inbox';

export interface SerwerSmsSimulatorOptions {
	token?: string;
	username?: string;
	password?: string;
	port?: number;
	/** Largest `limit` honoured; larger values are cut to it. */
	maxLimit?: number;
}

export interface RecordedRequest {
	method: string;
	path: string;
	contentType: string;
	authorization?: string;
	rawBody: string;
	body: Record<string, unknown>;
	/** What the simulator answered (status and parsed body), for assertions. */
	status?: number;
	answer?: unknown;
}

/** What the next matching requests should suffer. */
export type Failure =
	| { kind: 'http'; status: number }
	| { kind: 'disconnect' }
	| { kind: 'apiError'; code: number };

const ERRORS: Record<number, { type: string; message: string }> = {
	1000: { type: 'InvalidAction', message: 'No action' },
	1001: { type: 'InvalidUser', message: 'Incorrect login or password' },
	1002: { type: 'InvalidRole', message: 'No access to API' },
	1003: { type: 'InvalidIP', message: 'IP address is not allowed' },
	1005: { type: 'InvalidRole', message: 'No permission' },
	1006: { type: 'InvalidData', message: 'Invalid data format' },
	1007: { type: 'InvalidRole', message: 'Account is not fully active' },
	1008: { type: 'InvalidRole', message: 'No permission to view numbers' },
	2001: { type: 'ValidationError', message: 'Invalid phone number' },
};

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;
const PHONE_PATTERN = /^\+?\d{6,15}$/;

export class SerwerSmsSimulator {
	readonly inbox = new SerwerSmsInbox();

	readonly requests: RecordedRequest[] = [];

	/** When set, every authenticated API request answers this error code (e.g. 1002, 1003). */
	accountError: number | undefined;

	/** Leave `paging` out of answers (robustness: the documentation's own example has none). */
	omitPaging = false;

	private failures: Array<{ failure: Failure; remaining: number; skip: number }> = [];

	private server: http.Server | undefined;

	private readonly token: string;

	private readonly username: string;

	private readonly password: string;

	private readonly maxLimit: number;

	private readonly port: number;

	baseUrl = '';

	constructor(options: SerwerSmsSimulatorOptions = {}) {
		this.token = options.token ?? 'sim-token';
		this.username = options.username ?? 'sim-user';
		this.password = options.password ?? 'sim-password';
		this.maxLimit = options.maxLimit ?? 500;
		this.port = options.port ?? 0;
	}

	async start(): Promise<string> {
		const server = http.createServer((request, response) => {
			void this.handle(request, response);
		});
		this.server = server;
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(this.port, '127.0.0.1', () => resolve());
		});
		const { port } = server.address() as AddressInfo;
		this.baseUrl = `http://127.0.0.1:${port}`;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		server.closeAllConnections();
		await new Promise<void>((resolve) => server.close(() => resolve()));
	}

	/**
	 * The next `count` API requests fail this way (HTTP status, dropped connection, or an error in the body), after
	 * `skip` requests answered normally (e.g. skip 1: the first page is answered, the second fails).
	 */
	failNext(failure: Failure, count = 1, skip = 0): void {
		this.failures.push({ failure, remaining: count, skip });
	}

	addMessages(messages: NewMessage[]): SimMessage[] {
		return messages.map((message) => this.inbox.add(message));
	}

	private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
		const rawBody = await readBody(request);
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		if (url.pathname.startsWith('/__simulator/')) {
			this.handleControl(url.pathname, request.method ?? 'GET', rawBody, response);
			return;
		}
		const contentType = String(request.headers['content-type'] ?? '');
		const record: RecordedRequest = {
			method: request.method ?? '',
			path: url.pathname,
			contentType,
			authorization: request.headers.authorization,
			rawBody,
			body: parseBody(contentType, rawBody),
		};
		this.requests.push(record);

		const failure = this.takeFailure();
		if (failure?.kind === 'disconnect') {
			request.socket.destroy();
			return;
		}
		if (failure?.kind === 'http') {
			record.status = failure.status;
			response.writeHead(failure.status, { 'Content-Type': 'text/html' });
			response.end(`<html><body>${failure.status}</body></html>`);
			return;
		}
		const answer = failure?.kind === 'apiError' ? apiError(failure.code) : this.answer(record);
		record.status = 200;
		record.answer = answer;
		sendJson(response, 200, answer);
	}

	private takeFailure(): Failure | undefined {
		const next = this.failures[0];
		if (!next) return undefined;
		if (next.skip > 0) {
			next.skip--;
			return undefined;
		}
		next.remaining--;
		if (next.remaining <= 0) this.failures.shift();
		return next.failure;
	}

	private answer(record: RecordedRequest): unknown {
		if (record.method !== 'POST') return apiError(1000);
		const action = record.path.replace(/^\/+/, '').replace(/\.json$/, '');
		if (!this.authenticated(record)) return apiError(1001);
		if (this.accountError !== undefined) return apiError(this.accountError);
		if (action === 'messages/recived') return this.recived(record.body);
		return apiError(1000);
	}

	private authenticated(record: RecordedRequest): boolean {
		const bearer = /^Bearer (.+)$/.exec(record.authorization ?? '');
		if (bearer) return bearer[1] === this.token;
		return record.body.username === this.username && record.body.password === this.password;
	}

	private recived(body: Record<string, unknown>): unknown {
		const types = listOf(body.type);
		const phones = listOf(body.phone);
		if (phones.some((phone) => !PHONE_PATTERN.test(phone))) return apiError(2001);
		for (const field of ['date_from', 'date_to']) {
			if (body[field] !== undefined && !DATE_PATTERN.test(String(body[field]))) return apiError(1006);
		}
		const page = Math.max(1, Number(body.page ?? 1) || 1);
		const limit = Math.min(this.maxLimit, Math.max(1, Number(body.limit ?? 50) || 50));
		const order = body.order === 'desc' ? 'desc' : 'asc';
		const matching = this.inbox.find({
			types,
			phones,
			ndi: body.ndi === undefined ? undefined : String(body.ndi),
			dateFrom: body.date_from === undefined ? undefined : String(body.date_from),
			dateTo: body.date_to === undefined ? undefined : String(body.date_to),
			order,
		});
		const pageItems = matching.slice((page - 1) * limit, page * limit);
		if (isTrue(body.read)) for (const message of pageItems) message.read = true;
		const showContact = isTrue(body.show_contact);
		const items = pageItems.map((message) => this.present(message, showContact));
		return this.omitPaging ? { items } : { paging: { page, count: Math.ceil(matching.length / limit) }, items };
	}

	private present(message: SimMessage, showContact: boolean): Record<string, unknown> {
		const item: Record<string, unknown> = {
			id: message.id,
			type: message.type,
			phone: message.phone,
			recived: message.recived,
		};
		if (message.type === 'eco') item.message_id = message.message_id;
		if (message.type === 'mms') item.to_number = message.to_number;
		item.blacklist = message.blacklist;
		if (message.type === 'mms') {
			item.title = message.title ?? '';
			item.attachments = message.attachments ?? [];
		} else {
			item.text = message.text;
		}
		if (showContact) {
			const contact = this.inbox.contacts.get(message.phone);
			if (contact) item.contact = { ...contact };
		}
		return item;
	}

	private handleControl(path: string, method: string, rawBody: string, response: http.ServerResponse): void {
		try {
			if (path === '/__simulator/messages' && method === 'POST') {
				const parsed = JSON.parse(rawBody || '[]') as NewMessage | NewMessage[];
				const added = this.addMessages(Array.isArray(parsed) ? parsed : [parsed]);
				sendJson(response, 201, { added });
				return;
			}
			if (path === '/__simulator/messages' && method === 'GET') {
				sendJson(response, 200, { messages: this.inbox.messages });
				return;
			}
			if (path === '/__simulator/fail-next' && method === 'POST') {
				const { count, skip, ...failure } = JSON.parse(rawBody || '{}') as Failure & {
					count?: number;
					skip?: number;
				};
				this.failNext(failure as Failure, count ?? 1, skip ?? 0);
				sendJson(response, 200, { ok: true });
				return;
			}
			sendJson(response, 404, { error: `No simulator endpoint ${method} ${path}` });
		} catch (error) {
			sendJson(response, 400, { error: (error as Error).message });
		}
	}
}

export function apiError(code: number): { error: { code: number; type: string; message: string } } {
	const known = ERRORS[code] ?? { type: 'Error', message: 'Error' };
	return { error: { code, ...known } };
}

function isTrue(value: unknown): boolean {
	return value === true || value === 'true' || value === 1 || value === '1';
}

function listOf(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	return (Array.isArray(value) ? value : [value]).map((entry) => String(entry));
}

function parseBody(contentType: string, rawBody: string): Record<string, unknown> {
	if (!rawBody) return {};
	if (contentType.includes('application/json')) {
		try {
			const parsed = JSON.parse(rawBody) as unknown;
			return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
		} catch {
			return {};
		}
	}
	// Older clients send form fields; `phone[]=...` repeats for a list.
	const fields: Record<string, unknown> = {};
	for (const [key, value] of new URLSearchParams(rawBody)) {
		if (key.endsWith('[]')) {
			const name = key.slice(0, -2);
			fields[name] = [...((fields[name] as string[] | undefined) ?? []), value];
		} else {
			fields[key] = value;
		}
	}
	return fields;
}

async function readBody(request: http.IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	response.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
	});
	response.end(text);
}
