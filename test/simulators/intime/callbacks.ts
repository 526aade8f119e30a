/**
 * Status callbacks: what InTime does after sending a message with a statusurl. The wire format is undocumented, so
 * it is configurable. Only loopback receivers are ever called: tests must not reach out of the machine.
 */
import * as http from 'node:http';
import * as iconv from 'iconv-lite';
import type { StatusCallbackJob } from './endpoints/context';
import type { CallbackAttempt, CallbackFormat, CallbackOptions } from './types';
import { EOL, textElement, XML_DECLARATION } from './xml';

export const DEFAULT_CALLBACK_OPTIONS: Required<CallbackOptions> = {
	statuses: [20],
	delayMs: 50,
	retryDelaysMs: [200, 500, 1000],
	format: 'form',
};

const REQUEST_TIMEOUT_MS = 3000;

class Cancelled extends Error {}

interface StatusFields {
	messageid: string;
	status: string;
	transid: string;
}

interface OutgoingRequest {
	url: URL;
	headers: Record<string, string>;
	body: Buffer;
}

export function isLoopbackUrl(url: URL): boolean {
	const host = url.hostname;
	return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Percent-encodes the ISO-8859-1 bytes of a value (characters outside Latin-1 become '?', as InTime would store them). */
function latin1FormEncode(value: string): string {
	let encoded = '';
	for (const byte of iconv.encode(value, 'latin1')) {
		const char = String.fromCharCode(byte);
		if (/[A-Za-z0-9*\-._]/.test(char)) encoded += char;
		else if (char === ' ') encoded += '+';
		else encoded += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
	}
	return encoded;
}

function buildRequest(target: string, fields: StatusFields, format: CallbackFormat): OutgoingRequest {
	const url = new URL(target);
	switch (format) {
		case 'form':
			return {
				url,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: Buffer.from(new URLSearchParams({ ...fields }).toString(), 'utf8'),
			};
		case 'form-latin1': {
			const body = Object.entries(fields)
				.map(([name, value]) => `${name}=${latin1FormEncode(value)}`)
				.join('&');
			return {
				url,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=ISO-8859-1' },
				body: Buffer.from(body, 'ascii'),
			};
		}
		case 'query':
			for (const [name, value] of Object.entries(fields)) url.searchParams.append(name, value);
			return { url, headers: {}, body: Buffer.alloc(0) };
		case 'xml': {
			const xml = [
				XML_DECLARATION,
				'<messagestatus>',
				...Object.entries(fields).map(([name, value]) => `  ${textElement(name, value)}`),
				'</messagestatus>',
			].join(EOL);
			return {
				url,
				headers: { 'Content-Type': 'text/xml; charset=iso-8859-1' },
				body: iconv.encode(xml, 'latin1'),
			};
		}
		case 'json': {
			const json = JSON.stringify({
				messageid: Number(fields.messageid),
				status: Number(fields.status),
				transid: fields.transid,
			});
			return { url, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: Buffer.from(json, 'utf8') };
		}
	}
}

function send(request: OutgoingRequest, signal: AbortSignal): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const outgoing = http.request(
			request.url,
			{
				method: 'POST',
				headers: { ...request.headers, 'Content-Length': String(request.body.length), 'User-Agent': 'InTime-Simulator' },
				signal,
				timeout: REQUEST_TIMEOUT_MS,
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
				);
				response.on('error', reject);
			},
		);
		outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
		outgoing.on('error', reject);
		outgoing.end(request.body);
	});
}

export class CallbackDispatcher {
	private options: Required<CallbackOptions>;

	private controller = new AbortController();

	private readonly timers = new Set<{ timer: NodeJS.Timeout; cancel: () => void }>();

	private waiters: Array<() => void> = [];

	constructor(
		private readonly attempts: CallbackAttempt[],
		options: CallbackOptions | undefined,
		/** Called when the first attempt for a message starts, with the status being reported. */
		private readonly onReport: (messageId: number, status: number) => void,
	) {
		this.options = { ...DEFAULT_CALLBACK_OPTIONS, ...options };
	}

