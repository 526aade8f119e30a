/**
 * Every error code of the InTime API, per endpoint, in the user's words: what happened and what to do.
 * InTime answers HTTP 200 with a code such as `1:ERROR2` when something goes wrong.
 */

export type InTimeEndpoint =
	| 'message/create'
	| 'message/delete'
	| 'contacts/add'
	| 'contacts/listgroups'
	| 'contacts/addgroup'
	| 'contacts/deletigroup'
	| 'nix/list'
	| 'nix/addnix'
	| 'nix/deletenix'
	| 'reminder/list'
	| 'reminder/add'
	| 'reminder/edit';

export interface ErrorExplanation {
	message: string;
	description: string;
}

const CHECK_CREDENTIAL =
	'Open the InTime credential and check Username and Secret Key (the API key InTime issued, not your password).';
const REPORT_BUG =
	'This should not happen: the node always sends a request body. Please report it with the node version.';
const TRY_LATER = 'Try again in a few minutes. If it keeps happening, contact InTime support.';

const AUTHENTICATION: Record<string, ErrorExplanation> = {
	'0:ERROR1': {
		message: 'InTime did not receive a username or secret key',
		description: `${CHECK_CREDENTIAL} Both fields must be filled in.`,
	},
	'0:ERROR3': {
		message: 'InTime did not accept the username or secret key',
		description: `InTime answered "user is not verified". ${CHECK_CREDENTIAL}`,
	},
};

const EMPTY_REQUEST: Record<string, ErrorExplanation> = {
	'0:ERROR2': { message: 'InTime received an empty request', description: REPORT_BUG },
};

function invalidXml(what: string): ErrorExplanation {
	return {
		message: `InTime could not read the ${what} it was sent`,
		description:
			'InTime rejected the request as invalid (XML validation failure). Check the fields for unusual characters or values outside the limits shown in their descriptions.',
	};
}

const EXPLANATIONS: Record<InTimeEndpoint, Record<string, ErrorExplanation>> = {
	'message/create': {
		...AUTHENTICATION,
		...EMPTY_REQUEST,
		'1:ERROR1': invalidXml('message'),
		'1:ERROR2': {
			message: 'The send date is in the past',
			description:
				'InTime only schedules messages for a time after now. Pick a later "Send At" time, or remove "Send At" to send the message right away.',
		},
		'1:ERROR3': {
			message: 'InTime rejected the recipients',
			description:
				'At least one phone number is not valid. Use mobile numbers such as +46701234567 or 0701234567, separated by commas.',
		},
		'2:ERROR0': {
			message: "InTime could not load your account's block list",
			description: `No message was sent. ${TRY_LATER} To send without the check, turn off "Check Block List for Groups".`,
		},
		'2:ERROR1': {
			message: 'InTime could not send the message',
			description: `No message was sent. ${TRY_LATER}`,
		},
		'2:ERROR2': {
			message: 'There is no one to send the message to',
			description:
				'Add at least one phone number in "To" or choose a group that has contacts with a mobile number. If all recipients are on your block list, nobody is left to text.',
		},
	},
	'message/delete': {
		...AUTHENTICATION,
		...EMPTY_REQUEST,
		'1:ERROR1': invalidXml('request'),
		'2:ERROR1': {
			message: 'InTime could not read the message ID',
			description: 'Enter the numeric message ID that the Send operation returned (field "messageId").',
		},
		'2:ERROR2': {
			message: 'InTime could not remove the message',
			description:
				'Only scheduled messages that have not been sent yet can be removed. Check the message ID; the message may already be sent or removed.',
		},
	},
	'contacts/add': {
		...AUTHENTICATION,
		...EMPTY_REQUEST,
		'1:ERROR1': invalidXml('contact'),
		'2:ERROR1': {
			message: 'InTime could not create the contact',
			description: `Check that every chosen group still exists (use "Get Many" groups). ${TRY_LATER}`,
		},
		'3:ERROR1': {
			message: 'InTime rejected the e-mail address',
			description: 'Enter a valid e-mail address such as anna.svensson@example.com.',
		},
		'3:ERROR2': {
			message: 'InTime rejected the mobile number',
			description: 'Enter a valid mobile number such as +46701234567 or 0701234567.',
		},
	},
	'contacts/listgroups': {
		...AUTHENTICATION,
	},
	'contacts/addgroup': {
		...AUTHENTICATION,
		...EMPTY_REQUEST,
		'1:ERROR1': invalidXml('group names'),
		'2:ERROR1': { message: 'InTime could not create the group(s)', description: TRY_LATER },
	},
	'contacts/deletigroup': {
		...AUTHENTICATION,
		...EMPTY_REQUEST,
		'1:ERROR1': invalidXml('group ID'),
		'2:ERROR1': {
			message: 'InTime could not remove the group',
			description:
				'Check that the group exists: pick it from the list, or use "Get Many" groups to see the IDs. It may already be removed.',
		},
	},
	'nix/list': {
		...AUTHENTICATION,
	},
	'nix/addnix': {
		...AUTHENTICATION,
		...EMPTY_REQUEST,
		'1:ERROR1': invalidXml('phone numbers'),
		'2:ERROR1': {
			message: 'InTime could not add the numbers to the block list',
			description: `Check that every number is a valid mobile number such as 0701234567. ${TRY_LATER}`,
		},
	},
	'nix/deletenix': {
		...AUTHENTICATION,
		...EMPTY_REQUEST,
		'1:ERROR1': invalidXml('phone numbers'),
		'2:ERROR1': {
			message: 'InTime could not remove the numbers from the block list',
			description:
				'Check that the numbers are on the block list, written exactly as listed there (use "Get Many" on the block list).',
		},
	},
	'reminder/list': {
		...AUTHENTICATION,
	},
	'reminder/add': {
		...AUTHENTICATION,
		...EMPTY_REQUEST,
		'1:ERROR1': invalidXml('reminder'),
		'2:ERROR1': {
			message: 'InTime could not add the reminder',
			description: `Check the appointment date and the attendee's mobile number. ${TRY_LATER}`,
		},
	},
	'reminder/edit': {
		...AUTHENTICATION,
		...EMPTY_REQUEST,
		'1:ERROR1': invalidXml('reminder'),
		'2:ERROR1': {
			message: 'InTime could not change the reminder',
			description: 'Check the appointment ID (use "Get Many" reminders to see them). Only active reminders can be changed.',
		},
	},
};

/** "No data to return" on a list endpoint: an empty list, not a failure. */
export const NO_DATA_CODE = '2:ERROR1';

export const LIST_ENDPOINTS: InTimeEndpoint[] = ['contacts/listgroups', 'nix/list', 'reminder/list'];

export function explainErrorCode(endpoint: InTimeEndpoint, code: string): ErrorExplanation | undefined {
	return EXPLANATIONS[endpoint][code];
}

const ERROR_CODE_PATTERN = /^\s*(\d+:ERROR\d+)\s*$/;

/** The code, when the answer is an InTime error code such as `1:ERROR2`. */
export function readErrorCode(answer: string): string | undefined {
	return ERROR_CODE_PATTERN.exec(answer)?.[1];
}
