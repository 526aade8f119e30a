import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { inputError } from './errors';

const ALPHANUMERIC_SENDER = /^[A-Za-z0-9 .+-]{1,11}$/;
const NUMERIC_SENDER = /^\d{1,15}$/;

export function validateSenderTitle(context: IExecuteSingleFunctions, senderTitle: string): string {
	if (ALPHANUMERIC_SENDER.test(senderTitle) || NUMERIC_SENDER.test(senderTitle)) return senderTitle;
	throw inputError(
		context,
		`"Sender" is not allowed: "${senderTitle}"`,
		'Use at most 11 characters from A–Z, a–z, 0–9, space, dot, dash and plus (no å ä ö), e.g. "Byggvaruh", or a phone number of at most 15 digits without + (e.g. 46701234567).',
	);
}

export const SMS_LIMIT = 160;
export const MULTI_SMS_LIMIT = 804;

export function validateBodyLength(
	context: IExecuteSingleFunctions,
	body: string,
	{ flash, multiSms }: { flash: boolean; multiSms: boolean },
): void {
	const length = [...body].length;
	if (length === 0) {
		throw inputError(context, '"Message" is empty', 'Enter the text to send.');
	}
	const limit = multiSms && !flash ? MULTI_SMS_LIMIT : SMS_LIMIT;
	if (length <= limit) return;
	const over = length - limit;
	const kind = flash ? 'a flash message' : multiSms ? 'a long message (multi-SMS)' : 'one SMS';
	const advice = flash
		? 'Shorten the text: flash messages cannot be longer than 160 characters.'
		: multiSms
			? 'Shorten the text: six SMS are the most InTime joins.'
			: 'Shorten the text, or turn on "Allow Long Message (Multi-SMS)" under Additional Fields to send up to 804 characters.';
	throw inputError(
		context,
		`"Message" is ${length} characters long: ${over} over the ${limit} allowed for ${kind}`,
		advice,
	);
}
