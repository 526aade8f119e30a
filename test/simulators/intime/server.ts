/** The InTime Messenger API simulator: a real HTTP server on 127.0.0.1 that answers like the spec says. */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as iconv from 'iconv-lite';
import { CallbackDispatcher } from './callbacks';
import { contactEndpoints } from './endpoints/contacts';
import {
	InTimeError,
	XML_VALIDATION_FAILURE,
	type Answer,
	type EndpointContext,
	type EndpointDefinition,
} from './endpoints/context';
import { messageEndpoints } from './endpoints/message';
import { nixEndpoints } from './endpoints/nix';
import { reminderEndpoints } from './endpoints/reminder';
import { overviewPage, requestsForPeople } from './inspection';
import { clearState, createEmptyState, IdSequence } from './state';
import type {
	CallbackAttempt,
	CallbackOptions,
	InTimeAccount,
	InTimeState,
	RecordedRequest,
	SimulatorOptions,
} from './types';
import { assertTimeZone } from './validation';
import { findEmptyElement, parseXml } from './xml';

export const DEFAULT_ACCOUNT: InTimeAccount = { username: 'demo', secretKey: 'demo-secret-key' };

const ENDPOINTS: EndpointDefinition[] = [...messageEndpoints, ...contactEndpoints, ...nixEndpoints, ...reminderEndpoints];

const MAX_BODY_BYTES = 5 * 1024 * 1024;

interface InjectedFailure {
	endpoint: string;
	code: string;
}

function normalizeBasePath(basePath: string): string {
	const trimmed = basePath.replace(/\/+$/, '');
	if (trimmed === '') return '';
	return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function readBody(request: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) request.destroy(new Error('request body too large'));
			else chunks.push(chunk);
		});
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

export class InTimeSimulator {
	readonly requests: RecordedRequest[] = [];

	readonly state: InTimeState = createEmptyState();

	readonly callbackAttempts: CallbackAttempt[] = [];

	private readonly accounts: InTimeAccount[];

	private readonly basePath: string;

	private readonly now: () => Date;

	private readonly timeZone: string;

	private readonly ids = new IdSequence(this.state);

	private readonly callbacks: CallbackDispatcher;

	private injectedFailures: InjectedFailure[] = [];

	private server?: http.Server;

	private url = '';

	constructor(options: SimulatorOptions = {}) {
		this.accounts = (options.accounts ?? [DEFAULT_ACCOUNT]).map((account) => ({ ...account }));
		this.basePath = normalizeBasePath(options.basePath ?? '/api/1.0');
		this.now = options.now ?? (() => new Date());
		this.timeZone = options.timeZone ?? 'Europe/Stockholm';
		assertTimeZone(this.timeZone);
		this.callbacks = new CallbackDispatcher(this.callbackAttempts, options.callbacks, (messageId, status) => {
			const message = this.state.messages.find((candidate) => candidate.id === messageId);
			if (message) message.deliveryStatus = status;
		});
	}

	/** Base URL of the API, e.g. 'http://127.0.0.1:34567/api/1.0'. */
	get baseUrl(): string {
		if (!this.url) throw new Error('The InTime simulator is not started: call start() first');
		return this.url;
	}

