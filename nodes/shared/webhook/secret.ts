import { createHash, timingSafeEqual } from 'crypto';
import type { IncomingHttpHeaders } from 'http';
import type { IWebhookFunctions } from 'n8n-workflow';

import { fieldText } from './fieldNames';
import type { FormFields } from './formEncoded';
import type { WebhookAuthentication } from './properties';

export type SecretCheck =
	| { ok: true; secretQueryField?: string; secretHeader?: string }
	| { ok: false; statusCode: number; message: string; headers?: Record<string, string> };

const MISSING = 'This URL requires a secret, and the request did not carry it. Nothing was started.';
const WRONG = 'The secret in the request does not match. Nothing was started.';

/**
 * Checks the secret chosen in the trigger's Authentication parameter. The answer never repeats the expected
 * value, and the caller learns only "missing" (401) or "wrong" (403).
 */
export async function checkSecret(
	context: IWebhookFunctions,
	authentication: WebhookAuthentication,
	query: FormFields,
	headers: IncomingHttpHeaders,
): Promise<SecretCheck> {
	if (authentication === 'none') return { ok: true };

	let credentials: Record<string, unknown>;
	try {
		credentials = await context.getCredentials(credentialTypeFor[authentication]);
	} catch {
		return {
			ok: false,
			statusCode: 500,
			message: `The trigger's Authentication is set to "${authentication}" but no usable credential is selected. Nothing was started.`,
		};
	}

	if (authentication === 'queryAuth') {
		const name = String(credentials.name ?? '');
		const expected = String(credentials.value ?? '');
		if (!name || !expected) return misconfigured('Query Auth credential needs a Name and a Value');
		const given = fieldText(query[name]);
		if (given === undefined || given === '') return { ok: false, statusCode: 401, message: MISSING };
		return sameSecret(given, expected) ? { ok: true, secretQueryField: name } : forbidden();
	}

	if (authentication === 'headerAuth') {
		const name = String(credentials.name ?? '').toLowerCase();
		const expected = String(credentials.value ?? '');
		if (!name || !expected) return misconfigured('Header Auth credential needs a Name and a Value');
		const given = fieldText(headers[name]);
		if (given === undefined || given === '') return { ok: false, statusCode: 401, message: MISSING };
		return sameSecret(given, expected) ? { ok: true, secretHeader: name } : forbidden();
	}

	const user = String(credentials.user ?? '');
	const password = String(credentials.password ?? '');
	if (!user && !password) return misconfigured('Basic Auth credential needs a User and a Password');
	const given = basicAuthOf(headers.authorization);
	if (!given) {
		return {
			ok: false,
			statusCode: 401,
			message: MISSING,
			headers: { 'WWW-Authenticate': 'Basic realm="Webhook"' },
		};
	}
	return sameSecret(given.user, user) && sameSecret(given.password, password)
		? { ok: true, secretHeader: 'authorization' }
		: forbidden();
}

const credentialTypeFor: Record<Exclude<WebhookAuthentication, 'none'>, string> = {
	queryAuth: 'httpQueryAuth',
	headerAuth: 'httpHeaderAuth',
	basicAuth: 'httpBasicAuth',
};

function forbidden(): SecretCheck {
	return { ok: false, statusCode: 403, message: WRONG };
}

function misconfigured(rule: string): SecretCheck {
	return { ok: false, statusCode: 500, message: `The trigger's ${rule}. Nothing was started.` };
}

/** Compares digests, so the time taken says nothing about how much of the secret matched. */
function sameSecret(given: string, expected: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected));
}

function basicAuthOf(header: string | undefined): { user: string; password: string } | undefined {
	const match = /^\s*basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const separator = decoded.indexOf(':');
	if (separator === -1) return undefined;
	return { user: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
}
