import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import {
	advanceState,
	compareIds,
	initialState,
	isPollState,
	isSeen,
	normalizeWallClock,
	queryFrom,
	wallClockNow,
	type PollState,
	type SeenMessage,
} from './cursor/pollCursor';
import { toExecutionData } from './messages/toExecutionData';
import { filterFields, readSettings, type TriggerSettings } from './settings';
import { serwerSmsApiRequest } from './transport/serwerSmsRequest';

/** Key of the trigger's memory in the node's static data. */
export const STATE_KEY = 'incomingMessages';

export const PAGE_SIZE = 100;

/** Share of n8n's poll time budget spent fetching; the rest is left for building the items. */
const BUDGET_SHARE = 0.6;

/** Stop reading one type's answer after this many requests even if SerwerSMS keeps answering (defensive). */
const MAX_REQUESTS_PER_SCAN = 10000;

interface ReceivedMessage {
	id: string;
	recived: string;
	raw: IDataObject;
}

interface ScanResult {
	found: Map<string, ReceivedMessage>;
	/** Set when part of the answer was not read: the cursor must stay at or before this time. */
	cursorLimit?: string;
}

function itemsOf(answer: IDataObject): IDataObject[] {
	return Array.isArray(answer.items) ? (answer.items as IDataObject[]) : [];
}

/** The number of pages SerwerSMS reports; undefined when the answer has no usable `paging`. */
function pageCountOf(answer: IDataObject): number | undefined {
	const paging = answer.paging as IDataObject | undefined;
	const count = Number(paging?.count);
	return Number.isFinite(count) ? count : undefined;
}

function toReceived(raw: IDataObject, fallbackTime: string): ReceivedMessage | undefined {
	if (raw.id === undefined || raw.id === null || raw.id === '') return undefined;
	return { id: String(raw.id), recived: normalizeWallClock(raw.recived) ?? fallbackTime, raw };
}

function budgetMs(context: IPollFunctions): number {
	// n8n 1.x has no poll budget: read everything.
	const getBudget = (context as Partial<IPollFunctions>).getPollBudgetMs;
	const budget = typeof getBudget === 'function' ? Number(getBudget.call(context)) : NaN;
	return Number.isFinite(budget) && budget > 0 ? budget * BUDGET_SHARE : Infinity;
}

/**
 * Reads every page of the answer for each query (one per selected type), asking from the cursor minus the overlap,
 * in ascending time order. Collects messages not seen before. A failed request throws (nothing moves) unless
 * messages were already marked read on the server by this scan: those are returned so they are not lost.
 */
