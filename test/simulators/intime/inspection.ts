/** Views for people (used by `npm start`): an HTML overview and JSON dumps. The `hash` query value is always masked. */
import type { CallbackAttempt, InTimeState, RecordedRequest, SimMessage } from './types';

const STATUS_TEXT: Record<number, string> = {
	0: 'not delivered: faulty message or invalid number',
	1: 'not delivered: not approved by the provider',
	2: 'not delivered: faulty parameter',
	3: 'not delivered: stopped in the operator network',
	4: 'not delivered: reason unknown',
	20: 'delivered',
	21: 'status unknown',
};

export function maskQuery(query: Record<string, string>): Record<string, string> {
	return 'hash' in query ? { ...query, hash: '***' } : { ...query };
}

export function requestsForPeople(requests: RecordedRequest[]) {
	return requests.map((request) => ({
		method: request.method,
		path: request.path,
		query: maskQuery(request.query),
		headers: 'authorization' in request.headers ? { ...request.headers, authorization: '***' } : request.headers,
		bodyText: request.bodyText,
		rawBodyBase64: request.rawBody.toString('base64'),
		answer: request.answer,
		receivedAt: request.receivedAt.toISOString(),
	}));
}

export function messageStatus(message: SimMessage): string {
	let status = message.deleted ? 'deleted' : message.scheduled ? `scheduled for ${message.sendDate}` : 'sent';
	if (message.deliveryStatus !== undefined) {
		status += `; reported ${message.deliveryStatus} (${STATUS_TEXT[message.deliveryStatus] ?? 'unknown status'})`;
	}
	return status;
}

function escapeHtml(value: unknown): string {
	return String(value ?? '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

function table(title: string, headings: string[], rows: unknown[][]): string {
	const head = headings.map((heading) => `<th>${escapeHtml(heading)}</th>`).join('');
	const body =
		rows.length === 0
			? `<tr><td colspan="${headings.length}"><em>none</em></td></tr>`
			: rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n');
	return `<h2>${escapeHtml(title)}</h2>\n<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function overviewPage(
	state: InTimeState,
	requests: RecordedRequest[],
	attempts: CallbackAttempt[],
	baseUrl: string,
): string {
	const messages = [...state.messages].reverse();
	const lastRequests = requests.slice(-50).reverse();
	const groupName = (id: number) => state.groups.find((group) => group.id === id)?.name ?? `#${id}`;
	const sections = [
		table(
			'Messages (newest first)',
			['Id', 'Recipient', 'Sender', 'Body', 'Status', 'Group', 'Created'],
			messages.map((m) => [
				m.id,
				m.recipient,
				m.senderTitle,
				m.anonymize ? `${m.body} (anonymize requested)` : m.body,
				messageStatus(m),
				m.groupId === undefined ? '' : groupName(m.groupId),
				m.createdAt.toISOString(),
			]),
		),
		table(
			'Status callbacks',
			['Message', 'Transid', 'Status', 'Attempt', 'URL', 'Answer'],
			[...attempts].reverse().map((a) => [
				a.messageId,
				a.transId,
				a.status,
				a.attempt,
				a.url,
				a.error ?? `HTTP ${a.httpStatus}: ${a.responseBody}`,
			]),
		),
		table(
			'Contacts',
			['Id', 'Type', 'First name', 'Last name', 'Mobile', 'E-mail', 'Extra field', 'Groups'],
			state.contacts.map((c) => [
				c.id,
				c.type,
				c.firstName,
				c.lastName,
				c.mobile,
				c.email,
				c.extraField,
				c.groupIds.map(groupName).join(', '),
			]),
		),
		table('Groups', ['Id', 'Name'], state.groups.map((g) => [g.id, g.name])),
		table(
			'Block list',
			['Id', 'Mobile', 'First name', 'Last name'],
			state.blockList.map((b) => [b.id, b.mobile, b.firstName, b.lastName]),
		),
		table(
			'Reminders',
			['Id', 'Appointment', 'Active', 'Attendant', 'Mobile', 'Organizer', 'Message date', 'Message text'],
			state.reminders.map((r) => [
				r.id,
				r.appointmentDate,
				r.active,
				`${r.attendant.firstName} ${r.attendant.lastName}`,
				r.attendant.mobile,
				`${r.organizer.title} ${r.organizer.firstName} ${r.organizer.lastName}`.trim(),
				r.messageDate,
				r.messageText,
			]),
		),
		table(
			'Last 50 requests (newest first)',
			['Time', 'Method', 'Path', 'Query', 'Body', 'Answer'],
			lastRequests.map((r) => [
				r.receivedAt.toISOString(),
				r.method,
				r.path,
				new URLSearchParams(maskQuery(r.query)).toString().replace(/%2A/g, '*'),
				r.bodyText,
				r.answer,
			]),
		),
	];
	return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>InTime simulator</title>
<style>body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;margin-bottom:1em}
td,th{border:1px solid #ccc;padding:2px 6px;vertical-align:top;text-align:left}td{white-space:pre-wrap;font-family:monospace}</style>
</head><body>
<h1>InTime Messenger API simulator</h1>
<p>API base URL: <code>${escapeHtml(baseUrl)}</code>. JSON: <a href="/_sim/state">/_sim/state</a>, <a href="/_sim/requests">/_sim/requests</a>. This page reloads every 5 seconds.</p>
${sections.join('\n')}
</body></html>
`;
}
