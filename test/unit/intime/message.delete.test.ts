import { requestsTo, runInTime, useInTimeSimulator } from './setup';

describe('InTime node: Message → Delete Scheduled', () => {
	const simulator = useInTimeSimulator();

	async function scheduleMessage(): Promise<number> {
		const { items } = await runInTime(simulator, {
			resource: 'message',
			operation: 'send',
			to: '0701234567',
			senderTitle: 'Shop',
			body: 'Later',
			additionalFields: { sendAt: '2031-06-01T12:00:00' },
		});
		return (items[0].json.messageIds as number[])[0];
	}

	it('removes a scheduled message', async () => {
		const messageId = await scheduleMessage();
		const { items, error } = await runInTime(simulator, {
			resource: 'message',
			operation: 'delete',
			messageId: String(messageId),
		});
		expect(error).toBeUndefined();
		const [request] = requestsTo(simulator, 'message/delete.ashx');
		expect(request.bodyText).toBe(
			`<?xml version="1.0" encoding="iso-8859-1"?>\n<message>\n  <messageid>${messageId}</messageid>\n</message>\n`,
		);
		expect(items[0].json).toEqual({ messageId, deleted: true });
		expect(simulator.state.messages[0].deleted).toBe(true);
	});

	it('explains that a message already sent cannot be removed', async () => {
		await runInTime(simulator, { resource: 'message', operation: 'send', to: '0701234567', senderTitle: 'Shop', body: 'Now' });
		const sentId = simulator.state.messages[0].id;
		const { error } = await runInTime(simulator, { resource: 'message', operation: 'delete', messageId: sentId });
		expect(error?.message).toBe('InTime could not remove the message (2:ERROR2)');
		expect(error?.description).toContain('Only scheduled messages');
	});

	it('rejects an id that is not a number before sending', async () => {
		const { error } = await runInTime(simulator, { resource: 'message', operation: 'delete', messageId: 'abc' });
		expect(error?.message).toBe('"Message ID" must be a whole number above 0, but is "abc"');
		expect(simulator.requests).toHaveLength(0);
	});
});
