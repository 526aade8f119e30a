/**
 * The simulated SerwerSMS inbox: incoming messages with ids, Polish local-time `recived` stamps and a read flag,
 * plus the contact list that `show_contact` reads.
 */

export type IncomingType = 'eco' | 'nd' | 'ndi' | 'pre' | 'mms';

export interface SimAttachment {
	id: number;
	name: string;
	content_type: string;
	/** base64 */
	data: string;
}

export interface SimMessage {
	id: number;
	type: IncomingType;
	phone: string;
	/** `yyyy-MM-dd HH:mm:ss`, local time of the account (no offset), as the API writes it. */
	recived: string;
	text?: string;
	message_id?: string;
	blacklist: boolean;
	/** The number the message was sent to (ND/NDI number, or MMS number). Reported as `to_number` for MMS only. */
	to_number?: string;
	title?: string;
	attachments?: SimAttachment[];
	read: boolean;
}

export interface SimContact {
	first_name?: string;
	last_name?: string;
	company?: string;
	phone: string;
	email?: string;
	tax_id?: string;
	city?: string;
	address?: string;
	description?: string;
}

export type NewMessage = Partial<Omit<SimMessage, 'read'>> & { recived: string; read?: boolean };

export interface InboxQuery {
	types?: string[];
	phones?: string[];
	ndi?: string;
	dateFrom?: string;
	dateTo?: string;
	order: 'asc' | 'desc';
}

const TIME_PATTERN = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export class SerwerSmsInbox {
	private nextId = 1000;

	readonly messages: SimMessage[] = [];

	readonly contacts = new Map<string, SimContact>();

	add(message: NewMessage): SimMessage {
		if (!TIME_PATTERN.test(message.recived)) {
			throw new Error(`recived must be "yyyy-MM-dd HH:mm:ss", got "${message.recived}"`);
		}
		const id = message.id ?? this.nextId++;
		if (id >= this.nextId) this.nextId = id + 1;
		if (this.messages.some((existing) => existing.id === id)) throw new Error(`message id ${id} already exists`);
		const stored: SimMessage = {
			type: 'eco',
			phone: '+48500600700',
			blacklist: false,
			...message,
			id,
			read: message.read ?? false,
		};
		if (stored.type === 'eco' && stored.message_id === undefined) stored.message_id = `eco${id.toString(16)}`;
		if (stored.type !== 'mms' && stored.text === undefined) stored.text = `Message ${id}`;
		this.messages.push(stored);
		return stored;
	}

	addContact(contact: SimContact): void {
		this.contacts.set(contact.phone, contact);
	}

	/** Unread messages matching the filters, sorted by `recived` then id. Read messages are never returned. */
	find(query: InboxQuery): SimMessage[] {
		const found = this.messages.filter(
			(message) =>
				!message.read &&
				(!query.types?.length || query.types.includes(message.type)) &&
				(!query.phones?.length || query.phones.includes(message.phone)) &&
				(!query.ndi || message.to_number === query.ndi) &&
				(!query.dateFrom || message.recived >= query.dateFrom) &&
				(!query.dateTo || message.recived <= query.dateTo),
		);
		found.sort((a, b) => (a.recived === b.recived ? a.id - b.id : a.recived < b.recived ? -1 : 1));
		if (query.order === 'desc') found.reverse();
		return found;
	}

	unread(): SimMessage[] {
		return this.messages.filter((message) => !message.read);
	}
}
