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

describe('InTime node: Message → Send, fields and rules', () => {
	const simulator = useInTimeSimulator();
	const base = { resource: 'message', operation: 'send', senderTitle: 'Shop', body: 'Hello' };

	function seedGroupWithMembers(name: string, mobiles: string[]) {
		const group = { id: simulator.nextId(), name };
		simulator.state.groups.push(group);
		for (const mobile of mobiles) {
			simulator.state.contacts.push({
				id: simulator.nextId(),
				type: 1,
				firstName: 'Member',
				lastName: mobile,
				mobile,
				groupIds: [group.id],
			});
		}
		return group;
	}

	it('texts several numbers and a group, matching ids to numbers in the order answered', async () => {
		const group = seedGroupWithMembers('Customers', ['0709990001', '0709990002']);
		const { items, error } = await runInTime(simulator, {
			...base,
			to: '070-123 45 67; +46 70 765 43 21',
			groupIds: [group.id],
		});
		expect(error).toBeUndefined();
		const [request] = requestsTo(simulator, 'message/create.ashx');
		expect(request.bodyText).toContain('<recipient>0701234567</recipient>');
		expect(request.bodyText).toContain('<recipient>+46707654321</recipient>');
		expect(request.bodyText).toContain(`<group groupid="${group.id}"/>`);

		const ids = simulator.state.messages.map((message) => message.id);
		expect(items[0].json.messageIds).toEqual(ids);
		expect(items[0].json.recipients).toEqual([
			{ phone: '0701234567', transId: null, messageId: ids[0] },
			{ phone: '+46707654321', transId: null, messageId: ids[1] },
		]);
		expect(items[0].json.groupMessageIds).toEqual(ids.slice(2));
		expect(items[0].json.groupIds).toEqual([group.id]);
	});

	it('puts elements in the spec’s order and leaves empty optional fields out', async () => {
		await runInTime(simulator, { ...base, to: '0701234567', additionalFields: { statusUrl: '', trackingIds: '' } });
		const { bodyText } = requestsTo(simulator, 'message/create.ashx')[0];
		const elements = [...bodyText.matchAll(/<([a-z]+)[ >/]/g)].map((match) => match[1]);
		expect(elements).toEqual(['message', 'flash', 'multisms', 'sendertitle', 'body', 'recipients', 'recipient']);
		expect(bodyText).not.toMatch(/<(senddate|statusurl|checknix|anonymize|groups)/);
	});

	it('sends the flags the user turned on', async () => {
		const body = 'x'.repeat(700);
		const { error } = await runInTime(simulator, {
			...base,
			body,
			to: '0701234567',
			additionalFields: { multiSms: true, checkBlockList: true, anonymize: true },
		});
		expect(error).toBeUndefined();
		const { bodyText } = requestsTo(simulator, 'message/create.ashx')[0];
		expect(bodyText).toContain('<flash>0</flash>');
		expect(bodyText).toContain('<multisms>1</multisms>');
		expect(bodyText).toContain('<checknix>1</checknix>');
		expect(bodyText).toContain('<anonymize>1</anonymize>');
		expect(simulator.state.messages[0].body).toBe(body);
	});

	it('makes a unique tracking id per number when a status URL is set, and returns it', async () => {
		const { items } = await runInTime(simulator, {
			...base,
			to: '0701234567, 0701234568',
			additionalFields: { statusUrl: 'http://127.0.0.1:9/status' },
		});
		const recipients = items[0].json.recipients as Array<{ transId: string; messageId: number }>;
		const transIds = recipients.map((recipient) => recipient.transId);
		expect(transIds[0]).toMatch(/^[0-9a-f]{16}$/);
		expect(new Set(transIds).size).toBe(2);
		const { bodyText } = requestsTo(simulator, 'message/create.ashx')[0];
		expect(bodyText).toContain('<statusurl>http://127.0.0.1:9/status</statusurl>');
		expect(bodyText).toContain(`<recipient transid="${transIds[0]}">0701234567</recipient>`);
		expect(simulator.state.messages.map((message) => message.transId)).toEqual(transIds);
	});

	it('uses the tracking ids the user gives, escaped, one per number', async () => {
		const { items } = await runInTime(simulator, {
			...base,
			to: '0701234567, 0701234568',
			additionalFields: { statusUrl: 'https://example.com/s?a=1&b=2', trackingIds: 'order-1 & "A", order-2' },
		});
		const { bodyText } = requestsTo(simulator, 'message/create.ashx')[0];
		expect(bodyText).toContain('<statusurl>https://example.com/s?a=1&amp;b=2</statusurl>');
		expect(bodyText).toContain('<recipient transid="order-1 &amp; &quot;A&quot;">0701234567</recipient>');
		expect((items[0].json.recipients as Array<{ transId: string }>).map((r) => r.transId)).toEqual([
			'order-1 & "A"',
			'order-2',
		]);
	});

	it('schedules in the workflow’s time zone and sends Swedish local time', async () => {
		const { items, error } = await runInTime(
			simulator,
			{ ...base, to: '0701234567', additionalFields: { sendAt: '2030-01-15T09:00:00' } },
			{ timezone: 'America/New_York' },
		);
		expect(error).toBeUndefined();
		// 09:00 in New York (UTC-5) is 14:00 UTC, 15:00 in Stockholm (UTC+1).
		expect(requestsTo(simulator, 'message/create.ashx')[0].bodyText).toContain(
			'<senddate>2030-01-15T15:00:00</senddate>',
		);
		expect(items[0].json).toMatchObject({ scheduled: true, sendAt: '2030-01-15T15:00:00+01:00' });
		expect(simulator.state.messages[0].scheduled).toBe(true);
	});

	it('accepts an ISO date with an offset', async () => {
		await runInTime(simulator, {
			...base,
			to: '0701234567',
			additionalFields: { sendAt: '2030-07-01T08:00:00.000+02:00' },
		});
		expect(requestsTo(simulator, 'message/create.ashx')[0].bodyText).toContain(
			'<senddate>2030-07-01T08:00:00</senddate>',
		);
	});

	const invalid: Array<[string, Record<string, unknown>, RegExp]> = [
		['a send date in the past', { to: '0701234567', additionalFields: { sendAt: '2020-01-01T10:00:00' } }, /^"Send At" is in the past: 2020-01-01T10:00:00\+01:00$/],
		['a send date that is not a date', { to: '0701234567', additionalFields: { sendAt: 'tomorrow' } }, /^"Send At" is not a date and time: "tomorrow"$/],
		['no recipient', { to: ' , ' }, /^The message has no recipient$/],
		['a phone number with letters', { to: '0701234567, call me' }, /^"To" has a value that is not a phone number: "call me"$/],
		['a sender with Swedish letters', { to: '0701234567', senderTitle: 'Byggvaruhå' }, /^"Sender" is not allowed: "Byggvaruhå"$/],
		['a sender of 12 characters', { to: '0701234567', senderTitle: 'Byggvaruhuse' }, /^"Sender" is not allowed/],
		['161 characters', { to: '0701234567', body: 'a'.repeat(161) }, /^"Message" is 161 characters long: 1 over the 160 allowed for one SMS$/],
		['805 characters with multi-SMS', { to: '0701234567', body: 'a'.repeat(805), additionalFields: { multiSms: true } }, /^"Message" is 805 characters long: 1 over the 804 allowed for a long message \(multi-SMS\)$/],
		['170 characters as flash', { to: '0701234567', body: 'a'.repeat(170), additionalFields: { flash: true, multiSms: true } }, /10 over the 160 allowed for a flash message$/],
		['fewer tracking ids than numbers', { to: '0701234567, 0701234568', additionalFields: { trackingIds: 'a' } }, /^"Tracking IDs" has 1 value\(s\) but "To" has 2 phone number\(s\)$/],
		['an emoji', { to: '0701234567', body: 'Tack 👍 för ordern' }, /^"Message" contains a character InTime cannot send: "👍" \(U\+1F44D\) at position 6$/],
		['a Polish letter and curly quotes', { to: '0701234567', body: 'Łódź “A”' }, /^"Message" contains a character InTime cannot send: "Ł" \(U\+0141\) at position 1 \(and 3 more unsupported character\(s\)\)$/],
		['a status URL that is not a URL', { to: '0701234567', additionalFields: { statusUrl: 'intime trigger' } }, /^"Status URL" is not a web address: "intime trigger"$/],
	];

	it.each(invalid)('rejects %s before sending anything', async (_case, parameters, message) => {
		const { error, items } = await runInTime(simulator, { ...base, ...parameters });
		// n8n's routing wraps errors thrown before the request into a NodeApiError; message and advice stay.
		expect(error?.message).toMatch(message);
		expect(error?.description).toBeTruthy();
		expect(items).toHaveLength(0);
		expect(simulator.requests).toHaveLength(0);
	});

	it('replaces unsupported characters when asked, and says how many', async () => {
		const { items, error } = await runInTime(simulator, {
			...base,
			to: '0701234567',
			body: '„Łukasz” — it’s ready 👍',
			options: { replaceUnsupportedCharacters: true },
		});
		expect(error).toBeUndefined();
		expect(simulator.state.messages[0].body).toBe('"Lukasz" - it\'s ready ?');
		expect(items[0].json.replacedCharacters).toBe(6);
	});
});

