import type { ICredentialType, ICredentialDataDecryptedObject, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';

export interface TestAdditionalDataOptions {
	credentialTypes: ICredentialType[];
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Where n8n says its webhooks are (the webhook harness passes its own server). */
	baseUrl?: string;
	/** Anything else one kind of context needs (hooks, the HTTP request of a webhook, editor parameters…). */
	extra?: Record<string, unknown>;
}

/**
 * The per-execution data n8n's server hands to n8n-core's contexts, reduced to what the nodes here use: the
 * credentials (through TestCredentialsHelper) and the instance's URLs.
 */
export function testAdditionalData(options: TestAdditionalDataOptions): IWorkflowExecuteAdditionalData {
	const baseUrl = options.baseUrl ?? 'http://127.0.0.1';
	return {
		credentialsHelper: new TestCredentialsHelper(options.credentialTypes, options.credentials),
		restApiUrl: `${baseUrl}/rest`,
		instanceBaseUrl: `${baseUrl}/`,
		webhookBaseUrl: `${baseUrl}/webhook`,
		webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
		webhookTestBaseUrl: `${baseUrl}/webhook-test`,
		formWaitingBaseUrl: `${baseUrl}/form-waiting`,
		variables: {},
		...options.extra,
	} as unknown as IWorkflowExecuteAdditionalData;
}
