import type { INodeProperties } from 'n8n-workflow';

/** "Replace Unsupported Characters", offered wherever the node sends text the user typed. */
export function textOptions(resource: string, operations: string[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: { resource: [resource], operation: operations } },
		options: [
			{
				displayName: 'Replace Unsupported Characters',
				name: 'replaceUnsupportedCharacters',
				type: 'boolean',
				default: false,
				description:
					'Whether to replace characters InTime cannot send (emoji, curly quotes, letters such as ł) with the nearest plain ones (" \' - l) instead of stopping with an error. The output says how many were replaced.',
			},
		],
	};
}

/** Several contact groups, picked from the account's groups or given as IDs in an expression. */
export function groupIdsField(description: string): INodeProperties {
	return {
		displayName: 'Group Names or IDs',
		name: 'groupIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getGroups' },
		default: [],
		description: `${description} Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>`,
	};
}

/** "Return All" and "Limit", as on every n8n "Get Many" operation. */
export function returnAllAndLimit(resource: string): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: { show: { resource: [resource], operation: ['getAll'] } },
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { resource: [resource], operation: ['getAll'], returnAll: [false] } },
		},
	];
}
