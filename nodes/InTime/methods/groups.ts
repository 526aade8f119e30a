import type {
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { InTimeGroup } from '../actions/group';
import { toGroups } from '../actions/group';
import { InTimeAnswerError, interpretAnswer, parseListDocument } from '../transport/answer';
import { hideSecret, hideSecretInDetails } from './hideSecret';

/** Loads the account's groups for the group pickers. */
async function fetchGroups(context: ILoadOptionsFunctions): Promise<InTimeGroup[]> {
	const credentials = await context.getCredentials<{ baseUrl: string; secretKey: string }>('inTimeApi');
	const response = await context.helpers.httpRequestWithAuthentication.call(context, 'inTimeApi', {
		method: 'GET',
		url: `${String(credentials.baseUrl).replace(/\/+$/, '')}/contacts/listgroups.ashx`,
		encoding: 'arraybuffer',
		json: false,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	});
	try {
		return toGroups(parseListDocument(interpretAnswer('contacts/listgroups', response.statusCode, response.body), 'groups'));
	} catch (error) {
		if (!(error instanceof InTimeAnswerError)) throw error;
		// The answer is quoted for the user; a server that echoes the request would quote the key with it.
		const secret = String(credentials.secretKey ?? '');
		throw new NodeApiError(context.getNode(), hideSecretInDetails(error.details, secret), {
			message: hideSecret(error.message, secret),
			description: hideSecret(error.description, secret),
			httpCode: error.httpCode,
		});
	}
}

function byName(a: InTimeGroup, b: InTimeGroup): number {
	return a.name.localeCompare(b.name, 'sv');
}

export async function getGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = await fetchGroups(this);
	return groups.sort(byName).map((group) => ({ name: group.name, value: group.id }));
}

export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLocaleLowerCase('sv');
	const groups = await fetchGroups(this);
	return {
		results: groups
			.filter((group) => !needle || group.name.toLocaleLowerCase('sv').includes(needle) || String(group.id) === needle)
			.sort(byName)
			.map((group) => ({ name: group.name, value: String(group.id) })),
	};
}