async function scan(
	context: IPollFunctions,
	settings: TriggerSettings,
	state: PollState,
	dateFrom: string,
): Promise<ScanResult> {
	const found = new Map<string, ReceivedMessage>();
	const startedAt = performance.now();
	const budget = budgetMs(context);
	let markedRead = false;
	let cursorLimit: string | undefined;

	for (const [index, type] of settings.types.entries()) {
		let lastTime: string | undefined;
		let complete = false;
		// Where the cursor may go when this query stops early: the unread rest is newer than `lastTime` (answers are
		// in time order); a type not asked yet may hold anything newer than the cursor, so then it stays put.
		const stopLimit = () =>
			minTime(cursorLimit, index < settings.types.length - 1 ? state.cursor : (lastTime ?? state.cursor));
		for (let request = 1; request <= MAX_REQUESTS_PER_SCAN; request++) {
			// Out of time and something new found: stop here, the rest comes next poll (progress is guaranteed).
			if (request > 1 && found.size > 0 && performance.now() - startedAt > budget) break;
			// With "mark as read", answered messages drop out of the results, so the first page is asked again.
			const page = settings.markAsRead ? 1 : request;
			let answer: IDataObject;
			try {
				answer = await serwerSmsApiRequest.call(context, 'messages/recived', {
					...filterFields(settings, type),
					date_from: dateFrom,
					page,
					limit: PAGE_SIZE,
					order: 'asc',
					...(settings.markAsRead ? { read: true } : {}),
				});
			} catch (error) {
				if (!markedRead || found.size === 0) throw error;
				context.logger.warn(
					`SerwerSMS Trigger: a request failed after messages were marked read; emitting those ${found.size} now, the rest at the next poll`,
				);
				return { found, cursorLimit: stopLimit() };
			}
			if (settings.markAsRead) markedRead = true;

			const items = itemsOf(answer);
			let newOnPage = 0;
			for (const raw of items) {
				const message = toReceived(raw, lastTime ?? state.cursor);
				if (!message) continue;
				if (lastTime === undefined || message.recived > lastTime) lastTime = message.recived;
				if (isSeen(state, message.id) || found.has(message.id)) continue;
				found.set(message.id, message);
				newOnPage++;
			}
			const pageCount = pageCountOf(answer);
			const lastPage = settings.markAsRead
				? items.length < PAGE_SIZE || newOnPage === 0
				: items.length === 0 || (pageCount === undefined ? items.length < PAGE_SIZE : page >= pageCount);
			if (lastPage) {
				complete = true;
				break;
			}
		}
		if (!complete) {
			// Out of time: emit what was read, the rest comes next poll.
			cursorLimit = stopLimit();
			break;
		}
	}
	return { found, cursorLimit };
}

function minTime(a: string | undefined, b: string): string {
	return a === undefined || b < a ? b : a;
}

function byTimeThenId(a: ReceivedMessage, b: ReceivedMessage): number {
	return a.recived === b.recived ? compareIds(a.id, b.id) : a.recived < b.recived ? -1 : 1;
}

/** A manual test run: the newest matching message as a sample; nothing is marked read, no state is touched. */
async function sample(context: IPollFunctions, settings: TriggerSettings): Promise<INodeExecutionData[][] | null> {
	let newest: ReceivedMessage | undefined;
	for (const type of settings.types) {
		const answer = await serwerSmsApiRequest.call(context, 'messages/recived', {
			...filterFields(settings, type),
			page: 1,
			limit: 1,
			order: 'desc',
		});
		for (const raw of itemsOf(answer)) {
			const message = toReceived(raw, '0000-01-01 00:00:00');
			if (message && (!newest || byTimeThenId(message, newest) > 0)) newest = message;
		}
	}
	if (!newest) return null;
	return [[await toExecutionData(context, newest.raw, settings.timeZone, settings.includeContactDetails)]];
}

export async function pollIncomingMessages(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(this);
	if (this.getMode() === 'manual') return await sample(this, settings);

	const staticData = this.getWorkflowStaticData('node');
	const saved = staticData[STATE_KEY];
	let state: PollState;
	if (isPollState(saved) && saved.startFrom === settings.startFromOption) {
		state = saved;
	} else {
		// First activation (or a new "Start From"): begin at that date, or now, without emitting older messages.
		state = initialState(settings.startFromOption, settings.startFrom ?? wallClockNow(new Date(), settings.timeZone));
		staticData[STATE_KEY] = state as unknown as IDataObject;
	}

	const dateFrom = queryFrom(state, settings.overlapMinutes, settings.timeZone, new Date());
	const { found, cursorLimit } = await scan(this, settings, state, dateFrom);

	const messages = [...found.values()].sort(byTimeThenId);
	const items: INodeExecutionData[] = [];
	for (const message of messages) {
		items.push(await toExecutionData(this, message.raw, settings.timeZone, settings.includeContactDetails));
	}

	const emitted: SeenMessage[] = messages.map(({ id, recived }) => ({ id, recived }));
	staticData[STATE_KEY] = advanceState(
		state,
		emitted,
		settings.overlapMinutes,
		settings.timeZone,
		cursorLimit,
	) as unknown as IDataObject;

	return items.length ? [items] : null;
}
