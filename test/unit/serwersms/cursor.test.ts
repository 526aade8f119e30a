/** The cursor rules on their own: query start, retention, the bound on remembered ids, partial scans. */
import {
	MAX_SEEN_IDS,
	advanceState,
	initialState,
	isPollState,
	queryFrom,
	retentionFrom,
} from '../../../nodes/SerwerSmsTrigger/cursor/pollCursor';
import { plusSeconds } from './fixtures';

const ZONE = 'Europe/Warsaw';
const WINTER_NOW = new Date('2026-11-23T12:00:00Z');

test('asks from the cursor minus the window, never before the start', () => {
	const state = { ...initialState('', '2026-11-23 12:00:00'), cursor: '2026-11-23 13:00:00' };
	expect(queryFrom(state, 10, ZONE, WINTER_NOW)).toBe('2026-11-23 12:50:00');
	expect(queryFrom(state, 0, ZONE, WINTER_NOW)).toBe('2026-11-23 13:00:00');
	expect(queryFrom({ ...state, floor: '2026-11-23 12:55:00' }, 10, ZONE, WINTER_NOW)).toBe('2026-11-23 12:55:00');
});

test('remembers ids until the window (plus the daylight-saving margin) has passed', () => {
	let state = initialState('', '2026-11-23 09:00:00');
	state = advanceState(state, [{ id: 'a', recived: '2026-11-23 09:00:01' }], 10, ZONE);
	expect(state.cursor).toBe('2026-11-23 09:00:01');
	state = advanceState(state, [{ id: 'b', recived: '2026-11-23 12:10:00' }], 10, ZONE);
	expect(retentionFrom(state, 10, ZONE)).toBe('2026-11-23 09:00:00');
	expect(Object.keys(state.seen)).toEqual(['a', 'b']);
	state = advanceState(state, [{ id: 'c', recived: '2026-11-23 12:11:00' }], 10, ZONE);
	expect(Object.keys(state.seen)).toEqual(['b', 'c']);
});

test(`keeps at most ${MAX_SEEN_IDS} ids, dropping the oldest`, () => {
	const emitted = Array.from({ length: MAX_SEEN_IDS + 700 }, (_, index) => ({
		id: String(index + 1),
		recived: plusSeconds('2026-11-23 13:00:00', Math.floor(index / 100)),
	}));
	const state = advanceState(initialState('', '2026-11-23 13:00:00'), emitted, 10, ZONE);
	const kept = Object.keys(state.seen).map(Number);
	expect(kept).toHaveLength(MAX_SEEN_IDS);
	expect(Math.min(...kept)).toBe(701);
	expect(JSON.stringify(state).length).toBeLessThan(200000);
});

test('a partial scan does not move the cursor past the unread part, and never moves it back', () => {
	const state = { ...initialState('', '2026-11-23 13:00:00'), cursor: '2026-11-23 13:05:00' };
	const emitted = [
		{ id: '1', recived: '2026-11-23 13:06:00' },
		{ id: '2', recived: '2026-11-23 13:09:00' },
	];
	expect(advanceState(state, emitted, 10, ZONE, '2026-11-23 13:07:00').cursor).toBe('2026-11-23 13:07:00');
	expect(advanceState(state, emitted, 10, ZONE, '2026-11-23 13:01:00').cursor).toBe('2026-11-23 13:05:00');
	expect(advanceState(state, emitted, 10, ZONE).cursor).toBe('2026-11-23 13:09:00');
});

test('static data that is not a state of this version is not taken for one', () => {
	expect(isPollState(undefined)).toBe(false);
	expect(isPollState({ version: 1, startFrom: '', floor: 'yesterday', cursor: '2026-11-23 13:00:00', seen: {} })).toBe(false);
	expect(isPollState(initialState('', '2026-11-23 13:00:00'))).toBe(true);
});
