import { XMLParser, XMLValidator } from 'fast-xml-parser';

import { parseContentType } from './contentType';
import { decodeText } from './decodeText';
import { looksFormEncoded, parseFormEncoded } from './formEncoded';

export type BodyFormat = 'empty' | 'form' | 'json' | 'xml' | 'multipart' | 'text';

export interface UploadedFile {
	field: string;
	name: string;
	contentType: string;
	/** Base64, as SerwerSMS's own API returns attachments. */
	data: string;
}

export interface ParsedBody {
	format: BodyFormat;
	/** Form fields as an object, JSON as parsed, XML as an object tree; undefined for empty or plain text. */
	data: unknown;
	files: UploadedFile[];
	/** The decoded body, when it was text. */
	text?: string;
}

/** A body that says it is JSON/XML but is not: the caller answers 400 with this message. */
export class MalformedBodyError extends Error {}

const xmlParser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
});

/**
 * Parses a webhook body by its Content-Type, and by its first character when the type is missing or vague
 * (senders of callbacks often send `text/plain` or nothing at all).
 */
export async function parseBody(
	rawBody: Buffer,
	contentTypeHeader: string | string[] | undefined,
	fallbackCharset: string,
): Promise<ParsedBody> {
	const { mimeType, charset } = parseContentType(contentTypeHeader);
	if (rawBody.length === 0) return { format: 'empty', data: undefined, files: [] };

	if (mimeType === 'multipart/form-data') {
		return await parseMultipart(rawBody, String(contentTypeHeader));
	}

	const isXmlType = mimeType.endsWith('/xml') || mimeType.endsWith('+xml');
	const text = decodeText(rawBody, charset ?? (isXmlType || startsWithXml(rawBody) ? xmlDeclaredCharset(rawBody) : undefined), fallbackCharset);
	const start = text.trimStart().charAt(0);

	if (mimeType === 'application/json' || mimeType.endsWith('+json') || start === '{' || start === '[') {
		try {
			return { format: 'json', data: JSON.parse(text) as unknown, files: [], text };
		} catch (error) {
			if (start === '{' || start === '[' || mimeType.includes('json')) {
				throw new MalformedBodyError(`The body is not valid JSON (${(error as Error).message})`);
			}
		}
	}
	if (isXmlType || start === '<') {
		const validation = XMLValidator.validate(text);
		if (validation !== true) {
			throw new MalformedBodyError(`The body is not well-formed XML (${validation.err.msg}, line ${validation.err.line})`);
		}
		return { format: 'xml', data: xmlParser.parse(text) as unknown, files: [], text };
	}
	if (mimeType === 'application/x-www-form-urlencoded' || looksFormEncoded(text)) {
		// Percent escapes must be decoded with the declared charset, so parse the bytes, not the decoded text.
		return { format: 'form', data: parseFormEncoded(rawBody, charset, fallbackCharset), files: [], text };
	}
	return { format: 'text', data: undefined, files: [], text };
}

function startsWithXml(rawBody: Buffer): boolean {
	return rawBody.subarray(0, 64).toString('latin1').trimStart().startsWith('<');
}

/** `<?xml version="1.0" encoding="iso-8859-1"?>` names the charset when the header does not. */
function xmlDeclaredCharset(rawBody: Buffer): string | undefined {
	const head = rawBody.subarray(0, 200).toString('latin1');
	const match = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
	return match ? match[1].toLowerCase() : undefined;
}

async function parseMultipart(rawBody: Buffer, contentType: string): Promise<ParsedBody> {
	let form: FormData;
	try {
		// Node's fetch implementation parses multipart bodies; no extra dependency needed.
		form = await new Response(rawBody, { headers: { 'content-type': contentType } }).formData();
	} catch (error) {
		throw new MalformedBodyError(`The multipart body could not be read (${(error as Error).message})`);
	}
	const fields: Record<string, string | string[]> = {};
	const files: UploadedFile[] = [];
	for (const [field, value] of form.entries()) {
		if (typeof value === 'string') {
			const existing = fields[field];
			if (existing === undefined) fields[field] = value;
			else fields[field] = Array.isArray(existing) ? [...existing, value] : [existing, value];
		} else {
			files.push({
				field,
				name: value.name,
				contentType: value.type || 'application/octet-stream',
				data: Buffer.from(await value.arrayBuffer()).toString('base64'),
			});
		}
	}
	return { format: 'multipart', data: fields, files };
}
