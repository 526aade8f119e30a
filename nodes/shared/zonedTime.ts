/**
 * Wall-clock times in a named time zone, without a date library.
 * InTime (Swedish time) and SerwerSMS (Polish time) exchange local times without an offset; Intl knows the
 * zone rules, daylight saving included, so we convert through it.
 */

export interface WallClock {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

const WALL_CLOCK_PATTERN =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}
	return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
	try {
		formatterFor(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** Reads `yyyy-MM-dd`, `yyyy-MM-dd HH:mm`, `yyyy-MM-ddTHH:mm:ss` (no offset); undefined when it is none of them. */
export function parseWallClock(text: string): WallClock | undefined {
	const match = WALL_CLOCK_PATTERN.exec(text.trim());
	if (!match) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
	const wallClock = {
		year: Number(year),
		month: Number(month),
		day: Number(day),
		hour: Number(hour),
		minute: Number(minute),
		second: Number(second),
	};
	// Reject impossible dates such as 2026-02-30 or 25:00.
	const check = new Date(wallClockAsUtc(wallClock));
	if (
		check.getUTCFullYear() !== wallClock.year ||
		check.getUTCMonth() + 1 !== wallClock.month ||
		check.getUTCDate() !== wallClock.day ||
		check.getUTCHours() !== wallClock.hour ||
		check.getUTCMinutes() !== wallClock.minute ||
		check.getUTCSeconds() !== wallClock.second
	) {
		return undefined;
	}
	return wallClock;
}

function wallClockAsUtc(wallClock: WallClock): number {
	const { year, month, day, hour, minute, second } = wallClock;
	return Date.UTC(year, month - 1, day, hour, minute, second);
}

export function dateToWallClock(date: Date, timeZone: string): WallClock {
	const parts: Record<string, number> = {};
	for (const part of formatterFor(timeZone).formatToParts(date)) {
		if (part.type !== 'literal') parts[part.type] = Number(part.value);
	}
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour,
		minute: parts.minute,
		second: parts.second,
	};
}

/** The zone's offset from UTC at that instant, in minutes (e.g. 120 for Warsaw in summer). */
export function offsetMinutesAt(date: Date, timeZone: string): number {
	const wholeSeconds = Math.floor(date.getTime() / 1000) * 1000;
	return (wallClockAsUtc(dateToWallClock(date, timeZone)) - wholeSeconds) / 60000;
}

/**
 * The instant a wall-clock time in the zone stands for. When clocks go back and the time occurs twice, the first
 * occurrence is taken; when clocks go forward and the time does not exist, it is moved forward by the gap.
 */
export function wallClockToDate(wallClock: WallClock, timeZone: string): Date {
	const local = wallClockAsUtc(wallClock);
	const dayMs = 24 * 60 * 60 * 1000;
	const offsetBefore = offsetMinutesAt(new Date(local - dayMs), timeZone);
	const offsetAfter = offsetMinutesAt(new Date(local + dayMs), timeZone);
	const matches = [...new Set([offsetBefore, offsetAfter])]
		.map((offset) => local - offset * 60000)
		.filter((instant) => wallClockAsUtc(dateToWallClock(new Date(instant), timeZone)) === local)
		.sort((a, b) => a - b);
	return new Date(matches.length ? matches[0] : local - offsetBefore * 60000);
}

function pad(value: number, length = 2): string {
	return String(value).padStart(length, '0');
}

/** `yyyy-MM-dd HH:mm:ss`, or with `T` between date and time. */
export function formatWallClock(wallClock: WallClock, separator: ' ' | 'T' = ' '): string {
	const { year, month, day, hour, minute, second } = wallClock;
	return `${pad(year, 4)}-${pad(month)}-${pad(day)}${separator}${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/** ISO 8601 with the zone's offset at that instant, e.g. `2014-10-21T11:18:03+02:00`. */
export function toIsoWithOffset(date: Date, timeZone: string): string {
	const offset = offsetMinutesAt(date, timeZone);
	const sign = offset < 0 ? '-' : '+';
	const absolute = Math.abs(offset);
	return `${formatWallClock(dateToWallClock(date, timeZone), 'T')}${sign}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** Reads a local time of the zone (as the APIs send it) and returns it as ISO 8601 with offset. */
export function localTimeToIso(text: string, timeZone: string): string | undefined {
	const wallClock = parseWallClock(text);
	return wallClock ? toIsoWithOffset(wallClockToDate(wallClock, timeZone), timeZone) : undefined;
}
