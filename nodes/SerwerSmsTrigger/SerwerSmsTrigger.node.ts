import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { triggerProperties } from './description/triggerProperties';
import { pollIncomingMessages } from './pollIncomingMessages';
import { serwerSmsApiTest } from './transport/credentialTest';

export class SerwerSmsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SerwerSMS Trigger',
		name: 'serwerSmsTrigger',
		icon: 'file:serwersms.svg',
		group: ['trigger'],
		version: 1,
		subtitle: 'Incoming messages (polling)',
		description:
			'Starts the workflow when a reply or another incoming SMS/MMS arrives in SerwerSMS, each message exactly once',
		defaults: {
			name: 'SerwerSMS Trigger',
		},
		polling: true,
		inputs: [],
		outputs: ['main'],
		credentials: [
			{
				name: 'serwerSmsApi',
				required: true,
				// SerwerSMS reports a bad login in the body with HTTP 200; the test function checks the body.
				testedBy: 'serwerSmsApiTest',
			},
		],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: {
			serwerSmsApiTest,
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollIncomingMessages.call(this);
	}
}
