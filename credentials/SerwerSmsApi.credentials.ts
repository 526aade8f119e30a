import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class SerwerSmsApi implements ICredentialType {
	name = 'serwerSmsApi';

	displayName = 'SerwerSMS API';

	documentationUrl = 'https://github.com/intime-serwersms/n8n-nodes-intime-serwersms#serwersms-credential';

	icon = 'file:serwersms.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'API Token',
					value: 'apiToken',
					description: 'Recommended by SerwerSMS. Sent as a Bearer token in the Authorization header.',
				},
				{
					name: 'API Username and Password',
					value: 'usernamePassword',
					description: 'The login and password of an API user, sent in the body of each request',
				},
			],
			default: 'apiToken',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['apiToken'] } },
			description:
				'Generate it in the SerwerSMS customer panel under Interface settings > HTTPS API > API tokens',
		},
		{
			displayName: 'API Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['usernamePassword'] } },
			description:
				'The login of an API user (customer panel: Interface settings > HTTPS API). Not necessarily the login you use for the panel.',
		},
		{
			displayName: 'API Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['usernamePassword'] } },
			description: 'The password of that API user',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api2.serwersms.pl',
			placeholder: 'e.g. https://api2.serwersms.pl',
			description:
				'Leave as is to use SerwerSMS. Change it only for the alternate host (https://s1api2.serwersms.pl), a proxy or a test server that speaks the SerwerSMS API.',
		},
	];

	// A generic authenticate object cannot choose between a header and body fields, so this branches on the mode:
	// the token goes in the Authorization header only; username and password go in the JSON body only.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return applySerwerSmsAuthentication(credentials, requestOptions);
	}
}

/** Adds the credential's authentication to a request; shared by the credential and the node's credential test. */
export function applySerwerSmsAuthentication(
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	if (credentials.authentication === 'usernamePassword') {
		const body = isPlainObject(requestOptions.body) ? requestOptions.body : {};
		return {
			...requestOptions,
			body: {
				...body,
				username: String(credentials.username ?? ''),
				password: String(credentials.password ?? ''),
			},
		};
	}
	return {
		...requestOptions,
		headers: {
			...(requestOptions.headers ?? {}),
			Authorization: `Bearer ${String(credentials.apiToken ?? '')}`,
		},
	};
}

function isPlainObject(value: unknown): value is IDataObject {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		!Buffer.isBuffer(value) &&
		!(value instanceof URLSearchParams)
	);
}
