import type { INodeProperties } from 'n8n-workflow';

import {
	prepareAddToBlockList,
	prepareRemoveFromBlockList,
	readAddToBlockListAnswer,
	readBlockList,
	readRemoveFromBlockListAnswer,
} from '../actions/blockList';
import { returnAllAndLimit } from './shared';

export const blockListOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['blockList'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				description: 'Block numbers so that group messages skip them',
				action: 'Add numbers to the block list',
				routing: {
					request: { method: 'POST', url: '/nix/addnix.ashx' },
					send: { preSend: [prepareAddToBlockList] },
					output: { postReceive: [readAddToBlockListAnswer] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				description: 'List the blocked numbers of your account',
				action: 'Get many blocked numbers',
				routing: {
					request: { method: 'GET', url: '/nix/list.ashx' },
					output: { postReceive: [readBlockList] },
				},
			},
			{
				name: 'Remove',
				value: 'remove',
				description: 'Unblock numbers',
				action: 'Remove numbers from the block list',
				routing: {
					request: { method: 'POST', url: '/nix/deletenix.ashx' },
					send: { preSend: [prepareRemoveFromBlockList] },
					output: { postReceive: [readRemoveFromBlockListAnswer] },
				},
			},
		],
		default: 'getAll',
	},
];

export const blockListFields: INodeProperties[] = [
	{
		displayName: 'Phone Numbers',
		name: 'phoneNumbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 0701122334, 0704455667',
		description:
			'Mobile numbers separated by commas (or an array from an expression). Each becomes one output item with its block-list entry ID.',
		displayOptions: { show: { resource: ['blockList'], operation: ['add', 'remove'] } },
	},
	...returnAllAndLimit('blockList'),
];