describe('InTime node: Message → Send, several items', () => {
	const simulator = useInTimeSimulator();
	const parameters = {
		resource: 'message',
		operation: 'send',
		to: '={{ $json.phone }}',
		senderTitle: 'Shop',
		body: '=Hej {{ $json.name }}, din order {{ $json.order }} är packad.',
		additionalFields: { statusUrl: 'http://127.0.0.1:9/status', trackingIds: '={{ $json.order }}' },
	};
	const orders = [
		{ phone: '0701000001', name: 'Åsa', order: 'A-1' },
		{ phone: 'not a phone', name: 'Bo', order: 'A-2' },
		{ phone: '0701000003', name: 'Cecilia', order: 'A-3' },
	];

	it('sends one request per item and keeps each output paired with its input', async () => {
		const { items, error } = await runInTime(simulator, parameters, { items: [orders[0], orders[2]] });
		expect(error).toBeUndefined();
		expect(requestsTo(simulator, 'message/create.ashx')).toHaveLength(2);
		expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(items.map((item) => (item.json.recipients as Array<{ transId: string }>)[0].transId)).toEqual(['A-1', 'A-3']);
		expect(simulator.state.messages.map((message) => message.body).sort()).toEqual([
			'Hej Cecilia, din order A-3 är packad.',
			'Hej Åsa, din order A-1 är packad.',
		]);
	});

	it('with continue-on-fail, gives an error item for the bad item and sends the others once', async () => {
		const { items, error } = await runInTime(simulator, parameters, { items: orders, continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[1].json.error).toBeDefined();
		expect(String(items[1].json.error)).toContain('"To" has a value that is not a phone number: "not a phone"');
		expect(items[0].json.messageIds).toHaveLength(1);
		expect(items[2].json.messageIds).toHaveLength(1);
		expect(simulator.state.messages.map((message) => message.recipient).sort()).toEqual(['0701000001', '0701000003']);
	});

	it('without continue-on-fail, stops with an error that names the item', async () => {
		const { error } = await runInTime(simulator, parameters, { items: orders });
		expect(error?.message).toBe('"To" has a value that is not a phone number: "not a phone"');
		expect((error as unknown as { context: { itemIndex: number } }).context.itemIndex).toBe(1);
	});
});
