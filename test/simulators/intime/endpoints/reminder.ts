/** reminder/list.ashx, reminder/add.ashx and reminder/edit.ashx. */
import type { SimReminder } from '../types';
import {
	dayBeforeAtTen,
	formatListDate,
	isPhoneNumber,
	parseListDate,
	parseWallTime,
	wallTimeToInstant,
	type WallTime,
} from '../validation';
import { EOL, textElement, XML_DECLARATION, type XmlElement } from '../xml';
import {
	checkAttributes,
	childrenByName,
	ids,
	InTimeError,
	optionalText,
	parseId,
	XML_VALIDATION_FAILURE,
	type Answer,
	type EndpointContext,
	type EndpointDefinition,
} from './context';

const REMINDER_FIELDS = [
	'appointmentdate',
	'organizer_firstname',
	'organizer_lastname',
	'organizer_title',
	'attendant_firstname',
	'attendant_lastname',
	'attendant_mobile',
];

/** The fields a request sets; absent ones stay undefined. */
interface ReminderChanges {
	appointment?: WallTime;
	organizerFirstName?: string;
	organizerLastName?: string;
	organizerTitle?: string;
	attendantFirstName?: string;
	attendantLastName?: string;
	attendantMobile?: string;
	active?: boolean;
}

function readChanges(item: XmlElement, extraFields: string[]): { changes: ReminderChanges; found: Map<string, XmlElement[]> } {
	checkAttributes(item, []);
	const found = childrenByName(item, [...REMINDER_FIELDS, ...extraFields]);
	const changes: ReminderChanges = {
		organizerFirstName: optionalText(found, 'organizer_firstname'),
		organizerLastName: optionalText(found, 'organizer_lastname'),
		organizerTitle: optionalText(found, 'organizer_title'),
		attendantFirstName: optionalText(found, 'attendant_firstname'),
		attendantLastName: optionalText(found, 'attendant_lastname'),
		attendantMobile: optionalText(found, 'attendant_mobile'),
	};
	const date = optionalText(found, 'appointmentdate');
	if (date !== undefined) {
		changes.appointment = parseWallTime(date);
		if (!changes.appointment) throw new InTimeError(XML_VALIDATION_FAILURE);
	}
	if (changes.attendantMobile !== undefined && !isPhoneNumber(changes.attendantMobile)) {
		throw new InTimeError(XML_VALIDATION_FAILURE);
	}
	return { changes, found };
}

function reminderItems(context: EndpointContext): XmlElement[] {
	checkAttributes(context.root, []);
	const items = childrenByName(context.root, ['reminderappointment'], ['reminderappointment']).get(
		'reminderappointment',
	);
	if (!items || items.length === 0) throw new InTimeError(XML_VALIDATION_FAILURE);
	return items;
}

/** The text InTime sends the attendant; derived from the appointment, so it follows every change. */
function messageText(reminder: SimReminder, appointment: WallTime): string {
	const [date, time] = formatListDate(appointment).split(' ');
	const greeting = reminder.attendant.firstName ? `Hi ${reminder.attendant.firstName}` : 'Hi';
	const organizer = [reminder.organizer.title, reminder.organizer.firstName, reminder.organizer.lastName]
		.filter((part) => part !== '')
		.join(' ');
	const withWhom = organizer ? ` with ${organizer}` : '';
	return `${greeting}, we like to remind you of your appointment${withWhom} on ${date} at ${time}.`;
}

function applyChanges(reminder: SimReminder, changes: ReminderChanges): void {
	if (changes.appointment) reminder.appointmentDate = formatListDate(changes.appointment);
	if (changes.organizerTitle !== undefined) reminder.organizer.title = changes.organizerTitle;
	if (changes.organizerFirstName !== undefined) reminder.organizer.firstName = changes.organizerFirstName;
	if (changes.organizerLastName !== undefined) reminder.organizer.lastName = changes.organizerLastName;
	if (changes.attendantFirstName !== undefined) reminder.attendant.firstName = changes.attendantFirstName;
	if (changes.attendantLastName !== undefined) reminder.attendant.lastName = changes.attendantLastName;
	if (changes.attendantMobile !== undefined) reminder.attendant.mobile = changes.attendantMobile;
	if (changes.active !== undefined) reminder.active = changes.active;
	const appointment = parseListDate(reminder.appointmentDate);
	if (appointment) {
		reminder.messageDate = formatListDate(dayBeforeAtTen(appointment));
		reminder.messageText = messageText(reminder, appointment);
	}
}

