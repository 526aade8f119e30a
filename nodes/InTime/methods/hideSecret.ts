import type { JsonObject } from 'n8n-workflow';

/**
 * Masks the secret key in text a server sent back. InTime reads the key from the query string, so a proxy or web
 * server that quotes the address it was asked for (an error page, a start page) repeats the key, possibly
 * percent-encoded.
 */
export function hideSecret(text: string, secret: string): string {
	if (!secret) return text;
	const encoded = encodeURIComponent(secret);
	const strictlyEncoded = encoded.replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
	let result = text;
	for (const form of new Set([secret, encoded, strictlyEncoded])) result = result.split(form).join('***');
	return result;
}

/** The same for the text values of an error's details. */
export function hideSecretInDetails(details: JsonObject, secret: string): JsonObject {
	return Object.fromEntries(
		Object.entries(details).map(([key, value]) => [key, typeof value === 'string' ? hideSecret(value, secret) : value]),
	);
}
