import { seedReminder, xmlDocument } from './fixtures';
import { requestsTo, runInTime, SECRET_KEY, useInTimeSimulator, USERNAME } from './setup';

describe('InTime node: Reminder', () => {
	const simulator = useInTimeSimulator();

	describe('Create', () => {
		const create = { resource: 'reminder', operation: 'create' };

		it('sends a date picked in a Stockholm workflow as it is, with every field in the spec order', async () => {
			const { items, error } = await runInTime(simulator, {
				...create,
				appointmentDate: '2030-04-25T08:30:00',
				attendeeMobile: '070-33 44 55',
				additionalFields: {
					// Deliberately not in the API's order: the node must put them in it.
					attendeeLastName: 'Öberg',
					organizerTitle: 'Dr',
					attendeeFirstName: 'Åsa',
					organizerLastName: 'Svensson',
					organizerFirstName: 'Karl',
				},
			});
			expect(error).toBeUndefined();

			const [request] = requestsTo(simulator, 'reminder/add.ashx');
			expect(request.method).toBe('POST');
			expect(request.query).toEqual({ user: USERNAME, hash: SECRET_KEY });
			expect(request.headers['content-type']).toBe('text/xml; charset=ISO-8859-1');
			expect(request.bodyText).toBe(
				xmlDocument(
					'<reminderappointments>',
					'  <reminderappointment>',
					'    <appointmentdate>2030-04-25T08:30:00</appointmentdate>',
					'    <organizer_firstname>Karl</organizer_firstname>',
					'    <organizer_lastname>Svensson</organizer_lastname>',
					'    <organizer_title>Dr</organizer_title>',
					'    <attendant_firstname>Åsa</attendant_firstname>',
					'    <attendant_lastname>Öberg</attendant_lastname>',
					'    <attendant_mobile>070334455</attendant_mobile>',
					'  </reminderappointment>',
					'</reminderappointments>',
				),
			);
			expect(request.rawBody.includes(Buffer.from([0xc5, 0x73, 0x61]))).toBe(true); // "Åsa" in ISO-8859-1

			const [stored] = simulator.state.reminders;
			expect(stored).toMatchObject({
				appointmentDate: '2030-04-25 08:30',
				active: true,
				organizer: { title: 'Dr', firstName: 'Karl', lastName: 'Svensson' },
				attendant: { firstName: 'Åsa', lastName: 'Öberg', mobile: '070334455' },
			});
			expect(items).toEqual([
				{
					json: {
						appointmentId: stored.id,
						// 08:30 Swedish summer time.
						appointmentDate: '2030-04-25T08:30:00+02:00',
						organizerFirstName: 'Karl',
						organizerLastName: 'Svensson',
						organizerTitle: 'Dr',
						attendeeFirstName: 'Åsa',
						attendeeLastName: 'Öberg',
						attendeeMobile: '070334455',
					},
					pairedItem: { item: 0 },
				},
			]);
		});

		it.each([
			// EDT (UTC-4) against CEST (UTC+2): six hours.
			{ picked: '2030-04-25T08:30:00', sent: '2030-04-25T14:30:00', instant: '2030-04-25T12:30:00.000Z' },
			// 20 March: New York is already on summer time, Stockholm not yet: five hours.
			{ picked: '2030-03-20T08:30:00', sent: '2030-03-20T13:30:00', instant: '2030-03-20T12:30:00.000Z' },
			// Late evening in New York is the next day in Sweden.
			{ picked: '2030-11-05T20:15:00', sent: '2030-11-06T02:15:00', instant: '2030-11-06T01:15:00.000Z' },
		])(
			'reads a date picked in a New York workflow ($picked) in New York time and sends Swedish time ($sent)',
			async ({ picked, sent, instant }) => {
				const { items, error } = await runInTime(
					simulator,
					{ ...create, appointmentDate: picked, attendeeMobile: '0701234567' },
					{ timezone: 'America/New_York' },
				);
				expect(error).toBeUndefined();
				expect(requestsTo(simulator, 'reminder/add.ashx')[0].bodyText).toContain(
					`<appointmentdate>${sent}</appointmentdate>`,
				);
				expect(simulator.state.reminders[0].appointmentDate).toBe(sent.slice(0, 16).replace('T', ' '));
				// Output like Get Many: Swedish local time with its offset, the same instant.
				expect(items[0].json.appointmentDate).toMatch(new RegExp(`^${sent}\\+0[12]:00$`));
				expect(new Date(items[0].json.appointmentDate as string).toISOString()).toBe(instant);
			},
		);

		it.each([
			{ input: '2030-04-25T08:30:00+00:00', sent: '2030-04-25T10:30:00' },
			{ input: '2030-04-25T08:30:00Z', sent: '2030-04-25T10:30:00' },
			{ input: '2030-01-10T08:30:00-05:00', sent: '2030-01-10T14:30:00' },
			// A Luxon date from an expression carries its own zone.
			{
				input: "={{ DateTime.fromISO('2030-04-25T08:30:00', { zone: 'Asia/Tokyo' }) }}",
				sent: '2030-04-25T01:30:00',
			},
		])('takes the offset of "$input" over the workflow time zone', async ({ input, sent }) => {
			const { error } = await runInTime(
				simulator,
				{ ...create, appointmentDate: input, attendeeMobile: '0701234567' },
				{ timezone: 'America/New_York' },
			);
			expect(error).toBeUndefined();
			expect(requestsTo(simulator, 'reminder/add.ashx')[0].bodyText).toContain(
				`<appointmentdate>${sent}</appointmentdate>`,
			);
		});

		it.each([
			{
				parameters: { appointmentDate: '25/04/2030 08:30', attendeeMobile: '0701234567' },
				message: '"Appointment Date" is not a date and time: "25/04/2030 08:30"',
			},
			{
				parameters: { appointmentDate: '={{ $json.when }}', attendeeMobile: '0701234567' },
				message: '"Appointment Date" is empty',
			},
			{
				parameters: { appointmentDate: '2030-04-25T08:30:00', attendeeMobile: '={{ $json.phone }}' },
				message: '"Attendee Mobile" is empty',
			},
			{
				parameters: { appointmentDate: '2030-04-25T08:30:00', attendeeMobile: 'ring mig' },
				message: '"Attendee Mobile" has a value that is not a phone number: "ring mig"',
			},
		])('stops before sending: $message', async ({ parameters, message }) => {
			const { error } = await runInTime(simulator, { ...create, ...parameters });
			expect(error?.message).toBe(message);
			expect(simulator.requests).toHaveLength(0);
		});
	});

	describe('Get Many', () => {
		const getMany = { resource: 'reminder', operation: 'getAll' };

		it('lists all reminders: dates as ISO with offset, booleans as booleans, numbers as numbers', async () => {
			const summer = seedReminder(simulator, {
				appointmentDate: '2030-04-25 15:35',
				messageDate: '2030-04-24 10:00',
				messageText: 'Hej Åsa, välkommen till Dr Hans Evertsson!',
			});
			const winter = seedReminder(simulator, {
				appointmentDate: '2030-01-15 09:05',
				messageDate: '2030-01-14 10:00',
				active: false,
				organizer: { title: '', firstName: 'Eva', lastName: 'Ek & Co' },
				attendant: { firstName: 'Kalle', lastName: 'Ström', mobile: '0701122334' },
			});

			const { items, error } = await runInTime(simulator, { ...getMany, returnAll: true });
			expect(error).toBeUndefined();

			const [request] = requestsTo(simulator, 'reminder/list.ashx');
			expect(request.method).toBe('GET');
			// Without a filter, no id is asked for.
			expect(request.query).toEqual({ user: USERNAME, hash: SECRET_KEY });
			expect(items).toEqual([
				{
					json: {
						appointmentId: summer.id,
						appointmentDate: '2030-04-25T15:35:00+02:00',
						active: true,
						messageDate: '2030-04-24T10:00:00+02:00',
						messageText: 'Hej Åsa, välkommen till Dr Hans Evertsson!',
						userId: 1,
						userIdentity: null,
						userAlias: 'demo',
						organizer: { title: 'Dr', firstName: 'Hans', lastName: 'Evertsson' },
						attendant: { firstName: 'Åsa', lastName: 'Öberg', mobile: '07011223344' },
					},
					pairedItem: { item: 0 },
				},
				{
					json: {
						appointmentId: winter.id,
						appointmentDate: '2030-01-15T09:05:00+01:00',
						active: false,
						messageDate: '2030-01-14T10:00:00+01:00',
						messageText: 'Hi we like to remind you...',
						userId: 1,
						userIdentity: null,
						userAlias: 'demo',
						organizer: { title: null, firstName: 'Eva', lastName: 'Ek & Co' },
						attendant: { firstName: 'Kalle', lastName: 'Ström', mobile: '0701122334' },
					},
					pairedItem: { item: 0 },
				},
			]);
		});

		it('gets one reminder by Filters → Appointment ID, sent as the query parameter id', async () => {
			seedReminder(simulator);
			const wanted = seedReminder(simulator, { appointmentDate: '2030-06-01 12:00' });
			const { items, error } = await runInTime(simulator, {
				...getMany,
				filters: { appointmentId: ` ${wanted.id} ` },
			});
			expect(error).toBeUndefined();
			expect(requestsTo(simulator, 'reminder/list.ashx')[0].query).toEqual({
				user: USERNAME,
				hash: SECRET_KEY,
				id: String(wanted.id),
			});
			expect(items.map((item) => [item.json.appointmentId, item.json.appointmentDate])).toEqual([
				[wanted.id, '2030-06-01T12:00:00+02:00'],
			]);
		});

		it('keeps the first Limit reminders; no reminders (2:ERROR1) gives zero items and no error', async () => {
			const first = seedReminder(simulator);
			seedReminder(simulator);
			const limited = await runInTime(simulator, { ...getMany, limit: 1 });
			expect(limited.items.map((item) => item.json.appointmentId)).toEqual([first.id]);

			simulator.state.reminders.length = 0;
			const empty = await runInTime(simulator, getMany);
			expect(requestsTo(simulator, 'reminder/list.ashx')[1].answer).toBe('2:ERROR1');
			expect(empty.error).toBeUndefined();
			expect(empty.items).toEqual([]);
		});

		it('stops before sending when the Appointment ID filter is not a number', async () => {
			const { error } = await runInTime(simulator, { ...getMany, filters: { appointmentId: 'abc' } });
			expect(error?.message).toBe('"Appointment ID" must be a whole number above 0, but is "abc"');
			expect(simulator.requests).toHaveLength(0);
		});
	});

	describe('Update', () => {
		const update = { resource: 'reminder', operation: 'update' };

		it('sends only the given fields after appointmentid and changes only those', async () => {
			const reminder = seedReminder(simulator);
			const before = structuredClone(reminder);
			const { items, error } = await runInTime(simulator, {
				...update,
				appointmentId: String(reminder.id),
				updateFields: { attendeeMobile: '070-999 88 77', organizerTitle: 'Leg. läk.' },
			});
			expect(error).toBeUndefined();

			const [request] = requestsTo(simulator, 'reminder/edit.ashx');
			expect(request.bodyText).toBe(
				xmlDocument(
					'<reminderappointments>',
					'  <reminderappointment>',
					`    <appointmentid>${reminder.id}</appointmentid>`,
					'    <organizer_title>Leg. läk.</organizer_title>',
					'    <attendant_mobile>0709998877</attendant_mobile>',
					'  </reminderappointment>',
					'</reminderappointments>',
				),
			);
			expect(request.answer).toBe(String(reminder.id));
			const [after] = simulator.state.reminders;
			expect(after.organizer).toEqual({ ...before.organizer, title: 'Leg. läk.' });
			expect(after.attendant).toEqual({ ...before.attendant, mobile: '0709998877' });
			expect(after.appointmentDate).toBe(before.appointmentDate);
			expect(after.active).toBe(true);
			expect(items).toEqual([
				{
					json: {
						appointmentId: reminder.id,
						updated: true,
						changed: { organizerTitle: 'Leg. läk.', attendeeMobile: '0709998877' },
					},
					pairedItem: { item: 0 },
				},
			]);
		});

		it('puts every field in the spec order, the date in Swedish time, active last', async () => {
			const reminder = seedReminder(simulator);
			const { items, error } = await runInTime(
				simulator,
				{
					...update,
					appointmentId: `={{ ${reminder.id} }}`,
					updateFields: {
						active: true,
						attendeeMobile: '0705556677',
						attendeeLastName: 'Lind',
						attendeeFirstName: 'Lisa',
						organizerTitle: 'Tandläkare',
						organizerLastName: 'Holm',
						organizerFirstName: 'Per',
						appointmentDate: '2030-05-02T09:00:00',
					},
				},
				{ timezone: 'Europe/London' },
			);
			expect(error).toBeUndefined();
			expect(requestsTo(simulator, 'reminder/edit.ashx')[0].bodyText).toBe(
				xmlDocument(
					'<reminderappointments>',
					'  <reminderappointment>',
					`    <appointmentid>${reminder.id}</appointmentid>`,
					'    <appointmentdate>2030-05-02T10:00:00</appointmentdate>',
					'    <organizer_firstname>Per</organizer_firstname>',
					'    <organizer_lastname>Holm</organizer_lastname>',
					'    <organizer_title>Tandläkare</organizer_title>',
					'    <attendant_firstname>Lisa</attendant_firstname>',
					'    <attendant_lastname>Lind</attendant_lastname>',
					'    <attendant_mobile>0705556677</attendant_mobile>',
					'    <active>true</active>',
					'  </reminderappointment>',
					'</reminderappointments>',
				),
			);
			expect(simulator.state.reminders[0]).toMatchObject({
				appointmentDate: '2030-05-02 10:00',
				messageDate: '2030-05-01 10:00',
				organizer: { title: 'Tandläkare', firstName: 'Per', lastName: 'Holm' },
				attendant: { firstName: 'Lisa', lastName: 'Lind', mobile: '0705556677' },
			});
			expect(items[0].json.changed).toMatchObject({ appointmentDate: '2030-05-02T10:00:00+02:00', active: true });
		});

		it('deactivates a reminder with active: false', async () => {
			const reminder = seedReminder(simulator);
			const { items, error } = await runInTime(simulator, {
				...update,
				appointmentId: String(reminder.id),
				updateFields: { active: false },
			});
			expect(error).toBeUndefined();
			expect(requestsTo(simulator, 'reminder/edit.ashx')[0].bodyText).toBe(
				xmlDocument(
					'<reminderappointments>',
					'  <reminderappointment>',
					`    <appointmentid>${reminder.id}</appointmentid>`,
					'    <active>false</active>',
					'  </reminderappointment>',
					'</reminderappointments>',
				),
			);
			expect(simulator.state.reminders[0].active).toBe(false);
			expect(items[0].json).toEqual({ appointmentId: reminder.id, updated: true, changed: { active: false } });
		});

		it('fails naming the reminder when InTime answers its id negated (not changed)', async () => {
			const inactive = seedReminder(simulator, { active: false, attendant: { mobile: '0701111111' } });
			const { items, error } = await runInTime(simulator, {
				...update,
				appointmentId: String(inactive.id),
				updateFields: { attendeeMobile: '0702222222' },
			});
			expect(requestsTo(simulator, 'reminder/edit.ashx')[0].answer).toBe(`-${inactive.id}`);
			expect(error?.message).toBe(`InTime did not change reminder ${inactive.id}`);
			expect(error?.description).toContain('Only active reminders can be changed');
			expect(simulator.state.reminders[0].attendant.mobile).toBe('0701111111');
			expect(items).toEqual([]);
		});

		it.each([
			{ updateFields: {}, case: 'no Update Fields' },
			{ updateFields: { organizerTitle: '  ', appointmentDate: '' }, case: 'only empty Update Fields' },
		])('stops before sending with $case', async ({ updateFields }) => {
			const { error } = await runInTime(simulator, { ...update, appointmentId: '1472', updateFields });
			expect(error?.message).toBe('Nothing to change: no field under "Update Fields" is set');
			expect(simulator.requests).toHaveLength(0);
		});

		it('stops before sending when the Appointment ID is not a number', async () => {
			const { error } = await runInTime(simulator, {
				...update,
				appointmentId: '14-72',
				updateFields: { active: false },
			});
			expect(error?.message).toBe('"Appointment ID" must be a whole number above 0, but is "14-72"');
			expect(simulator.requests).toHaveLength(0);
		});
	});
});
