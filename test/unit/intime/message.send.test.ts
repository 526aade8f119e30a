import { requestsTo, runInTime, SECRET_KEY, useInTimeSimulator, USERNAME } from './setup';

describe('InTime node: Message → Send', () => {
	const simulator = useInTimeSimulator();

	it('sends a message with the credential in the query and XML in ISO-8859-1', async () => {
		const { items, error } = await runInTime(simulator, {
			resource: 'message',
			operation: 'send',
			to: '+46701234567',
			senderTitle: 'Byggvaruh',
			body: 'Hej Åsa! Din order är packad & på väg <3 "snart" ]]> hälsningar',
		});
		expect(error).toBeUndefined();

		const [request] = requestsTo(simulator, 'message/create.ashx');
		expect(request.method).toBe('POST');
		expect(request.query).toEqual({ user: USERNAME, hash: SECRET_KEY });
		expect(request.headers['content-type']).toBe('text/xml; charset=ISO-8859-1');
		expect(request.bodyText.startsWith('<?xml version="1.0" encoding="iso-8859-1"?>')).toBe(true);
		// Swedish letters travel as single ISO-8859-1 bytes.
		expect(request.rawBody.includes(Buffer.from([0xc5, 0x73, 0x61]))).toBe(true); // "Åsa"
		expect(request.rawBody.includes(Buffer.from('Ã', 'latin1'))).toBe(false);
		expect(request.bodyText).toContain(
			'<body>Hej Åsa! Din order är packad &amp; på väg &lt;3 &quot;snart&quot; ]]&gt; hälsningar</body>',
		);

		const [sent] = simulator.state.messages;
		expect(sent.body).toBe('Hej Åsa! Din order är packad & på väg <3 "snart" ]]> hälsningar');
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			messageIds: [sent.id],
			recipients: [{ phone: '+46701234567', transId: null, messageId: sent.id }],
			groupIds: [],
			groupMessageIds: [],
			scheduled: false,
			sendAt: null,
		});
		expect(items[0].pairedItem).toEqual({ item: 0 });
	});
});
