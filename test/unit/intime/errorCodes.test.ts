import type { INodeParameters } from 'n8n-workflow';

import { requestsTo, runInTime, useInTimeSimulator } from './setup';

/**
 * Every error code the API specification lists, per endpoint (copied from the spec, not from the node), forced
 * on the simulator: each must become an error with a message in plain words, the code, and advice.
 */
const ENDPOINTS: Array<{ endpoint: string; parameters: INodeParameters; codes: string[]; noData?: boolean }> = [
	{
		endpoint: 'message/create.ashx',
		parameters: { resource: 'message', operation: 'send', to: '0701234567', senderTitle: 'Shop', body: 'Hi' },
		codes: ['0:ERROR1', '0:ERROR2', '0:ERROR3', '1:ERROR1', '1:ERROR2', '1:ERROR3', '2:ERROR0', '2:ERROR1', '2:ERROR2'],
	},
	{
		endpoint: 'message/delete.ashx',
		parameters: { resource: 'message', operation: 'delete', messageId: '1234567' },
		codes: ['0:ERROR1', '0:ERROR2', '0:ERROR3', '1:ERROR1', '2:ERROR1', '2:ERROR2'],
	},
	{
		endpoint: 'contacts/add.ashx',
		parameters: { resource: 'contact', operation: 'create', contactType: 1, firstName: 'John', lastName: 'Svensson', mobile: '070112233' },
		codes: ['0:ERROR1', '0:ERROR2', '0:ERROR3', '1:ERROR1', '2:ERROR1', '3:ERROR1', '3:ERROR2'],
	},
	{
		endpoint: 'contacts/listgroups.ashx',
		parameters: { resource: 'group', operation: 'getAll', returnAll: true },
		codes: ['0:ERROR1', '0:ERROR3'],
		noData: true,
	},
	{
		endpoint: 'contacts/addgroup.ashx',
		parameters: { resource: 'group', operation: 'create', names: ['New group'] },
		codes: ['0:ERROR1', '0:ERROR2', '0:ERROR3', '1:ERROR1', '2:ERROR1'],
	},
	{
		endpoint: 'contacts/deletigroup.ashx',
		parameters: { resource: 'group', operation: 'delete', groupId: { __rl: true, mode: 'id', value: '1' } },
		codes: ['0:ERROR1', '0:ERROR2', '0:ERROR3', '1:ERROR1', '2:ERROR1'],
	},
	{
		endpoint: 'nix/list.ashx',
		parameters: { resource: 'blockList', operation: 'getAll', returnAll: true },
		codes: ['0:ERROR1', '0:ERROR3'],
		noData: true,
	},
	{
		endpoint: 'nix/addnix.ashx',
		parameters: { resource: 'blockList', operation: 'add', phoneNumbers: '070112233' },
		codes: ['0:ERROR1', '0:ERROR2', '0:ERROR3', '1:ERROR1', '2:ERROR1'],
	},
	{
		endpoint: 'nix/deletenix.ashx',
		parameters: { resource: 'blockList', operation: 'remove', phoneNumbers: '070112233' },
		codes: ['0:ERROR1', '0:ERROR2', '0:ERROR3', '1:ERROR1', '2:ERROR1'],
	},
	{
		endpoint: 'reminder/list.ashx',
		parameters: { resource: 'reminder', operation: 'getAll', returnAll: true },
		codes: ['0:ERROR1', '0:ERROR3'],
		noData: true,
	},
	{
		endpoint: 'reminder/add.ashx',
		parameters: { resource: 'reminder', operation: 'create', appointmentDate: '2031-04-25T08:30:00', attendeeMobile: '070334455' },
		codes: ['0:ERROR1', '0:ERROR2', '0:ERROR3', '1:ERROR1', '2:ERROR1'],
	},
	{
		endpoint: 'reminder/edit.ashx',
		parameters: { resource: 'reminder', operation: 'update', appointmentId: '1472', updateFields: { active: false } },
		codes: ['0:ERROR1', '0:ERROR2', '0:ERROR3', '1:ERROR1', '2:ERROR1'],
	},
];

describe('InTime node: every documented error code', () => {
	const simulator = useInTimeSimulator();

	const cases = ENDPOINTS.flatMap(({ endpoint, parameters, codes }) =>
		codes.map((code) => ({ endpoint, parameters, code })),
	);

	it.each(cases)('$endpoint answering $code', async ({ endpoint, parameters, code }) => {
		simulator.failNext(endpoint, code);
		const { error, items } = await runInTime(simulator, parameters);

		expect(requestsTo(simulator, endpoint)).toHaveLength(1);
		expect(items).toHaveLength(0);
		expect(error).toBeDefined();
		expect(error!.name).toBe('NodeApiError');
		expect(error!.message).toContain(`(${code})`);
		// A sentence in the user's words before the code, and advice on what to do.
		expect(error!.message.replace(`(${code})`, '').trim().length).toBeGreaterThan(15);
		expect(error!.description?.length ?? 0).toBeGreaterThan(20);
		expect(error!.message).not.toMatch(/undefined|\[object/);
	});

	it.each(ENDPOINTS.filter(({ noData }) => noData))(
		'$endpoint answering "no data" (2:ERROR1) gives an empty list, not an error',
		async ({ endpoint, parameters }) => {
			simulator.failNext(endpoint, '2:ERROR1');
			const { error, items } = await runInTime(simulator, parameters);
			expect(requestsTo(simulator, endpoint)).toHaveLength(1);
			expect(error).toBeUndefined();
			expect(items).toHaveLength(0);
		},
	);

	it('explains the send-date code in the user’s words', async () => {
		simulator.failNext('message/create.ashx', '1:ERROR2');
		const { error } = await runInTime(simulator, ENDPOINTS[0].parameters);
		expect(error!.message).toBe('The send date is in the past (1:ERROR2)');
		expect(error!.description).toContain('Send At');
	});

	it('turns an undocumented code into an error that quotes it', async () => {
		simulator.failNext('message/create.ashx', '7:ERROR9');
		const { error } = await runInTime(simulator, ENDPOINTS[0].parameters);
		expect(error!.message).toBe('InTime answered with an unknown error code: 7:ERROR9');
	});
});
