import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { answerIds } from './answers';
import { withXmlBody } from '../transport/request';
import { inputError } from '../helpers/errors';
import { normalizePhoneNumber, splitList, toPositiveInteger } from '../helpers/lists';
import { TextPreparer } from '../helpers/text';
import { outputItem } from './output';

/** InTime's contact types: what a contact can be reached by. */
export const CONTACT_TYPE = { sms: 1, email: 2, smsAndEmail: 3 } as const;

const EMAIL_PATTERN = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

interface ContactInput {
	type: number;
	firstName: string;
	lastName: string;
	mobile?: string;
	email?: string;
	extraField?: string;
	groupIds: number[];
	replacedCharacters: number;
}

/** A text field's value, trimmed; an expression that found nothing (undefined, null) counts as empty, not "undefined". */
function textParameter(context: IExecuteSingleFunctions, name: string): string {
	return String(context.getNodeParameter(name, '') ?? '').trim();
}

function readContact(context: IExecuteSingleFunctions): ContactInput {
	const additionalFields = context.getNodeParameter('additionalFields', {}) as IDataObject;
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const text = new TextPreparer(context, options.replaceUnsupportedCharacters === true);

	const type = Number(context.getNodeParameter('contactType', CONTACT_TYPE.sms));
	if (![1, 2, 3].includes(type)) {
		throw inputError(
			context,
			`"Reachable By" must be 1 (SMS), 2 (e-mail) or 3 (SMS and e-mail), but is "${type}"`,
			'Choose how InTime can reach the contact.',
		);
	}
	const needsMobile = type !== CONTACT_TYPE.email;
	const needsEmail = type !== CONTACT_TYPE.sms;

	const mobileText = needsMobile ? textParameter(context, 'mobile') : '';
	if (needsMobile && !mobileText) {
		throw inputError(
			context,
			'"Mobile" is empty, but the contact is to be reached by SMS',
			'Enter the mobile number, e.g. +46701234567, or set "Reachable By" to E-Mail.',
		);
	}
	const email = needsEmail ? textParameter(context, 'email') : '';
	if (needsEmail && !EMAIL_PATTERN.test(email)) {
		throw inputError(
			context,
			email ? `"Email" is not an e-mail address: "${email}"` : '"Email" is empty, but the contact is to be reached by e-mail',
			'Enter an address such as anna.svensson@example.com, or set "Reachable By" to SMS.',
		);
	}

	return {
		type,
		firstName: text.prepare('First Name', textParameter(context, 'firstName')),
		lastName: text.prepare('Last Name', textParameter(context, 'lastName')),
		mobile: needsMobile ? normalizePhoneNumber(context, 'Mobile', mobileText) : undefined,
		email: needsEmail ? text.prepare('Email', email) : undefined,
		extraField: text.prepareOptional('Extra Field', additionalFields.extraField),
		groupIds: splitList(additionalFields.groupIds).map((id) => toPositiveInteger(context, 'Groups', id)),
		replacedCharacters: text.replacedCharacters,
	};
}

export async function prepareCreateContact(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const contact = readContact(this);
	if (!contact.firstName && !contact.lastName) {
		throw inputError(this, 'The contact has no name', 'Enter a first name, a last name, or both.');
	}
	return withXmlBody(requestOptions, 'contacts', {
		contact: {
			type: contact.type,
			firstname: contact.firstName,
			lastname: contact.lastName,
			email: contact.email,
			mobile: contact.mobile,
			extrafield: contact.extraField,
			groups: contact.groupIds.length
				? { group: contact.groupIds.map((groupId) => ({ '@_groupid': groupId })) }
				: undefined,
		},
	});
}

export async function readCreateContactAnswer(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const [contactId] = await answerIds(this, 'contacts/add', response);
	const { replacedCharacters, ...contact } = readContact(this);
	const result: IDataObject = {
		contactId,
		...contact,
		mobile: contact.mobile ?? null,
		email: contact.email ?? null,
		extraField: contact.extraField ?? null,
	};
	if (replacedCharacters > 0) result.replacedCharacters = replacedCharacters;
	return [outputItem(this, result)];
}
