/**
 * The polling trigger through n8n-core's poll machinery against the simulator: every incoming message starts the
 * workflow once, across bursts, shared seconds, late arrivals, restarts, failed polls, paging and daylight saving.
 */
import { NodeApiError } from 'n8n-workflow';

import type { PollHarness, PollOutcome } from '../../helpers/poll-harness';
import type { NewMessage } from '../../simulators/serwersms/inbox';
import type { SerwerSmsSimulator } from '../../simulators/serwersms/server';
import { freezeClock, plusSeconds, setClock, startSimulator, triggerHarness } from './fixtures';

let simulator: SerwerSmsSimulator;

beforeEach(async () => {
	simulator = await startSimulator();
});

afterEach(async () => {
	await simulator.stop();
	jest.useRealTimers();
});

/** Small deterministic generator so a failure can be replayed. */
function randomGenerator(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1103515245 + 12345) % 2147483648;
		return state / 2147483648;
	};
}

function emittedIds(outcome: PollOutcome): number[] {
	return outcome.items.map((item) => item.json.id as number);
}

const TYPES = ['eco', 'nd', 'ndi', 'pre', 'mms'] as const;

describe('exactly once', () => {
	test('1,000 messages in bursts, sharing seconds, some late, with restarts and failed polls: each emitted once', async () => {
		freezeClock('2026-11-23T12:00:00Z'); // 13:00:00 in Warsaw
		const harness: PollHarness = triggerHarness(simulator);
		const activation = await harness.poll();
		expect(activation).toEqual({ items: [], emitted: false });

		const random = randomGenerator(20261123);
		const added: number[] = [];
		const emitted: number[] = [];
		let newest = '2026-11-23 13:10:00'; // late ones reach back 9 minutes at most: all after the start (13:00)
		let failedPolls = 0;
		let restarts = 0;
		let lateCount = 0;

		const poll = async () => {
			const outcome = await harness.poll();
			expect(outcome.error).toBeUndefined();
			emitted.push(...emittedIds(outcome));
			return outcome;
		};

		for (let round = 0; round < 40 && added.length < 1000; round++) {
			// A burst: up to 60 messages (one round of 180 to span pages) over a few seconds, many sharing one.
			const burst = Math.min(1000 - added.length, round === 7 ? 180 : 10 + Math.floor(random() * 50));
			// Bursts 1 to 30 minutes apart: hours pass, so remembered ids get pruned.
			const burstStart = plusSeconds(newest, 1 + Math.floor(random() * 1800));
			const messages: NewMessage[] = [];
			for (let index = 0; index < burst; index++) {
				const late = random() < 0.1;
				// Late: shows up now with a time up to 9 minutes before the newest already sent (inside the window).
				const recived = late
					? plusSeconds(newest, -Math.floor(random() * 540))
					: plusSeconds(burstStart, Math.floor(random() * 3));
				if (late) lateCount++;
				messages.push({
					recived,
					type: TYPES[Math.floor(random() * TYPES.length)],
					phone: `+4850060070${Math.floor(random() * 10)}`,
				});
			}
			for (const message of simulator.addMessages(messages)) {
				added.push(message.id);
				if (message.recived > newest) newest = message.recived;
			}
			setClock(`${plusSeconds(newest, 5).replace(' ', 'T')}+01:00`);

			if (round % 4 === 3) {
				// A failed poll: HTTP 500, dropped connection, or an API error in the body. Nothing moves.
				const failures = [
					{ kind: 'http', status: 503 },
					{ kind: 'disconnect' },
					{ kind: 'apiError', code: 1006 },
				] as const;
				simulator.failNext(failures[failedPolls % failures.length]);
				const before = { persisted: harness.persisted, live: harness.liveStaticData };
				const failed = await harness.poll();
				expect(failed.emitted).toBe(false);
				expect(failed.error).toBeInstanceOf(NodeApiError);
				expect(harness.persisted).toEqual(before.persisted);
				expect(harness.liveStaticData).toEqual(before.live);
				failedPolls++;
			}
			if (round % 5 === 1) {
				harness.restart();
				restarts++;
			}
			await poll();
			if (round % 4 === 1) await poll(); // a poll with nothing new
		}
		await poll();
		const last = await poll();
		expect(last.emitted).toBe(false);

		expect(added).toHaveLength(1000);
		expect(lateCount).toBeGreaterThan(50);
		expect(failedPolls).toBeGreaterThanOrEqual(5);
		expect(restarts).toBeGreaterThanOrEqual(5);
		// Each message exactly once: same ids, no repeats.
		expect(emitted).toHaveLength(new Set(emitted).size);
		expect([...emitted].sort((a, b) => a - b)).toEqual([...added].sort((a, b) => a - b));
		// Several pages were read in one poll at least once (the 180-message burst).
		expect(simulator.requests.some((request) => request.body.page === 2)).toBe(true);
		// The memory stayed bounded: only ids within the window are kept.
		const state = (harness.persisted['node:Trigger Under Test'] as { incomingMessages: { seen: object } })
			.incomingMessages;
		expect(Object.keys(state.seen).length).toBeGreaterThan(0);
		expect(Object.keys(state.seen).length).toBeLessThan(500);
	});

	test('without a failed poll or restart, a poll that emits nothing leaves the state persisted (cursor committed)', async () => {
		freezeClock('2026-11-23T12:00:00Z');
		const harness = triggerHarness(simulator);
		await harness.poll();
		expect(harness.persisted).toEqual({
			'node:Trigger Under Test': {
				incomingMessages: {
					version: 1,
					startFrom: '',
					floor: '2026-11-23 13:00:00',
					cursor: '2026-11-23 13:00:00',
					seen: {},
				},
			},
		});
	});

	test('a partial scan (poll time budget used up) emits what it read and the rest on later polls, each once', async () => {
		freezeClock('2026-11-23T12:00:00Z');
		// A tiny budget: every poll stops after the first page that brought something new.
		const harness = triggerHarness(simulator, {}, { pollBudgetMs: 0.001 });
		await harness.poll();
		const added = simulator
			.addMessages(
				Array.from({ length: 350 }, (_, index) => ({
					recived: plusSeconds('2026-11-23 13:00:10', Math.floor(index / 120)),
				})),
			)
			.map((message) => message.id);
		const emitted: number[] = [];
		let polls = 0;
		for (; polls < 20; polls++) {
			const outcome = await harness.poll();
			expect(outcome.error).toBeUndefined();
			if (!outcome.emitted) break;
			expect(outcome.items.length).toBeLessThanOrEqual(100);
			emitted.push(...emittedIds(outcome));
		}
		expect(polls).toBeGreaterThanOrEqual(4);
		expect(emitted).toHaveLength(new Set(emitted).size);
		expect(emitted.sort((a, b) => a - b)).toEqual(added);
	});

	test('several message types (one query each) with pages and late arrivals: each emitted once', async () => {
		freezeClock('2026-11-23T12:00:00Z');
		const harness = triggerHarness(simulator, { messageTypes: ['eco', 'mms'] });
		await harness.poll();
		const wanted: number[] = [];
		const emitted: number[] = [];
		let time = '2026-11-23 13:05:01'; // late ones (2 minutes older) stay after the start
		for (let round = 0; round < 6; round++) {
			const messages = simulator.addMessages(
				Array.from({ length: 90 }, (_, index) => ({
					recived: index % 10 === 0 ? plusSeconds(time, -120) : time,
					type: TYPES[index % TYPES.length],
				})),
			);
			wanted.push(...messages.filter((message) => ['eco', 'mms'].includes(message.type)).map(({ id }) => id));
			time = plusSeconds(time, 30);
			if (round === 3) harness.restart();
			emitted.push(...emittedIds(await harness.poll()));
		}
		expect(emitted).toHaveLength(new Set(emitted).size);
		expect(emitted.sort((a, b) => a - b)).toEqual(wanted.sort((a, b) => a - b));
		const types = new Set(simulator.requests.map((request) => request.body.type));
		expect(types).toEqual(new Set(['eco', 'mms']));
	});

	test('a message that appears later than the window after its stated time is missed, as the option says', async () => {
		freezeClock('2026-11-23T12:00:00Z');
		const harness = triggerHarness(simulator, { options: { overlapMinutes: 10 } });
		await harness.poll();
		simulator.addMessages([{ recived: '2026-11-23 13:30:00' }]);
		expect((await harness.poll()).items).toHaveLength(1);
		simulator.addMessages([{ recived: '2026-11-23 13:21:00' }, { recived: '2026-11-23 13:19:59' }]);
		const outcome = await harness.poll();
		expect(outcome.items.map((item) => item.json.receivedLocal)).toEqual(['2026-11-23 13:21:00']);
	});
});

