import type { IExecuteSingleFunctions } from 'n8n-workflow';

import {
	dateToWallClock,
	formatWallClock,
	localTimeToIso,
	parseWallClock,
	wallClockToDate,
} from '../../shared/zonedTime';
import { inputError } from './errors';

/** InTime is a Swedish service: it reads and writes dates as Swedish local time, without an offset. */
export const INTIME_TIME_ZONE = 'Europe/Stockholm';

const OFFSET_PATTERN = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * Reads a date from the date picker (local time of the workflow's time zone), an ISO string with an offset, or a
 * JavaScript/Luxon date from an expression, and returns the instant it stands for.
 */
export function readDateInput(context: IExecuteSingleFunctions, fieldLabel: string, value: unknown): Date {
	const text = value instanceof Date ? value.toISOString() : String(value ?? '').trim();
	const wallClock = parseWallClock(text);
	if (wallClock) return wallClockToDate(wallClock, context.getTimezone());
	if (OFFSET_PATTERN.test(text)) {
		const instant = new Date(text);
		if (!Number.isNaN(instant.getTime())) return instant;
	}
	throw inputError(
		context,
		`"${fieldLabel}" is not a date and time: "${text}"`,
		`Pick a date in the date picker, or use an ISO date such as 2026-12-24T15:00:00 (read in the workflow's time zone, ${context.getTimezone()}) or 2026-12-24T15:00:00+01:00.`,
	);
}

/** The instant as InTime expects it: Swedish local time, `yyyy-MM-ddTHH:mm:ss`. */
export function toInTimeDateTime(instant: Date): string {
	return formatWallClock(dateToWallClock(instant, INTIME_TIME_ZONE), 'T');
}

/** A date InTime sent (Swedish local time, e.g. `2013-04-25 15:35`) as ISO 8601 with offset. */
export function fromInTimeDateTime(text: string | undefined): string | undefined {
	if (!text) return undefined;
	return localTimeToIso(text, INTIME_TIME_ZONE) ?? text;
}
