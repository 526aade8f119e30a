/** The delivery statuses of InTime's "Receive status" callback, in words a CRM user understands. */

export type StatusOutcome = 'delivered' | 'notDelivered' | 'unknown';

export interface StatusMeaning {
	statusText: string;
	outcome: StatusOutcome;
	/** False when InTime may still send another report for the same recipient. */
	final: boolean;
}

const MEANINGS: Record<number, StatusMeaning> = {
	0: {
		statusText: 'Not delivered: the message is faulty or the phone number is not valid',
		outcome: 'notDelivered',
		final: true,
	},
	1: {
		statusText: 'Not delivered: the message was not approved by the message service provider',
		outcome: 'notDelivered',
		final: true,
	},
	2: {
		statusText: 'Not delivered: a parameter of the message was faulty',
		outcome: 'notDelivered',
		final: true,
	},
	3: {
		statusText: "Not delivered: the message was stopped in the operator's network",
		outcome: 'notDelivered',
		final: true,
	},
	4: {
		statusText: 'Not delivered: reason unknown',
		outcome: 'notDelivered',
		final: true,
	},
	20: {
		statusText: "Delivered: the recipient's phone confirmed receipt",
		outcome: 'delivered',
		final: true,
	},
	// No receipt came back (yet); operators can deliver receipts late, so a later report is possible.
	21: {
		statusText: 'Status unknown: no delivery receipt was received',
		outcome: 'unknown',
		final: false,
	},
};

export function describeStatus(status: number): StatusMeaning {
	return (
		MEANINGS[status] ?? {
			statusText: `Status ${status}, a code the InTime API does not document`,
			outcome: 'unknown',
			final: false,
		}
	);
}