describe('daylight saving time (Europe/Warsaw)', () => {
	test('clocks go back: the repeated hour is not taken for the past, nothing is emitted twice', async () => {
		freezeClock('2026-10-24T22:00:00Z'); // 00:00 CEST on 25 October
		const harness = triggerHarness(simulator);
		await harness.poll();

		simulator.addMessages([
			{ id: 1, recived: '2026-10-25 02:10:00' },
			{ id: 2, recived: '2026-10-25 02:50:00' },
		]);
		setClock('2026-10-25T00:55:00Z'); // 02:55 CEST, first pass through 02:xx
		const summer = await harness.poll();
		expect(summer.items.map((item) => [item.json.id, item.json.receivedAt])).toEqual([
			[1, '2026-10-25T02:10:00+02:00'],
			[2, '2026-10-25T02:50:00+02:00'],
		]);

		// 02:20 CET, the second pass: new messages are written 02:05 and 02:15, "before" the cursor (02:50).
		setClock('2026-10-25T01:20:00Z');
		simulator.addMessages([
			{ id: 3, recived: '2026-10-25 02:05:00' },
			{ id: 4, recived: '2026-10-25 02:15:00' },
		]);
		const repeated = await harness.poll();
		expect(repeated.items.map((item) => item.json.id)).toEqual([3, 4]);
		// The API's times carry no offset, so a time of the repeated hour is read as its first occurrence.
		expect(repeated.items[0].json.receivedAt).toBe('2026-10-25T02:05:00+02:00');
		const lastRequest = simulator.requests[simulator.requests.length - 1];
		expect(lastRequest.body.date_from).toBe('2026-10-25 01:40:00');

		setClock('2026-10-25T02:10:00Z'); // 03:10 CET
		simulator.addMessages([{ id: 5, recived: '2026-10-25 03:05:00' }]);
		const winter = await harness.poll();
		expect(winter.items.map((item) => [item.json.id, item.json.receivedAt])).toEqual([
			[5, '2026-10-25T03:05:00+01:00'],
		]);
		harness.restart();
		expect((await harness.poll()).emitted).toBe(false);
	});

	test('clocks go forward: the overlap is real time, so a late message from before the gap is still caught', async () => {
		freezeClock('2026-03-28T23:00:00Z'); // 00:00 CET on 29 March
		const harness = triggerHarness(simulator);
		await harness.poll();

		simulator.addMessages([{ id: 1, recived: '2026-03-29 01:59:50' }]);
		setClock('2026-03-29T00:59:55Z');
		expect((await harness.poll()).items.map((item) => item.json.receivedAt)).toEqual([
			'2026-03-29T01:59:50+01:00',
		]);

		setClock('2026-03-29T01:06:00Z'); // 03:06 CEST
		simulator.addMessages([{ id: 2, recived: '2026-03-29 03:05:00' }]);
		expect((await harness.poll()).items.map((item) => item.json.receivedAt)).toEqual([
			'2026-03-29T03:05:00+02:00',
		]);

		// 69 minutes earlier on the wall clock, but only 9 minutes earlier in real time: inside the window.
		simulator.addMessages([{ id: 3, recived: '2026-03-29 01:56:00' }]);
		const late = await harness.poll();
		expect(late.items.map((item) => [item.json.id, item.json.receivedAt])).toEqual([
			[3, '2026-03-29T01:56:00+01:00'],
		]);
		expect((await harness.poll()).emitted).toBe(false);
	});
});
