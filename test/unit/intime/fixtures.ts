/**
 * Seeding helpers for the InTime node tests: they put records straight into the simulator's store (with ids from
 * its own sequence), so a test can read what the node does with data that already exists in the account.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type {
	ContactType,
	InTimeSimulator,
	SimBlockEntry,
	SimContact,
	SimGroup,
	SimReminder,
} from '../../simulators/intime';

/** The XML declaration every InTime request document starts with. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="iso-8859-1"?>';

/** A request document as the node writes it: declaration, then the elements indented by two spaces. */
export function xmlDocument(...lines: string[]): string {
	return `${XML_DECLARATION}\n${lines.join('\n')}\n`;
}

export function seedGroups(simulator: InTimeSimulator, names: string[]): SimGroup[] {
	const groups = names.map((name) => ({ id: simulator.nextId(), name }));
	simulator.state.groups.push(...groups);
	return groups;
}

export function seedContact(
	simulator: InTimeSimulator,
	contact: { type?: ContactType; firstName?: string; mobile?: string; groupIds?: number[] },
): SimContact {
	const seeded: SimContact = {
		id: simulator.nextId(),
		type: contact.type ?? 1,
		firstName: contact.firstName ?? 'Test',
		lastName: 'Kontakt',
		mobile: contact.mobile ?? '0701234567',
		groupIds: contact.groupIds ?? [],
	};
	simulator.state.contacts.push(seeded);
	return seeded;
}

export function seedBlockList(
	simulator: InTimeSimulator,
	entries: Array<Omit<SimBlockEntry, 'id'>>,
): SimBlockEntry[] {
	const seeded = entries.map((entry) => ({ id: simulator.nextId(), ...entry }));
	simulator.state.blockList.push(...seeded);
	return seeded;
}

export interface ReminderSeed {
	id?: number;
	/** 'yyyy-MM-dd HH:mm', Swedish local time. */
	appointmentDate?: string;
	active?: boolean;
	messageDate?: string;
	messageText?: string;
	organizer?: Partial<SimReminder['organizer']>;
	attendant?: Partial<SimReminder['attendant']>;
}

/** A reminder as the simulator stores it; the defaults follow the spec's list example. */
export function seedReminder(simulator: InTimeSimulator, seed: ReminderSeed = {}): SimReminder {
	const reminder: SimReminder = {
		id: seed.id ?? simulator.nextId(),
		appointmentDate: seed.appointmentDate ?? '2030-04-25 15:35',
		userId: 1,
		userIdentity: '',
		userAlias: 'demo',
		active: seed.active ?? true,
		messageDate: seed.messageDate ?? '2030-04-24 10:00',
		messageText: seed.messageText ?? 'Hi we like to remind you...',
		organizer: { title: 'Dr', firstName: 'Hans', lastName: 'Evertsson', ...seed.organizer },
		attendant: { firstName: 'Åsa', lastName: 'Öberg', mobile: '07011223344', ...seed.attendant },
	};
	simulator.state.reminders.push(reminder);
	return reminder;
}

export interface PlainServer {
	baseUrl: string;
	/** Request URLs (path and query) in the order received. */
	received: string[];
	stop(): Promise<void>;
}

/**
 * A loopback HTTP server that is not InTime (a web page, a proxy error page), for the cases where the Base URL
 * points somewhere else. `answer` gets the request URL and returns status and body.
 */
export async function startPlainServer(
	answer: (url: string) => { status: number; body: string },
): Promise<PlainServer> {
	const received: string[] = [];
	const server = http.createServer((request, response) => {
		const url = request.url ?? '/';
		received.push(url);
		const { status, body } = answer(url);
		response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
		response.end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}/api/1.0`,
		received,
		stop: async () =>
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}
