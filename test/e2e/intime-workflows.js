'use strict';
/**
 * The workflows of intime.e2e.test.js: one that uses every InTime operation (four independent branches), and the
 * ones for errors: a wrong secret key, continue-on-fail, and an InTime address nobody listens on.
 */
const { manualTrigger, inTime, setJson, splitOut, workflow } = require('./support/workflows');

const IDS = {
	allOperations: 'e2eAllOperation1',
	wrongKey: 'e2eWrongKeyFail1',
	continueOnFail: 'e2eContinueFail1',
	unreachable: 'e2eUnreachable01',
};

/** Future dates (the simulator refuses past send and appointment dates), read in the workflow's time zone. */
const SCHEDULED_AT = '2030-05-17T10:30:00';
const APPOINTMENT_AT = '2030-05-20T14:30:00';

function allOperationsWorkflow(credential) {
	const node = (name, parameters, position, extra) => inTime(name, credential, parameters, position, extra);
	const once = { executeOnce: true };
	return workflow(
		IDS.allOperations,
		'E2E: every InTime operation',
		[
			manualTrigger('Start', [0, 600]),
			// Messages: send now, schedule, delete the scheduled one.
			node(
				'Send SMS',
				{
					resource: 'message',
					operation: 'send',
					to: '+46701234567, 0707654321',
					senderTitle: 'Byggvaruh',
					body: 'Hej Åsa! Ordern är klar – välkommen.',
					additionalFields: { trackingIds: 'order-1, order-2' },
					options: { replaceUnsupportedCharacters: true },
				},
				[300, 0],
			),
			node(
				'Schedule SMS',
				{
					resource: 'message',
					operation: 'send',
					to: '0701112233',
					senderTitle: 'Byggvaruh',
					body: 'Påminnelse: leverans i morgon.',
					additionalFields: { sendAt: SCHEDULED_AT },
				},
				[300, 150],
			),
			node(
				'Delete scheduled SMS',
				{ resource: 'message', operation: 'delete', messageId: '={{ $json.messageIds[0] }}' },
				[550, 150],
			),
			// Groups and contacts: create two groups, list them, add a contact to the first, delete that group.
			node(
				'Create groups',
				{ resource: 'group', operation: 'create', names: ['E2E Kunder Malmö', 'E2E Leverantörer'] },
				[300, 400],
			),
			node('List groups', { resource: 'group', operation: 'getAll', returnAll: true }, [550, 400], once),
			node(
				'Create contact',
				{
					resource: 'contact',
					operation: 'create',
					contactType: 3,
					firstName: 'Åke',
					lastName: 'Ström',
					mobile: '0701234567',
					email: 'ake@example.com',
					additionalFields: {
						extraField: 'Inköp',
						groupIds: "={{ [$('Create groups').first().json.id] }}",
					},
				},
				[800, 400],
				once,
			),
			node(
				'Delete group',
				{
					resource: 'group',
					operation: 'delete',
					groupId: { __rl: true, mode: 'id', value: "={{ $('Create groups').first().json.id }}" },
					deleteContacts: true,
				},
				[1050, 400],
				once,
			),
			// Block list: add two numbers, list, remove the first.
			node(
				'Block numbers',
				{ resource: 'blockList', operation: 'add', phoneNumbers: '0701122334, +46 70 555 66 77' },
				[300, 700],
			),
			node('List blocked numbers', { resource: 'blockList', operation: 'getAll', returnAll: true }, [550, 700], once),
			node(
				'Unblock first number',
				{ resource: 'blockList', operation: 'remove', phoneNumbers: "={{ $('Block numbers').first().json.mobile }}" },
				[800, 700],
				once,
			),
			// Reminders: create, get by id, update.
			node(
				'Create reminder',
				{
					resource: 'reminder',
					operation: 'create',
					appointmentDate: APPOINTMENT_AT,
					attendeeMobile: '+46701234567',
					additionalFields: {
						attendeeFirstName: 'Åsa',
						attendeeLastName: 'Öberg',
						organizerTitle: 'Dr',
						organizerFirstName: 'Karin',
						organizerLastName: 'Ek',
					},
				},
				[300, 1000],
			),
			node(
				'Get reminder',
				{
					resource: 'reminder',
					operation: 'getAll',
					returnAll: true,
					filters: { appointmentId: '={{ $json.appointmentId }}' },
				},
				[550, 1000],
			),
			node(
				'Update reminder',
				{
					resource: 'reminder',
					operation: 'update',
					appointmentId: "={{ $('Create reminder').first().json.appointmentId }}",
					updateFields: { attendeeMobile: '+46709998877' },
				},
				[800, 1000],
				once,
			),
		],
		[
			['Start', 'Send SMS'],
			['Start', 'Schedule SMS'],
			['Schedule SMS', 'Delete scheduled SMS'],
			['Start', 'Create groups'],
			['Create groups', 'List groups'],
			['List groups', 'Create contact'],
			['Create contact', 'Delete group'],
			['Start', 'Block numbers'],
			['Block numbers', 'List blocked numbers'],
			['List blocked numbers', 'Unblock first number'],
			['Start', 'Create reminder'],
			['Create reminder', 'Get reminder'],
			['Get reminder', 'Update reminder'],
		],
	);
}

