import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { answerIds, readListAnswer } from './answers';
import { withXmlBody } from '../transport/request';
import { inputError } from '../helpers/errors';
import { splitList, toPositiveInteger } from '../helpers/lists';
import { TextPreparer } from '../helpers/text';
import { outputItem } from './output';

export interface InTimeGroup {
	id: number;
	name: string;
}

/** Reads the group list: `<groups><group groupid="1">Name</group>…</groups>`. */
export function toGroups(root: IDataObject): InTimeGroup[] {
	return ((root.group ?? []) as Array<string | IDataObject>).map((group) =>
		typeof group === 'string'
			? { id: NaN, name: group }
			: { id: Number(group['@_groupid']), name: String(group['#text'] ?? '') },
	);
}

export const readGroupList = readListAnswer('contacts/listgroups', 'groups', (root) =>
	toGroups(root).map((group) => ({ ...group })),
);

function readGroupNames(context: IExecuteSingleFunctions): { names: string[]; replacedCharacters: number } {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	const text = new TextPreparer(context, options.replaceUnsupportedCharacters === true);
	const names = splitList(context.getNodeParameter('names', [])).map((name) => text.prepare('Group Names', name));
	return { names, replacedCharacters: text.replacedCharacters };
}

export async function prepareCreateGroups(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const { names } = readGroupNames(this);
	if (names.length === 0) {
		throw inputError(this, '"Group Names" is empty', 'Enter the name of at least one group to create.');
	}
	return withXmlBody(requestOptions, 'addgroups', {
		groups: { group: names.map((name) => ({ '@_groupname': name })) },
	});
}

export async function readCreateGroupsAnswer(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const ids = await answerIds(this, 'contacts/addgroup', response);
	const { names, replacedCharacters } = readGroupNames(this);
	return names.map((name, index) => {
		const json: IDataObject = { id: ids[index] ?? null, name };
		if (replacedCharacters > 0) json.replacedCharacters = replacedCharacters;
		return outputItem(this, json);
	});
}

function readGroupId(context: IExecuteSingleFunctions): number {
	return toPositiveInteger(context, 'Group', context.getNodeParameter('groupId', undefined, { extractValue: true }));
}

export async function prepareDeleteGroup(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const deleteContacts = this.getNodeParameter('deleteContacts', false) === true;
	return withXmlBody(requestOptions, 'deletigroups', {
		groups: { group: [{ '@_groupid': readGroupId(this), '@_deletecontacts': String(deleteContacts) }] },
	});
}

export async function readDeleteGroupAnswer(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const [removedId] = await answerIds(this, 'contacts/deletigroup', response);
	return [
		outputItem(this, {
			groupId: removedId ?? readGroupId(this),
			deleted: true,
			contactsDeleted: this.getNodeParameter('deleteContacts', false) === true,
		}),
	];
}
