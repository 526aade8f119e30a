import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { inputError } from './errors';

/**
 * Reads a field that holds several values: an array (from an expression), or text separated by commas,
 * semicolons or new lines.
 */
export function splitList(value: unknown): string[] {
	const values = Array.isArray(value) ? value : String(value ?? '').split(/[,;\n]/);
	return values.map((entry) => String(entry ?? '').trim()).filter((entry) => entry !== '');
}

const PHONE_SEPARATORS = /[\s\-().]/g;
const PHONE_PATTERN = /^\+?\d{7,15}$/;

/** Removes spaces, dashes, dots and brackets people write in phone numbers, then checks what is left. */
export function normalizePhoneNumber(
	context: IExecuteSingleFunctions,
	fieldLabel: string,
	value: string,
): string {
	const phone = value.replace(PHONE_SEPARATORS, '');
	if (!PHONE_PATTERN.test(phone)) {
		throw inputError(
			context,
			`"${fieldLabel}" has a value that is not a phone number: "${value}"`,
			'Use mobile numbers of 7 to 15 digits, optionally starting with + and the country code, e.g. +46701234567 or 0701234567. Separate several numbers with commas.',
		);
	}
	return phone;
}

export function toPositiveInteger(
	context: IExecuteSingleFunctions,
	fieldLabel: string,
	value: unknown,
): number {
	const text = String(value ?? '').trim();
	if (!/^\d+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text))) {
		throw inputError(
			context,
			`"${fieldLabel}" must be a whole number above 0, but is "${text}"`,
			'Use the numeric ID that InTime returned, e.g. from a "Get Many" operation or an earlier create.',
		);
	}
	return Number(text);
}
