import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { InTimeAnswerError, interpretAnswer, shorten } from '../transport/answer';
import { hideSecret } from './hideSecret';

// InTime's group list, `<groups>…</groups>` after the XML declaration. The "no groups" code is read as ''.
const GROUP_LIST = /^\uFEFF?(<\?xml[^>]*\?>\s*)?<groups[\s>/]/;

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
		const answer = interpretAnswer('contacts/listgroups', response.statusCode, response.body);
		// Any web server can answer HTTP 200: only InTime's list of groups shows the key was accepted.
		if (answer !== '' && !GROUP_LIST.test(answer)) {
			return {
				status: 'Error',
				message: hideSecret(
					`The Base URL does not lead to the InTime API: ${baseUrl} answered "${shorten(answer)}" instead of a list of groups. Check the Base URL; InTime's is https://sms.intime.nu/api/1.0.`,
					secretKey,
				),
			};
		}
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		if (error instanceof InTimeAnswerError) {
			return { status: 'Error', message: hideSecret(`${error.message}. ${error.description}`, secretKey) };
		}
		const reason = hideSecret(String((error as Error).message ?? error), secretKey);
		return {
			status: 'Error',
			message: `Could not reach InTime at ${baseUrl}: ${reason}. Check the Base URL and that this n8n can reach it.`,
		};
	}
}
