import type { IDataObject } from 'n8n-workflow';

/** At most this many remembered reports, so the workflow's static data stays small. */
const MAX_REMEMBERED = 5000;

interface ReportKey {
	messageId: string;
	transId: string | null;
	status: number;
}

/**
 * Splits reports into those seen for the first time within `windowMinutes` and repeats (InTime resends a report
 * when our earlier answer did not reach it). The key includes the transid, so reports for two recipients of one
 * message are never taken for repeats. Remembers the fresh ones in `store` (the node's static data), which n8n
 * saves after production webhook calls.
 */
export function splitRepeats<T extends ReportKey>(
	store: IDataObject,
	reports: T[],
	windowMinutes: number,
	now: Date,
): { fresh: T[]; repeats: T[] } {
	const windowMs = Math.max(0, windowMinutes) * 60_000;
	const seen = pruned((store.seenReports as Record<string, number> | undefined) ?? {}, now.getTime() - windowMs);
	const fresh: T[] = [];
	const repeats: T[] = [];
	for (const report of reports) {
		const key = `${report.messageId}|${report.transId ?? ''}|${report.status}`;
		if (seen[key] !== undefined) {
			repeats.push(report);
		} else {
			fresh.push(report);
			seen[key] = now.getTime();
		}
	}
	store.seenReports = newest(seen, MAX_REMEMBERED);
	return { fresh, repeats };
}

function pruned(seen: Record<string, number>, oldestKept: number): Record<string, number> {
	return Object.fromEntries(Object.entries(seen).filter(([, at]) => typeof at === 'number' && at >= oldestKept));
}

function newest(seen: Record<string, number>, limit: number): Record<string, number> {
	const entries = Object.entries(seen);
	if (entries.length <= limit) return seen;
	return Object.fromEntries(entries.sort((a, b) => b[1] - a[1]).slice(0, limit));
}
