import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { InTimeAnswerError, interpretAnswer } from '../transport/answer';

function withoutSecret(text: string, secret: string): string {
	return secret ? text.split(secret).join('***') : text;
}

/**
 * Lists the account's groups with the given credential. InTime answers HTTP 200 also for a wrong key (with the
 * code `0:ERROR3`), so the answer's text decides, not the status code.
 */
export async function inTimeApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const { username = '', secretKey = '', baseUrl = '' } = (credential.data ?? {}) as Record<string, string>;
	if (!username || !secretKey) {
		return { status: 'Error', message: 'Enter both the Username and the Secret Key.' };
	}
	try {
		const response = (await this.helpers.request({
			method: 'GET',
			uri: `${String(baseUrl).replace(/\/+$/, '')}/contacts/listgroups.ashx`,
			qs: { user: username, hash: secretKey },
			encoding: null,
			resolveWithFullResponse: true,
			simple: false,
		})) as { statusCode: number; body: Buffer | string };
		interpretAnswer('contacts/listgroups', response.statusCode, response.body);
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		if (error instanceof InTimeAnswerError) {
			return { status: 'Error', message: `${error.message}. ${error.description}` };
		}
		const reason = withoutSecret(String((error as Error).message ?? error), secretKey);
		return {
			status: 'Error',
			message: `Could not reach InTime at ${baseUrl}: ${reason}. Check the Base URL and that this n8n can reach it.`,
		};
	}
}
