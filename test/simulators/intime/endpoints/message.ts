/** message/create.ashx and message/delete.ashx. */
import type { SimMessage } from '../types';
import { isPhoneNumber, isSenderTitle, normalizePhoneNumber, parseWallTime, wallTimeToInstant } from '../validation';
import type { XmlElement } from '../xml';
import {
	checkAttributes,
	childrenByName,
	flag,
	ids,
	InTimeError,
	optionalText,
	parseId,
	requiredText,
	text,
	XML_VALIDATION_FAILURE,
	type EndpointContext,
	type EndpointDefinition,
	type StatusCallbackJob,
} from './context';

const SMS_LENGTH = 160;
const MULTI_SMS_LENGTH = 804;

const MESSAGE_ELEMENTS = [
	'flash',
	'multisms',
	'senddate',
	'sendertitle',
	'body',
	'statusurl',
	'checknix',
	'anonymize',
	'recipients',
	'groups',
];

interface ExplicitRecipient {
	number: string;
	transId?: string;
}

function readRecipients(container: XmlElement | undefined): ExplicitRecipient[] {
	if (!container) return [];
	checkAttributes(container, []);
	const items = childrenByName(container, ['recipient'], ['recipient']).get('recipient') ?? [];
	return items.map((item) => {
		checkAttributes(item, ['transid']);
		if (item.children.length > 0) throw new InTimeError(XML_VALIDATION_FAILURE);
		const number = item.text.trim();
		if (!isPhoneNumber(number)) throw new InTimeError('1:ERROR3');
		const transId = item.attributes.transid;
		return { number, transId: transId === undefined || transId === '' ? undefined : transId };
	});
}

function readGroupIds(container: XmlElement | undefined): number[] {
	if (!container) return [];
	checkAttributes(container, []);
	const items = childrenByName(container, ['group'], ['group']).get('group') ?? [];
	return items.map((item) => {
		checkAttributes(item, ['groupid']);
		if (item.children.length > 0 || item.text.trim() !== '') throw new InTimeError(XML_VALIDATION_FAILURE);
		const id = parseId(item.attributes.groupid);
		if (id === undefined) throw new InTimeError(XML_VALIDATION_FAILURE);
		return id;
	});
}

function isHttpUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

function createMessages(context: EndpointContext) {
	const found = childrenByName(context.root, MESSAGE_ELEMENTS);
	checkAttributes(context.root, []);

	const isFlash = flag(found, 'flash');
	const isMultiSms = flag(found, 'multisms');
	const checkNix = flag(found, 'checknix', false);
	const anonymize = flag(found, 'anonymize', false);

	const senderTitle = requiredText(found, 'sendertitle');
	if (!isSenderTitle(senderTitle)) throw new InTimeError(XML_VALIDATION_FAILURE);

	// The body is kept exactly as sent (not trimmed): what the recipient would read.
	const bodyElement = found.get('body')?.[0];
	if (!bodyElement || bodyElement.children.length > 0) throw new InTimeError(XML_VALIDATION_FAILURE);
	const body = bodyElement.text;
	const maxLength = isMultiSms && !isFlash ? MULTI_SMS_LENGTH : SMS_LENGTH;
	if ([...body].length > maxLength) throw new InTimeError(XML_VALIDATION_FAILURE);

	const statusUrl = optionalText(found, 'statusurl');
	if (statusUrl !== undefined && !isHttpUrl(statusUrl)) throw new InTimeError(XML_VALIDATION_FAILURE);

	const sendDate = optionalText(found, 'senddate');
	let sendAt: Date | undefined;
	if (sendDate !== undefined) {
		const wallTime = parseWallTime(sendDate);
		if (!wallTime) throw new InTimeError(XML_VALIDATION_FAILURE);
		sendAt = wallTimeToInstant(wallTime, context.timeZone);
		if (sendAt.getTime() < context.now().getTime()) throw new InTimeError('1:ERROR2');
	}
	const scheduled = sendAt !== undefined && sendAt.getTime() > context.now().getTime();

	const recipients = readRecipients(found.get('recipients')?.[0]);
	if (statusUrl !== undefined && recipients.some((recipient) => recipient.transId === undefined)) {
		throw new InTimeError(XML_VALIDATION_FAILURE);
	}
	const groupIds = readGroupIds(found.get('groups')?.[0]);

	const blocked = new Set(context.state.blockList.map((entry) => normalizePhoneNumber(entry.mobile)));
	const members: Array<{ groupId: number; contactId: number; mobile: string }> = [];
	const reached = new Set<number>();
	for (const groupId of groupIds) {
		if (!context.state.groups.some((group) => group.id === groupId)) continue;
		for (const contact of context.state.contacts) {
			if (!contact.groupIds.includes(groupId) || reached.has(contact.id)) continue;
			if (contact.type === 2 || !contact.mobile) continue;
			if (checkNix && blocked.has(normalizePhoneNumber(contact.mobile))) continue;
			reached.add(contact.id);
			members.push({ groupId, contactId: contact.id, mobile: contact.mobile });
		}
	}
	if (recipients.length === 0 && members.length === 0) throw new InTimeError('2:ERROR2');

	const createdAt = new Date(context.now().getTime());
	const common = {
		body,
		senderTitle,
		flash: isFlash,
		multiSms: isMultiSms,
		sendDate,
		sendAt,
		statusUrl,
		scheduled,
		deleted: false,
		anonymize,
		checkNix,
		username: context.account.username,
		createdAt,
	};
	const created: SimMessage[] = [
		...recipients.map((recipient) => ({
			...common,
			id: context.nextId(),
			recipient: recipient.number,
			transId: recipient.transId,
		})),
		...members.map((member) => ({
			...common,
			id: context.nextId(),
			recipient: member.mobile,
			groupId: member.groupId,
			contactId: member.contactId,
		})),
	];
	context.state.messages.push(...created);

	if (statusUrl !== undefined && !scheduled) {
		const jobs: StatusCallbackJob[] = created.slice(0, recipients.length).map((message, index) => ({
			url: statusUrl,
			messageId: message.id,
			transId: message.transId as string,
			recipientIndex: index,
		}));
		context.scheduleStatusCallbacks(jobs);
	}
	return ids(created.map((message) => message.id));
}

function deleteMessage(context: EndpointContext) {
	checkAttributes(context.root, []);
	let id: number | undefined;
	try {
		const found = childrenByName(context.root, ['messageid']);
		id = parseId(optionalText(found, 'messageid'));
	} catch {
		id = undefined;
	}
	if (id === undefined) throw new InTimeError('2:ERROR1');
	const message = context.state.messages.find((candidate) => candidate.id === id);
	const stillPending =
		message !== undefined &&
		message.scheduled &&
		!message.deleted &&
		(message.sendAt === undefined || message.sendAt.getTime() > context.now().getTime());
	if (!message || !stillPending) throw new InTimeError('2:ERROR2');
	message.deleted = true;
	return text(String(id));
}

export const messageEndpoints: EndpointDefinition[] = [
	{ path: 'message/create.ashx', kind: 'post', rootElement: 'message', handle: createMessages },
	{ path: 'message/delete.ashx', kind: 'post', rootElement: 'message', handle: deleteMessage },
];
