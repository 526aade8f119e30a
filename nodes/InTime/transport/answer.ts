import type { IDataObject, JsonObject } from 'n8n-workflow';

import type { InTimeEndpoint } from './errorCodes';
import { explainErrorCode, LIST_ENDPOINTS, NO_DATA_CODE, readErrorCode } from './errorCodes';
import { decodeLatin1 } from './latin1';
import { parseXmlDocument } from './xml';

const QUOTE_LIMIT = 200;

/**
 * Answers are quoted in errors so the user can report them; long HTML error pages are cut, and a `hash=` an error
 * page repeats from the request address is masked.
 */
export function shorten(text: string, limit = QUOTE_LIMIT): string {
	const singleLine = text.replace(/\s+/g, ' ').replace(/(hash(?:=|%3D))[^&\s"'<>]*/gi, '$1***').trim();
	return singleLine.length > limit
		? `${singleLine.slice(0, limit)}… (${singleLine.length} characters)`
		: singleLine;
}

/** An answer that means the request failed, explained for the user. Never holds the request (it has the key). */
export class InTimeAnswerError extends Error {
	constructor(
		message: string,
		readonly description: string,
		readonly details: JsonObject,
		readonly httpCode?: string,
	) {
		super(message);
		this.name = 'InTimeAnswerError';
	}
}

/**
 * Decodes an InTime answer (ISO-8859-1) and turns error codes into errors the user can act on.
 * Returns the answer text; for a list endpoint's "no data" answer it returns '' (an empty list).
 */
export function interpretAnswer(
	endpoint: InTimeEndpoint,
	statusCode: number,
	body: Buffer | ArrayBuffer | string,
): string {
	const text = decodeLatin1(body);
	if (statusCode < 200 || statusCode > 299) {
		throw new InTimeAnswerError(
			`InTime answered with HTTP status ${statusCode}`,
			`The answer was: "${shorten(text)}". Check the Base URL in the InTime credential; if it is right, InTime may be down: try again later.`,
			{ statusCode, answer: shorten(text) },
			String(statusCode),
		);
	}

	const code = readErrorCode(text);
	if (code === undefined) return text.trim();
	if (code === NO_DATA_CODE && LIST_ENDPOINTS.includes(endpoint)) return '';

	const explanation = explainErrorCode(endpoint, code);
	if (!explanation) {
		throw new InTimeAnswerError(
			`InTime answered with an unknown error code: ${code}`,
			'The InTime API documentation does not list this code for this operation. Contact InTime support and quote the code.',
			{ code },
		);
	}
	throw new InTimeAnswerError(`${explanation.message} (${code})`, explanation.description, { code });
}

const ID_LIST_PATTERN = /^-?\d+(\s*,\s*-?\d+)*$/;

/** Reads a success answer of ids separated by commas, e.g. `1234,1235` (negative ids are kept). */
export function parseIdList(answer: string): number[] {
	if (!ID_LIST_PATTERN.test(answer)) {
		throw new InTimeAnswerError(
			'InTime sent an answer the node does not understand',
			`Expected one or more IDs separated by commas, but got: "${shorten(answer)}". Check that the Base URL in the InTime credential points at the InTime API.`,
			{ answer: shorten(answer) },
		);
	}
	return answer.split(',').map((id) => Number(id.trim()));
}

/**
 * Reads a list answer and returns its root element; '' (nothing to list) gives an empty object. A page that is
 * not InTime's list (a login page, a proxy's answer) is an error rather than an empty list.
 */
export function parseListDocument(answer: string, rootName: string): IDataObject {
	if (answer === '') return {};
	let document: Record<string, unknown> | undefined;
	try {
		document = parseXmlDocument(answer);
	} catch {
		document = undefined;
	}
	const root = document?.[rootName];
	if (root === undefined) {
		throw new InTimeAnswerError(
			'InTime sent an answer the node does not understand',
			`Expected a list (<${rootName}>), but got: "${shorten(answer)}". Check that the Base URL in the InTime credential points at the InTime API.`,
			{ answer: shorten(answer) },
		);
	}
	return typeof root === 'object' && root !== null ? (root as IDataObject) : {};
}
