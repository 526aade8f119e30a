import type { INodeProperties } from 'n8n-workflow';

import { prepareCreateContact, readCreateContactAnswer } from '../actions/contact';
import { groupIdsField, textOptions } from './shared';

const showForCreate = { show: { resource: ['contact'], operation: ['create'] } };

export const contactOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Add a contact to your InTime address book, optionally in groups',
				action: 'Create a contact',
				routing: {
					request: { method: 'POST', url: '/contacts/add.ashx' },
					send: { preSend: [prepareCreateContact] },
					output: { postReceive: [readCreateContactAnswer] },
				},
			},
		],
		default: 'create',
	},
];

export const contactFields: INodeProperties[] = [
	{
		displayName: 'Reachable By',
		name: 'contactType',
		type: 'options',
		options: [
			{ name: 'SMS', value: 1, description: 'The contact gets text messages (needs a mobile number)' },
			{ name: 'E-Mail', value: 2, description: 'The contact gets e-mails (needs an e-mail address)' },
			{ name: 'SMS and E-Mail', value: 3, description: 'Both (needs a mobile number and an e-mail address)' },
		],
		default: 1,
		description: 'How InTime can reach the contact',
		displayOptions: showForCreate,
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		type: 'string',
		default: '',
		displayOptions: showForCreate,
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		type: 'string',
		default: '',
		displayOptions: showForCreate,
	},
	{
		displayName: 'Mobile',
		name: 'mobile',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +46701234567',
		description: 'The mobile number text messages go to',
		displayOptions: { show: { resource: ['contact'], operation: ['create'], contactType: [1, 3] } },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		displayOptions: { show: { resource: ['contact'], operation: ['create'], contactType: [2, 3] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		displayOptions: showForCreate,
		options: [
			{
				displayName: 'Extra Field',
				name: 'extraField',
				type: 'string',
				default: '',
				placeholder: 'e.g. Management',
				description: 'A free text of your own about the contact, such as a department',
			},
			groupIdsField('Groups to put the contact in.'),
		],
	},
	textOptions('contact', ['create']),
];
