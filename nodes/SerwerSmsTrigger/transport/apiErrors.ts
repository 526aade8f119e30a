/**
 * What to tell a person when SerwerSMS answers `{"error": {"code": ..., "type": ..., "message": ...}}`.
 * SerwerSMS reports errors in the body, often with HTTP 200, so every answer is checked for `error`.
 */

export interface SerwerSmsErrorBody {
	code?: number | string;
	type?: string;
	message?: string;
}

export interface ErrorExplanation {
	message: string;
	description: string;
}

const CREDENTIAL_HINT =
	'Open the SerwerSMS API credential and check it. An API user and its password, and API tokens, are managed in the SerwerSMS customer panel under Interface settings > HTTPS API.';

const EXPLANATIONS: Record<number, ErrorExplanation> = {
	1000: {
		message: 'SerwerSMS did not recognise the requested action',
		description:
			'Check the Base URL in the SerwerSMS API credential: it should be https://api2.serwersms.pl (or the alternate host https://s1api2.serwersms.pl) without any path.',
	},
	1001: {
		message: 'SerwerSMS rejected the login: wrong API username or password, or an invalid API token',
		description: CREDENTIAL_HINT,
	},
	1002: {
		message: 'This SerwerSMS user has no permission to use the API',
		description:
			'In the SerwerSMS customer panel, give this user access to the HTTPS API (Interface settings > HTTPS API), or use an API user or token that has it.',
	},
	1003: {
		message: "SerwerSMS does not accept API requests from this n8n server's IP address",
		description:
			'In the SerwerSMS customer panel (Interface settings > HTTPS API), add the public IP address of the n8n server to the allowed addresses, or lift the IP restriction for this API user.',
	},
	1004: {
		message: 'SerwerSMS did not find the requested item',
		description: 'The ID sent does not exist on this account.',
	},
	1005: {
		message: 'This SerwerSMS user is not allowed to read incoming messages',
		description:
			'In the SerwerSMS customer panel, give the API user permission for incoming messages (replies, ND/NDI, MMS), or use another API user or token.',
	},
	1006: {
		message: 'SerwerSMS rejected the format of the data sent',
		description:
			'Check the trigger\'s filters: phone numbers in international format such as +48500600700, the NDI number in the same format, and the "Start From" date.',
	},
	1007: {
		message: 'The SerwerSMS account is not fully active yet',
		description:
			'Finish activating the account in the SerwerSMS customer panel (data and verification), then try again.',
	},
	1008: {
		message: 'This SerwerSMS user is not allowed to see phone numbers',
		description:
			'In the SerwerSMS customer panel, allow the API user to view phone numbers; without it incoming messages cannot be read.',
	},
};

export function explainApiError(error: SerwerSmsErrorBody): ErrorExplanation {
	const code = Number(error.code);
	const apiText = [error.type, error.message].filter(Boolean).join(': ');
	const known = EXPLANATIONS[code];
	if (known) {
		return {
			message: `${known.message} (SerwerSMS error ${code}${apiText ? `, ${apiText}` : ''})`,
			description: known.description,
		};
	}
	if (code >= 2000 && code < 3000) {
		return {
			message: `SerwerSMS refused a parameter of the request (error ${code}${apiText ? `, ${apiText}` : ''})`,
			description:
				'Check the trigger\'s filters: sender phone numbers and the NDI number must be in international format such as +48500600700.',
		};
	}
	return {
		message: `SerwerSMS answered with an error (${Number.isFinite(code) ? `code ${code}` : 'no code'}${apiText ? `, ${apiText}` : ''})`,
		description:
			'The trigger will try again at the next poll without skipping messages. If the error persists, look the code up in the SerwerSMS API documentation or ask SerwerSMS support.',
	};
}

/** The `error` object of an answer, if the answer is one. */
export function findApiError(body: unknown): SerwerSmsErrorBody | undefined {
	if (typeof body !== 'object' || body === null || !('error' in body)) return undefined;
	const error = (body as { error: unknown }).error;
	if (error === undefined || error === null || error === false) return undefined;
	if (typeof error === 'object') return error as SerwerSmsErrorBody;
	return { message: String(error) };
}
