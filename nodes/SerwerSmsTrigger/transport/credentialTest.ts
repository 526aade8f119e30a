import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IHttpRequestOptions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { applySerwerSmsAuthentication } from '../../../credentials/SerwerSmsApi.credentials';
import { explainApiError, findApiError } from './apiErrors';
import { actionUrl, SYSTEM_NAME, transportFacts } from './serwerSmsRequest';

/**
 * The credential test. SerwerSMS reports a wrong token or password in the body, usually with HTTP 200, so a test
 * rule on the status code alone would pass a bad credential; this asks for one incoming message (without marking
 * anything as read) and fails on any `error` in the answer.
 */
export async function serwerSmsApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data: ICredentialDataDecryptedObject = credential.data ?? {};
	const url = actionUrl(data.baseUrl, 'messages/recived');
	const options = applySerwerSmsAuthentication(data, {
		method: 'POST',
		url,
		body: { system: SYSTEM_NAME, page: 1, limit: 1 },
		headers: { Accept: 'application/json' },
	} satisfies IHttpRequestOptions);

	let answer: unknown;
	try {
		answer = await this.helpers.request({
			method: 'POST',
			uri: options.url,
			headers: options.headers,
			body: options.body,
			json: true,
		});
	} catch (error) {
		const facts = transportFacts(error);
		let body = facts.body;
		if (typeof body === 'string') {
			try {
				body = JSON.parse(body);
			} catch {
				// not JSON
			}
		}
		const apiError = findApiError(body);
		if (apiError) return failed(explainApiError(apiError).message);
		if (facts.status) return failed(`SerwerSMS answered ${url} with HTTP status ${facts.status}. Check the Base URL.`);
		return failed(
			`Could not reach SerwerSMS at ${url} (${facts.networkCode ?? 'network error'}). Check the Base URL and the network.`,
		);
	}

	if (typeof answer === 'string') {
		try {
			answer = JSON.parse(answer);
		} catch {
			return failed(`SerwerSMS answered ${url} with something that is not JSON. Check the Base URL.`);
		}
	}
	const apiError = findApiError(answer);
	if (apiError) return failed(explainApiError(apiError).message);
	if (typeof answer !== 'object' || answer === null || !('items' in answer)) {
		return failed(`SerwerSMS answered ${url} without a list of messages. Check the Base URL.`);
	}
	return { status: 'OK', message: 'Connection successful' };
}

function failed(message: string): INodeCredentialTestResult {
	return { status: 'Error', message };
}
