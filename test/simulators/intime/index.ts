/**
 * InTime Messenger API simulator (test/simulators/intime)
 * =======================================================
 * A real HTTP server on 127.0.0.1 written from specs/intime-http-api.txt, for jest tests, `npm start` and
 * end-to-end runs in a real n8n. Node built-ins, fast-xml-parser and iconv-lite only.
 *
 *   const sim = new InTimeSimulator({ now: () => new Date('2030-01-01T12:00:00Z') });
 *   const baseUrl = await sim.start();              // 'http://127.0.0.1:<port>/api/1.0'
 *   ... requests to `${baseUrl}/message/create.ashx?user=demo&hash=demo-secret-key` ...
 *   sim.requests[0].bodyText; sim.state.messages; await sim.waitForCallbacks(2);
 *   await sim.stop();
 *
 * Answers: always HTTP 200, body ISO-8859-1, 'text/plain; charset=iso-8859-1' for codes and ids (no trailing
 * newline), 'text/xml; charset=iso-8859-1' for lists (CRLF line breaks). Unknown paths: HTTP 404. Paths are matched
 * case-insensitively below the base path. Every API request (also 404s) is recorded in `requests`; the views for
 * people (`GET /` HTML, `GET /_sim/state`, `GET /_sim/requests`, hash masked as ***) are not.
 *
 * Order of checks: user/hash (0:ERROR1 missing, 0:ERROR3 wrong) -> injected failure (failNext) -> for POST endpoints:
 * blank body 0:ERROR2; not well-formed XML, no `<?xml ... encoding="iso-8859-1"?>` declaration, wrong root element,
 * an element with no attributes, children or text, an element or attribute the spec does not list, or a value
 * breaking the spec's rules: 1:ERROR1 -> endpoint rules. The body is always decoded as ISO-8859-1.
 *
 * State (`sim.state`, plain arrays; tests may read and seed them; use `sim.nextId()` for ids of seeded records):
 * - messages: SimMessage { id, recipient, transId?, body, senderTitle, flash, multiSms, sendDate? (as sent,
 *   'yyyy-MM-ddTHH:mm:ss'), sendAt? (its instant), statusUrl?, groupId?, contactId?, scheduled, deleted, anonymize,
 *   checkNix, username, deliveryStatus? (status reported by callback), createdAt }
 * - contacts: SimContact { id, type: 1|2|3, firstName, lastName, email?, mobile?, extraField?, groupIds }
 * - groups: SimGroup { id, name }
 * - blockList: SimBlockEntry { id, mobile, firstName?, lastName? }
 * - reminders: SimReminder { id, appointmentDate 'yyyy-MM-dd HH:mm', userId (account index + 1), userIdentity ('')
 *   userAlias (username), active, messageDate ('yyyy-MM-dd HH:mm'), messageText, organizer { title, firstName,
 *   lastName }, attendant { firstName, lastName, mobile } }
 * One store is shared by all accounts.
 *
 * Endpoint rules beyond the spec's wording (choices where the spec is silent):
 * - message/create: flash, multisms, sendertitle and body are required (the spec does not mark them optional);
 *   checknix/anonymize default 0. body is kept untrimmed, max 160 characters (804 when multisms=1 and flash=0).
 *   senddate is read in options.timeZone; earlier than now() -> 1:ERROR2; later -> scheduled (no callbacks).
 *   statusurl must be an http(s) URL. Group members: contacts of type 1 or 3 with a mobile, each contact once, in
 *   store order per group; checknix=1 drops members on the block list (explicit recipients are never dropped).
 *   Unknown group ids reach nobody. Ids answered: recipients in document order, then group members.
 * - message/delete: only a scheduled, not deleted message whose send time is still ahead can be removed.
 * - contacts/add: all contacts are checked before any is stored. An e-mail given (or needed: type 2/3) must be
 *   valid (3:ERROR1); a mobile given (or needed: type 1/3) must be valid (3:ERROR2). A group id the store does not
 *   have -> 2:ERROR1 (unable to create contact).
 * - nix/addnix: a number already on the list answers its existing entry id. Numbers compare without spaces/dashes.
 * - reminder/add: an appointment not in the future -> 2:ERROR1. reminder/edit: messageDate (day before, 10:00) and
 *   messageText ("Hi <first name>, we like to remind you of your appointment with <organizer> on <date> at <time>.")
 *   are derived again after every change.
 *
 * Status callbacks: see CallbackOptions in types.ts. Explicit recipients of a message that is not scheduled and has
 * a statusurl get one POST each, sent one after the other, status statuses[recipient index % length], fields
 * messageid, status, transid. Formats: 'form' (UTF-8 urlencoded), 'form-latin1' (Latin-1 urlencoded, Content-Type
 * 'application/x-www-form-urlencoded; charset=ISO-8859-1'), 'query' (fields appended to the URL, empty body),
 * 'xml' (<messagestatus><messageid/><status/><transid/></messagestatus>, ISO-8859-1), 'json' ({"messageid": number,
 * "status": number, "transid": string}). Success = HTTP 200 with the message id somewhere in the body; otherwise
 * retried after each retryDelaysMs entry. Non-loopback or non-http URLs are refused (one attempt with `error`).
 */
export { InTimeSimulator, DEFAULT_ACCOUNT } from './server';
export { DEFAULT_CALLBACK_OPTIONS } from './callbacks';
export type {
	CallbackAttempt,
	CallbackFormat,
	CallbackOptions,
	ContactType,
	InTimeAccount,
	InTimeState,
	RecordedRequest,
	SimBlockEntry,
	SimContact,
	SimGroup,
	SimMessage,
	SimReminder,
	SimulatorOptions,
} from './types';
