import { seedBlockList, xmlDocument } from './fixtures';
import { requestsTo, runInTime, SECRET_KEY, useInTimeSimulator, USERNAME } from './setup';

describe('InTime node: Block List', () => {
	const simulator = useInTimeSimulator();

	describe('Get Many', () => {
		const getMany = { resource: 'blockList', operation: 'getAll' };

		it('turns the entries into items {mobile, firstName, lastName}, keeping leading zeros and Swedish letters', async () => {
			seedBlockList(simulator, [
				{ mobile: '0701122334', firstName: 'Kalle', lastName: 'Eriksson' },
				{ mobile: '+46709998877', firstName: 'Åke', lastName: 'Öst & Son' },
				{ mobile: '0704455667' },
			]);
			const { items, error } = await runInTime(simulator, { ...getMany, returnAll: true });
			expect(error).toBeUndefined();

			const [request] = requestsTo(simulator, 'nix/list.ashx');
			expect(request.method).toBe('GET');
			expect(request.query).toEqual({ user: USERNAME, hash: SECRET_KEY });
			expect(request.answer).toContain('<lastname>Öst &amp; Son</lastname>');
			expect(items).toEqual([
				{ json: { mobile: '0701122334', firstName: 'Kalle', lastName: 'Eriksson' }, pairedItem: { item: 0 } },
				{ json: { mobile: '+46709998877', firstName: 'Åke', lastName: 'Öst & Son' }, pairedItem: { item: 0 } },
				{ json: { mobile: '0704455667', firstName: null, lastName: null }, pairedItem: { item: 0 } },
			]);
		});

		it('keeps the first Limit entries unless Return All is on', async () => {
			seedBlockList(simulator, [{ mobile: '0701111111' }, { mobile: '0702222222' }, { mobile: '0703333333' }]);
			const limited = await runInTime(simulator, { ...getMany, limit: 1 });
			expect(limited.items.map((item) => item.json.mobile)).toEqual(['0701111111']);
			const all = await runInTime(simulator, { ...getMany, returnAll: true, limit: 1 });
			expect(all.items).toHaveLength(3);
		});

		it('gives zero items and no error for an empty block list (InTime answers 2:ERROR1)', async () => {
			const { items, error } = await runInTime(simulator, getMany);
			expect(requestsTo(simulator, 'nix/list.ashx')[0].answer).toBe('2:ERROR1');
			expect(error).toBeUndefined();
			expect(items).toEqual([]);
		});
	});

	describe('Add', () => {
		const add = { resource: 'blockList', operation: 'add' };

		it('adds numbers typed as comma-separated text, one item per number with its entry id', async () => {
			const { items, error } = await runInTime(simulator, {
				...add,
				phoneNumbers: '070-112 23 34, +46 (70) 445 56 67;0709876543',
			});
			expect(error).toBeUndefined();

			const [request] = requestsTo(simulator, 'nix/addnix.ashx');
			expect(request.method).toBe('POST');
			expect(request.query).toEqual({ user: USERNAME, hash: SECRET_KEY });
			expect(request.bodyText).toBe(
				xmlDocument(
					'<addnixentries>',
					'  <nixentries>',
					'    <nixentry mobile="0701122334"/>',
					'    <nixentry mobile="+46704455667"/>',
					'    <nixentry mobile="0709876543"/>',
					'  </nixentries>',
					'</addnixentries>',
				),
			);
			const stored = simulator.state.blockList;
			expect(stored.map((entry) => entry.mobile)).toEqual(['0701122334', '+46704455667', '0709876543']);
			expect(request.answer).toBe(stored.map((entry) => entry.id).join(','));
			expect(items).toEqual(
				stored.map((entry) => ({
					json: { mobile: entry.mobile, entryId: entry.id, blocked: true },
					pairedItem: { item: 0 },
				})),
			);
		});

		it('adds numbers given as an array by an expression, per input item', async () => {
			const [existing] = seedBlockList(simulator, [{ mobile: '0702222222', firstName: 'Redan' }]);
			const { items, error } = await runInTime(
				simulator,
				{ ...add, phoneNumbers: '={{ $json.numbers }}' },
				{ items: [{ numbers: ['0701111111', '070-222 22 22'] }, { numbers: ['0703333333'] }] },
			);
			expect(error).toBeUndefined();

			const requests = requestsTo(simulator, 'nix/addnix.ashx');
			expect(requests.map((request) => request.bodyText)).toEqual([
				xmlDocument(
					'<addnixentries>',
					'  <nixentries>',
					'    <nixentry mobile="0701111111"/>',
					'    <nixentry mobile="0702222222"/>',
					'  </nixentries>',
					'</addnixentries>',
				),
				xmlDocument(
					'<addnixentries>',
					'  <nixentries>',
					'    <nixentry mobile="0703333333"/>',
					'  </nixentries>',
					'</addnixentries>',
				),
			]);
			const [, first, third] = simulator.state.blockList;
			expect(simulator.state.blockList.map((entry) => entry.mobile)).toEqual([
				'0702222222',
				'0701111111',
				'0703333333',
			]);
			// A number already blocked keeps the entry id it has.
			expect(items.map((item) => [item.json.mobile, item.json.entryId, item.pairedItem])).toEqual([
				['0701111111', first.id, { item: 0 }],
				['0702222222', existing.id, { item: 0 }],
				['0703333333', third.id, { item: 1 }],
			]);
		});

		it.each([
			{ phoneNumbers: '0701111111, ring mig', message: '"Phone Numbers" has a value that is not a phone number: "ring mig"' },
			{ phoneNumbers: '={{ [] }}', message: '"Phone Numbers" is empty' },
			{ phoneNumbers: ' , ;', message: '"Phone Numbers" is empty' },
		])('stops before sending for "$phoneNumbers"', async ({ phoneNumbers, message }) => {
			const { error } = await runInTime(simulator, { ...add, phoneNumbers });
			expect(error?.message).toBe(message);
			expect(simulator.requests).toHaveLength(0);
			expect(simulator.state.blockList).toHaveLength(0);
		});
	});

	describe('Remove', () => {
		const remove = { resource: 'blockList', operation: 'remove' };

		it('removes numbers typed as text, one item per number with the removed entry id', async () => {
			const [first, second, kept] = seedBlockList(simulator, [
				{ mobile: '0701111111' },
				{ mobile: '070-222 22 22' },
				{ mobile: '0703333333' },
			]);
			const { items, error } = await runInTime(simulator, { ...remove, phoneNumbers: '0701111111,0702222222' });
			expect(error).toBeUndefined();

			const [request] = requestsTo(simulator, 'nix/deletenix.ashx');
			expect(request.bodyText).toBe(
				xmlDocument(
					'<deletenixentries>',
					'  <nixentries>',
					'    <nixentry mobile="0701111111"/>',
					'    <nixentry mobile="0702222222"/>',
					'  </nixentries>',
					'</deletenixentries>',
				),
			);
			expect(simulator.state.blockList).toEqual([kept]);
			expect(items.map((item) => item.json)).toEqual([
				{ mobile: '0701111111', entryId: first.id, blocked: false },
				{ mobile: '0702222222', entryId: second.id, blocked: false },
			]);
		});

		it('removes numbers given as an array by an expression', async () => {
			const [first, second] = seedBlockList(simulator, [{ mobile: '0701111111' }, { mobile: '0702222222' }]);
			const { items, error } = await runInTime(
				simulator,
				{ ...remove, phoneNumbers: '={{ $json.numbers }}' },
				{ items: [{ numbers: ['070 111 11 11', '0702222222'] }] },
			);
			expect(error).toBeUndefined();
			expect(requestsTo(simulator, 'nix/deletenix.ashx')[0].bodyText).toContain(
				'<nixentry mobile="0701111111"/>\n    <nixentry mobile="0702222222"/>',
			);
			expect(simulator.state.blockList).toEqual([]);
			expect(items.map((item) => item.json.entryId)).toEqual([first.id, second.id]);
		});

		it('does not pin an entry id on the wrong number when only some numbers were on the list', async () => {
			const [listed] = seedBlockList(simulator, [{ mobile: '0702222222' }]);
			const { items, error } = await runInTime(simulator, { ...remove, phoneNumbers: '0709999999, 0702222222' });
			expect(error).toBeUndefined();
			// InTime answers only the ids it removed, so the answer cannot say which number each id belongs to.
			expect(requestsTo(simulator, 'nix/deletenix.ashx')[0].answer).toBe(String(listed.id));
			expect(simulator.state.blockList).toEqual([]);
			expect(items.map((item) => item.json)).toEqual([
				{ mobile: '0709999999', entryId: null, blocked: false },
				{ mobile: '0702222222', entryId: null, blocked: false },
			]);
		});

		it('reports numbers none of which are on the block list (2:ERROR1) as an error', async () => {
			seedBlockList(simulator, [{ mobile: '0701111111' }]);
			const { error } = await runInTime(simulator, { ...remove, phoneNumbers: '0709999999' });
			expect(requestsTo(simulator, 'nix/deletenix.ashx')[0].answer).toBe('2:ERROR1');
			expect(error?.message).toBe('InTime could not remove the numbers from the block list (2:ERROR1)');
			expect(simulator.state.blockList).toHaveLength(1);
		});
	});
});
