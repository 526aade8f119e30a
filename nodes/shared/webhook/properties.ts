import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/**
 * Makes n8n hand us the request body unparsed.
 * n8n (1.x and 2.x alike) skips its own body parser for a webhook node of typeVersion 1 whose parameter
 * `options.binaryData` is true. Its parser fails with 422 on charsets Node does not name (e.g.
 * `charset=ISO-8859-1`) before the node runs, so our triggers read and decode the bytes themselves.
 * Hidden, so that nobody can switch it off; the triggers must therefore stay at typeVersion 1.
 */
export const skipBodyParsingParameter: INodeProperties = {
	displayName: 'Read Body Unparsed',
	name: 'options',
	type: 'hidden',
	default: { binaryData: true },
};

export type WebhookAuthentication = 'none' | 'queryAuth' | 'headerAuth' | 'basicAuth';

export const authenticationParameter: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{
			name: 'None',
			value: 'none',
			description: 'Anyone who knows the URL can call it',
		},
		{
			name: 'Secret in the URL',
			value: 'queryAuth',
			description:
				'The URL must carry ?name=value from a Query Auth credential; works with any service that calls a URL',
		},
		{
			name: 'Header Auth',
			value: 'headerAuth',
			description: 'The request must carry a header with the name and value from a Header Auth credential',
		},
		{
			name: 'Basic Auth',
			value: 'basicAuth',
			description: 'The request must carry the user and password from a Basic Auth credential',
		},
	],
	default: 'none',
	description:
		'Whether callers must prove they know a secret. Without one, anyone who guesses the URL can start this workflow. Calls without the secret get 401, with a wrong one 403, and start nothing.',
};

/** n8n's own generic credentials, the ones its Webhook node uses; nothing new for the user to learn. */
export const authenticationCredentials: INodeCredentialDescription[] = [
	{ name: 'httpQueryAuth', required: true, displayOptions: { show: { authentication: ['queryAuth'] } } },
	{ name: 'httpHeaderAuth', required: true, displayOptions: { show: { authentication: ['headerAuth'] } } },
	{ name: 'httpBasicAuth', required: true, displayOptions: { show: { authentication: ['basicAuth'] } } },
];
