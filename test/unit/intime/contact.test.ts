import { seedGroups, xmlDocument } from './fixtures';
import { requestsTo, runInTime, SECRET_KEY, useInTimeSimulator, USERNAME } from './setup';

const create = { resource: 'contact', operation: 'create' };

describe('InTime node: Contact → Create', () => {
	const simulator = useInTimeSimulator();

	it('creates an SMS contact (type 1): mobile only, Swedish letters as ISO-8859-1 bytes, no empty elements', async () => {
		const { items, error } = await runInTime(simulator, {
			...create,
			contactType: 1,
			firstName: 'Åsa',
			lastName: 'Öberg-Ärlig',
			mobile: '+46 70-112 23 34',
			additionalFields: { extraField: '' },
		});
		expect(error).toBeUndefined();

		const [request] = requestsTo(simulator, 'contacts/add.ashx');
		expect(request.method).toBe('POST');
		expect(request.query).toEqual({ user: USERNAME, hash: SECRET_KEY });
		expect(request.headers['content-type']).toBe('text/xml; charset=ISO-8859-1');
		expect(request.bodyText).toBe(
			xmlDocument(
				'<contacts>',
				'  <contact>',
				'    <type>1</type>',
				'    <firstname>Åsa</firstname>',
				'    <lastname>Öberg-Ärlig</lastname>',
				'    <mobile>+46701122334</mobile>',
				'  </contact>',
				'</contacts>',
			),
		);
		// Å, Ö and Ä travel as single ISO-8859-1 bytes, not as UTF-8 pairs.
		expect(request.rawBody.includes(Buffer.from([0xc5, 0x73, 0x61]))).toBe(true); // "Åsa"
		expect(request.rawBody.includes(Buffer.from([0xd6, 0x62, 0x65, 0x72, 0x67]))).toBe(true); // "Öberg"
		expect(request.rawBody.includes(Buffer.from([0xc3, 0x85]))).toBe(false); // UTF-8 "Å"

		const [stored] = simulator.state.contacts;
		expect(stored).toEqual({
			id: stored.id,
			type: 1,
			firstName: 'Åsa',
			lastName: 'Öberg-Ärlig',
			email: undefined,
			mobile: '+46701122334',
			extraField: undefined,
			groupIds: [],
		});
		expect(request.answer).toBe(String(stored.id));
		expect(items).toEqual([
			{
				json: {
					contactId: stored.id,
					type: 1,
					firstName: 'Åsa',
					lastName: 'Öberg-Ärlig',
					mobile: '+46701122334',
					email: null,
					extraField: null,
					groupIds: [],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('creates an e-mail contact (type 2) in groups: no mobile element, groups as <group groupid="N"/>', async () => {
		const [kunder, nyhetsbrev] = seedGroups(simulator, ['Kunder', 'Nyhetsbrev']);
		const { items, error } = await runInTime(simulator, {
			...create,
			contactType: 2,
			firstName: 'Anna',
			lastName: 'Berg',
			email: '  anna.berg@exempel.se ',
			additionalFields: { extraField: 'Ekonomi & Löner <HQ>', groupIds: [kunder.id, nyhetsbrev.id] },
		});
		expect(error).toBeUndefined();

		const [request] = requestsTo(simulator, 'contacts/add.ashx');
		expect(request.bodyText).toBe(
			xmlDocument(
				'<contacts>',
				'  <contact>',
				'    <type>2</type>',
				'    <firstname>Anna</firstname>',
				'    <lastname>Berg</lastname>',
				'    <email>anna.berg@exempel.se</email>',
				'    <extrafield>Ekonomi &amp; Löner &lt;HQ&gt;</extrafield>',
				'    <groups>',
				`      <group groupid="${kunder.id}"/>`,
				`      <group groupid="${nyhetsbrev.id}"/>`,
				'    </groups>',
				'  </contact>',
				'</contacts>',
			),
		);

		const [stored] = simulator.state.contacts;
		expect(stored).toMatchObject({
			type: 2,
			email: 'anna.berg@exempel.se',
			mobile: undefined,
			extraField: 'Ekonomi & Löner <HQ>',
			groupIds: [kunder.id, nyhetsbrev.id],
		});
		expect(items.map((item) => item.json)).toEqual([
			{
				contactId: stored.id,
				type: 2,
				firstName: 'Anna',
				lastName: 'Berg',
				mobile: null,
				email: 'anna.berg@exempel.se',
				extraField: 'Ekonomi & Löner <HQ>',
				groupIds: [kunder.id, nyhetsbrev.id],
			},
		]);
	});

	it('creates an SMS and e-mail contact (type 3) with every field in the order the spec shows', async () => {
		const [ledning] = seedGroups(simulator, ['Ledning']);
		const { items, error } = await runInTime(simulator, {
			...create,
			contactType: 3,
			firstName: 'John',
			lastName: 'Svensson',
			email: 'john.svensson@company.se',
			mobile: '070112233',
			// Group ids typed as text in an expression.
			additionalFields: { extraField: 'Management', groupIds: `={{ "${ledning.id}" }}` },
		});
		expect(error).toBeUndefined();

		const [request] = requestsTo(simulator, 'contacts/add.ashx');
		expect(request.bodyText).toBe(
			xmlDocument(
				'<contacts>',
				'  <contact>',
				'    <type>3</type>',
				'    <firstname>John</firstname>',
				'    <lastname>Svensson</lastname>',
				'    <email>john.svensson@company.se</email>',
				'    <mobile>070112233</mobile>',
				'    <extrafield>Management</extrafield>',
				'    <groups>',
				`      <group groupid="${ledning.id}"/>`,
				'    </groups>',
				'  </contact>',
				'</contacts>',
			),
		);
		const [stored] = simulator.state.contacts;
		expect(stored).toMatchObject({ type: 3, mobile: '070112233', email: 'john.svensson@company.se' });
		expect(items[0].json).toEqual({
			contactId: stored.id,
			type: 3,
			firstName: 'John',
			lastName: 'Svensson',
			mobile: '070112233',
			email: 'john.svensson@company.se',
			extraField: 'Management',
			groupIds: [ledning.id],
		});
	});

	it('creates one contact per input item from expressions, each output item paired with its input', async () => {
		const { items, error } = await runInTime(
			simulator,
			{
				...create,
				contactType: 1,
				firstName: '={{ $json.name }}',
				lastName: '={{ $json.surname }}',
				mobile: '={{ $json.phone }}',
			},
			{ items: [{ name: 'Örjan', surname: 'Ek', phone: '0701111111' }, { name: 'Märta', phone: '0702222222' }] },
		);
		expect(error).toBeUndefined();

		const requests = requestsTo(simulator, 'contacts/add.ashx');
		expect(requests).toHaveLength(2);
		expect(requests[0].bodyText).toContain('<firstname>Örjan</firstname>\n    <lastname>Ek</lastname>');
		expect(requests[1].bodyText).toContain('<mobile>0702222222</mobile>');
		// The second item has no surname: the element is left out, not filled with the text "undefined".
		expect(requests[1].bodyText).not.toContain('<lastname>');
		expect(requests[1].bodyText).not.toContain('undefined');
		expect(simulator.state.contacts[1].lastName).toBe('');
		expect(simulator.state.contacts.map((contact) => contact.firstName)).toEqual(['Örjan', 'Märta']);
		expect(items.map((item) => [item.json.contactId, item.json.firstName, item.pairedItem])).toEqual([
			[simulator.state.contacts[0].id, 'Örjan', { item: 0 }],
			[simulator.state.contacts[1].id, 'Märta', { item: 1 }],
		]);
	});

	// Empty required fields typed in directly are stopped by n8n itself; these come from expressions, as input data would.
	describe('stops before sending anything when the input cannot make a valid contact', () => {
		it.each([
			{
				case: 'an SMS contact without a mobile number',
				parameters: { contactType: 1, firstName: 'Åsa', mobile: '   ' },
				message: '"Mobile" is empty, but the contact is to be reached by SMS',
			},
			{
				case: 'an SMS and e-mail contact without a mobile number',
				parameters: { contactType: 3, firstName: 'Åsa', email: 'asa@exempel.se', mobile: '={{ $json.phone }}' },
				message: '"Mobile" is empty, but the contact is to be reached by SMS',
			},
			{
				case: 'an e-mail contact with an address that is not one',
				parameters: { contactType: 2, firstName: 'Åsa', email: 'asa.exempel.se' },
				message: '"Email" is not an e-mail address: "asa.exempel.se"',
			},
			{
				case: 'an e-mail contact without an address',
				parameters: { contactType: 2, firstName: 'Åsa', email: '={{ $json.email ?? "" }}' },
				message: '"Email" is empty, but the contact is to be reached by e-mail',
			},
			{
				case: 'a mobile number with letters in it',
				parameters: { contactType: 1, firstName: 'Åsa', mobile: '070-ABC 12 34' },
				message: '"Mobile" has a value that is not a phone number: "070-ABC 12 34"',
			},
			{
				case: 'a mobile number that is too short',
				parameters: { contactType: 3, firstName: 'Åsa', email: 'asa@exempel.se', mobile: '12345' },
				message: '"Mobile" has a value that is not a phone number: "12345"',
			},
			{
				case: 'a group id that is not a number',
				parameters: { contactType: 1, firstName: 'Åsa', mobile: '0701234567', additionalFields: { groupIds: 'Kunder' } },
				message: '"Groups" must be a whole number above 0, but is "Kunder"',
			},
		])('$case', async ({ parameters, message }) => {
			const { items, error } = await runInTime(simulator, { ...create, ...parameters });
			expect(error?.message).toBe(message);
			expect(error?.description).toEqual(expect.any(String));
			expect(simulator.requests).toHaveLength(0);
			expect(simulator.state.contacts).toHaveLength(0);
			expect(items).toHaveLength(0);
		});
	});

	it('with "Continue On Fail", a bad item becomes an error item and the good one is still created', async () => {
		const { items, error } = await runInTime(
			simulator,
			{ ...create, contactType: 1, firstName: '={{ $json.name }}', mobile: '={{ $json.phone }}' },
			{ items: [{ name: 'Ingen', phone: 'saknas' }, { name: 'Åke', phone: '0703333333' }], continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(requestsTo(simulator, 'contacts/add.ashx')).toHaveLength(1);
		expect(simulator.state.contacts.map((contact) => contact.firstName)).toEqual(['Åke']);
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toBe('"Mobile" has a value that is not a phone number: "saknas"');
		expect(items[1].json).toMatchObject({ contactId: simulator.state.contacts[0].id, firstName: 'Åke' });
	});

	it('stops at a character ISO-8859-1 cannot carry, naming field, character and position', async () => {
		const { error } = await runInTime(simulator, {
			...create,
			contactType: 1,
			firstName: 'Łukasz 😀',
			mobile: '0701234567',
		});
		expect(error?.message).toBe(
			'"First Name" contains a character InTime cannot send: "Ł" (U+0141) at position 1 (and 1 more unsupported character(s))',
		);
		expect(simulator.requests).toHaveLength(0);
	});

	it('with "Replace Unsupported Characters", sends the nearest plain letters and counts them', async () => {
		const { items, error } = await runInTime(simulator, {
			...create,
			contactType: 1,
			firstName: 'Łukasz 😀',
			lastName: 'Wałęsa-Ström',
			mobile: '0701234567',
			options: { replaceUnsupportedCharacters: true },
		});
		expect(error).toBeUndefined();
		const [request] = requestsTo(simulator, 'contacts/add.ashx');
		expect(request.bodyText).toContain('<firstname>Lukasz ?</firstname>\n    <lastname>Walesa-Ström</lastname>');
		expect(simulator.state.contacts[0]).toMatchObject({ firstName: 'Lukasz ?', lastName: 'Walesa-Ström' });
		expect(items[0].json).toMatchObject({ firstName: 'Lukasz ?', lastName: 'Walesa-Ström', replacedCharacters: 4 });
	});

	it('reports the simulator rejecting a group the account does not have, and stores nothing', async () => {
		const { error } = await runInTime(simulator, {
			...create,
			contactType: 1,
			firstName: 'Åsa',
			mobile: '0701234567',
			additionalFields: { groupIds: [4242] },
		});
		const [request] = requestsTo(simulator, 'contacts/add.ashx');
		expect(request.bodyText).toContain('<group groupid="4242"/>');
		expect(request.answer).toBe('2:ERROR1');
		expect(error?.message).toBe('InTime could not create the contact (2:ERROR1)');
		expect(simulator.state.contacts).toHaveLength(0);
	});
});
