import type {
	IDataObject,
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
import { splitRepeats } from './trigger/repeatedReports';
import type { StatusOutcome } from './trigger/statusCodes';
import { InvalidCallbackError, parseStatusCallback } from './trigger/statusReport';

// InTime is an ISO-8859-1 service: escapes that are not valid UTF-8 are read as Windows-1252 (a superset).
const FALLBACK_CHARSET = 'windows-1252';

export class InTimeTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'InTime Trigger',
		name: 'inTimeTrigger',
		icon: 'file:intime.svg',
		group: ['trigger'],
		// Must stay 1: n8n leaves the body unparsed only for typeVersion 1 (see skipBodyParsingParameter).
		version: 1,
		subtitle: '=Delivery reports',
		description: 'Starts the workflow when InTime reports whether a text message was delivered',
		defaults: { name: 'InTime Trigger' },
		inputs: [],
		outputs: ['main'],
		credentials: authenticationCredentials,
		// The spec says InTime calls the status URL with HTTP POST (fields may still be in its query string).
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'status' }],
		eventTriggerDescription: 'Waiting for InTime to call the Test URL',
		activationMessage:
			'Delivery reports now start this workflow. Use the Production URL as the Status URL of the InTime node.',
		triggerPanel: {
			header:
				'Paste the Production URL (Parameters → Webhook URLs) into the "Status URL" field of the InTime node (Message → Send).',
			executionsHelp: {
				inactive:
					'While you build the workflow, use the Test URL as the Status URL and send a message: its delivery report shows up here. When the workflow is published, InTime must call the Production URL.',
				active:
					'The workflow is published: every delivery report sent to the Production URL starts an execution, listed under Executions.',
			},
			activationHint:
				'Publish the workflow and use its Production URL as the Status URL when sending messages.',
		},
		properties: [
			{
				displayName:
					'Copy the Production URL above (Webhook URLs) into the "Status URL" field of the InTime node\'s Send operation. InTime then reports each recipient\'s delivery to it, and each report starts this workflow. The "transid" you gave each recipient comes back as "transId", so you can match the report to your record.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			authenticationParameter,
			{
				displayName:
					'With "Secret in the URL", add the credential\'s name and value to the Status URL yourself, e.g. …/status?token=YOUR-SECRET.',
				name: 'queryAuthNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { authentication: ['queryAuth'] } },
			},
			{
				displayName: 'Start on Statuses',
				name: 'startOn',
				type: 'multiOptions',
				options: [
					{ name: 'Delivered (20)', value: 'delivered' },
					{ name: 'Not Delivered (0–4)', value: 'notDelivered' },
					{ name: 'Unknown (21 and Undocumented Codes)', value: 'unknown' },
				],
				default: ['delivered', 'notDelivered', 'unknown'],
				description:
					'Which reports start the workflow. The others are still answered 200, so InTime does not send them again.',
			},
			{
				displayName: 'Drop Repeated Reports',
				name: 'dropRepeats',
				type: 'boolean',
				default: false,
				description:
					'Whether to ignore a report identical to one received recently (same message ID, transid and status). InTime sends a report again when its first call got no 200 answer, e.g. during a network hiccup. Works for the Production URL only; two copies arriving in the same second can still both pass.',
			},
			{
				displayName: 'Repeat Window (Minutes)',
				name: 'repeatWindowMinutes',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1440,
				description: 'How long a report is remembered to recognise its repeats',
				displayOptions: { show: { dropRepeats: [true] } },
			},
			skipBodyParsingParameter,
		],
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject();
		const receivedAt = new Date();
		const call = await receiveWebhookCall(this, FALLBACK_CHARSET);
		if (!call) return { noWebhookResponse: true };

		let reports;
		try {
			reports = parseStatusCallback(call.query, call.body, receivedAt);
		} catch (error) {
			if (!(error instanceof InvalidCallbackError)) throw error;
			sendText(response, 400, error.message);
			return { noWebhookResponse: true };
		}

		// InTime treats anything but "200 + the message id" as a failure and retries.
		sendText(response, 200, [...new Set(reports.map((report) => report.messageId))].join(','));

		const startOn = this.getNodeParameter('startOn', []) as StatusOutcome[];
		let selected = reports.filter((report) => startOn.includes(report.outcome));
		if (this.getNodeParameter('dropRepeats', false) as boolean) {
			const windowMinutes = this.getNodeParameter('repeatWindowMinutes', 1440) as number;
			const store = this.getWorkflowStaticData('node');
			selected = splitRepeats(store, selected, windowMinutes, receivedAt).fresh;
		}
		if (selected.length === 0) return { noWebhookResponse: true };

		return {
			noWebhookResponse: true,
			workflowData: [
				selected.map(({ outcome: _outcome, ...report }) => ({ json: report as unknown as IDataObject })),
			],
		};
	}
}
