import type { IDataObject } from 'n8n-workflow';

import { fieldText, findField } from '../../shared/webhook/fieldNames';
import { localTimeToIso } from '../../shared/zonedTime';
import { messageTypeLabel } from '../messages/messageTypes';

/**
 * Field names we recognise in a forwarded message, normalised (letter case, `_` and `-` ignored). SerwerSMS fills
 * a URL template the account owner writes, so the names are whatever they chose; these cover the API's own
 * names (`phone`, `text`, `recived`, ...) and the obvious Polish and English alternatives.
 */
const ALIASES = {
	id: ['id', 'idsms', 'smsid', 'incomingid'],
	type: ['type', 'typ'],
	phone: ['phone', 'numer', 'number', 'from', 'sender', 'nadawca', 'telefon', 'msisdn'],
	text: ['text', 'wiadomosc', 'message', 'tresc', 'content', 'body', 'sms'],
	received: ['recived', 'received', 'date', 'data', 'datetime', 'time'],
	answeredMessageId: ['messageid', 'idwiadomosci'],
	toNumber: ['tonumber', 'to', 'ndi', 'odbiorca', 'recipient'],
	title: ['title', 'temat', 'subject'],
	blacklist: ['blacklist'],
} as const;

/**
 * One forwarded message as an n8n item, with the same names as the polling SerwerSMS Trigger's output (so one
 * workflow can take both), plus `fields`: every field exactly as received.
 */
export function toIncomingMessage(
	fields: Record<string, unknown>,
	method: string,
	timeZone: string,
): IDataObject {
	const text = (aliases: readonly string[]) => fieldText(findField(fields, aliases)?.value) ?? null;
	const type = text(ALIASES.type)?.toLowerCase() ?? null;
	const receivedLocal = text(ALIASES.received);
	const blacklist = text(ALIASES.blacklist);
	return {
		id: numericId(text(ALIASES.id)),
		type,
		typeLabel: type === null ? null : messageTypeLabel(type),
		phone: text(ALIASES.phone),
		// The text is kept as sent: leading/trailing spaces can matter in a reply.
		text: textExactly(fields, ALIASES.text),
		receivedAt: receivedLocal === null ? null : (localTimeToIso(receivedLocal, timeZone) ?? null),
		receivedLocal,
		answeredMessageId: text(ALIASES.answeredMessageId),
		toNumber: text(ALIASES.toNumber),
		title: text(ALIASES.title),
		blacklisted: blacklist === null ? null : ['1', 'true', 'yes', 'tak'].includes(blacklist.toLowerCase()),
		method,
		fields: fields as IDataObject,
	};
}

/** The API's ids are numbers; the same message from the polling trigger then compares equal. */
function numericId(id: string | null): number | string | null {
	return id !== null && /^\d{1,15}$/.test(id) ? Number(id) : id;
}

function textExactly(fields: Record<string, unknown>, aliases: readonly string[]): string | null {
	const value = findField(fields, aliases)?.value;
	if (value === undefined || value === null) return null;
	return Array.isArray(value) ? String(value[0]) : String(value);
}

