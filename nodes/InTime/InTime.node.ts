import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { blockListFields, blockListOperations } from './descriptions/BlockListDescription';
import { contactFields, contactOperations } from './descriptions/ContactDescription';
import { groupFields, groupOperations } from './descriptions/GroupDescription';
import { messageFields, messageOperations } from './descriptions/MessageDescription';
import { reminderFields, reminderOperations } from './descriptions/ReminderDescription';
import { inTimeApiTest } from './methods/credentialTest';
import { getGroups, searchGroups } from './methods/groups';
import { RAW_ANSWER_OPTIONS } from './transport/request';

export class InTime implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'InTime',
		name: 'inTime',
		icon: 'file:intime.svg',
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send SMS and manage contacts, groups, the block list and reminders with InTime Messenger',
		defaults: { name: 'InTime' },
		usableAsTool: true,
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'inTimeApi', required: true, testedBy: 'inTimeApiTest' }],
		requestDefaults: {
			baseURL: '={{$credentials.baseUrl}}',
			...RAW_ANSWER_OPTIONS,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Block List', value: 'blockList' },
					{ name: 'Contact', value: 'contact' },
					{ name: 'Group', value: 'group' },
					{ name: 'Message', value: 'message' },
					{ name: 'Reminder', value: 'reminder' },
				],
				default: 'message',
			},
			...messageOperations,
			...messageFields,
			...contactOperations,
			...contactFields,
			...groupOperations,
			...groupFields,
			...blockListOperations,
			...blockListFields,
			...reminderOperations,
			...reminderFields,
		],
	};

	methods = {
		loadOptions: { getGroups },
		listSearch: { searchGroups },
		credentialTest: { inTimeApiTest },
	};
}
