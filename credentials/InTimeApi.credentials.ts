import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

export class InTimeApi implements ICredentialType {
	name = 'inTimeApi';

	displayName = 'InTime API';

	documentationUrl = 'https://github.com/intime-serwersms/n8n-nodes-intime-serwersms#intime-credential';

	icon = 'file:intime.svg' as const;

	properties: INodeProperties[] = [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'The user name you log in to InTime Messenger with',
		},
		{
			displayName: 'Secret Key',
			name: 'secretKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The API secret key (called "hash" in the InTime API) that InTime issued for your account. Ask InTime support if you do not have one.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://sms.intime.nu/api/1.0',
			placeholder: 'e.g. https://sms.intime.nu/api/1.0',
			description:
				'Leave as is to use InTime. Change it only to go through a proxy or to use a test server that speaks the InTime API.',
		},
	];

	// InTime reads the account from the query string of every request.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			qs: {
				user: '={{$credentials.username}}',
				hash: '={{$credentials.secretKey}}',
			},
		},
	};
}
