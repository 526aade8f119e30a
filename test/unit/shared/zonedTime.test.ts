import {
	dateToWallClock,
	formatWallClock,
	localTimeToIso,
	parseWallClock,
	toIsoWithOffset,
	wallClockToDate,
} from '../../../nodes/shared/zonedTime';

const WARSAW = 'Europe/Warsaw';

describe('zonedTime', () => {
	it('converts Polish winter and summer times to ISO with the right offset', () => {
		expect(localTimeToIso('2014-10-21 11:18:03', WARSAW)).toBe('2014-10-21T11:18:03+02:00');
		expect(localTimeToIso('2014-12-21 11:18:03', WARSAW)).toBe('2014-12-21T11:18:03+01:00');
	});

	it('takes the first occurrence of a time that happens twice when clocks go back', () => {
		// 2026-10-25 03:00 CEST -> 02:00 CET: 02:30 happens at 00:30Z and again at 01:30Z.
		const instant = wallClockToDate(parseWallClock('2026-10-25 02:30:00')!, WARSAW);
		expect(instant.toISOString()).toBe('2026-10-25T00:30:00.000Z');
		expect(toIsoWithOffset(new Date('2026-10-25T01:30:00Z'), WARSAW)).toBe('2026-10-25T02:30:00+01:00');
	});

	it('moves a time inside the spring-forward gap forward by the gap', () => {
		// 2026-03-29 02:00 CET -> 03:00 CEST: 02:30 does not exist.
		const instant = wallClockToDate(parseWallClock('2026-03-29 02:30:00')!, WARSAW);
		expect(instant.toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(toIsoWithOffset(instant, WARSAW)).toBe('2026-03-29T03:30:00+02:00');
	});

	it('round-trips an instant through wall-clock time', () => {
		const date = new Date('2026-07-01T08:09:10Z');
		expect(formatWallClock(dateToWallClock(date, 'Europe/Stockholm'), 'T')).toBe('2026-07-01T10:09:10');
		expect(wallClockToDate(dateToWallClock(date, 'Europe/Stockholm'), 'Europe/Stockholm')).toEqual(date);
	});

	it('rejects text that is not a valid local time', () => {
		expect(parseWallClock('2026-02-30 10:00')).toBeUndefined();
		expect(parseWallClock('2026-01-01 25:00')).toBeUndefined();
		expect(parseWallClock('yesterday')).toBeUndefined();
		expect(parseWallClock('2026-01-01T10:00:00+01:00')).toBeUndefined();
		expect(parseWallClock('2026-01-01 10:00')).toEqual({
			year: 2026,
			month: 1,
			day: 1,
			hour: 10,
			minute: 0,
			second: 0,
		});
	});
});
