import { randomBytes } from 'crypto';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { answerIds } from './answers';
import { withXmlBody } from '../transport/request';
import type { XmlElement } from '../transport/xml';
import { INTIME_TIME_ZONE, readDateInput, toInTimeDateTime } from '../helpers/dates';
import { toIsoWithOffset } from '../../shared/zonedTime';
import { inputError } from '../helpers/errors';
import { normalizePhoneNumber, splitList, toPositiveInteger } from '../helpers/lists';
import { TextPreparer } from '../helpers/text';
import { validateBodyLength, validateSenderTitle } from '../helpers/messageRules';
import { outputItem } from './output';

interface SentMessage {
	recipients: Array<{ phone: string; transId?: string }>;
	groupIds: number[];
	sendAt?: string;
	replacedCharacters: number;
}

// preSend and postReceive run with the same per-item context; what was sent is kept here to match the answer.
const sentMessages = new WeakMap<IExecuteSingleFunctions, SentMessage>();

/** A tracking id InTime echoes in delivery reports; random, so reports of different sends never mix. */
function generateTransId(): string {
	return randomBytes(8).toString('hex');
}

function readTransIds(
	context: IExecuteSingleFunctions,
	trackingIds: unknown,
	recipientCount: number,
	statusUrl: string | undefined,
): Array<string | undefined> {
	const given = splitList(trackingIds);
	if (given.length === 0) {
		return Array.from({ length: recipientCount }, () => (statusUrl ? generateTransId() : undefined));
	}
	if (given.length !== recipientCount) {
		throw inputError(
			context,
			`"Tracking IDs" has ${given.length} value(s) but "To" has ${recipientCount} phone number(s)`,
			'Give exactly one tracking ID per phone number, in the same order, separated by commas — or leave "Tracking IDs" empty and the node makes one per number.',
		);
	}
	return given;
}

export async function prepareSendMessage(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const additionalFields = this.getNodeParameter('additionalFields', {}) as IDataObject;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const text = new TextPreparer(this, options.replaceUnsupportedCharacters === true);

	const flash = additionalFields.flash === true;
	const multiSms = additionalFields.multiSms === true;
	const senderTitle = validateSenderTitle(this, TextPreparer.read(this.getNodeParameter('senderTitle', '')).trim());
	const body = text.prepare('Message', TextPreparer.read(this.getNodeParameter('body', '')));
	validateBodyLength(this, body, { flash, multiSms });

	const phones = splitList(this.getNodeParameter('to', '')).map((value) =>
		normalizePhoneNumber(this, 'To', value),
	);
	const groupIds = splitList(this.getNodeParameter('groupIds', [])).map((value) =>
		toPositiveInteger(this, 'Groups', value),
	);
	if (phones.length === 0 && groupIds.length === 0) {
		throw inputError(
			this,
			'The message has no recipient',
			'Enter at least one phone number in "To", or choose at least one group in "Groups".',
		);
	}

	const statusUrl = text.prepareOptional('Status URL', additionalFields.statusUrl);
	if (statusUrl !== undefined && !/^https?:\/\/\S+$/i.test(statusUrl)) {
		throw inputError(
			this,
			`"Status URL" is not a web address: "${statusUrl}"`,
			'Paste the Production URL of an InTime Trigger node; it starts with https:// (or http://).',
		);
	}
	const transIds = readTransIds(this, additionalFields.trackingIds, phones.length, statusUrl).map(
		(transId) => (transId === undefined ? undefined : text.prepare('Tracking IDs', transId)),
	);

	let sendDate: string | undefined;
	let sendAt: string | undefined;
	if (additionalFields.sendAt) {
		const instant = readDateInput(this, 'Send At', additionalFields.sendAt);
		if (instant.getTime() <= Date.now()) {
			throw inputError(
				this,
				`"Send At" is in the past: ${toIsoWithOffset(instant, this.getTimezone())}`,
				'InTime only schedules messages for a time after now. Pick a later time, or remove "Send At" to send right away.',
			);
		}
		sendDate = toInTimeDateTime(instant);
		sendAt = toIsoWithOffset(instant, INTIME_TIME_ZONE);
	}

	const recipients = phones.map((phone, index) => ({ phone, transId: transIds[index] }));
	sentMessages.set(this, { recipients, groupIds, sendAt, replacedCharacters: text.replacedCharacters });

	const message: XmlElement = {
		flash: flash ? 1 : 0,
		multisms: multiSms ? 1 : 0,
		senddate: sendDate,
		sendertitle: senderTitle,
		body,
		statusurl: statusUrl,
		checknix: additionalFields.checkBlockList === true ? 1 : undefined,
		anonymize: additionalFields.anonymize === true ? 1 : undefined,
		recipients: recipients.length
			? {
					recipient: recipients.map(({ phone, transId }) =>
						transId === undefined ? { '#text': phone } : { '#text': phone, '@_transid': transId },
					),
				}
			: undefined,
		groups: groupIds.length ? { group: groupIds.map((groupId) => ({ '@_groupid': groupId })) } : undefined,
	};
	return withXmlBody(requestOptions, 'message', message);
}

export async function readSendAnswer(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const messageIds = await answerIds(this, 'message/create', response);
	const sent = sentMessages.get(this);
	if (!sent) return [outputItem(this, { messageIds })];
	sentMessages.delete(this);

	// InTime answers one id per text, phone numbers first in the order sent, then the groups' members.
	const recipients = sent.recipients.map(({ phone, transId }, index) => ({
		phone,
		transId: transId ?? null,
		messageId: messageIds[index] ?? null,
	}));
	const result: IDataObject = {
		messageIds,
		recipients,
		groupIds: sent.groupIds,
		groupMessageIds: messageIds.slice(sent.recipients.length),
		scheduled: sent.sendAt !== undefined,
		sendAt: sent.sendAt ?? null,
	};
	if (sent.replacedCharacters > 0) result.replacedCharacters = sent.replacedCharacters;
	return [outputItem(this, result)];
}

export async function prepareDeleteMessage(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const messageId = toPositiveInteger(this, 'Message ID', this.getNodeParameter('messageId'));
	return withXmlBody(requestOptions, 'message', { messageid: messageId });
}

export async function readDeleteAnswer(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const [removedId] = await answerIds(this, 'message/delete', response);
	const messageId = toPositiveInteger(this, 'Message ID', this.getNodeParameter('messageId'));
	if (removedId !== messageId) {
		throw new NodeApiError(
			this.getNode(),
			{ answer: removedId },
			{
				message: `InTime answered ${removedId} instead of the message ID ${messageId}`,
				description:
					'InTime confirms a removal by answering the same ID. The message may not have been removed: check it in InTime Messenger.',
				itemIndex: this.getItemIndex(),
			},
		);
	}
	return [outputItem(this, { messageId, deleted: true })];
}
