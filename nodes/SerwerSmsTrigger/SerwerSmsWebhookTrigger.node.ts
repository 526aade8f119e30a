/* eslint-disable n8n-nodes-base/node-dirname-against-convention -- both SerwerSMS triggers share one folder by design */
import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import {
	authenticationCredentials,
	authenticationParameter,
	skipBodyParsingParameter,
} from '../shared/webhook/properties';
import { receiveWebhookCall } from '../shared/webhook/request';
import { sendText } from '../shared/webhook/respond';
import { isValidTimeZone } from '../shared/zonedTime';
import { DEFAULT_TIME_ZONE } from './description/triggerProperties';
import { attachmentsAsBinary, attachmentsOf } from './webhook/attachments';
import { forwardedFields } from './webhook/forwardedFields';
import { toIncomingMessage } from './webhook/incomingMessage';

export class SerwerSmsWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SerwerSMS Webhook Trigger',
		name: 'serwerSmsWebhookTrigger',
		icon: 'file:serwersms.svg',
		group: ['trigger'],
		// Must stay 1: n8n leaves the body unparsed only for typeVersion 1 (see skipBodyParsingParameter).
		version: 1,
		subtitle: '=Forwarded messages',
		description:
			'Starts the workflow the moment SerwerSMS forwards an incoming SMS reply or MMS to n8n',
		defaults: { name: 'SerwerSMS Webhook Trigger' },
		inputs: [],
		outputs: ['main'],
		credentials: authenticationCredentials,
		// SerwerSMS calls the URL with GET for ECO/ND/NDI replies and with POST for MMS.
		webhooks: [
			{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', path: 'incoming' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'incoming' },
		],
		eventTriggerDescription: 'Waiting for SerwerSMS to call the Test URL',
		activationMessage:
			'Forwarded messages now start this workflow. Set the Production URL in the SerwerSMS customer panel.',
		triggerPanel: {
			header:
				'Set the Production URL (Parameters → Webhook URLs), with the message placeholders added, as the forwarding URL in the SerwerSMS customer panel.',
			executionsHelp: {
				inactive:
					'While you build the workflow, put the Test URL in the SerwerSMS panel (or open it in a browser with ?phone=...&text=...) to see one message here. When the workflow is published, SerwerSMS must call the Production URL.',
				active:
					'The workflow is published: every message SerwerSMS forwards to the Production URL starts an execution, listed under Executions.',
			},
			activationHint: 'Publish the workflow, then set its Production URL in the SerwerSMS panel.',
		},
		properties: [
			{
				displayName:
					'In the SerwerSMS customer panel, set the Production URL above as the forwarding URL, followed by ? and a query string whose values are SerwerSMS\'s placeholders (use the names the panel lists), joined with &, e.g. phone=#NUMER#, text=#WIADOMOSC#, date=#DATA#, sms_id=#IDSMS#. ECO replies, ND/NDI numbers and the MMS inbox each have their own setting. Turn on verification there: this trigger answers OK, and SerwerSMS retries after 5, 10, 15 and 60 minutes when it gets anything else.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			authenticationParameter,
			{
				displayName:
					'With "Secret in the URL", add the credential\'s name and value to the forwarding URL too, e.g. &token=YOUR-SECRET.',
				name: 'queryAuthNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { authentication: ['queryAuth'] } },
			},
			{
				displayName: 'Time Zone of the Account',
				name: 'timeZone',
				type: 'string',
				default: DEFAULT_TIME_ZONE,
				placeholder: 'e.g. Europe/Warsaw',
				description:
					'SerwerSMS sends dates as local time without an offset; this IANA zone turns them into "receivedAt" with an offset',
			},
			{
				displayName: 'Charset of Non-UTF-8 Text',
				name: 'legacyCharset',
				type: 'options',
				options: [
					{ name: 'ISO-8859-2 (Latin-2)', value: 'iso-8859-2' },
					{ name: 'Windows-1250', value: 'windows-1250' },
				],
				default: 'iso-8859-2',
				description:
					'Used only when a message arrives in bytes that are not UTF-8 and the request does not name its charset; decides how Polish letters such as ą and ś are read',
			},
			skipBodyParsingParameter,
		],
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const legacyCharset = this.getNodeParameter('legacyCharset', 'iso-8859-2') as string;
		const timeZoneParameter = (this.getNodeParameter('timeZone', DEFAULT_TIME_ZONE) as string).trim();
		const timeZone = isValidTimeZone(timeZoneParameter) ? timeZoneParameter : DEFAULT_TIME_ZONE;
		const call = await receiveWebhookCall(this, legacyCharset);
		if (!call) return { noWebhookResponse: true };

		const fields = forwardedFields(call.query, call.body);
		const attachments = attachmentsOf(fields, call.body.files);
		// SerwerSMS retries unless it gets the answer it expects; give it before anything can fail.
		sendText(this.getResponseObject(), 200, 'OK');

		// A call without any data (e.g. someone opening the URL in a browser) starts nothing.
		if (Object.keys(fields).length === 0 && attachments.length === 0) return { noWebhookResponse: true };

		delete fields.attachments;
		const item: INodeExecutionData = { json: toIncomingMessage(fields, call.method, timeZone) };
		if (attachments.length > 0) {
			const { binary, list } = await attachmentsAsBinary(this, attachments);
			item.json.attachments = list;
			item.binary = binary;
		}
		return { noWebhookResponse: true, workflowData: [[item]] };
	}
}
