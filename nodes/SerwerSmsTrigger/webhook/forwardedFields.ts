import type { FormFields } from '../../shared/webhook/formEncoded';
import type { ParsedBody } from '../../shared/webhook/parseBody';

/**
 * Every field of a forwarded message: the query string (GET, used for ECO/ND/NDI replies) and the body (POST,
 * used for MMS) in whatever form it came; body fields win over query fields of the same name.
 */
export function forwardedFields(query: FormFields, body: ParsedBody): Record<string, unknown> {
	return { ...query, ...bodyFields(body) };
}

function bodyFields(body: ParsedBody): Record<string, unknown> {
	switch (body.format) {
		case 'form':
		case 'multipart':
			return body.data as Record<string, unknown>;
		case 'json':
			return isObject(body.data) ? body.data : { body: body.data };
		case 'xml': {
			// <message>…</message>: the root element's content is the message.
			const root = isObject(body.data) ? Object.values(body.data) : [];
			return root.length === 1 && isObject(root[0]) ? root[0] : (body.data as Record<string, unknown>);
		}
		case 'text':
			return body.text?.trim() ? { body: body.text } : {};
		default:
			return {};
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
