import type { INodeProperties } from 'n8n-workflow';

import {
	prepareDeleteMessage,
	prepareSendMessage,
	readDeleteAnswer,
	readSendAnswer,
} from '../actions/message';
import { groupIdsField, textOptions } from './shared';

const showFor = (operation: string) => ({ show: { resource: ['message'], operation: [operation] } });

export const messageOperations: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description: 'Send an SMS now or at a later time, to phone numbers and/or groups',
				action: 'Send an SMS',
				routing: {
					request: { method: 'POST', url: '/message/create.ashx' },
					send: { preSend: [prepareSendMessage] },
					output: { postReceive: [readSendAnswer] },
				},
			},
			{
				name: 'Delete Scheduled',
				value: 'delete',
				description: 'Cancel a message scheduled for later that has not been sent yet',
				action: 'Delete a scheduled SMS',
				routing: {
					request: { method: 'POST', url: '/message/delete.ashx' },
					send: { preSend: [prepareDeleteMessage] },
					output: { postReceive: [readDeleteAnswer] },
				},
			},
		],
		default: 'send',
	},
];

export const messageFields: INodeProperties[] = [
	{
		displayName: 'To',
		name: 'to',
		type: 'string',
		default: '',
		placeholder: 'e.g. +46701234567, 0701234567',
		description:
			'Phone numbers to text, separated by commas (or an array from an expression). Leave empty to text only the groups below.',
		displayOptions: showFor('send'),
	},
	{
		...groupIdsField('Contact groups to text: every contact in them with a mobile number gets the message.'),
		displayOptions: showFor('send'),
	},
	{
		displayName: 'Sender',
		name: 'senderTitle',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Byggvaruh',
		description:
			'The name or number the recipient sees as sender: at most 11 characters from A–Z, a–z, 0–9, space, dot, dash and plus (no å ä ö), or a phone number of at most 15 digits',
		displayOptions: showFor('send'),
	},
	{
		displayName: 'Message',
		name: 'body',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		placeholder: 'e.g. Your order is packed. Best regards, Byggvaruhuset',
		description:
			'The text to send: at most 160 characters, or 804 with "Allow Long Message (Multi-SMS)". Swedish letters work; emoji and curly quotes do not (see Options).',
		displayOptions: showFor('send'),
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		displayOptions: showFor('send'),
		options: [
			{
				displayName: 'Allow Long Message (Multi-SMS)',
				name: 'multiSms',
				type: 'boolean',
				default: false,
				description:
					'Whether the text may be up to 804 characters, sent as up to six SMS that the phone shows as one message (each SMS is charged)',
			},
			{
				displayName: 'Anonymize After Sending',
				name: 'anonymize',
				type: 'boolean',
				default: false,
				description:
					'Whether InTime encrypts the message once it is sent, so that nobody can read it in InTime Messenger afterwards',
			},
			{
				displayName: 'Check Block List for Groups',
				name: 'checkBlockList',
				type: 'boolean',
				default: false,
				description:
					"Whether group members whose number is on your account's block list are skipped. Numbers typed in \"To\" are always texted.",
			},
			{
				displayName: 'Flash Message',
				name: 'flash',
				type: 'boolean',
				default: false,
				description:
					'Whether the message pops up on the screen without being saved on the phone (at most 160 characters)',
			},
			{
				displayName: 'Send At',
				name: 'sendAt',
				type: 'dateTime',
				default: '',
				description:
					"When to send the message, in the workflow's time zone. Leave empty to send right away. Must be in the future; a scheduled message can be cancelled with \"Delete Scheduled\".",
			},
			{
				displayName: 'Status URL',
				name: 'statusUrl',
				type: 'string',
				default: '',
				placeholder: 'e.g. https://n8n.example.com/webhook/4f1c…/status',
				description:
					'Where InTime reports whether each text was delivered. Add an "InTime Trigger" node to a workflow, copy its Production URL (under Webhook URLs) here, and publish (activate) that workflow.',
			},
			{
				displayName: 'Tracking IDs',
				name: 'trackingIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. order-1042',
				description:
					'Your own ID for each phone number in "To" (same order, separated by commas), e.g. an order number. InTime sends it back with the delivery report so you can match it. If a Status URL is set and this is empty, the node makes one per number and returns it.',
			},
		],
	},
	textOptions('message', ['send']),
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1234567',
		description:
			'The ID of the scheduled message, as returned by "Send" (field "messageIds" or "recipients[].messageId")',
		displayOptions: showFor('delete'),
	},
];
