import type { INodeProperties } from 'n8n-workflow';

import {
	prepareCreateGroups,
	prepareDeleteGroup,
	readCreateGroupsAnswer,
	readDeleteGroupAnswer,
	readGroupList,
} from '../actions/group';
import { returnAllAndLimit, textOptions } from './shared';

export const groupOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create one or more contact groups',
				action: 'Create contact groups',
				routing: {
					request: { method: 'POST', url: '/contacts/addgroup.ashx' },
					send: { preSend: [prepareCreateGroups] },
					output: { postReceive: [readCreateGroupsAnswer] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a contact group, optionally with its contacts',
				action: 'Delete a contact group',
				routing: {
					request: { method: 'POST', url: '/contacts/deletigroup.ashx' },
					send: { preSend: [prepareDeleteGroup] },
					output: { postReceive: [readDeleteGroupAnswer] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the contact groups of your account',
				action: 'Get many contact groups',
				routing: {
					request: { method: 'GET', url: '/contacts/listgroups.ashx' },
					output: { postReceive: [readGroupList] },
				},
			},
		],
		default: 'getAll',
	},
];

export const groupFields: INodeProperties[] = [
	{
		displayName: 'Group Names',
		name: 'names',
		type: 'string',
		typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Group Name' },
		required: true,
		default: [],
		placeholder: 'e.g. Customers Stockholm',
		description: 'Names of the groups to create; each becomes one output item with its new ID',
		displayOptions: { show: { resource: ['group'], operation: ['create'] } },
	},
	textOptions('group', ['create']),
	{
		displayName: 'Group',
		name: 'groupId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: 'The group to delete',
		displayOptions: { show: { resource: ['group'], operation: ['delete'] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a group…',
				typeOptions: { searchListMethod: 'searchGroups', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 12',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A group ID is a whole number, e.g. 12' },
					},
				],
			},
		],
	},
	{
		displayName: 'Also Delete the Group’s Contacts',
		name: 'deleteContacts',
		type: 'boolean',
		default: false,
		description:
			'Whether the contacts in the group are deleted too. Off: the contacts stay in your address book, only the group goes.',
		displayOptions: { show: { resource: ['group'], operation: ['delete'] } },
	},
	...returnAllAndLimit('group'),
];
