import type { IDataObject } from 'n8n-workflow';
import { encode } from 'iconv-lite';

import { splitRepeats } from '../../../nodes/InTime/trigger/repeatedReports';
import { parseContentType } from '../../../nodes/shared/webhook/contentType';
import { decodeText } from '../../../nodes/shared/webhook/decodeText';
import { collectRecords, normalizeFieldName } from '../../../nodes/shared/webhook/fieldNames';
import { parseFormEncoded } from '../../../nodes/shared/webhook/formEncoded';
import { MalformedBodyError, parseBody } from '../../../nodes/shared/webhook/parseBody';

describe('Content-Type', () => {
	test.each([
		['application/x-www-form-urlencoded; charset=ISO-8859-1', { mimeType: 'application/x-www-form-urlencoded', charset: 'iso-8859-1' }],
		['Text/XML;Charset="utf-8"', { mimeType: 'text/xml', charset: 'utf-8' }],
		['application/json', { mimeType: 'application/json' }],
		[undefined, { mimeType: '' }],
	])('%s', (header, expected) => {
		expect(parseContentType(header)).toEqual(expected);
	});
});

describe('decodeText', () => {
	test('declared ISO-8859-1 is read as Windows-1252, like browsers do (0x80 is €)', () => {
		expect(decodeText(Buffer.from([0xe5, 0x80]), 'iso-8859-1', 'utf-8')).toBe('å€');
	});
	test('no charset: valid UTF-8 is UTF-8, anything else the fallback', () => {
		expect(decodeText(Buffer.from('Łódź', 'utf8'), undefined, 'iso-8859-2')).toBe('Łódź');
		expect(decodeText(encode('Łódź', 'iso-8859-2'), undefined, 'iso-8859-2')).toBe('Łódź');
	});
	test('an unknown charset name is treated as none', () => {
		expect(decodeText(encode('ö', 'latin1'), 'klingon-8', 'windows-1252')).toBe('ö');
	});
	test('a UTF-8 byte order mark is dropped', () => {
		expect(decodeText(Buffer.from('\ufeff<a/>', 'utf8'), 'utf-8', 'windows-1252')).toBe('<a/>');
	});
});

describe('parseFormEncoded', () => {
	test('escapes are bytes in the declared charset', () => {
		expect(parseFormEncoded('t=%E5%E4%F6', 'iso-8859-1', 'utf-8')).toEqual({ t: 'åäö' });
		expect(parseFormEncoded('t=%C3%A5', 'utf-8', 'windows-1252')).toEqual({ t: 'å' });
	});
	test('+ is a space, %2B a plus; repeated names keep every value; a stray % stays', () => {
		expect(parseFormEncoded('a=1+2%2B3&b=x&b=y&c=100%&d', undefined, 'utf-8')).toEqual({
			a: '1 2+3',
			b: ['x', 'y'],
			c: '100%',
			d: '',
		});
	});
});

describe('parseBody', () => {
	test('format chosen by type, and by the first character when the type says nothing', async () => {
		const cases: Array<[string | undefined, string, string]> = [
			['application/json', '{"a":1}', 'json'],
			[undefined, ' [1]', 'json'],
			['text/plain', '<a>1</a>', 'xml'],
			['application/soap+xml', '<a/>', 'xml'],
			['text/plain', 'a=1&b=2', 'form'],
			['application/x-www-form-urlencoded', 'a', 'form'],
			['text/plain', 'hello there', 'text'],
		];
		for (const [type, body, format] of cases) {
			expect([type, body, (await parseBody(Buffer.from(body), type, 'utf-8')).format]).toEqual([type, body, format]);
		}
		expect((await parseBody(Buffer.alloc(0), 'application/json', 'utf-8')).format).toBe('empty');
	});

	test('XML: the charset of the XML declaration is used when the header has none', async () => {
		const xml = encode('<?xml version="1.0" encoding="iso-8859-2"?><m><t>żółw</t></m>', 'iso-8859-2');
		expect((await parseBody(xml, 'text/xml', 'utf-8')).data).toEqual({ m: { t: 'żółw' } });
	});

	test('broken JSON and XML are errors the node answers with 400', async () => {
		await expect(parseBody(Buffer.from('{"a":'), 'application/json', 'utf-8')).rejects.toThrow(MalformedBodyError);
		await expect(parseBody(Buffer.from('<a><b></a>'), 'text/xml', 'utf-8')).rejects.toThrow(MalformedBodyError);
	});
});

describe('field names and records', () => {
	test('letter case, _ and - are ignored', () => {
		expect(['messageid', 'MessageId', 'message_id', 'MESSAGE-ID'].map(normalizeFieldName)).toEqual(
			Array(4).fill('messageid'),
		);
	});
	test('records are found at any depth; text elements with attributes give their text', () => {
		const data = { root: { list: { item: [{ MessageID: '1', status: { '#text': '20', unit: 'x' } }, { messageid: '2' }] } } };
		expect(collectRecords(data, ['messageid'])).toEqual([{ MessageID: '1', status: '20' }, { messageid: '2' }]);
	});
	test('without a matching record, the top-level fields come back so the caller can name what is missing', () => {
		expect(collectRecords({ status: '20', nested: { x: 1 } }, ['messageid'])).toEqual([{ status: '20' }]);
	});
});

describe('splitRepeats', () => {
	test('keeps at most 5000 entries, the newest', () => {
		const store: IDataObject = {};
		const now = new Date('2026-11-23T12:00:00Z');
		const reports = Array.from({ length: 5003 }, (_, index) => ({ messageId: String(index), transId: null, status: 20 }));
		expect(splitRepeats(store, reports, 60, now).fresh).toHaveLength(5003);
		expect(Object.keys(store.seenReports as object)).toHaveLength(5000);
	});
});
