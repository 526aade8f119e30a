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
import { normalizePhoneNumber, splitList } from '../helpers/lists';
import { outputItem } from './output';

/** Reads `<nixentries><nixentry><mobile/><firstname/><lastname/></nixentry>…</nixentries>`. */
export function toBlockList(root: IDataObject): IDataObject[] {
	return ((root.nixentry ?? []) as IDataObject[]).map((entry) => ({
		mobile: String(entry.mobile ?? ''),
		firstName: entry.firstname === undefined ? null : String(entry.firstname),
		lastName: entry.lastname === undefined ? null : String(entry.lastname),
	}));
}

export const readBlockList = readListAnswer('nix/list', 'nixentries', toBlockList);

function readPhoneNumbers(context: IExecuteSingleFunctions): string[] {
	const numbers = splitList(context.getNodeParameter('phoneNumbers', '')).map((value) =>
		normalizePhoneNumber(context, 'Phone Numbers', value),
	);
	if (numbers.length === 0) {
		throw inputError(
			context,
			'"Phone Numbers" is empty',
			'Enter at least one mobile number, e.g. 0701234567. Separate several numbers with commas.',
		);
	}
	return numbers;
}

function nixEntries(numbers: string[]) {
	return { nixentries: { nixentry: numbers.map((mobile) => ({ '@_mobile': mobile })) } };
}

export async function prepareAddToBlockList(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return withXmlBody(requestOptions, 'addnixentries', nixEntries(readPhoneNumbers(this)));
}

export async function prepareRemoveFromBlockList(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return withXmlBody(requestOptions, 'deletenixentries', nixEntries(readPhoneNumbers(this)));
}

/**
 * One item per number, with the block-list entry id InTime answered for it (in the order sent). InTime answers only
 * the entries it removed, so when some numbers were not on the list the ids cannot be told apart: then none is given
 * rather than a wrong one.
 */
function entriesOutput(
	context: IExecuteSingleFunctions,
	entryIds: number[],
	extra: IDataObject,
): INodeExecutionData[] {
	const numbers = readPhoneNumbers(context);
	const paired = entryIds.length === numbers.length;
	return numbers.map((mobile, index) =>
		outputItem(context, { mobile, entryId: paired ? entryIds[index] : null, ...extra }),
	);
}

export async function readAddToBlockListAnswer(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const entryIds = await answerIds(this, 'nix/addnix', response);
	return entriesOutput(this, entryIds, { blocked: true });
}

export async function readRemoveFromBlockListAnswer(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const entryIds = await answerIds(this, 'nix/deletenix', response);
	return entriesOutput(this, entryIds, { blocked: false });
}