	/** Merges over the current options; applies to messages created from now on. */
	setOptions(options: CallbackOptions): void {
		this.options = { ...this.options, ...options };
		if (this.options.statuses.length === 0) this.options.statuses = DEFAULT_CALLBACK_OPTIONS.statuses;
	}

	/** Delivers the callbacks of one message request, recipient after recipient, each with its retries. */
	schedule(jobs: StatusCallbackJob[]): void {
		if (jobs.length === 0) return;
		const options = this.options;
		const signal = this.controller.signal;
		const run = async () => {
			await this.sleep(options.delayMs, signal);
			for (const job of jobs) {
				const status = options.statuses[job.recipientIndex % options.statuses.length];
				this.onReport(job.messageId, status);
				await this.deliver(job, status, options, signal);
			}
		};
		run().catch((error) => {
			if (!(error instanceof Cancelled)) throw error;
		});
	}

	private async deliver(
		job: StatusCallbackJob,
		status: number,
		options: Required<CallbackOptions>,
		signal: AbortSignal,
	): Promise<void> {
		const fields = { messageid: String(job.messageId), status: String(status), transid: job.transId };
		const base = { url: job.url, messageId: fields.messageid, transId: job.transId, status };
		let url: URL | undefined;
		try {
			url = new URL(job.url);
		} catch {
			url = undefined;
		}
		if (!url || url.protocol !== 'http:' || !isLoopbackUrl(url)) {
			this.record({ ...base, attempt: 1, error: 'refused: the simulator only calls http:// loopback addresses', at: new Date() });
			return;
		}
		for (let attempt = 1; attempt <= options.retryDelaysMs.length + 1; attempt++) {
			if (attempt > 1) await this.sleep(options.retryDelaysMs[attempt - 2], signal);
			const at = new Date();
			try {
				const answer = await send(buildRequest(job.url, fields, options.format), signal);
				if (signal.aborted) throw new Cancelled();
				this.record({ ...base, attempt, httpStatus: answer.status, responseBody: answer.body, at });
				if (answer.status === 200 && answer.body.includes(fields.messageid)) return;
			} catch (error) {
				if (signal.aborted || error instanceof Cancelled) throw new Cancelled();
				this.record({ ...base, attempt, error: (error as Error).message, at });
			}
		}
	}

	private record(attempt: CallbackAttempt): void {
		this.attempts.push(attempt);
		const waiters = this.waiters;
		this.waiters = [];
		for (const wake of waiters) wake();
	}

	private sleep(ms: number, signal: AbortSignal): Promise<void> {
		return new Promise((resolve, reject) => {
			if (signal.aborted) return reject(new Cancelled());
			const entry = {
				timer: setTimeout(() => {
					this.timers.delete(entry);
					resolve();
				}, ms),
				cancel: () => reject(new Cancelled()),
			};
			entry.timer.unref();
			this.timers.add(entry);
		});
	}

	/** Stops every pending and running callback; later messages can schedule new ones. */
	cancelAll(): void {
		this.controller.abort();
		this.controller = new AbortController();
		for (const entry of this.timers) {
			clearTimeout(entry.timer);
			entry.cancel();
		}
		this.timers.clear();
	}

	/** Resolves once at least `count` attempts are recorded. */
	waitFor(count: number, timeoutMs: number): Promise<CallbackAttempt[]> {
		return new Promise((resolve, reject) => {
			const deadline = setTimeout(() => {
				this.waiters = this.waiters.filter((waiter) => waiter !== check);
				reject(
					new Error(
						`Expected ${count} status callback attempt(s) within ${timeoutMs} ms, got ${this.attempts.length}: ` +
							JSON.stringify(this.attempts),
					),
				);
			}, timeoutMs);
			const check = () => {
				if (this.attempts.length >= count) {
					clearTimeout(deadline);
					resolve([...this.attempts]);
				} else this.waiters.push(check);
			};
			check();
		});
	}
}
