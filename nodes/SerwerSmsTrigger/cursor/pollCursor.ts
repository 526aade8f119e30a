/**
 * The polling trigger's memory, kept in the node's static data, and the rules that make it emit every incoming
 * message exactly once.
 *
 * SerwerSMS filters `messages/recived` by `date_from` on its `recived` field, a Polish wall-clock time without an
 * offset, with one-second resolution. Many messages can share a second, and a message can show up in the API after
 * messages with a later `recived` (its time is when the phone sent it). So:
 *
 * - `cursor` is the newest `recived` (wall-clock text, the API's own ordering) among the messages emitted so far.
 *   It only moves past what was emitted: after a partial scan it stops where the unread part begins.
 * - Each poll asks from `cursor` minus the overlap (and never before `floor`, the start point), so messages that
 *   share the cursor's second or arrive late with a slightly older time are seen again.
 * - `seen` keeps the ids (with their `recived`) emitted inside that overlap window; a message is emitted only if its
 *   id is not there. Ids older than the window (minus a safety margin for daylight saving) are pruned, and at most
 *   `MAX_SEEN_IDS` are kept.
 * - When clocks go back, wall-clock times repeat for an hour; the query then reaches back by the offset change so the
 *   repeated hour is not taken for the past.
 * - The caller saves a new state only after a scan succeeded; a failed request throws and nothing moves.
 *
 * A message whose `recived` is older than the overlap window when it first appears cannot be caught: the overlap
 * option says so.
 */

import {
	dateToWallClock,
	formatWallClock,
	offsetMinutesAt,
	parseWallClock,
	wallClockToDate,
	type WallClock,
} from '../../shared/zonedTime';

export const STATE_VERSION = 1;

/** Bound on the ids remembered; far above what a realistic overlap window holds. */
export const MAX_SEEN_IDS = 5000;

/** Kept on top of the overlap before an id is forgotten: covers a repeated hour when clocks go back, and more. */
export const RETENTION_MARGIN_MINUTES = 180;

export interface PollState {
	version: number;
	/** The "Start From" option this state was started with (empty: the moment of the first activation). */
	startFrom: string;
	/** Never ask for messages before this wall-clock time. */
	floor: string;
	/** Newest `recived` emitted (or `floor` before the first message). */
	cursor: string;
	/** id -> `recived` of the messages emitted within the window. */
	seen: Record<string, string>;
}

export interface SeenMessage {
	id: string;
	recived: string;
}

/** A wall-clock time as the API writes it: `yyyy-MM-dd HH:mm:ss`; undefined when the text is no such time. */
export function normalizeWallClock(text: unknown): string | undefined {
	if (typeof text !== 'string') return undefined;
	const wallClock = parseWallClock(text);
	return wallClock ? formatWallClock(wallClock) : undefined;
}

function shiftWallClock(text: string, minutes: number): string {
	const wallClock = parseWallClock(text) as WallClock;
	const shifted = new Date(
		Date.UTC(
			wallClock.year,
			wallClock.month - 1,
			wallClock.day,
			wallClock.hour,
			wallClock.minute + minutes,
			wallClock.second,
		),
	);
	return formatWallClock({
		year: shifted.getUTCFullYear(),
		month: shifted.getUTCMonth() + 1,
		day: shifted.getUTCDate(),
		hour: shifted.getUTCHours(),
		minute: shifted.getUTCMinutes(),
		second: shifted.getUTCSeconds(),
	});
}

export function wallClockNow(now: Date, timeZone: string): string {
	return formatWallClock(dateToWallClock(now, timeZone));
}

export function isPollState(value: unknown): value is PollState {
	if (typeof value !== 'object' || value === null) return false;
	const state = value as Partial<PollState>;
	return (
		state.version === STATE_VERSION &&
		typeof state.startFrom === 'string' &&
		normalizeWallClock(state.floor) !== undefined &&
		normalizeWallClock(state.cursor) !== undefined &&
		typeof state.seen === 'object' &&
		state.seen !== null
	);
}

/** A fresh state starting at `floor` (the configured start, or now). */
export function initialState(startFrom: string, floor: string): PollState {
	return { version: STATE_VERSION, startFrom, floor, cursor: floor, seen: {} };
}

/** Start of the overlap window: the cursor's instant minus the overlap. */
function windowStart(state: PollState, overlapMinutes: number, timeZone: string): Date {
	const cursorInstant = wallClockToDate(parseWallClock(state.cursor) as WallClock, timeZone);
	return new Date(cursorInstant.getTime() - overlapMinutes * 60000);
}

/** The `date_from` to ask with. */
export function queryFrom(state: PollState, overlapMinutes: number, timeZone: string, now: Date): string {
	const start = windowStart(state, overlapMinutes, timeZone);
	// If clocks went back since the window start, times after it can be written earlier than it.
	const offsetDrop = Math.max(0, offsetMinutesAt(start, timeZone) - offsetMinutesAt(now, timeZone));
	const from = shiftWallClock(formatWallClock(dateToWallClock(start, timeZone)), -offsetDrop);
	return from > state.floor ? from : state.floor;
}

/** Ids with a `recived` before this are forgotten; always earlier than any later `queryFrom`. */
export function retentionFrom(state: PollState, overlapMinutes: number, timeZone: string): string {
	const start = windowStart(state, overlapMinutes, timeZone);
	return shiftWallClock(formatWallClock(dateToWallClock(start, timeZone)), -RETENTION_MARGIN_MINUTES);
}

export function isSeen(state: PollState, id: string): boolean {
	return Object.prototype.hasOwnProperty.call(state.seen, id);
}

/**
 * The state after a successful scan that emitted `emitted`.
 * `cursorLimit` is set when part of the answer was not read (time budget): the cursor must not pass it.
 */
export function advanceState(
	state: PollState,
	emitted: SeenMessage[],
	overlapMinutes: number,
	timeZone: string,
	cursorLimit?: string,
): PollState {
	let cursor = state.cursor;
	for (const message of emitted) {
		if (message.recived > cursor) cursor = message.recived;
	}
	if (cursorLimit !== undefined && cursor > cursorLimit) {
		cursor = cursorLimit > state.cursor ? cursorLimit : state.cursor;
	}
	const next: PollState = { ...state, cursor, seen: { ...state.seen } };
	for (const message of emitted) next.seen[message.id] = message.recived;

	const keepFrom = retentionFrom(next, overlapMinutes, timeZone);
	let entries = Object.entries(next.seen).filter(([, recived]) => recived >= keepFrom);
	if (entries.length > MAX_SEEN_IDS) {
		entries.sort(([idA, a], [idB, b]) => (a === b ? compareIds(idA, idB) : a < b ? -1 : 1));
		entries = entries.slice(entries.length - MAX_SEEN_IDS);
	}
	next.seen = Object.fromEntries(entries);
	return next;
}

export function compareIds(a: string, b: string): number {
	const numberA = Number(a);
	const numberB = Number(b);
	if (Number.isFinite(numberA) && Number.isFinite(numberB) && numberA !== numberB) return numberA - numberB;
	return a < b ? -1 : a > b ? 1 : 0;
}
