/**
 * The InTime simulator against hand-written HTTP requests: the node's tests trust it, so it must answer exactly as
 * the spec says, with ISO-8859-1 bytes on the wire.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { InTimeSimulator } from '../../simulators/intime';

const USER = 'demo';
const KEY = 'demo-secret-key';
// 13:00 in Stockholm (CET, UTC+1).
const NOW = new Date('2030-03-15T12:00:00Z');
const DECLARATION = '<?xml version="1.0" encoding="iso-8859-1"?>\n';

interface Reply {
	status: number;
	contentType: string | null;
	bytes: Buffer;
	text: string;
}

let sim: InTimeSimulator;
let baseUrl: string;

async function call(endpoint: string, body?: string | Buffer, query = `user=${USER}&hash=${KEY}`): Promise<Reply> {
	const response = await fetch(`${baseUrl}/${endpoint}${query ? `?${query}` : ''}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: body === undefined ? {} : { 'Content-Type': 'text/xml' },
		body: typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
	});
	const bytes = Buffer.from(await response.arrayBuffer());
	return {
		status: response.status,
		contentType: response.headers.get('content-type'),
		bytes,
		text: bytes.toString('latin1'),
	};
}

async function answer(endpoint: string, body?: string | Buffer, query?: string): Promise<string> {
	return (await call(endpoint, body, query)).text;
}

function message(inner: string): string {
	return `${DECLARATION}<message>${inner}</message>`;
}

function sms(inner: string, recipients = '<recipients><recipient transid="t1">+46701234567</recipient></recipients>') {
	return message(`<flash>0</flash><multisms>0</multisms><sendertitle>Shop</sendertitle>${inner}${recipients}`);
}

function seedGroup(name: string, contacts: Array<{ mobile?: string; type?: 1 | 2 | 3 }>): number {
	const groupId = sim.nextId();
	sim.state.groups.push({ id: groupId, name });
	for (const contact of contacts) {
		sim.state.contacts.push({
			id: sim.nextId(),
			type: contact.type ?? 1,
			firstName: 'F',
			lastName: 'L',
			mobile: contact.mobile,
			groupIds: [groupId],
		});
	}
	return groupId;
}

beforeAll(async () => {
	sim = new InTimeSimulator({ now: () => NOW });
	baseUrl = await sim.start();
});

afterAll(async () => {
	await sim.stop();
});

beforeEach(() => {
	sim.reset();
	sim.setCallbackOptions({ statuses: [20], delayMs: 5, retryDelaysMs: [30, 30], format: 'form' });
});

describe('transport and authentication', () => {
	it('listens on loopback below /api/1.0 and answers 404 outside the API', async () => {
		expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/1\.0$/);
		const reply = await call('message/unknown.ashx', undefined);
		expect(reply.status).toBe(404);
	});

	it('answers 0:ERROR1 without user or hash and 0:ERROR3 for a wrong account, as plain Latin-1 text', async () => {
		const body = sms('<body>x</body>');
		expect(await answer('message/create.ashx', body, `hash=${KEY}`)).toBe('0:ERROR1');
		expect(await answer('message/create.ashx', body, `user=${USER}`)).toBe('0:ERROR1');
		expect(await answer('message/create.ashx', body, `user=${USER}&hash=`)).toBe('0:ERROR1');
		expect(await answer('message/create.ashx', body, '')).toBe('0:ERROR1');
		const wrongKey = await call('message/create.ashx', body, `user=${USER}&hash=wrong`);
		expect(wrongKey).toMatchObject({ status: 200, text: '0:ERROR3', contentType: 'text/plain; charset=iso-8859-1' });
		expect(await answer('nix/list.ashx', undefined, `user=someone&hash=${KEY}`)).toBe('0:ERROR3');
		expect(await answer('contacts/listgroups.ashx', undefined, 'user=demo')).toBe('0:ERROR1');
		expect(sim.state.messages).toHaveLength(0);
	});

	it('records every request with its exact bytes and answer', async () => {
		const bytes = Buffer.from(sms('<body>Hälsningar från Åre</body>'), 'latin1');
		const text = await answer('message/create.ashx', bytes);
		expect(sim.requests).toHaveLength(1);
		const [request] = sim.requests;
		expect(request).toMatchObject({
			method: 'POST',
			path: '/api/1.0/message/create.ashx',
			query: { user: USER, hash: KEY },
			answer: text,
		});
		expect(request.rawBody.equals(bytes)).toBe(true);
		expect(request.bodyText).toContain('Hälsningar från Åre');
		expect(request.headers['content-type']).toBe('text/xml');
	});
});

describe('XML checks shared by all POST endpoints', () => {
	it.each([
		['an empty body', '', '0:ERROR2'],
		['a blank body', '  \n ', '0:ERROR2'],
		['broken XML', `${DECLARATION}<message><flash>0</message>`, '1:ERROR1'],
		['an unescaped ampersand', sms('<body>Salt & peppar</body>'), '1:ERROR1'],
		['an unknown entity', sms('<body>&nbsp;</body>'), '1:ERROR1'],
		['a wrong root element', `${DECLARATION}<messages><body>x</body></messages>`, '1:ERROR1'],
		['an empty element', sms('<senddate></senddate><body>x</body>'), '1:ERROR1'],
		['a self-closed empty element', sms('<senddate/><body>x</body>'), '1:ERROR1'],
		['no declaration', sms('<body>x</body>').replace(DECLARATION, ''), '1:ERROR1'],
		['a UTF-8 declaration', sms('<body>x</body>').replace('iso-8859-1', 'utf-8'), '1:ERROR1'],
		['an element the spec does not know', sms('<body>x</body><priority>1</priority>'), '1:ERROR1'],
		['a form body instead of XML', `xml=${encodeURIComponent(sms('<body>x</body>'))}`, '1:ERROR1'],
	])('answers %s with the right code', async (_name, body, code) => {
		expect(await answer('message/create.ashx', body)).toBe(code);
		expect(sim.state.messages).toHaveLength(0);
	});

	it('decodes escaped characters and accepts an upper-case encoding name', async () => {
		const body = sms('<body>Salt &amp; peppar &lt;3 &#228;</body>').replace('iso-8859-1', 'ISO-8859-1');
		expect(await answer('message/create.ashx', body)).toMatch(/^\d+$/);
		expect(sim.state.messages[0].body).toBe('Salt & peppar <3 ä');
	});
});

describe('message/create.ashx', () => {
	it('stores the Latin-1 body and answers one id per recipient, recipients first, then group members', async () => {
		const groupId = seedGroup('Kunder', [{ mobile: '0701111111' }, { type: 2 }, { mobile: '0702222222', type: 3 }]);
		const body = message(
			'<flash>0</flash><multisms>0</multisms><sendertitle>Byggvaruh</sendertitle>' +
				'<body>Hälsningar från Åre</body><anonymize>1</anonymize>' +
				'<recipients><recipient transid="a">+46701234567</recipient><recipient transid="b">070-123 45 68</recipient></recipients>' +
				`<groups><group groupid="${groupId}" /></groups>`,
		);
		const reply = await call('message/create.ashx', body);
		expect(reply.contentType).toBe('text/plain; charset=iso-8859-1');
		const ids = reply.text.split(',').map(Number);
		expect(ids).toHaveLength(4);
		expect(new Set(ids).size).toBe(4);
		expect(sim.state.messages.map((m) => [m.id, m.recipient, m.transId, m.groupId])).toEqual([
			[ids[0], '+46701234567', 'a', undefined],
			[ids[1], '070-123 45 68', 'b', undefined],
			[ids[2], '0701111111', undefined, groupId],
			[ids[3], '0702222222', undefined, groupId],
		]);
		expect(sim.state.messages[0]).toMatchObject({
			body: 'Hälsningar från Åre',
			senderTitle: 'Byggvaruh',
			flash: false,
			multiSms: false,
			scheduled: false,
			deleted: false,
			anonymize: true,
		});
	});

	it('drops block-listed group members only when checknix=1', async () => {
		const groupId = seedGroup('G', [{ mobile: '0701111111' }, { mobile: '0702222222' }]);
		sim.state.blockList.push({ id: sim.nextId(), mobile: '070-111 11 11' });
		const body = (checknix: string) =>
			sms(`<body>x</body><checknix>${checknix}</checknix>`, `<groups><group groupid="${groupId}"/></groups>`);
		expect((await answer('message/create.ashx', body('0'))).split(',')).toHaveLength(2);
		expect((await answer('message/create.ashx', body('1'))).split(',')).toHaveLength(1);
		expect(sim.state.messages.map((m) => m.recipient)).toEqual(['0701111111', '0702222222', '0702222222']);
	});

	it('answers 2:ERROR2 when nobody is addressed or the groups reach nobody', async () => {
		const emptyGroup = seedGroup('Empty', [{ type: 2 }]);
		expect(await answer('message/create.ashx', sms('<body>x</body>', ''))).toBe('2:ERROR2');
		const groups = `<groups><group groupid="${emptyGroup}"/><group groupid="999999"/></groups>`;
		expect(await answer('message/create.ashx', sms('<body>x</body>', groups))).toBe('2:ERROR2');
	});

	it.each([
		['flash 2', message('<flash>2</flash><multisms>0</multisms><sendertitle>S</sendertitle><body>x</body>')],
		['missing multisms', message('<flash>0</flash><sendertitle>S</sendertitle><body>x</body>')],
		['missing sendertitle', message('<flash>0</flash><multisms>0</multisms><body>x</body>')],
		['sendertitle of 12 characters', sms('<body>x</body>').replace('>Shop<', '>Byggvaruhus1<')],
		['sendertitle with å', sms('<body>x</body>').replace('>Shop<', '>Gård<')],
		['sendertitle of 16 digits', sms('<body>x</body>').replace('>Shop<', '>1234567890123456<')],
		['a body of 161 characters', sms(`<body>${'a'.repeat(161)}</body>`)],
		['a multisms body of 805', sms(`<body>${'a'.repeat(805)}</body>`).replace('<multisms>0', '<multisms>1')],
		['a flash multisms body of 161', sms(`<body>${'a'.repeat(161)}</body>`).replace(/>0</g, '>1<')],
		['checknix 2', sms('<body>x</body><checknix>2</checknix>')],
		['senddate without seconds', sms('<senddate>2031-01-01T10:00</senddate><body>x</body>')],
		['senddate 31 February', sms('<senddate>2031-02-31T10:00:00</senddate><body>x</body>')],
		['statusurl that is no URL', sms('<body>x</body><statusurl>kunden.se/status</statusurl>')],
		[
			'statusurl with a recipient lacking transid',
			sms('<body>x</body><statusurl>http://127.0.0.1:1/s</statusurl>', '<recipients><recipient>+46701234567</recipient></recipients>'),
		],
	])('answers 1:ERROR1 for %s', async (_name, body) => {
		expect(await answer('message/create.ashx', body)).toBe('1:ERROR1');
	});

	it('accepts the longest bodies and senders the spec allows', async () => {
		expect(await answer('message/create.ashx', sms(`<body>${'å'.repeat(160)}</body>`))).toMatch(/^\d+$/);
		const multi = sms(`<body>${'a'.repeat(804)}</body>`).replace('<multisms>0', '<multisms>1');
		expect(await answer('message/create.ashx', multi)).toMatch(/^\d+$/);
		const digits = sms('<body>x</body>').replace('>Shop<', '>123456789012345<');
		expect(await answer('message/create.ashx', digits)).toMatch(/^\d+$/);
		const symbols = sms('<body>x</body>').replace('>Shop<', '>A-b. +9 xyz<');
		expect(await answer('message/create.ashx', symbols)).toMatch(/^\d+$/);
		expect(sim.state.messages[1].multiSms).toBe(true);
	});

	it('answers 1:ERROR3 for a recipient that is not a phone number', async () => {
		for (const number of ['070123', '+46 70 ABC 45 67', '1234567890123456', '']) {
			const recipients = `<recipients><recipient transid="t">${number}</recipient></recipients>`;
			expect(await answer('message/create.ashx', sms('<body>x</body>', recipients))).toBe('1:ERROR3');
		}
	});

	it('reads senddate in Stockholm time: past is 1:ERROR2, future is scheduled', async () => {
		// NOW is 13:00 in Stockholm: 12:30 there is past although it is still ahead in UTC.
		expect(await answer('message/create.ashx', sms('<senddate>2030-03-15T12:30:00</senddate><body>x</body>'))).toBe(
			'1:ERROR2',
		);
		const id = await answer('message/create.ashx', sms('<senddate>2030-03-15T13:30:00</senddate><body>x</body>'));
		expect(sim.state.messages).toHaveLength(1);
		expect(sim.state.messages[0]).toMatchObject({
			id: Number(id),
			scheduled: true,
			sendDate: '2030-03-15T13:30:00',
			sendAt: new Date('2030-03-15T12:30:00Z'),
		});
		// Summer time: Stockholm is UTC+2 then.
		await answer('message/create.ashx', sms('<senddate>2030-07-01T10:00:00</senddate><body>x</body>'));
		expect(sim.state.messages[1].sendAt).toEqual(new Date('2030-07-01T08:00:00Z'));
	});

	it('answers an injected failure once, without creating anything', async () => {
		sim.failNext('message/create.ashx', '2:ERROR0');
		expect(await answer('message/create.ashx', sms('<body>x</body>'))).toBe('2:ERROR0');
		expect(sim.state.messages).toHaveLength(0);
		expect(await answer('message/create.ashx', sms('<body>x</body>'))).toMatch(/^\d+$/);
	});
});

describe('message/delete.ashx', () => {
	const remove = (id: string) => message(`<messageid>${id}</messageid>`);

	it('removes a scheduled message once', async () => {
		const id = await answer('message/create.ashx', sms('<senddate>2030-04-01T08:00:00</senddate><body>x</body>'));
		expect(await answer('message/delete.ashx', remove(id))).toBe(id);
		expect(sim.state.messages[0].deleted).toBe(true);
		expect(await answer('message/delete.ashx', remove(id))).toBe('2:ERROR2');
	});

	it('answers 2:ERROR2 for a message already sent or unknown', async () => {
		const sent = await answer('message/create.ashx', sms('<body>x</body>'));
		expect(await answer('message/delete.ashx', remove(sent))).toBe('2:ERROR2');
		expect(await answer('message/delete.ashx', remove('987654'))).toBe('2:ERROR2');
	});

	it('answers 2:ERROR1 without a readable id and 1:ERROR1 for XML it cannot open', async () => {
		expect(await answer('message/delete.ashx', remove('abc'))).toBe('2:ERROR1');
		expect(await answer('message/delete.ashx', message('<id>5</id>'))).toBe('2:ERROR1');
		expect(await answer('message/delete.ashx', `${DECLARATION}<message><messageid>5</message>`)).toBe('1:ERROR1');
		expect(await answer('message/delete.ashx', '')).toBe('0:ERROR2');
	});
});

describe('contacts', () => {
	const contacts = (inner: string) => `${DECLARATION}<contacts>${inner}</contacts>`;

	it('adds contacts with their groups and answers their ids', async () => {
		const groupId = seedGroup('Ledning', []);
		const body = contacts(
			'<contact><type>1</type><firstname>Åsa</firstname><lastname>Öberg</lastname><mobile>070112233</mobile>' +
				`<extrafield>Management</extrafield><groups><group groupid="${groupId}" /></groups></contact>` +
				'<contact><type>3</type><firstname>John</firstname><lastname>Svensson</lastname>' +
				'<email>john.svensson@company.se</email><mobile>+46 70 112 23 34</mobile></contact>' +
				'<contact><type>2</type><email>info@company.se</email></contact>',
		);
		const ids = (await answer('contacts/add.ashx', body)).split(',').map(Number);
		expect(ids).toHaveLength(3);
		expect(sim.state.contacts.map((c) => ({ ...c }))).toEqual([
			{
				id: ids[0],
				type: 1,
				firstName: 'Åsa',
				lastName: 'Öberg',
				email: undefined,
				mobile: '070112233',
				extraField: 'Management',
				groupIds: [groupId],
			},
			expect.objectContaining({ id: ids[1], type: 3, email: 'john.svensson@company.se', mobile: '+46 70 112 23 34' }),
			expect.objectContaining({ id: ids[2], type: 2, email: 'info@company.se', mobile: undefined }),
		]);
	});

	it.each([
		['an invalid e-mail', '<contact><type>2</type><email>john(at)company.se</email></contact>', '3:ERROR1'],
		['a type 3 contact without e-mail', '<contact><type>3</type><mobile>070112233</mobile></contact>', '3:ERROR1'],
		['a type 1 contact without mobile', '<contact><type>1</type><firstname>A</firstname></contact>', '3:ERROR2'],
		['an invalid mobile', '<contact><type>1</type><mobile>12-ab</mobile></contact>', '3:ERROR2'],
		['type 4', '<contact><type>4</type><mobile>070112233</mobile></contact>', '1:ERROR1'],
		['an unknown group', '<contact><type>1</type><mobile>070112233</mobile><groups><group groupid="424242"/></groups></contact>', '2:ERROR1'],
	])('answers %s with its error code and stores nothing', async (_name, inner, code) => {
		const valid = '<contact><type>1</type><mobile>0709999999</mobile></contact>';
		expect(await answer('contacts/add.ashx', contacts(valid + inner))).toBe(code);
		expect(sim.state.contacts).toHaveLength(0);
	});

	it('lists groups as Latin-1 XML, or 2:ERROR1 when there are none', async () => {
		expect(await answer('contacts/listgroups.ashx')).toBe('2:ERROR1');
		const first = seedGroup('Kör & band', []);
		const second = seedGroup('Grupp 2', []);
		const reply = await call('contacts/listgroups.ashx');
		expect(reply.contentType).toBe('text/xml; charset=iso-8859-1');
		expect(reply.text).toBe(
			`<?xml version="1.0" encoding="iso-8859-1"?>\r\n<groups>\r\n  <group groupid="${first}">Kör &amp; band</group>\r\n` +
				`  <group groupid="${second}">Grupp 2</group>\r\n</groups>`,
		);
		expect(reply.bytes.includes(Buffer.from([0x4b, 0xf6, 0x72]))).toBe(true);
	});

	it('creates groups and answers their ids', async () => {
		const body = `${DECLARATION}<addgroups><groups><group groupname="Nya kunder" /><group groupname="VIP" /></groups></addgroups>`;
		const ids = (await answer('contacts/addgroup.ashx', body)).split(',').map(Number);
		expect(sim.state.groups).toEqual([
			{ id: ids[0], name: 'Nya kunder' },
			{ id: ids[1], name: 'VIP' },
		]);
		const noName = `${DECLARATION}<addgroups><groups><group name="x" /></groups></addgroups>`;
		expect(await answer('contacts/addgroup.ashx', noName)).toBe('1:ERROR1');
		const wrongRoot = `${DECLARATION}<groups><group groupname="x" /></groups>`;
		expect(await answer('contacts/addgroup.ashx', wrongRoot)).toBe('1:ERROR1');
	});

	it('removes groups, with or without their contacts', async () => {
		const keep = seedGroup('Keep contacts', [{ mobile: '0701111111' }]);
		const drop = seedGroup('Drop contacts', [{ mobile: '0702222222' }]);
		const body = `${DECLARATION}<deletigroups><groups><group groupid="${keep}" deletecontacts="false" />
			<group groupid="${drop}" deletecontacts="true" /><group groupid="999999" deletecontacts="true" /></groups></deletigroups>`;
		expect(await answer('contacts/deletigroup.ashx', body)).toBe(`${keep},${drop}`);
		expect(sim.state.groups).toEqual([]);
		expect(sim.state.contacts).toEqual([expect.objectContaining({ mobile: '0701111111', groupIds: [] })]);
		expect(await answer('contacts/deletigroup.ashx', body)).toBe('2:ERROR1');
		const badFlag = `${DECLARATION}<deletigroups><groups><group groupid="1" deletecontacts="yes" /></groups></deletigroups>`;
		expect(await answer('contacts/deletigroup.ashx', badFlag)).toBe('1:ERROR1');
	});
});

describe('block list', () => {
	const entries = (root: string, numbers: string[]) =>
		`${DECLARATION}<${root}><nixentries>${numbers.map((n) => `<nixentry mobile="${n}" />`).join('')}</nixentries></${root}>`;

	it('adds, lists and removes numbers', async () => {
		expect(await answer('nix/list.ashx')).toBe('2:ERROR1');
		const ids = (await answer('nix/addnix.ashx', entries('addnixentries', ['070112233', '070445566']))).split(',');
		expect(ids).toHaveLength(2);
		sim.state.blockList[0].firstName = 'Kalle';
		sim.state.blockList[0].lastName = 'Åström';
		const list = await call('nix/list.ashx');
		expect(list.contentType).toBe('text/xml; charset=iso-8859-1');
		expect(list.text).toBe(
			'<?xml version="1.0" encoding="iso-8859-1"?>\r\n<nixentries>\r\n  <nixentry>\r\n    <mobile>070112233</mobile>\r\n' +
				'    <firstname>Kalle</firstname>\r\n    <lastname>Åström</lastname>\r\n  </nixentry>\r\n' +
				'  <nixentry>\r\n    <mobile>070445566</mobile>\r\n  </nixentry>\r\n</nixentries>',
		);
		// Adding a listed number again answers the id it already has.
		expect(await answer('nix/addnix.ashx', entries('addnixentries', ['070-445 566']))).toBe(ids[1]);
		expect(await answer('nix/deletenix.ashx', entries('deletenixentries', ['070445566', '0709999999']))).toBe(ids[1]);
		expect(sim.state.blockList.map((e) => e.mobile)).toEqual(['070112233']);
		expect(await answer('nix/deletenix.ashx', entries('deletenixentries', ['0709999999']))).toBe('2:ERROR1');
	});

	it('answers 2:ERROR1 for an invalid number and 1:ERROR1 for a malformed entry', async () => {
		expect(await answer('nix/addnix.ashx', entries('addnixentries', ['070112233', 'abc']))).toBe('2:ERROR1');
		expect(sim.state.blockList).toHaveLength(0);
		const noMobile = `${DECLARATION}<addnixentries><nixentries><nixentry number="070112233" /></nixentries></addnixentries>`;
		expect(await answer('nix/addnix.ashx', noMobile)).toBe('1:ERROR1');
	});
});

describe('reminders', () => {
	const reminders = (inner: string) => `${DECLARATION}<reminderappointments>${inner}</reminderappointments>`;
	const add = (inner: string) =>
		answer('reminder/add.ashx', reminders(`<reminderappointment>${inner}</reminderappointment>`));

	it('adds a reminder, derives message date and text, and lists it', async () => {
		const id = await add(
			'<appointmentdate>2030-04-01T08:30:00</appointmentdate><organizer_firstname>Hans</organizer_firstname>' +
				'<organizer_lastname>Evertsson</organizer_lastname><organizer_title>Dr</organizer_title>' +
				'<attendant_firstname>Åke</attendant_firstname><attendant_lastname>Berg</attendant_lastname>' +
				'<attendant_mobile>070334455</attendant_mobile>',
		);
		expect(id).toMatch(/^\d+$/);
		expect(sim.state.reminders).toEqual([
			{
				id: Number(id),
				appointmentDate: '2030-04-01 08:30',
				userId: 1,
				userIdentity: '',
				userAlias: 'demo',
				active: true,
				messageDate: '2030-03-31 10:00',
				messageText: 'Hi Åke, we like to remind you of your appointment with Dr Hans Evertsson on 2030-04-01 at 08:30.',
				organizer: { title: 'Dr', firstName: 'Hans', lastName: 'Evertsson' },
				attendant: { firstName: 'Åke', lastName: 'Berg', mobile: '070334455' },
			},
		]);
		const list = await call('reminder/list.ashx');
		expect(list.contentType).toBe('text/xml; charset=iso-8859-1');
		expect(list.text).toContain(`<appointmentId>${id}</appointmentId>\r\n  <appointmentDate>2030-04-01 08:30</appointmentDate>`);
		expect(list.text).toContain('<userIdentity></userIdentity>');
		expect(list.text).toContain('<attendant>\r\n    <firstname>Åke</firstname>');
		expect(list.bytes.includes(Buffer.from([0xc5, 0x6b, 0x65]))).toBe(true);
		expect(await answer('reminder/list.ashx', undefined, `user=${USER}&hash=${KEY}&id=${id}`)).toContain(id);
		expect(await answer('reminder/list.ashx', undefined, `user=${USER}&hash=${KEY}&id=1`)).toBe('2:ERROR1');
	});

	it('answers 2:ERROR1 for an empty list and a past appointment, 1:ERROR1 for invalid ones', async () => {
		expect(await answer('reminder/list.ashx')).toBe('2:ERROR1');
		expect(await add('<appointmentdate>2030-03-15T12:59:00</appointmentdate><attendant_mobile>070334455</attendant_mobile>')).toBe('2:ERROR1');
		expect(await add('<appointmentdate>2030-04-01T08:30:00</appointmentdate>')).toBe('1:ERROR1');
		expect(await add('<appointmentdate>2030-04-01</appointmentdate><attendant_mobile>070334455</attendant_mobile>')).toBe('1:ERROR1');
		expect(await add('<appointmentdate>2030-04-01T08:30:00</appointmentdate><attendant_mobile>07x</attendant_mobile>')).toBe('1:ERROR1');
		expect(sim.state.reminders).toHaveLength(0);
	});

	it('edits only the fields sent, and negates ids it cannot change', async () => {
		const id = Number(
			await add('<appointmentdate>2030-04-01T08:30:00</appointmentdate><attendant_firstname>Åke</attendant_firstname><attendant_mobile>070334455</attendant_mobile>'),
		);
		const edit = (inner: string) =>
			answer('reminder/edit.ashx', reminders(`<reminderappointment>${inner}</reminderappointment>`));
		expect(await edit(`<appointmentid>${id}</appointmentid><appointmentdate>2030-05-02T09:15:00</appointmentdate>`)).toBe(
			String(id),
		);
		expect(sim.state.reminders[0]).toMatchObject({
			appointmentDate: '2030-05-02 09:15',
			messageDate: '2030-05-01 10:00',
			attendant: { firstName: 'Åke', mobile: '070334455' },
			active: true,
		});
		expect(await edit(`<appointmentid>${id}</appointmentid><active>false</active>`)).toBe(String(id));
		expect(sim.state.reminders[0].active).toBe(false);
		const both = reminders(
			`<reminderappointment><appointmentid>${id}</appointmentid><attendant_lastname>X</attendant_lastname></reminderappointment>` +
				'<reminderappointment><appointmentid>777777</appointmentid></reminderappointment>',
		);
		expect(await answer('reminder/edit.ashx', both)).toBe(`-${id},-777777`);
		expect(sim.state.reminders[0].attendant.lastName).toBe('');
		expect(await edit('<attendant_lastname>X</attendant_lastname>')).toBe('1:ERROR1');
		expect(await edit(`<appointmentid>${id}</appointmentid><active>no</active>`)).toBe('1:ERROR1');
	});
});

describe('status callbacks', () => {
	interface Received {
		headers: http.IncomingHttpHeaders;
		url: string;
		body: Buffer;
	}
	let receiver: http.Server;
	let receiverUrl: string;
	let received: Received[];
	let replies: Array<(messageId: string) => [number, string]>;

	beforeAll(async () => {
		receiver = http.createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				const body = Buffer.concat(chunks);
				received.push({ headers: request.headers, url: request.url ?? '', body });
				const fields = new URLSearchParams(body.toString('latin1'));
				const reply = replies.shift() ?? ((id: string) => [200, id]);
				const [status, text] = reply(fields.get('messageid') ?? '');
				response.writeHead(status).end(text);
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/status`;
	});

	afterAll(async () => {
		await new Promise((resolve) => receiver.close(resolve));
	});

	beforeEach(() => {
		received = [];
		replies = [];
	});

	const withCallbacks = (recipients: string) =>
		sms(`<body>x</body><statusurl>${receiverUrl}</statusurl>`, `<recipients>${recipients}</recipients>`);

	it('posts messageid, status and transid per recipient and retries until 200 with the id', async () => {
		sim.setCallbackOptions({ statuses: [20, 0] });
		replies = [() => [500, 'busy'], () => [200, 'OK'], (id) => [200, `OK ${id}`]];
		const ids = (
			await answer(
				'message/create.ashx',
				withCallbacks('<recipient transid="order-1">+46701234567</recipient><recipient transid="order-2">+46701234568</recipient>'),
			)
		).split(',');
		const attempts = await sim.waitForCallbacks(4, 3000);
		expect(attempts.map((a) => [a.messageId, a.transId, a.status, a.attempt, a.httpStatus])).toEqual([
			[ids[0], 'order-1', 20, 1, 500],
			[ids[0], 'order-1', 20, 2, 200],
			[ids[0], 'order-1', 20, 3, 200],
			[ids[1], 'order-2', 0, 1, 200],
		]);
		expect(attempts[2].responseBody).toBe(`OK ${ids[0]}`);
		expect(received[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(received[0].url).toBe('/status');
		expect(received[0].body.toString('latin1')).toBe(`messageid=${ids[0]}&status=20&transid=order-1`);
		expect(sim.state.messages.map((m) => m.deliveryStatus)).toEqual([20, 0]);
	});

	it('gives up after the last retry', async () => {
		replies = [() => [404, ''], () => [404, ''], () => [404, '']];
		await answer('message/create.ashx', withCallbacks('<recipient transid="t">+46701234567</recipient>'));
		await sim.waitForCallbacks(3, 3000);
		await new Promise((resolve) => setTimeout(resolve, 80));
		expect(sim.callbackAttempts.map((a) => a.httpStatus)).toEqual([404, 404, 404]);
	});

	it('sends Latin-1 form bodies and the other formats', async () => {
		sim.setCallbackOptions({ format: 'form-latin1' });
		const [id] = (await answer('message/create.ashx', withCallbacks('<recipient transid="Åre 1">+46701234567</recipient>'))).split(',');
		await sim.waitForCallbacks(1, 3000);
		expect(received[0].headers['content-type']).toBe('application/x-www-form-urlencoded; charset=ISO-8859-1');
		expect(received[0].body.toString('latin1')).toBe(`messageid=${id}&status=20&transid=%C5re+1`);

		const expected: Record<string, (id: string) => [string | undefined, string, string]> = {
			form: (i) => ['application/x-www-form-urlencoded', '/status', `messageid=${i}&status=20&transid=%C3%85re+1`],
			query: (i) => [undefined, `/status?messageid=${i}&status=20&transid=%C3%85re+1`, ''],
			xml: (i) => [
				'text/xml; charset=iso-8859-1',
				'/status',
				`<?xml version="1.0" encoding="iso-8859-1"?>\r\n<messagestatus>\r\n  <messageid>${i}</messageid>\r\n  <status>20</status>\r\n  <transid>Åre 1</transid>\r\n</messagestatus>`,
			],
			json: (i) => ['application/json; charset=utf-8', '/status', `{"messageid":${i},"status":20,"transid":"Åre 1"}`],
		};
		for (const [format, expect3] of Object.entries(expected)) {
			sim.reset();
			received = [];
			sim.setCallbackOptions({ format: format as 'form' });
			const [messageId] = (
				await answer('message/create.ashx', withCallbacks('<recipient transid="Åre 1">+46701234567</recipient>'))
			).split(',');
			await sim.waitForCallbacks(1, 3000);
			const [contentType, url, body] = expect3(messageId);
			expect([format, received[0].headers['content-type'], received[0].url]).toEqual([format, contentType, url]);
			expect(received[0].body.toString(format === 'json' || format === 'form' ? 'utf8' : 'latin1')).toBe(body);
		}
	});

	it('never calls a receiver outside loopback and sends nothing for scheduled messages', async () => {
		const outside = sms('<body>x</body><statusurl>http://example.com/status</statusurl>');
		const [id] = (await answer('message/create.ashx', outside)).split(',');
		const [attempt] = await sim.waitForCallbacks(1, 3000);
		expect(attempt).toMatchObject({ messageId: id, attempt: 1, url: 'http://example.com/status' });
		expect(attempt.error).toMatch(/loopback/);
		expect(attempt.httpStatus).toBeUndefined();

		sim.reset();
		const scheduled = sms(`<senddate>2030-04-01T08:00:00</senddate><body>x</body><statusurl>${receiverUrl}</statusurl>`);
		await answer('message/create.ashx', scheduled);
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(received).toHaveLength(0);
		expect(sim.callbackAttempts).toHaveLength(0);
	});

	it('cancels pending callbacks on stop()', async () => {
		const own = new InTimeSimulator({ callbacks: { delayMs: 100 } });
		const ownUrl = await own.start();
		const response = await fetch(`${ownUrl}/message/create.ashx?user=${USER}&hash=${KEY}`, {
			method: 'POST',
			body: Buffer.from(withCallbacks('<recipient transid="t">+46701234567</recipient>'), 'latin1'),
		});
		expect(await response.text()).toMatch(/^\d+$/);
		await own.stop();
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(own.callbackAttempts).toHaveLength(0);
		expect(received).toHaveLength(0);
		await expect(own.waitForCallbacks(1, 50)).rejects.toThrow(/1 status callback attempt/);
	});
});

describe('views for people, seeding and reset', () => {
	const origin = () => new URL(baseUrl).origin;

	it('serves an overview page and JSON views with the secret key masked', async () => {
		seedGroup('Kunder', [{ mobile: '0701111111' }]);
		await answer('message/create.ashx', sms('<body>Hälsningar från Åre</body>'));
		const page = await (await fetch(`${origin()}/`)).text();
		expect(page).toContain('Hälsningar från Åre');
		expect(page).toContain('+46701234567');
		expect(page).toContain('Kunder');
		expect(page).toContain('hash=***');
		expect(page).not.toContain(KEY);
		const requests = await (await fetch(`${origin()}/_sim/requests`)).text();
		expect(JSON.parse(requests)[0].query).toEqual({ user: USER, hash: '***' });
		expect(requests).not.toContain(KEY);
		const state = (await (await fetch(`${origin()}/_sim/state`)).json()) as { messages: Array<{ body: string }> };
		expect(state.messages[0].body).toBe('Hälsningar från Åre');
		// The views themselves are not recorded as API requests.
		expect(sim.requests).toHaveLength(1);
	});

	it('keeps ids unique across seeded and created records, and reset() clears everything', async () => {
		sim.state.groups.push({ id: 5000, name: 'Seeded with own id' });
		const next = sim.nextId();
		expect(next).toBe(5001);
		sim.failNext('nix/list.ashx', '2:ERROR0');
		sim.reset();
		expect(sim.state).toEqual({ messages: [], contacts: [], groups: [], blockList: [], reminders: [] });
		expect(sim.requests).toEqual([]);
		expect(await answer('nix/list.ashx')).toBe('2:ERROR1');
	});
});
