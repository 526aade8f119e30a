import type { IWebhookFunctions } from 'n8n-workflow';

import { type FormFields, parseFormEncoded } from './formEncoded';
import { type ParsedBody, parseBody } from './parseBody';
import { readRawBody } from './readRawBody';

export interface WebhookRequest {
	method: string;
	/** The query string parsed by us, with the service's fallback charset for non-UTF-8 escapes. */
	query: FormFields;
	/** Reads and parses the body; throws MalformedBodyError for broken JSON/XML. Separate, so secrets go first. */
	readBody: () => Promise<ParsedBody>;
}

/**
 * The request the way our triggers need it: query string and body both decoded from the bytes received, not from
 * n8n's parsed `req.query`/`req.body` (which garble `%E5` unless it is UTF-8, or reject unknown charsets).
 */
export function webhookRequest(context: IWebhookFunctions, fallbackCharset: string): WebhookRequest {
	const request = context.getRequestObject();
	const url = request.originalUrl ?? request.url ?? '';
	const queryStart = url.indexOf('?');
	const queryString = queryStart === -1 ? '' : url.slice(queryStart + 1).split('#')[0];
	return {
		method: (request.method ?? 'GET').toUpperCase(),
		query: parseFormEncoded(queryString, undefined, fallbackCharset),
		readBody: async () =>
			await parseBody(await readRawBody(request), request.headers['content-type'], fallbackCharset),
	};
}
