import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { answerIds, readListAnswer } from './answers';
import { withXmlBody } from '../transport/request';
import type { XmlElement } from '../transport/xml';
import { fromInTimeDateTime, INTIME_TIME_ZONE, readDateInput, toInTimeDateTime } from '../helpers/dates';
import { toIsoWithOffset } from '../../shared/zonedTime';
import { inputError } from '../helpers/errors';
import { normalizePhoneNumber, toPositiveInteger } from '../helpers/lists';
import { TextPreparer } from '../helpers/text';
import { outputItem } from './output';

function text(value: unknown): string | null {
	return value === undefined || value === null || value === '' ? null : String(value);
}

function toReminder(entry: IDataObject): IDataObject {
	const organizer = (entry.organizer ?? {}) as IDataObject;
	const attendant = (entry.attendant ?? {}) as IDataObject;
	return {
		appointmentId: Number(entry.appointmentId),
		appointmentDate: fromInTimeDateTime(text(entry.appointmentDate) ?? undefined) ?? null,
		active: String(entry.active).toLowerCase() === 'true',
		messageDate: fromInTimeDateTime(text(entry.messageDate) ?? undefined) ?? null,
		messageText: text(entry.messageText),
		userId: entry.userId === undefined || entry.userId === '' ? null : Number(entry.userId),
		userIdentity: text(entry.userIdentity),
		userAlias: text(entry.userAlias),
		organizer: {
			title: text(organizer.title),
			firstName: text(organizer.firstname),
			lastName: text(organizer.lastname),
		},
		attendant: {
			firstName: text(attendant.firstname),
			lastName: text(attendant.lastname),
			mobile: text(attendant.mobile),
		},
	};
}

/** Reads `<reminderappointments><reminderappointment>…</reminderappointment>…</reminderappointments>`. */
export function toReminders(root: IDataObject): IDataObject[] {
	return ((root.reminderappointment ?? []) as IDataObject[]).map(toReminder);
}

export async function prepareListReminders(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	if (filters.appointmentId === undefined || filters.appointmentId === '') return requestOptions;
	const id = toPositiveInteger(this, 'Appointment ID', filters.appointmentId);
	return { ...requestOptions, qs: { ...requestOptions.qs, id } };
}

export const readReminderList = readListAnswer('reminder/list', 'reminderappointments', toReminders);

/** Reminder fields as the user named them, and the XML element each becomes, in the API's order. */
const PERSON_FIELDS = [
	{ name: 'organizerFirstName', label: 'Organizer First Name', element: 'organizer_firstname' },
	{ name: 'organizerLastName', label: 'Organizer Last Name', element: 'organizer_lastname' },
	{ name: 'organizerTitle', label: 'Organizer Title', element: 'organizer_title' },
	{ name: 'attendeeFirstName', label: 'Attendee First Name', element: 'attendant_firstname' },
	{ name: 'attendeeLastName', label: 'Attendee Last Name', element: 'attendant_lastname' },
] as const;

interface ReminderInput {
	element: XmlElement;
	changed: IDataObject;
	replacedCharacters: number;
}

/** Turns the given fields into reminder XML elements; fields not given are left out (an update changes only those). */
function readReminderFields(context: IExecuteSingleFunctions, fields: IDataObject): ReminderInput {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const textPreparer = new TextPreparer(context, options.replaceUnsupportedCharacters === true);
	const element: XmlElement = {};
	const changed: IDataObject = {};

	if (fields.appointmentDate) {
		const instant = readDateInput(context, 'Appointment Date', fields.appointmentDate);
		element.appointmentdate = toInTimeDateTime(instant);
		changed.appointmentDate = toIsoWithOffset(instant, INTIME_TIME_ZONE);
	}
	for (const { name, label, element: elementName } of PERSON_FIELDS) {
		const value = textPreparer.prepareOptional(label, fields[name]);
		if (value === undefined) continue;
		element[elementName] = value;
		changed[name] = value;
	}
	const attendeeMobile = TextPreparer.read(fields.attendeeMobile).trim();
	if (attendeeMobile !== '') {
		const mobile = normalizePhoneNumber(context, 'Attendee Mobile', attendeeMobile);
		element.attendant_mobile = mobile;
		changed.attendeeMobile = mobile;
	}
	return { element, changed, replacedCharacters: textPreparer.replacedCharacters };
}

function readNewReminder(context: IExecuteSingleFunctions): ReminderInput {
	const additionalFields = context.getNodeParameter('additionalFields', {}) as IDataObject;
	return readReminderFields(context, {
		...additionalFields,
		appointmentDate: context.getNodeParameter('appointmentDate', ''),
		attendeeMobile: context.getNodeParameter('attendeeMobile', ''),
	});
}

export async function prepareCreateReminder(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { element } = readNewReminder(this);
	if (!element.appointmentdate) {
		throw inputError(this, '"Appointment Date" is empty', 'Pick the date and time of the appointment.');
	}
	if (!element.attendant_mobile) {
		throw inputError(this, '"Attendee Mobile" is empty', 'Enter the mobile number the reminder is sent to.');
	}
	return withXmlBody(requestOptions, 'reminderappointments', { reminderappointment: element });
}

export async function readCreateReminderAnswer(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const [appointmentId] = await answerIds(this, 'reminder/add', response);
	const { changed, replacedCharacters } = readNewReminder(this);
	const json: IDataObject = { appointmentId, ...changed };
	if (replacedCharacters > 0) json.replacedCharacters = replacedCharacters;
	return [outputItem(this, json)];
}

function readReminderUpdate(context: IExecuteSingleFunctions): ReminderInput & { appointmentId: number } {
	const appointmentId = toPositiveInteger(context, 'Appointment ID', context.getNodeParameter('appointmentId'));
	const updateFields = context.getNodeParameter('updateFields', {}) as IDataObject;
	const update = readReminderFields(context, updateFields);
	if (typeof updateFields.active === 'boolean') {
		update.element.active = String(updateFields.active);
		update.changed.active = updateFields.active;
	}
	return { appointmentId, ...update };
}

export async function prepareUpdateReminder(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { appointmentId, element } = readReminderUpdate(this);
	if (Object.keys(element).length === 0) {
		throw inputError(
			this,
			'Nothing to change: no field under "Update Fields" is set',
			'Add at least one field to "Update Fields"; only the fields you add are changed.',
		);
	}
	// The API requires appointmentid first, then only the elements that change.
	return withXmlBody(requestOptions, 'reminderappointments', {
		reminderappointment: { appointmentid: appointmentId, ...element },
	});
}

export async function readUpdateReminderAnswer(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const ids = await answerIds(this, 'reminder/edit', response);
	const { appointmentId, changed } = readReminderUpdate(this);
	// InTime answers the id negated for each reminder it could not change.
	const notChanged = ids.filter((id) => id < 0).map((id) => -id);
	if (notChanged.length > 0) {
		throw new NodeApiError(
			this.getNode(),
			{ notChanged: notChanged.join(',') },
			{
				message: `InTime did not change reminder ${notChanged.join(', ')}`,
				description:
					'Only active reminders can be changed. The reminder may have been deactivated or already sent, or the appointment ID may not exist. Use "Get Many" reminders to check it.',
				itemIndex: this.getItemIndex(),
			},
		);
	}
	return [outputItem(this, { appointmentId, updated: true, changed })];
}
