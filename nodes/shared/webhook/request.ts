import type { IWebhookFunctions } from 'n8n-workflow';

import { type FormFields, parseFormEncoded } from './formEncoded';
import { MalformedBodyError, type ParsedBody, parseBody } from './parseBody';
import type { WebhookAuthentication } from './properties';
import { readRawBody } from './readRawBody';
import { sendText } from './respond';
import { checkSecret } from './secret';

export interface WebhookCall {
	method: string;
	/** The query string parsed by us (the secret removed), with the service's fallback charset for non-UTF-8 escapes. */
	query: FormFields;
	body: ParsedBody;
}

/**
 * Receives a call the way both our triggers need it. Checks the secret of the node's Authentication parameter first
 * (401/403 before anything else is read), then reads the body; query string and body are decoded from the bytes
 * received, not taken from n8n's parsed `req.query`/`req.body` (which garble `%E5` unless it is UTF-8, or reject
 * unknown charsets). Returns undefined when the caller has already been answered and nothing may start.
 */
export async function receiveWebhookCall(
	context: IWebhookFunctions,
	fallbackCharset: string,
): Promise<WebhookCall | undefined> {
	const request = context.getRequestObject();
	const response = context.getResponseObject();
	const url = request.originalUrl ?? request.url ?? '';
	const queryStart = url.indexOf('?');
	const queryString = queryStart === -1 ? '' : url.slice(queryStart + 1).split('#')[0];
	const query = parseFormEncoded(queryString, undefined, fallbackCharset);

	const authentication = context.getNodeParameter('authentication', 'none') as WebhookAuthentication;
	const secret = await checkSecret(context, authentication, query, request.headers);
	if (!secret.ok) {
		sendText(response, secret.statusCode, secret.message, secret.headers);
		return undefined;
	}
	// The secret must never reach the execution data.
	if (secret.secretQueryField) delete query[secret.secretQueryField];

	try {
		const body = await parseBody(await readRawBody(request), request.headers['content-type'], fallbackCharset);
		return { method: (request.method ?? 'GET').toUpperCase(), query, body };
	} catch (error) {
		if (!(error instanceof MalformedBodyError)) throw error;
		sendText(response, 400, `${error.message}. Nothing was started.`);
		return undefined;
	}
}
