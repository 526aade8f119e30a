import type { IExecuteSingleFunctions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { InTimeAnswerError, interpretAnswer, parseIdList } from '../transport/answer';
import type { InTimeEndpoint } from '../transport/errorCodes';

function asNodeApiError(context: IExecuteSingleFunctions, error: InTimeAnswerError): NodeApiError {
	return new NodeApiError(context.getNode(), error.details, {
		message: error.message,
		description: error.description,
		httpCode: error.httpCode,
		itemIndex: context.getItemIndex(),
	});
}

function withNodeErrors<T>(context: IExecuteSingleFunctions, read: () => T): T {
	try {
		return read();
	} catch (error) {
		if (error instanceof InTimeAnswerError) throw asNodeApiError(context, error);
		throw error;
	}
}

/** The answer's text; '' when a list endpoint has nothing to list. */
export function answerText(
	context: IExecuteSingleFunctions,
	endpoint: InTimeEndpoint,
	response: IN8nHttpFullResponse,
): string {
	return withNodeErrors(context, () =>
		interpretAnswer(endpoint, response.statusCode, response.body as Buffer | string),
	);
}

/** The ids a create/remove operation answered, in the order InTime sent them. */
export function answerIds(
	context: IExecuteSingleFunctions,
	endpoint: InTimeEndpoint,
	response: IN8nHttpFullResponse,
): number[] {
	return withNodeErrors(context, () =>
		parseIdList(interpretAnswer(endpoint, response.statusCode, response.body as Buffer | string)),
	);
}
