import type { INodeProperties } from 'n8n-workflow';

export const DEFAULT_TIME_ZONE = 'Europe/Warsaw';
export const DEFAULT_OVERLAP_MINUTES = 10;

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Each incoming message starts the workflow once. For instant delivery, SerwerSMS can also forward messages to a SerwerSMS Webhook Trigger; this trigger then catches what a failed forward missed (a message both triggers see starts both).',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Message Types',
		name: 'messageTypes',
		type: 'multiOptions',
		options: [
			{ name: 'MMS', value: 'mms' },
			{ name: 'Premium SMS', value: 'pre' },
			{ name: 'Reply to an ECO SMS', value: 'eco' },
			{ name: 'SMS to a Shared Access Number (ND/SC)', value: 'nd' },
			{ name: 'SMS to Your Own Access Number (NDI/SCI)', value: 'ndi' },
		],
		default: [],
		description: 'Which incoming messages start the workflow. Leave empty for all types.',
	},
	{
		displayName: 'Sender Phone Numbers',
		name: 'senderPhones',
		type: 'string',
		default: '',
		placeholder: 'e.g. +48500600700, +48600700800',
		description:
			'Only messages from these numbers, in international format, separated by commas. Leave empty for any sender.',
	},
	{
		displayName: 'NDI Number',
		name: 'ndiNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. +48500600700',
		description:
			'Only messages sent to this individual access number (NDI), when the account has several. Leave empty for all.',
	},
	{
		displayName: 'Include Contact Details',
		name: 'includeContactDetails',
		type: 'boolean',
		default: false,
		description:
			'Whether to add the sender\'s contact (name, company, email, ...) when the number is in the SerwerSMS contact list',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Late Arrival Window (Minutes)',
				name: 'overlapMinutes',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 1440 },
				default: DEFAULT_OVERLAP_MINUTES,
				description:
					'How far back each poll looks again, so that messages sharing a second or showing up late with an older time are not missed (each is still emitted once). A message that shows up later than this after its stated time is missed; raise it if that happens.',
			},
			{
				displayName: 'Mark as Read on the Server',
				name: 'markAsRead',
				type: 'boolean',
				default: false,
				description:
					'Whether to mark fetched messages as read in SerwerSMS. Off is safer: a message marked read is never returned by the API again, so if the workflow run then fails, the message can only be found in the SerwerSMS panel. Turn on only if other tools rely on the read flag.',
			},
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'dateTime',
				default: '',
				description:
					'On first activation, also emit messages received since this date and time (in the time zone below). Leave empty to start from the moment of activation. Changing it later restarts the trigger from the new date.',
			},
			{
				displayName: 'Time Zone',
				name: 'timeZone',
				type: 'string',
				default: DEFAULT_TIME_ZONE,
				placeholder: 'e.g. Europe/Warsaw',
				description:
					'The IANA time zone SerwerSMS writes its times in (Polish time for SerwerSMS accounts). Used to read them, daylight saving included, and to output them in ISO 8601 with an offset.',
			},
		],
	},
];
