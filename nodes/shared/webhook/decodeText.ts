import { decode, encodingExists } from 'iconv-lite';

/**
 * Turns received bytes into text.
 * A declared charset wins when iconv-lite knows it (iso-8859-1, latin1, windows-1252, iso-8859-2, utf-8, ...).
 * Without one, or with a name nobody knows, UTF-8 is used when the bytes are valid UTF-8 and the caller's
 * fallback (the service's own legacy charset) otherwise: a callback never fails because of its charset.
 */
export function decodeText(bytes: Buffer, declaredCharset: string | undefined, fallbackCharset: string): string {
	const label = declaredCharset?.trim().toLowerCase();
	const charset = label && encodingExists(label) ? (WHATWG_ALIASES[label] ?? label) : undefined;
	const text = charset
		? decode(bytes, charset)
		: isValidUtf8(bytes)
			? bytes.toString('utf8')
			: decode(bytes, fallbackCharset);
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * As browsers do (WHATWG Encoding), read "ISO-8859-1" and "ASCII" as Windows-1252: identical for every printable
 * ISO-8859-1 character, and senders that say latin1 but mean Windows (€, curly quotes) still come out right.
 */
const WHATWG_ALIASES: Record<string, string> = {
	'iso-8859-1': 'windows-1252',
	iso_8859_1: 'windows-1252',
	'iso8859-1': 'windows-1252',
	latin1: 'windows-1252',
	'us-ascii': 'windows-1252',
	ascii: 'windows-1252',
};

export function isValidUtf8(bytes: Buffer): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes);
		return true;
	} catch {
		return false;
	}
}
