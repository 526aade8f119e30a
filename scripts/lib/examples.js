'use strict';
/**
 * The credentials and example workflows `npm start` imports into n8n (the end-to-end tests run the same examples).
 * They show real use: an order event texting the customer with delivery tracking, cleaning the block list, and
 * appointment reminders. Ids are fixed so that a second import replaces instead of duplicating.
 */

const NODE_PACKAGE = 'n8n-nodes-intime-serwersms';
const INTIME = `${NODE_PACKAGE}.inTime`;
const INTIME_TRIGGER = `${NODE_PACKAGE}.inTimeTrigger`;

const INTIME_CREDENTIAL = { id: 'inTimeSimulator1', name: 'InTime (local simulator)' };

/** Delivery reports of the order texts arrive here: /webhook/<id>/status. */
const DELIVERY_WEBHOOK_ID = '5d1e7a52-4c1b-4f3e-9a51-2f0c3d8e7b10';
const ORDER_WEBHOOK_PATH = 'order-shipped';

const EXAMPLE_IDS = {
	orderShipped: 'exampleOrderSms1',
	sampleOrder: 'exampleOrderTry1',
	deliveryReports: 'exampleDelivery1',
	blockListCleanup: 'exampleBlockList',
	appointmentReminders: 'exampleReminders',
};

function inTimeCredentials({ baseUrl, username, secretKey }) {
	return [{ ...INTIME_CREDENTIAL, type: 'inTimeApi', data: { username, secretKey, baseUrl } }];
}

function credentialRef() {
	return { inTimeApi: { ...INTIME_CREDENTIAL } };
}

function connect(...names) {
	const connections = {};
	for (let i = 0; i < names.length - 1; i++) {
		const from = names[i];
		connections[from] = connections[from] || { main: [[]] };
		connections[from].main[0].push({ node: names[i + 1], type: 'main', index: 0 });
	}
	return connections;
}

function workflow(id, name, nodes, connections) {
	return {
		id,
		name,
		active: false,
		nodes,
		connections,
		settings: { executionOrder: 'v1', timezone: 'Europe/Stockholm' },
		pinData: {},
		tags: [],
	};
}

/** The InTime node that texts the customer of an order ({ body: { orderId, customerName, phone, trackingUrl } }). */
function textCustomerNode(n8nUrl, idSuffix) {
	return {
		id: `c3c1b2a4-0001-4000-8000-00000000000${idSuffix}`,
		name: 'Text the customer',
		type: INTIME,
		typeVersion: 1,
		position: [680, 300],
		credentials: credentialRef(),
		parameters: {
			resource: 'message',
			operation: 'send',
			to: '={{ $json.body.phone }}',
			senderTitle: 'Byggvaruh',
			body:
				'=Hej {{ $json.body.customerName }}! Din order {{ $json.body.orderId }} är skickad. Spåra paketet: {{ $json.body.trackingUrl }}',
			additionalFields: {
				trackingIds: '={{ $json.body.orderId }}',
				statusUrl: `${n8nUrl}/webhook/${DELIVERY_WEBHOOK_ID}/status`,
			},
		},
	};
}

/** An order event from a shop (webhook) texts the customer the tracking link; the order number is the tracking ID. */
function orderShippedWorkflow({ n8nUrl }) {
	return workflow(
		EXAMPLE_IDS.orderShipped,
		'Example: order shipped (webhook) → SMS with tracking link',
		[
			{
				id: 'c3c1b2a4-0001-4000-8000-000000000001',
				name: 'Order shipped (webhook)',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [240, 300],
				webhookId: '0b7c4a3e-6f8d-4c2a-9e1b-7a5d3c2f1e90',
				parameters: { httpMethod: 'POST', path: ORDER_WEBHOOK_PATH, responseMode: 'lastNode', options: {} },
			},
			textCustomerNode(n8nUrl, '3'),
		],
		connect('Order shipped (webhook)', 'Text the customer'),
	);
}

/**
 * The same text for a sample order, started from the editor ("Execute workflow"): n8n's editor starts a workflow
 * with a webhook trigger by waiting for a test call, so the sample has a workflow of its own.
 */
function sampleOrderWorkflow({ n8nUrl }) {
	return workflow(
		EXAMPLE_IDS.sampleOrder,
		'Example: try the order SMS with a sample order',
		[
			{
				id: 'c3c1b2a4-0001-4000-8000-000000000002',
				name: 'Try it',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [240, 300],
				parameters: {},
			},
			{
				id: 'c3c1b2a4-0001-4000-8000-000000000004',
				name: 'Sample order',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [460, 300],
				parameters: {
					mode: 'raw',
					jsonOutput:
						'{\n  "body": {\n    "orderId": "order-1042",\n    "customerName": "Åsa",\n    "phone": "+46701234567",\n    "trackingUrl": "https://track.example.com/1042"\n  }\n}',
					options: {},
				},
			},
			textCustomerNode(n8nUrl, '5'),
		],
		connect('Try it', 'Sample order', 'Text the customer'),
	);
}

