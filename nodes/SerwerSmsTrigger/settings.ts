import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { dateToWallClock, formatWallClock, isValidTimeZone, parseWallClock } from '../shared/zonedTime';
import { DEFAULT_OVERLAP_MINUTES, DEFAULT_TIME_ZONE } from './description/triggerProperties';
import { MESSAGE_TYPES } from './messages/messageTypes';

export interface TriggerSettings {
	/** One entry per query to make; undefined means "all types" (no `type` field). */
	types: Array<string | undefined>;
	phones: string[];
	ndiNumber: string;
	includeContactDetails: boolean;
	timeZone: string;
	overlapMinutes: number;
	/** The option as entered (state key) and as a wall-clock time in the zone (undefined: from activation). */
	startFromOption: string;
	startFrom?: string;
	markAsRead: boolean;
}

const PHONE_PATTERN = /^\+?\d{6,15}$/;

function parsePhone(context: IPollFunctions, field: string, value: string): string {
	const compact = value.replace(/[\s()-]/g, '');
	if (!PHONE_PATTERN.test(compact)) {
		throw new NodeOperationError(
			context.getNode(),
			`${field}: "${value}" is not a phone number`,
			{
				description:
					'Use international format such as +48500600700 (6 to 15 digits, optionally after +). Separate several numbers with commas.',
			},
		);
	}
	return compact;
}

function parseStartFrom(context: IPollFunctions, value: string, timeZone: string): string | undefined {
	const text = value.trim();
	if (!text) return undefined;
	const wallClock = parseWallClock(text);
	if (wallClock) return formatWallClock(wallClock);
	// A date with an offset or Z (e.g. from an expression) is an instant: read it in the zone.
	const instant = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? new Date(text) : undefined;
	if (instant && !Number.isNaN(instant.getTime())) return formatWallClock(dateToWallClock(instant, timeZone));
	throw new NodeOperationError(context.getNode(), `Start From: "${value}" is not a date and time`, {
		description: 'Pick a date in the date picker, or write it like 2026-11-23 08:00:00. Leave it empty to start now.',
	});
}

export function readSettings(context: IPollFunctions): TriggerSettings {
	const selectedTypes = (context.getNodeParameter('messageTypes', []) as string[]).filter((type) =>
		MESSAGE_TYPES.includes(type),
	);
	const types =
		selectedTypes.length === 0 || selectedTypes.length === MESSAGE_TYPES.length
			? [undefined]
			: MESSAGE_TYPES.filter((type) => selectedTypes.includes(type));

	const phoneText = String(context.getNodeParameter('senderPhones', '') ?? '');
	const phones = [
		...new Set(
			phoneText
				.split(/[,;\n]/)
				.map((phone) => phone.trim())
				.filter(Boolean)
				.map((phone) => parsePhone(context, 'Sender Phone Numbers', phone)),
		),
	];
	const ndiText = String(context.getNodeParameter('ndiNumber', '') ?? '').trim();
	const ndiNumber = ndiText ? parsePhone(context, 'NDI Number', ndiText) : '';

	const options = context.getNodeParameter('options', {}) as IDataObject;
	const timeZone = String(options.timeZone ?? '').trim() || DEFAULT_TIME_ZONE;
	if (!isValidTimeZone(timeZone)) {
		throw new NodeOperationError(context.getNode(), `Time Zone: "${timeZone}" is not a known time zone`, {
			description: 'Use an IANA time zone name such as Europe/Warsaw (the zone SerwerSMS writes its times in).',
		});
	}
	const overlapMinutes = Number(options.overlapMinutes ?? DEFAULT_OVERLAP_MINUTES);
	if (!Number.isFinite(overlapMinutes) || overlapMinutes < 0 || overlapMinutes > 1440) {
		throw new NodeOperationError(
			context.getNode(),
			`Late Arrival Window (Minutes): "${String(options.overlapMinutes)}" is out of range`,
			{ description: 'Use a number of minutes from 0 to 1440 (one day). The default is 10.' },
		);
	}
	const startFromOption =
		options.startFrom === undefined || options.startFrom === null ? '' : String(options.startFrom).trim();

	return {
		types,
		phones,
		ndiNumber,
		includeContactDetails: context.getNodeParameter('includeContactDetails', false) as boolean,
		timeZone,
		overlapMinutes,
		startFromOption,
		startFrom: parseStartFrom(context, startFromOption, timeZone),
		markAsRead: options.markAsRead === true,
	};
}

/** The filter fields of a `messages/recived` query, as SerwerSMS names them. */
export function filterFields(settings: TriggerSettings, type: string | undefined): IDataObject {
	const fields: IDataObject = {};
	if (type) fields.type = type;
	if (settings.phones.length === 1) fields.phone = settings.phones[0];
	if (settings.phones.length > 1) fields.phone = settings.phones;
	if (settings.ndiNumber) fields.ndi = settings.ndiNumber;
	if (settings.includeContactDetails) fields.show_contact = true;
	return fields;
}