function sendNode(name, credential, position, extra) {
	return inTime(
		name,
		credential,
		{
			resource: 'message',
			operation: 'send',
			to: '={{ $json.phone }}',
			senderTitle: 'Byggvaruh',
			body: '=Hej {{ $json.name }}!',
		},
		position,
		extra,
	);
}

/** A send with a credential whose secret key InTime does not accept: the workflow stops with the node's error. */
function wrongKeyWorkflow(credential) {
	return workflow(
		IDS.wrongKey,
		'E2E: wrong secret key',
		[
			manualTrigger('Start', [0, 0]),
			setJson('Customer', { phone: '+46701234567', name: 'Åsa' }, [200, 0]),
			sendNode('Send SMS', credential, [400, 0]),
		],
		[
			['Start', 'Customer'],
			['Customer', 'Send SMS'],
		],
	);
}

/**
 * Two customers through two sends: "continue (regular output)" (the test makes InTime fail the first request) and
 * "continue (error output)" (the second customer's number is not a phone number, refused before any request).
 */
function continueOnFailWorkflow(credential) {
	return workflow(
		IDS.continueOnFail,
		'E2E: continue on fail',
		[
			manualTrigger('Start', [0, 0]),
			setJson(
				'Customers',
				{
					customers: [
						{ phone: '+46701234567', name: 'Åsa' },
						{ phone: 'not a number', name: 'Erik' },
					],
				},
				[200, 0],
			),
			splitOut('One item per customer', 'customers', [400, 0]),
			sendNode('Send (continue)', credential, [600, -100], { onError: 'continueRegularOutput' }),
			sendNode('Send (error output)', credential, [600, 100], { onError: 'continueErrorOutput' }),
		],
		[
			['Start', 'Customers'],
			['Customers', 'One item per customer'],
			['One item per customer', 'Send (continue)'],
			['One item per customer', 'Send (error output)'],
		],
	);
}

/** A request to an InTime address where nothing listens: the request itself fails. */
function unreachableWorkflow(credential) {
	return workflow(
		IDS.unreachable,
		'E2E: InTime unreachable',
		[
			manualTrigger('Start', [0, 0]),
			inTime('List groups', credential, { resource: 'group', operation: 'getAll', returnAll: true }, [200, 0]),
		],
		[['Start', 'List groups']],
	);
}

module.exports = {
	IDS,
	SCHEDULED_AT,
	APPOINTMENT_AT,
	allOperationsWorkflow,
	wrongKeyWorkflow,
	continueOnFailWorkflow,
	unreachableWorkflow,
};
