import { collectRecords, fieldText, findField } from '../../shared/webhook/fieldNames';
import type { FormFields } from '../../shared/webhook/formEncoded';
import type { ParsedBody } from '../../shared/webhook/parseBody';
import { describeStatus, type StatusOutcome } from './statusCodes';

export interface StatusReport {
	messageId: string;
	transId: string | null;
	status: number;
	statusText: string;
	delivered: boolean;
	final: boolean;
	receivedAt: string;
	/** Fields InTime sent beyond messageid/status/transid (empty as far as the spec goes), secret removed. */
	otherFields: Record<string, unknown>;
}

/** A callback we cannot use: answered 400 with this message, nothing started. */
export class InvalidCallbackError extends Error {}

// Normalised names (see normalizeFieldName): MessageId, message_id and messageID all match.
const MESSAGE_ID = ['messageid'];
const STATUS = ['status'];
const TRANS_ID = ['transid'];

/**
 * Turns one callback into status reports. The spec names the fields (messageid, status, transid) but not the
 * wire format, so they may come in the query string, a form body, XML (elements or attributes) or JSON, in any
 * letter case; body fields win over query fields of the same name.
 */
export function parseStatusCallback(
	query: FormFields,
	body: ParsedBody,
	receivedAt: Date,
): Array<StatusReport & { outcome: StatusOutcome }> {
	const bodyRecords =
		body.format === 'xml' || body.format === 'json'
			? collectRecords(body.data, MESSAGE_ID)
			: body.format === 'form' || body.format === 'multipart'
				? [body.data as Record<string, unknown>]
				: [{}];
	return bodyRecords.map((record) => toReport({ ...query, ...record }, receivedAt));
}

function toReport(fields: Record<string, unknown>, receivedAt: Date): StatusReport & { outcome: StatusOutcome } {
	const messageIdField = findField(fields, MESSAGE_ID);
	const messageId = fieldText(messageIdField?.value);
	if (!messageId) {
		const names = Object.keys(fields);
		throw new InvalidCallbackError(
			`The status callback has no message id: expected a field named "messageid" in the query string or the body (received ${
				names.length ? `the fields ${names.map((name) => `"${name}"`).join(', ')}` : 'no fields'
			}). Nothing was started.`,
		);
	}

	const statusField = findField(fields, STATUS);
	const statusText = fieldText(statusField?.value);
	if (statusText === undefined || !/^\d{1,9}$/.test(statusText)) {
		throw new InvalidCallbackError(
			`The status callback for message ${messageId} has ${
				statusText === undefined ? 'no "status" field' : `the status "${statusText}"`
			}: expected a number such as 20 (delivered) or 0-4 (not delivered). Nothing was started.`,
		);
	}

	const transIdField = findField(fields, TRANS_ID);
	const status = Number(statusText);
	const meaning = describeStatus(status);
	const known = new Set([messageIdField?.name, statusField?.name, transIdField?.name]);
	const otherFields = Object.fromEntries(Object.entries(fields).filter(([name]) => !known.has(name)));

	return {
		messageId,
		transId: fieldText(transIdField?.value) || null,
		status,
		statusText: meaning.statusText,
		delivered: meaning.outcome === 'delivered',
		final: meaning.final,
		receivedAt: receivedAt.toISOString(),
		otherFields,
		outcome: meaning.outcome,
	};
}
