import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { InTimeAnswerError, interpretAnswer, parseIdList, parseListDocument } from '../transport/answer';
import type { InTimeEndpoint } from '../transport/errorCodes';
import { hideSecret, hideSecretInDetails } from '../methods/hideSecret';
import { applyLimit, outputItem } from './output';

/** An answer error as n8n shows it; a server that echoes the request address must not reveal the key. */
async function asNodeApiError(context: IExecuteSingleFunctions, error: InTimeAnswerError): Promise<NodeApiError> {
	const { secretKey = '' } = await context.getCredentials<{ secretKey?: string }>('inTimeApi');
	return new NodeApiError(context.getNode(), hideSecretInDetails(error.details, secretKey), {
		message: hideSecret(error.message, secretKey),
		description: hideSecret(error.description, secretKey),
		httpCode: error.httpCode,
		itemIndex: context.getItemIndex(),
	});
}

async function withNodeErrors<T>(context: IExecuteSingleFunctions, read: () => T): Promise<T> {
	try {
		return read();
	} catch (error) {
		if (error instanceof InTimeAnswerError) throw await asNodeApiError(context, error);
		throw error;
	}
}

function bodyOf(response: IN8nHttpFullResponse): Buffer | string {
	return response.body as Buffer | string;
}

/** The root element of a list answer (e.g. `groups`), or an empty object when InTime has nothing to list. */
export async function answerList(
	context: IExecuteSingleFunctions,
	endpoint: InTimeEndpoint,
	response: IN8nHttpFullResponse,
	rootName: string,
): Promise<IDataObject> {
	return await withNodeErrors(context, () =>
		parseListDocument(interpretAnswer(endpoint, response.statusCode, bodyOf(response)), rootName),
	);
}

/** The ids a create/remove operation answered, in the order InTime sent them. */
export async function answerIds(
	context: IExecuteSingleFunctions,
	endpoint: InTimeEndpoint,
	response: IN8nHttpFullResponse,
): Promise<number[]> {
	return await withNodeErrors(context, () =>
		parseIdList(interpretAnswer(endpoint, response.statusCode, bodyOf(response))),
	);
}

/**
 * The postReceive step of a "Get Many" operation: one output item per entry of the list answer (an empty list when
 * InTime has nothing), cut to the limit unless "Return All" is on.
 */
export function readListAnswer(
	endpoint: InTimeEndpoint,
	rootName: string,
	toEntries: (root: IDataObject) => IDataObject[],
) {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		const entries = toEntries(await answerList(this, endpoint, response, rootName));
		return applyLimit(this, entries).map((entry) => outputItem(this, entry));
	};
}
