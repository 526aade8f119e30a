import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { explainApiError, findApiError } from './apiErrors';

export const CREDENTIAL_TYPE = 'serwerSmsApi';

/** SerwerSMS asks every client to name itself in a `system` field. */
export const SYSTEM_NAME = 'n8n-nodes-intime-serwersms';

export const DEFAULT_BASE_URL = 'https://api2.serwersms.pl';

export function actionUrl(baseUrl: unknown, action: string): string {
	const base = typeof baseUrl === 'string' && baseUrl.trim() ? baseUrl.trim() : DEFAULT_BASE_URL;
	return `${base.replace(/\/+$/, '')}/${action}.json`;
}

/**
 * POSTs a JSON body to a SerwerSMS action and returns the parsed answer.
 * Throws a NodeApiError that says what to do when the API reports an error (in the body, even with HTTP 200) or
 * cannot be reached. Errors are rebuilt from plain facts so no request option (token, password) travels with them.
 */
export async function serwerSmsApiRequest(
	this: IPollFunctions,
	action: string,
	body: IDataObject,
): Promise<IDataObject> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const url = actionUrl(credentials.baseUrl, action);
	let answer: unknown;
	try {
		answer = await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
			method: 'POST',
			url,
			body: { ...body, system: SYSTEM_NAME },
			json: true,
			headers: { Accept: 'application/json' },
		});
	} catch (error) {
		throw transportError(this, url, error);
	}
	return checkAnswer(this, url, answer);
}

export function checkAnswer(context: Pick<IPollFunctions, 'getNode'>, url: string, answer: unknown): IDataObject {
	if (typeof answer === 'string') {
		try {
			answer = JSON.parse(answer);
		} catch {
			throw new NodeApiError(
				context.getNode(),
				{ message: 'Answer is not JSON' },
				{
					message: `SerwerSMS answered ${url} with something that is not JSON`,
					description:
						'Check the Base URL in the SerwerSMS API credential: it should be https://api2.serwersms.pl without any path.',
				},
			);
		}
	}
	const apiError = findApiError(answer);
	if (apiError) {
		const { message, description } = explainApiError(apiError);
		throw new NodeApiError(
			context.getNode(),
			{ code: String(apiError.code ?? ''), type: apiError.type ?? '', message: apiError.message ?? '' },
			{ message, description },
		);
	}
	if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
		throw new NodeApiError(
			context.getNode(),
			{ message: 'Unexpected answer' },
			{
				message: `SerwerSMS answered ${url} with an unexpected value`,
				description: 'The trigger will try again at the next poll without skipping messages.',
			},
		);
	}
	return answer as IDataObject;
}

interface TransportFacts {
	status?: number;
	networkCode?: string;
	body?: unknown;
}

/** Pulls the HTTP status, network error code and answer body out of whatever the request helper threw. */
export function transportFacts(error: unknown): TransportFacts {
	const candidates: unknown[] = [];
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		candidates.push(current);
		current = (current as { cause?: unknown }).cause;
	}
	const facts: TransportFacts = {};
	for (const candidate of candidates) {
		const record = candidate as Record<string, unknown>;
		const response = record.response as Record<string, unknown> | undefined;
		const status = Number(response?.status ?? response?.statusCode ?? record.statusCode);
		if (!facts.status && Number.isInteger(status) && status > 0) facts.status = status;
		if (facts.body === undefined && response && (response.data ?? response.body) !== undefined) {
			facts.body = response.data ?? response.body;
		}
		if (facts.body === undefined && record.error !== undefined && typeof record.error === 'object') {
			facts.body = record.error;
		}
		if (!facts.networkCode && typeof record.code === 'string' && /^E[A-Z_]+$/.test(record.code)) {
			facts.networkCode = record.code;
		}
	}
	if (!facts.status && error && typeof error === 'object') {
		const httpCode = Number((error as { httpCode?: unknown }).httpCode);
		if (Number.isInteger(httpCode) && httpCode > 0) facts.status = httpCode;
	}
	return facts;
}

export function transportError(
	context: Pick<IPollFunctions, 'getNode'>,
	url: string,
	error: unknown,
): NodeApiError {
	const facts = transportFacts(error);
	let body = facts.body;
	if (typeof body === 'string') {
		try {
			body = JSON.parse(body);
		} catch {
			// not JSON: only the status says something
		}
	}
	const apiError = findApiError(body);
	if (apiError) {
		const { message, description } = explainApiError(apiError);
		return new NodeApiError(
			context.getNode(),
			{ code: String(apiError.code ?? ''), type: apiError.type ?? '', message: apiError.message ?? '' },
			{ message, description, httpCode: facts.status ? String(facts.status) : undefined },
		);
	}
	const retry = 'The trigger will try again at the next poll; no message is skipped or lost meanwhile.';
	if (facts.status) {
		const hint =
			facts.status === 404
				? 'Check the Base URL in the SerwerSMS API credential: it should be https://api2.serwersms.pl without any path.'
				: facts.status >= 500
					? `SerwerSMS (or a proxy in between) had a temporary problem. ${retry}`
					: retry;
		return new NodeApiError(
			context.getNode(),
			{ message: `HTTP ${facts.status}`, httpCode: String(facts.status) },
			{
				message: `SerwerSMS answered ${url} with HTTP status ${facts.status}`,
				description: hint,
				httpCode: String(facts.status),
			},
		);
	}
	const reason = facts.networkCode ?? (error instanceof Error ? error.message : 'unknown error');
	// The network error code goes in the description: in the message n8n would swap the whole text for its own.
	return new NodeApiError(
		context.getNode(),
		{ message: 'Network error' },
		{
			message: `Could not reach SerwerSMS at ${url}`,
			description: `${reason}. Check the n8n server's network connection and the Base URL in the SerwerSMS API credential. ${retry}`,
		},
	);
}