/** InTime reports each text's delivery to this workflow (the Status URL the order workflow sends). */
function deliveryReportsWorkflow() {
	return workflow(
		EXAMPLE_IDS.deliveryReports,
		'Example: delivery reports of the order texts',
		[
			{
				id: 'c3c1b2a4-0002-4000-8000-000000000001',
				name: 'InTime Trigger',
				type: INTIME_TRIGGER,
				typeVersion: 1,
				position: [240, 300],
				webhookId: DELIVERY_WEBHOOK_ID,
				parameters: {},
			},
			{
				id: 'c3c1b2a4-0002-4000-8000-000000000002',
				name: 'Delivery report',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [460, 300],
				parameters: {
					assignments: {
						assignments: [
							{ id: 'order', name: 'order', value: '={{ $json.transId }}', type: 'string' },
							{ id: 'report', name: 'report', value: '={{ JSON.stringify($json) }}', type: 'string' },
						],
					},
					options: {},
				},
			},
		],
		connect('InTime Trigger', 'Delivery report'),
	);
}

/** Adds a few sample numbers, lists the block list, and removes the test numbers (those starting 070000). */
function blockListCleanupWorkflow() {
	const node = (suffix, name, position, parameters, extra = {}) => ({
		id: `c3c1b2a4-0003-4000-8000-00000000000${suffix}`,
		name,
		type: INTIME,
		typeVersion: 1,
		position,
		credentials: credentialRef(),
		parameters,
		...extra,
	});
	return workflow(
		EXAMPLE_IDS.blockListCleanup,
		'Example: list and clean the block list',
		[
			{
				id: 'c3c1b2a4-0003-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [240, 300],
				parameters: {},
			},
			node('2', 'Block sample numbers', [460, 300], {
				resource: 'blockList',
				operation: 'add',
				phoneNumbers: '0701122334, 0700001111, 0700002222',
			}),
			node(
				'3',
				'List the block list',
				[680, 300],
				{ resource: 'blockList', operation: 'getAll', returnAll: true },
				{ executeOnce: true },
			),
			{
				id: 'c3c1b2a4-0003-4000-8000-000000000004',
				name: 'Only test numbers',
				type: 'n8n-nodes-base.filter',
				typeVersion: 2,
				position: [900, 300],
				parameters: {
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'loose' },
						conditions: [
							{
								id: 'c3c1b2a4-0003-4000-8000-0000000000f1',
								leftValue: '={{ $json.mobile }}',
								rightValue: '070000',
								operator: { type: 'string', operation: 'startsWith' },
							},
						],
						combinator: 'and',
					},
					options: {},
				},
			},
			node('5', 'Unblock them', [1120, 300], {
				resource: 'blockList',
				operation: 'remove',
				phoneNumbers: '={{ $json.mobile }}',
			}),
		],
		connect('Start', 'Block sample numbers', 'List the block list', 'Only test numbers', 'Unblock them'),
	);
}

/** Turns a list of appointments into InTime reminders, texted to each patient before the visit. */
function appointmentRemindersWorkflow() {
	return workflow(
		EXAMPLE_IDS.appointmentReminders,
		'Example: appointment reminders',
		[
			{
				id: 'c3c1b2a4-0004-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [240, 300],
				parameters: {},
			},
			{
				id: 'c3c1b2a4-0004-4000-8000-000000000002',
				name: 'Appointments',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [460, 300],
				parameters: {
					mode: 'raw',
					jsonOutput:
						'={{ { "appointments": [\n  { "patient": "Åsa", "lastName": "Lind", "mobile": "+46701234567", "at": $now.plus({ days: 2 }).set({ hour: 9, minute: 30, second: 0, millisecond: 0 }).toISO() },\n  { "patient": "Erik", "lastName": "Berg", "mobile": "+46707654321", "at": $now.plus({ days: 3 }).set({ hour: 14, minute: 0, second: 0, millisecond: 0 }).toISO() }\n] } }}',
					options: {},
				},
			},
			{
				id: 'c3c1b2a4-0004-4000-8000-000000000003',
				name: 'One item per appointment',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [680, 300],
				parameters: { fieldToSplitOut: 'appointments', options: {} },
			},
			{
				id: 'c3c1b2a4-0004-4000-8000-000000000004',
				name: 'Create reminder',
				type: INTIME,
				typeVersion: 1,
				position: [900, 300],
				credentials: credentialRef(),
				parameters: {
					resource: 'reminder',
					operation: 'create',
					appointmentDate: '={{ $json.at }}',
					attendeeMobile: '={{ $json.mobile }}',
					additionalFields: {
						attendeeFirstName: '={{ $json.patient }}',
						attendeeLastName: '={{ $json.lastName }}',
						organizerTitle: 'Dr',
						organizerFirstName: 'Karin',
						organizerLastName: 'Ek',
					},
				},
			},
		],
		connect('Start', 'Appointments', 'One item per appointment', 'Create reminder'),
	);
}

function exampleWorkflows({ n8nUrl }) {
	return [
		sampleOrderWorkflow({ n8nUrl }),
		orderShippedWorkflow({ n8nUrl }),
		deliveryReportsWorkflow(),
		blockListCleanupWorkflow(),
		appointmentRemindersWorkflow(),
	];
}

module.exports = {
	exampleWorkflows,
	inTimeCredentials,
	EXAMPLE_IDS,
	INTIME_CREDENTIAL,
	ORDER_WEBHOOK_PATH,
	DELIVERY_WEBHOOK_ID,
	NODE_PACKAGE,
};
