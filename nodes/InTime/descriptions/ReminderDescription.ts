import type { INodeProperties } from 'n8n-workflow';

import {
	prepareCreateReminder,
	prepareListReminders,
	prepareUpdateReminder,
	readCreateReminderAnswer,
	readReminderList,
	readUpdateReminderAnswer,
} from '../actions/reminder';
import { returnAllAndLimit, textOptions } from './shared';

/** Who the appointment is with and who gets the reminder; shared by Create and Update. */
const personFields: INodeProperties[] = [
	{
		displayName: 'Attendee First Name',
		name: 'attendeeFirstName',
		type: 'string',
		default: '',
		description: 'First name of the person the reminder is sent to',
	},
	{
		displayName: 'Attendee Last Name',
		name: 'attendeeLastName',
		type: 'string',
		default: '',
		description: 'Last name of the person the reminder is sent to',
	},
	{
		displayName: 'Organizer First Name',
		name: 'organizerFirstName',
		type: 'string',
		default: '',
		description: 'First name of the person who holds the appointment, e.g. the doctor',
	},
	{
		displayName: 'Organizer Last Name',
		name: 'organizerLastName',
		type: 'string',
		default: '',
		description: 'Last name of the person who holds the appointment',
	},
	{
		displayName: 'Organizer Title',
		name: 'organizerTitle',
		type: 'string',
		default: '',
		placeholder: 'e.g. Dr',
		description: 'Title of the person who holds the appointment',
	},
];

const appointmentDateDescription =
	"Date and time of the appointment, in the workflow's time zone. InTime texts the reminder ahead of it.";

export const reminderOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['reminder'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create an appointment reminder, texted to the attendee before the appointment',
				action: 'Create a reminder',
				routing: {
					request: { method: 'POST', url: '/reminder/add.ashx' },
					send: { preSend: [prepareCreateReminder] },
					output: { postReceive: [readCreateReminderAnswer] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List your reminders, or get one by its appointment ID',
				action: 'Get many reminders',
				routing: {
					request: { method: 'GET', url: '/reminder/list.ashx' },
					send: { preSend: [prepareListReminders] },
					output: { postReceive: [readReminderList] },
				},
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change or deactivate an active reminder; only the fields you add change',
				action: 'Update a reminder',
				routing: {
					request: { method: 'POST', url: '/reminder/edit.ashx' },
					send: { preSend: [prepareUpdateReminder] },
					output: { postReceive: [readUpdateReminderAnswer] },
				},
			},
		],
		default: 'create',
	},
];

export const reminderFields: INodeProperties[] = [
	{
		displayName: 'Appointment Date',
		name: 'appointmentDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: appointmentDateDescription,
		displayOptions: { show: { resource: ['reminder'], operation: ['create'] } },
	},
	{
		displayName: 'Attendee Mobile',
		name: 'attendeeMobile',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +46701234567',
		description: 'Mobile number the reminder is texted to',
		displayOptions: { show: { resource: ['reminder'], operation: ['create'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		displayOptions: { show: { resource: ['reminder'], operation: ['create'] } },
		options: personFields,
	},
	{
		displayName: 'Appointment ID',
		name: 'appointmentId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1472',
		description: 'The ID InTime gave the reminder when it was created (field "appointmentId")',
		displayOptions: { show: { resource: ['reminder'], operation: ['update'] } },
	},
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		description: 'Only the fields you add here are changed; the others keep their values',
		displayOptions: { show: { resource: ['reminder'], operation: ['update'] } },
		options: [
			{
				displayName: 'Active',
				name: 'active',
				type: 'boolean',
				default: true,
				description:
					'Whether the reminder is still to be sent. Turn off to cancel it; a deactivated reminder cannot be changed again.',
			},
			{
				displayName: 'Appointment Date',
				name: 'appointmentDate',
				type: 'dateTime',
				default: '',
				description: appointmentDateDescription,
			},
			{
				displayName: 'Attendee Mobile',
				name: 'attendeeMobile',
				type: 'string',
				default: '',
				placeholder: 'e.g. +46701234567',
				description: 'Mobile number the reminder is texted to',
			},
			...personFields,
		],
	},
	textOptions('reminder', ['create', 'update']),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		displayOptions: { show: { resource: ['reminder'], operation: ['getAll'] } },
		options: [
			{
				displayName: 'Appointment ID',
				name: 'appointmentId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 101',
				description: 'Get only the reminder with this ID',
			},
		],
	},
	...returnAllAndLimit('reminder'),
];
