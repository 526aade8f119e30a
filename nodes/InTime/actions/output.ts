import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

/** An output item linked to the input item it came from, so later nodes can refer back to it. */
export function outputItem(context: IExecuteSingleFunctions, json: IDataObject): INodeExecutionData {
	return { json, pairedItem: { item: context.getItemIndex() } };
}

/** Keeps the first `limit` entries unless the user asked for all of them. */
export function applyLimit<T>(context: IExecuteSingleFunctions, entries: T[]): T[] {
	if (context.getNodeParameter('returnAll', false) === true) return entries;
	const limit = context.getNodeParameter('limit', 50) as number;
	return entries.slice(0, limit);
}
