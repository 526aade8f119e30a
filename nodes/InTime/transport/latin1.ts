import * as iconv from 'iconv-lite';

/** The InTime API speaks ISO-8859-1 both ways. */
const CHARSET = 'latin1';

export function encodeLatin1(text: string): Buffer {
	return iconv.encode(text, CHARSET);
}

export function decodeLatin1(bytes: Buffer | ArrayBuffer | string): string {
	if (typeof bytes === 'string') return bytes;
	return iconv.decode(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), CHARSET);
}

export function isLatin1(character: string): boolean {
	const codePoint = character.codePointAt(0) ?? 0;
	// Control characters other than tab and line breaks are encodable but not valid in XML text.
	if (codePoint < 0x20) return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d;
	return codePoint <= 0xff && !(codePoint >= 0x7f && codePoint <= 0x9f);
}

export interface UnsupportedCharacter {
	character: string;
	/** 1-based position in the text, counted in characters as a person sees them. */
	position: number;
	codePoint: string;
}

export function findUnsupportedCharacters(text: string): UnsupportedCharacter[] {
	const found: UnsupportedCharacter[] = [];
	let position = 0;
	for (const character of text) {
		position++;
		if (!isLatin1(character)) {
			const hex = (character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
			found.push({ character, position, codePoint: `U+${hex}` });
		}
	}
	return found;
}

/** Nearest plain equivalents for characters ISO-8859-1 cannot carry. */
const REPLACEMENTS: Record<string, string> = {
	'\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
	'\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"',
	'\u2013': '-', '\u2014': '-', '\u2212': '-', '\u2010': '-', '\u2011': '-',
	'\u2026': '...', '\u2022': '*', '\u20AC': 'EUR', '\u2122': 'TM',
	'\u00A0': ' ', '\u2002': ' ', '\u2003': ' ', '\u2009': ' ', '\u202F': ' ', '\u200B': '',
	'\u0141': 'L', '\u0142': 'l', '\u0110': 'D', '\u0111': 'd', '\u0131': 'i',
	'\u0152': 'OE', '\u0153': 'oe',
};

export interface ReplacementResult {
	text: string;
	replaced: number;
}

/**
 * Replaces every character ISO-8859-1 cannot carry: known punctuation by its ASCII look-alike, accented
 * letters by their base letter (ł → l, ś → s), anything else (an emoji) by '?'.
 */
export function replaceUnsupportedCharacters(text: string): ReplacementResult {
	let replaced = 0;
	let result = '';
	for (const character of text) {
		if (isLatin1(character)) {
			result += character;
			continue;
		}
		replaced++;
		result += plainEquivalent(character);
	}
	return { text: result, replaced };
}

function plainEquivalent(character: string): string {
	if (character in REPLACEMENTS) return REPLACEMENTS[character];
	// Decomposing splits a letter from its accents (ś → s + ´); keep what ISO-8859-1 can carry.
	const base = [...character.normalize('NFKD')].filter(isLatin1).join('');
	if (base) return base;
	// Control characters have no visible equivalent.
	return (character.codePointAt(0) ?? 0) < 0x20 ? ' ' : '?';
}
