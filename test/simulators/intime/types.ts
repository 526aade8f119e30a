/** Public types of the InTime simulator: its options, what it records and the in-memory store tests read and seed. */

export interface InTimeAccount {
	username: string;
	secretKey: string;
}

export interface RecordedRequest {
	method: string;
	/** Path without the query string, e.g. '/api/1.0/message/create.ashx'. */
	path: string;
	/** Decoded query string (the real `hash` value is kept here; views for people mask it). */
	query: Record<string, string>;
	headers: Record<string, string | string[] | undefined>;
	/** Exact bytes received. */
	rawBody: Buffer;
	/** rawBody decoded as ISO-8859-1. */
	bodyText: string;
	/** Exact text the simulator answered. */
	answer: string;
	receivedAt: Date;
}

export type CallbackFormat = 'form' | 'form-latin1' | 'query' | 'xml' | 'json';

export interface CallbackOptions {
	/** Status sent for the n-th explicit recipient of a message: statuses[n % statuses.length]. Default [20]. */
	statuses?: number[];
	/** Delay between creating the message and its first callback. Default 50. */
	delayMs?: number;
	/** Waits before each retry when the receiver does not answer HTTP 200 with the message id. Default [200, 500, 1000]. */
	retryDelaysMs?: number[];
	/** How the fields messageid, status and transid are sent. Default 'form'. */
	format?: CallbackFormat;
}

export interface SimulatorOptions {
	/** Default [{ username: 'demo', secretKey: 'demo-secret-key' }]. */
	accounts?: InTimeAccount[];
	/** Default '/api/1.0'. */
	basePath?: string;
	/** Clock for "send date in the past" checks. Default: real time. */
	now?: () => Date;
	/** Zone in which senddate and appointmentdate are read. Default 'Europe/Stockholm'. */
	timeZone?: string;
	callbacks?: CallbackOptions;
}

export interface CallbackAttempt {
	url: string;
	messageId: string;
	transId: string;
	status: number;
	/** 1 for the first try, 2 for the first retry, ... */
	attempt: number;
	httpStatus?: number;
	responseBody?: string;
	/** Network error, timeout, or refusal (non-loopback URL). */
	error?: string;
	at: Date;
}

export interface SimMessage {
	id: number;
	/** Phone number exactly as given in <recipient> (trimmed), or the group member's mobile. */
	recipient: string;
	transId?: string;
	body: string;
	senderTitle: string;
	flash: boolean;
	multiSms: boolean;
	/** senddate exactly as given, 'yyyy-MM-ddTHH:mm:ss' in the simulator's time zone. */
	sendDate?: string;
	/** The instant sendDate stands for. */
	sendAt?: Date;
	statusUrl?: string;
	/** Set when the message went to a group member. */
	groupId?: number;
	contactId?: number;
	/** True when sendDate was in the future at creation. */
	scheduled: boolean;
	/** True after message/delete.ashx removed it. */
	deleted: boolean;
	anonymize: boolean;
	checkNix: boolean;
	/** Account that created it. */
	username: string;
	/** Delivery status the simulator reported (or is reporting) by status callback. */
	deliveryStatus?: number;
	createdAt: Date;
}

export type ContactType = 1 | 2 | 3;

export interface SimContact {
	id: number;
	/** 1 = SMS, 2 = e-mail, 3 = SMS and e-mail. */
	type: ContactType;
	firstName: string;
	lastName: string;
	email?: string;
	mobile?: string;
	extraField?: string;
	groupIds: number[];
}

export interface SimGroup {
	id: number;
	name: string;
}

export interface SimBlockEntry {
	id: number;
	mobile: string;
	firstName?: string;
	lastName?: string;
}

export interface SimReminder {
	id: number;
	/** 'yyyy-MM-dd HH:mm' in the simulator's time zone. */
	appointmentDate: string;
	userId: number;
	userIdentity: string;
	userAlias: string;
	active: boolean;
	/** 'yyyy-MM-dd HH:mm': the day before the appointment at 10:00. */
	messageDate: string;
	messageText: string;
	organizer: { title: string; firstName: string; lastName: string };
	attendant: { firstName: string; lastName: string; mobile: string };
}

export interface InTimeState {
	messages: SimMessage[];
	contacts: SimContact[];
	groups: SimGroup[];
	blockList: SimBlockEntry[];
	reminders: SimReminder[];
}
