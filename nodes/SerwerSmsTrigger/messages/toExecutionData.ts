import type { IBinaryKeyData, IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { localTimeToIso } from '../../shared/zonedTime';
import { messageTypeLabel } from './messageTypes';

const CONTACT_FIELDS = [
	'first_name',
	'last_name',
	'company',
	'phone',
	'email',
	'tax_id',
	'city',
	'address',
	'description',
] as const;

const CONTACT_OUTPUT_NAMES: Record<(typeof CONTACT_FIELDS)[number], string> = {
	first_name: 'firstName',
	last_name: 'lastName',
	company: 'company',
	phone: 'phone',
	email: 'email',
	tax_id: 'taxId',
	city: 'city',
	address: 'address',
	description: 'description',
};

function contactOf(value: unknown): IDataObject | undefined {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
	const source = value as IDataObject;
	const contact: IDataObject = {};
	for (const field of CONTACT_FIELDS) {
		if (source[field] !== undefined && source[field] !== null) contact[CONTACT_OUTPUT_NAMES[field]] = source[field];
	}
	return contact;
}

/**
 * One incoming message as an n8n item: readable names, the time as ISO 8601 with offset, MMS attachments as binary
 * data (attachment_0, attachment_1, ...) with their names listed in the JSON.
 */
export async function toExecutionData(
	context: IPollFunctions,
	message: IDataObject,
	timeZone: string,
	includeContactDetails: boolean,
): Promise<INodeExecutionData> {
	const receivedLocal = typeof message.recived === 'string' ? message.recived : '';
	const json: IDataObject = {
		id: message.id as IDataObject[string],
		type: message.type ?? null,
		typeLabel: messageTypeLabel(message.type),
		phone: message.phone ?? null,
		text: message.text ?? null,
		receivedAt: localTimeToIso(receivedLocal, timeZone) ?? null,
		receivedLocal,
		blacklisted: message.blacklist === true || message.blacklist === 1 || message.blacklist === '1',
	};
	if (message.type === 'eco' || message.message_id !== undefined) {
		json.answeredMessageId = message.message_id ?? null;
	}
	if (message.to_number !== undefined) json.toNumber = message.to_number;
	if (message.title !== undefined) json.title = message.title;
	if (includeContactDetails) json.contact = contactOf(message.contact) ?? null;

	const item: INodeExecutionData = { json };
	if (Array.isArray(message.attachments)) {
		const binary: IBinaryKeyData = {};
		const attachments: IDataObject[] = [];
		for (const [index, attachment] of (message.attachments as IDataObject[]).entries()) {
			const property = `attachment_${index}`;
			const fileName = typeof attachment.name === 'string' && attachment.name ? attachment.name : property;
			const mimeType =
				typeof attachment.content_type === 'string' && attachment.content_type
					? attachment.content_type
					: 'application/octet-stream';
			const data = typeof attachment.data === 'string' ? attachment.data : '';
			binary[property] = await context.helpers.prepareBinaryData(
				Buffer.from(data, 'base64'),
				fileName,
				mimeType,
			);
			attachments.push({
				id: attachment.id ?? null,
				fileName,
				mimeType,
				binaryProperty: property,
			});
		}
		json.attachments = attachments;
		if (attachments.length) item.binary = binary;
	}
	return item;
}
