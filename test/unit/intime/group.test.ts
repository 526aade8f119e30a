import { seedContact, seedGroups, xmlDocument } from './fixtures';
import { requestsTo, runInTime, SECRET_KEY, useInTimeSimulator, USERNAME } from './setup';

describe('InTime node: Group', () => {
	const simulator = useInTimeSimulator();

	describe('Get Many', () => {
		const getMany = { resource: 'group', operation: 'getAll' };

		it('turns the listed groups into items {id: number, name}, names decoded from ISO-8859-1 and XML', async () => {
			const seeded = seedGroups(simulator, ['Kunder Göteborg', 'Leverantörer & partners', 'VIP "guld" <2030>']);
			const { items, error } = await runInTime(simulator, { ...getMany, returnAll: true });
			expect(error).toBeUndefined();

			const [request] = requestsTo(simulator, 'contacts/listgroups.ashx');
			expect(request.method).toBe('GET');
			expect(request.query).toEqual({ user: USERNAME, hash: SECRET_KEY });
			expect(request.rawBody.length).toBe(0);
			// The simulator escaped the names and sent Latin-1 bytes; the node gives them back as typed.
			expect(request.answer).toContain('>Leverantörer &amp; partners</group>');
			expect(items).toEqual(
				seeded.map((group) => ({ json: { id: group.id, name: group.name }, pairedItem: { item: 0 } })),
			);
			expect(typeof items[0].json.id).toBe('number');
		});

		it('keeps the first Limit groups unless Return All is on', async () => {
			const seeded = seedGroups(simulator, ['Ett', 'Två', 'Tre', 'Fyra']);

			const limited = await runInTime(simulator, { ...getMany, returnAll: false, limit: 2 });
			expect(limited.error).toBeUndefined();
			expect(limited.items.map((item) => item.json.name)).toEqual(['Ett', 'Två']);

			const all = await runInTime(simulator, { ...getMany, returnAll: true, limit: 1 });
			expect(all.items.map((item) => item.json.id)).toEqual(seeded.map((group) => group.id));
			expect(requestsTo(simulator, 'contacts/listgroups.ashx')).toHaveLength(2);
		});

		it('gives zero items and no error for an account without groups (InTime answers 2:ERROR1)', async () => {
			const { items, error } = await runInTime(simulator, getMany);
			expect(requestsTo(simulator, 'contacts/listgroups.ashx')[0].answer).toBe('2:ERROR1');
			expect(error).toBeUndefined();
			expect(items).toEqual([]);
		});
	});

	describe('Create', () => {
		const create = { resource: 'group', operation: 'create' };

		it('creates one group per name and outputs each with its new id; & < > " \' arrive exactly', async () => {
			const names = ['Kunder & Vänner', '<VIP> "Guld"', "Kalle's kör", 'Åre > Östersund'];
			const { items, error } = await runInTime(simulator, { ...create, names });
			expect(error).toBeUndefined();

			const requests = requestsTo(simulator, 'contacts/addgroup.ashx');
			expect(requests).toHaveLength(1);
			expect(requests[0].bodyText).toBe(
				xmlDocument(
					'<addgroups>',
					'  <groups>',
					'    <group groupname="Kunder &amp; Vänner"/>',
					'    <group groupname="&lt;VIP&gt; &quot;Guld&quot;"/>',
					'    <group groupname="Kalle&apos;s kör"/>',
					'    <group groupname="Åre &gt; Östersund"/>',
					'  </groups>',
					'</addgroups>',
				),
			);
			expect(requests[0].rawBody.includes(Buffer.from([0xe4]))).toBe(true); // "ä" of Vänner as one byte
			expect(requests[0].rawBody.includes(Buffer.from([0xc3, 0xa4]))).toBe(false); // not UTF-8

			expect(simulator.state.groups.map((group) => group.name)).toEqual(names);
			expect(requests[0].answer).toBe(simulator.state.groups.map((group) => group.id).join(','));
			expect(items).toEqual(
				simulator.state.groups.map((group) => ({
					json: { id: group.id, name: group.name },
					pairedItem: { item: 0 },
				})),
			);
		});

		it('with "Replace Unsupported Characters", replaces what Latin-1 lacks (ó stays) and counts it', async () => {
			const { items, error } = await runInTime(simulator, {
				...create,
				names: ['Łódź “VIP”', 'Malmö'],
				options: { replaceUnsupportedCharacters: true },
			});
			expect(error).toBeUndefined();
			expect(requestsTo(simulator, 'contacts/addgroup.ashx')[0].bodyText).toContain(
				'<group groupname="Lódz &quot;VIP&quot;"/>\n    <group groupname="Malmö"/>',
			);
			expect(simulator.state.groups.map((group) => group.name)).toEqual(['Lódz "VIP"', 'Malmö']);
			expect(items.map((item) => item.json)).toEqual([
				{ id: simulator.state.groups[0].id, name: 'Lódz "VIP"', replacedCharacters: 4 },
				{ id: simulator.state.groups[1].id, name: 'Malmö', replacedCharacters: 4 },
			]);
		});

		it('trims the names and skips empty ones (an expression that found nothing)', async () => {
			const { items, error } = await runInTime(simulator, {
				...create,
				names: ['  Styrelse ', '={{ $json.missing }}', 'Personal'],
			});
			expect(error).toBeUndefined();
			expect(requestsTo(simulator, 'contacts/addgroup.ashx')[0].bodyText).toContain(
				'<groups>\n    <group groupname="Styrelse"/>\n    <group groupname="Personal"/>\n  </groups>',
			);
			expect(items.map((item) => item.json.name)).toEqual(['Styrelse', 'Personal']);
		});

		// An attribute value "true" must keep its value (see Delete with deletecontacts="true" below).
		it('creates a group named "true" with the name as an attribute value', async () => {
			const { items, error } = await runInTime(simulator, { ...create, names: ['true'] });
			expect(requestsTo(simulator, 'contacts/addgroup.ashx')[0].bodyText).toContain('<group groupname="true"/>');
			expect(error).toBeUndefined();
			expect(items.map((item) => item.json.name)).toEqual(['true']);
		});

		it('stops before sending when no name is given', async () => {
			const { error } = await runInTime(simulator, { ...create, names: ['   '] });
			expect(error?.message).toBe('"Group Names" is empty');
			expect(simulator.requests).toHaveLength(0);
		});
	});

	describe('Delete', () => {
		const remove = { resource: 'group', operation: 'delete' };

		it('deletes a group picked from the list, keeping its contacts (deletecontacts="false")', async () => {
			const [keep, drop] = seedGroups(simulator, ['Behåll', 'Ta bort']);
			const member = seedContact(simulator, { firstName: 'Medlem', groupIds: [keep.id, drop.id] });

			const { items, error } = await runInTime(simulator, {
				...remove,
				groupId: { __rl: true, mode: 'list', value: String(drop.id), cachedResultName: drop.name },
				deleteContacts: false,
			});
			expect(error).toBeUndefined();

			const [request] = requestsTo(simulator, 'contacts/deletigroup.ashx');
			expect(request.bodyText).toBe(
				xmlDocument(
					'<deletigroups>',
					'  <groups>',
					`    <group groupid="${drop.id}" deletecontacts="false"/>`,
					'  </groups>',
					'</deletigroups>',
				),
			);
			expect(simulator.state.groups).toEqual([keep]);
			expect(simulator.state.contacts).toEqual([{ ...member, groupIds: [keep.id] }]);
			expect(items).toEqual([
				{ json: { groupId: drop.id, deleted: true, contactsDeleted: false }, pairedItem: { item: 0 } },
			]);
		});

		// fast-xml-parser's builder writes an attribute whose value is "true" bare (`deletecontacts`) unless told not to.
		it('deletes a group given by id together with its contacts (deletecontacts="true")', async () => {
			const [other] = seedGroups(simulator, ['Andra']);
			simulator.state.groups.push({ id: 12, name: 'Tolv' });
			const inGroup = seedContact(simulator, { firstName: 'I gruppen', groupIds: [12] });
			const outside = seedContact(simulator, { firstName: 'Utanför', groupIds: [other.id] });

			const { items, error } = await runInTime(simulator, {
				...remove,
				groupId: { __rl: true, mode: 'id', value: '12' },
				deleteContacts: true,
			});
			expect(error).toBeUndefined();

			const [request] = requestsTo(simulator, 'contacts/deletigroup.ashx');
			expect(request.bodyText).toContain('<group groupid="12" deletecontacts="true"/>');
			expect(simulator.state.groups).toEqual([other]);
			expect(simulator.state.contacts).toEqual([outside]);
			expect(simulator.state.contacts).not.toContainEqual(inGroup);
			expect(items.map((item) => item.json)).toEqual([{ groupId: 12, deleted: true, contactsDeleted: true }]);
		});

		it('reports a group InTime does not have (2:ERROR1) as an error', async () => {
			const { items, error } = await runInTime(simulator, {
				...remove,
				groupId: { __rl: true, mode: 'id', value: '4242' },
			});
			expect(requestsTo(simulator, 'contacts/deletigroup.ashx')[0].bodyText).toContain(
				'<group groupid="4242" deletecontacts="false"/>',
			);
			expect(error?.message).toBe('InTime could not remove the group (2:ERROR1)');
			expect(items).toEqual([]);
		});

		it('stops before sending when the id is not a number', async () => {
			const { error } = await runInTime(simulator, {
				...remove,
				groupId: { __rl: true, mode: 'id', value: '={{ "Kunder" }}' },
			});
			expect(error?.message).toBe('"Group" must be a whole number above 0, but is "Kunder"');
			expect(simulator.requests).toHaveLength(0);
		});
	});
});