function addReminders(context: EndpointContext): Answer {
	const drafts = reminderItems(context).map((item) => {
		const { changes } = readChanges(item, []);
		if (!changes.appointment || changes.attendantMobile === undefined) {
			throw new InTimeError(XML_VALIDATION_FAILURE);
		}
		// An appointment that is already over cannot be reminded of.
		const at = wallTimeToInstant(changes.appointment, context.timeZone);
		if (at.getTime() <= context.now().getTime()) throw new InTimeError('2:ERROR1');
		return changes;
	});
	const created = drafts.map((changes) => {
		const reminder: SimReminder = {
			id: context.nextId(),
			appointmentDate: '',
			userId: context.account.userId,
			userIdentity: '',
			userAlias: context.account.username,
			active: true,
			messageDate: '',
			messageText: '',
			organizer: { title: '', firstName: '', lastName: '' },
			attendant: { firstName: '', lastName: '', mobile: '' },
		};
		applyChanges(reminder, changes);
		return reminder;
	});
	context.state.reminders.push(...created);
	return ids(created.map((reminder) => reminder.id));
}

function editReminders(context: EndpointContext): Answer {
	const edits = reminderItems(context).map((item) => {
		const { changes, found } = readChanges(item, ['appointmentid', 'active']);
		const id = parseId(optionalText(found, 'appointmentid'));
		if (id === undefined) throw new InTimeError(XML_VALIDATION_FAILURE);
		const active = optionalText(found, 'active');
		if (active !== undefined && active !== 'true' && active !== 'false') {
			throw new InTimeError(XML_VALIDATION_FAILURE);
		}
		if (active !== undefined) changes.active = active === 'true';
		return { id, changes };
	});
	const answered = edits.map(({ id, changes }) => {
		const reminder = context.state.reminders.find((candidate) => candidate.id === id);
		// Only active reminders can be changed; the others are answered with their id negated.
		if (!reminder || !reminder.active) return -id;
		applyChanges(reminder, changes);
		return id;
	});
	return ids(answered);
}

function reminderXml(reminder: SimReminder): string[] {
	return [
		'<reminderappointment>',
		`  ${textElement('appointmentId', reminder.id)}`,
		`  ${textElement('appointmentDate', reminder.appointmentDate)}`,
		`  ${textElement('userId', reminder.userId)}`,
		`  ${textElement('userIdentity', reminder.userIdentity)}`,
		`  ${textElement('userAlias', reminder.userAlias)}`,
		`  ${textElement('active', reminder.active)}`,
		`  ${textElement('messageDate', reminder.messageDate)}`,
		`  ${textElement('messageText', reminder.messageText)}`,
		'  <organizer>',
		`    ${textElement('title', reminder.organizer.title)}`,
		`    ${textElement('firstname', reminder.organizer.firstName)}`,
		`    ${textElement('lastname', reminder.organizer.lastName)}`,
		'  </organizer>',
		'  <attendant>',
		`    ${textElement('firstname', reminder.attendant.firstName)}`,
		`    ${textElement('lastname', reminder.attendant.lastName)}`,
		`    ${textElement('mobile', reminder.attendant.mobile)}`,
		'  </attendant>',
		'</reminderappointment>',
	];
}

function listReminders(context: EndpointContext): Answer {
	let reminders = context.state.reminders;
	const requested = context.query.id;
	if (requested !== undefined && requested !== '') {
		const id = parseId(requested);
		reminders = reminders.filter((reminder) => reminder.id === id);
	}
	if (reminders.length === 0) throw new InTimeError('2:ERROR1');
	const lines = [XML_DECLARATION, '<reminderappointments>', ...reminders.flatMap(reminderXml), '</reminderappointments>'];
	return { type: 'xml', body: lines.join(EOL) };
}

export const reminderEndpoints: EndpointDefinition[] = [
	{ path: 'reminder/list.ashx', kind: 'list', handle: listReminders },
	{ path: 'reminder/add.ashx', kind: 'post', rootElement: 'reminderappointments', handle: addReminders },
	{ path: 'reminder/edit.ashx', kind: 'post', rootElement: 'reminderappointments', handle: editReminders },
];