	/** Listens on 127.0.0.1 (port 0 picks a free one) and resolves the base URL. */
	async start(port = 0): Promise<string> {
		if (this.server) throw new Error('The InTime simulator is already started');
		const server = http.createServer((request, response) => {
			this.handle(request, response).catch((error: Error) => {
				// The URL is not logged: it carries the secret key.
				if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
				response.end(`InTime simulator failure: ${error.message}`);
			});
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(port, '127.0.0.1', () => {
				server.off('error', reject);
				resolve();
			});
		});
		this.server = server;
		const address = server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${address.port}${this.basePath}`;
		return this.url;
	}

	/** Closes the server (and open connections) and cancels pending status callbacks. */
	async stop(): Promise<void> {
		this.callbacks.cancelAll();
		const server = this.server;
		if (!server) return;
		this.server = undefined;
		this.url = '';
		await new Promise<void>((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	}

	/** Merges over the current callback options; applies to messages created afterwards. */
	setCallbackOptions(options: CallbackOptions): void {
		this.callbacks.setOptions(options);
	}

	/** The next authenticated request whose path ends with `endpoint` (e.g. 'message/create.ashx') answers `code`. */
	failNext(endpoint: string, code: string): void {
		this.injectedFailures.push({ endpoint: endpoint.replace(/^\/+/, '').toLowerCase(), code });
	}

	/** Resolves with all attempts once at least `count` status callback attempts were made. */
	waitForCallbacks(count: number, timeoutMs = 5000): Promise<CallbackAttempt[]> {
		return this.callbacks.waitFor(count, timeoutMs);
	}

	/** A fresh id, unique across messages, contacts, groups, block list entries and reminders (for seeding). */
	nextId(): number {
		return this.ids.next();
	}

	/** Clears state, recorded requests, callback attempts (cancelling pending ones) and injected failures. */
	reset(): void {
		this.callbacks.cancelAll();
		clearState(this.state);
		this.ids.reset();
		this.requests.length = 0;
		this.callbackAttempts.length = 0;
		this.injectedFailures = [];
	}

	private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
		const rawBody = await readBody(request);
		const url = new URL(request.url ?? '/', 'http://127.0.0.1');
		const path = url.pathname;
		const method = request.method ?? 'GET';

		if (method === 'GET' && this.serveInspection(path, response)) return;

		const recorded: RecordedRequest = {
			method,
			path,
			query: Object.fromEntries(url.searchParams),
			headers: { ...request.headers },
			rawBody,
			bodyText: iconv.decode(rawBody, 'latin1'),
			answer: '',
			receivedAt: new Date(),
		};
		this.requests.push(recorded);

		const endpoint = this.findEndpoint(path);
		if (!endpoint) {
			recorded.answer = 'Not found';
			response.writeHead(404, { 'Content-Type': 'text/plain; charset=iso-8859-1' });
			response.end(recorded.answer);
			return;
		}
		const answer = this.answer(endpoint, recorded);
		recorded.answer = answer.body;
		const bytes = iconv.encode(answer.body, 'latin1');
		response.writeHead(200, {
			'Content-Type': answer.type === 'xml' ? 'text/xml; charset=iso-8859-1' : 'text/plain; charset=iso-8859-1',
			'Content-Length': String(bytes.length),
		});
		response.end(bytes);
	}

	private findEndpoint(path: string): EndpointDefinition | undefined {
		const lower = path.toLowerCase();
		const prefix = `${this.basePath.toLowerCase()}/`;
		if (!lower.startsWith(prefix)) return undefined;
		const rest = lower.slice(prefix.length);
		return ENDPOINTS.find((endpoint) => endpoint.path === rest);
	}

	private answer(endpoint: EndpointDefinition, recorded: RecordedRequest): Answer {
		const user = recorded.query.user;
		const hash = recorded.query.hash;
		if (!user || !hash) return { type: 'text', body: '0:ERROR1' };
		const accountIndex = this.accounts.findIndex((account) => account.username === user);
		if (accountIndex < 0 || this.accounts[accountIndex].secretKey !== hash) return { type: 'text', body: '0:ERROR3' };

		const lowerPath = recorded.path.toLowerCase();
		const injected = this.injectedFailures.findIndex((failure) => lowerPath.endsWith(failure.endpoint));
		if (injected >= 0) {
			const [failure] = this.injectedFailures.splice(injected, 1);
			return { type: 'text', body: failure.code };
		}

		try {
			const context: EndpointContext = {
				state: this.state,
				nextId: () => this.ids.next(),
				account: { ...this.accounts[accountIndex], userId: accountIndex + 1 },
				query: recorded.query,
				root: { name: '', attributes: {}, children: [], text: '' },
				now: this.now,
				timeZone: this.timeZone,
				scheduleStatusCallbacks: (jobs) => this.callbacks.schedule(jobs),
			};
			if (endpoint.kind === 'post') context.root = this.readDocument(endpoint, recorded.bodyText);
			return endpoint.handle(context);
		} catch (error) {
			if (error instanceof InTimeError) return { type: 'text', body: error.code };
			throw error;
		}
	}

	/** The request's root element, or the InTime error for a missing, malformed or misdeclared document. */
	private readDocument(endpoint: EndpointDefinition, bodyText: string) {
		if (bodyText.trim() === '') throw new InTimeError('0:ERROR2');
		const document = parseXml(bodyText);
		const encoding = document?.declaration?.encoding?.toLowerCase();
		if (!document || encoding !== 'iso-8859-1' || document.root.name !== endpoint.rootElement) {
			throw new InTimeError(XML_VALIDATION_FAILURE);
		}
		if (findEmptyElement(document.root)) throw new InTimeError(XML_VALIDATION_FAILURE);
		return document.root;
	}

	private serveInspection(path: string, response: http.ServerResponse): boolean {
		let body: string;
		let type: string;
		if (path === '/') {
			body = overviewPage(this.state, this.requests, this.callbackAttempts, this.url);
			type = 'text/html; charset=utf-8';
		} else if (path === '/_sim/state') {
			body = JSON.stringify(this.state, null, 2);
			type = 'application/json; charset=utf-8';
		} else if (path === '/_sim/requests') {
			body = JSON.stringify(requestsForPeople(this.requests), null, 2);
			type = 'application/json; charset=utf-8';
		} else return false;
		response.writeHead(200, { 'Content-Type': type });
		response.end(body);
		return true;
	}
}
