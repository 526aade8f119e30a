import { decodeText } from './decodeText';

/** A field that came more than once keeps every value, in order. */
export type FormFields = Record<string, string | string[]>;

/**
 * Parses `a=1&b=%E5+x` (a form body or a query string).
 * Percent escapes stand for bytes, and the charset says what those bytes mean: `%E5` is "å" in ISO-8859-1 but
 * half a character in UTF-8. So each name and value is first turned back into bytes, then decoded with the
 * declared charset (or UTF-8 / the fallback when none is declared). Raw non-ASCII bytes are kept as bytes too.
 */
export function parseFormEncoded(
	input: Buffer | string,
	declaredCharset: string | undefined,
	fallbackCharset: string,
): FormFields {
	// latin1 maps each byte to one char and back, so splitting here never cuts a multi-byte character.
	const text = typeof input === 'string' ? input : input.toString('latin1');
	const fields: FormFields = {};
	for (const pair of text.split('&')) {
		if (pair.trim() === '') continue;
		const separator = pair.indexOf('=');
		const rawName = separator === -1 ? pair : pair.slice(0, separator);
		const rawValue = separator === -1 ? '' : pair.slice(separator + 1);
		const name = decodeComponent(rawName, declaredCharset, fallbackCharset).trim();
		if (name === '') continue;
		const value = decodeComponent(rawValue, declaredCharset, fallbackCharset);
		const existing = fields[name];
		if (existing === undefined) fields[name] = value;
		else fields[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return fields;
}

function decodeComponent(component: string, declaredCharset: string | undefined, fallbackCharset: string): string {
	return decodeText(percentDecodeToBytes(component.replace(/\+/g, ' ')), declaredCharset, fallbackCharset);
}

function percentDecodeToBytes(latin1Text: string): Buffer {
	const bytes: number[] = [];
	for (let index = 0; index < latin1Text.length; index++) {
		const char = latin1Text[index];
		if (char === '%' && /^[0-9a-fA-F]{2}$/.test(latin1Text.slice(index + 1, index + 3))) {
			bytes.push(parseInt(latin1Text.slice(index + 1, index + 3), 16));
			index += 2;
		} else {
			// A query string taken from a decoded URL may hold characters above 0xFF; keep them as UTF-8.
			const code = char.charCodeAt(0);
			if (code <= 0xff) bytes.push(code);
			else bytes.push(...Buffer.from(char, 'utf8'));
		}
	}
	return Buffer.from(bytes);
}

/** Whether a body looks like `name=value&...` rather than free text. */
export function looksFormEncoded(text: string): boolean {
	return /^[^=&\s<{[]+=[^&]*(&[^=&]+=[^&]*)*&?$/.test(text.trim());
}
