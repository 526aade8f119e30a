import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { findUnsupportedCharacters, replaceUnsupportedCharacters } from '../transport/latin1';
import { inputError } from './errors';

/**
 * Checks that text fits ISO-8859-1, the only character set InTime takes. With replacing on, characters it
 * cannot carry are swapped for plain ones and counted; otherwise the first one found is reported.
 */
export class TextPreparer {
	replacedCharacters = 0;

	constructor(
		private readonly context: IExecuteSingleFunctions,
		private readonly replaceUnsupported: boolean,
	) {}

	prepare(fieldLabel: string, value: string): string {
		if (this.replaceUnsupported) {
			const { text, replaced } = replaceUnsupportedCharacters(value);
			this.replacedCharacters += replaced;
			return text;
		}
		const unsupported = findUnsupportedCharacters(value);
		if (unsupported.length === 0) return value;
		const [first] = unsupported;
		const others =
			unsupported.length > 1 ? ` (and ${unsupported.length - 1} more unsupported character(s))` : '';
		throw inputError(
			this.context,
			`"${fieldLabel}" contains a character InTime cannot send: "${first.character}" (${first.codePoint}) at position ${first.position}${others}`,
			'InTime sends text as ISO-8859-1: Swedish and most Western European letters (å ä ö é ü) work, but emoji, letters such as the Polish ł, and curly quotes do not. Remove the character, or turn on "Replace Unsupported Characters" under Options to swap such characters for the nearest plain ones (“ → ", ł → l).',
		);
	}

	/** A field's text; an expression that found nothing (undefined, null) gives '' rather than "undefined". */
	static read(value: unknown): string {
		return value === undefined || value === null ? '' : String(value);
	}

	/** Prepares an optional field; empty stays empty so it is left out of the request. */
	prepareOptional(fieldLabel: string, value: unknown): string | undefined {
		if (value === undefined || value === null) return undefined;
		const text = String(value).trim();
		return text === '' ? undefined : this.prepare(fieldLabel, text);
	}
}
