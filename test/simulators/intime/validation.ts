/** Value rules from the InTime spec: phone numbers, e-mail, sender title, and dates read in the account's zone. */

/** Optional '+', then 7 to 15 digits once spaces and dashes are removed. */
export function isPhoneNumber(value: string): boolean {
	return /^\+?[0-9]{7,15}$/.test(normalizePhoneNumber(value));
}

/** The form numbers are compared in (block list, delete from block list). */
export function normalizePhoneNumber(value: string): string {
	return value.trim().replace(/[\s-]/g, '');
}

export function isEmail(value: string): boolean {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** At most 11 of a-z A-Z 0-9 space . - +, or at most 15 digits. */
export function isSenderTitle(value: string): boolean {
	return /^[0-9]{1,15}$/.test(value) || /^[a-zA-Z0-9 .+-]{1,11}$/.test(value);
}

export interface WallTime {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/** Reads 'yyyy-MM-ddTHH:mm:ss' strictly (real calendar dates only); undefined when it is anything else. */
export function parseWallTime(value: string): WallTime | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(value);
	if (!match) return undefined;
	const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
	const check = new Date(Date.UTC(year, month - 1, day));
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
		return undefined;
	}
	if (hour > 23 || minute > 59 || second > 59) return undefined;
	return { year, month, day, hour, minute, second };
}

function pad(value: number, length = 2): string {
	return String(value).padStart(length, '0');
}

/** 'yyyy-MM-dd HH:mm', the form reminder lists use. */
export function formatListDate(time: WallTime): string {
	return `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)} ${pad(time.hour)}:${pad(time.minute)}`;
}

/** The calendar day before `time`, at 10:00 (when InTime sends reminder messages). */
export function dayBeforeAtTen(time: WallTime): WallTime {
	const previous = new Date(Date.UTC(time.year, time.month - 1, time.day - 1));
	return {
		year: previous.getUTCFullYear(),
		month: previous.getUTCMonth() + 1,
		day: previous.getUTCDate(),
		hour: 10,
		minute: 0,
		second: 0,
	};
}

/** Reads 'yyyy-MM-dd HH:mm' back (for reminders seeded or stored in list form). */
export function parseListDate(value: string): WallTime | undefined {
	return parseWallTime(value.replace(' ', 'T') + ':00');
}

function zoneOffsetMs(instant: number, timeZone: string): number {
	const format = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: 'numeric',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric',
		second: 'numeric',
	});
	const parts: Record<string, number> = {};
	for (const part of format.formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
	const wallAsUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a wall-clock time in `timeZone` stands for (daylight saving time included). */
export function wallTimeToInstant(time: WallTime, timeZone: string): Date {
	const wallAsUtc = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
	const firstGuess = wallAsUtc - zoneOffsetMs(wallAsUtc, timeZone);
	return new Date(wallAsUtc - zoneOffsetMs(firstGuess, timeZone));
}

/** Throws a RangeError for a zone name Intl does not know. */
export function assertTimeZone(timeZone: string): void {
	new Intl.DateTimeFormat('en-US', { timeZone });
}
