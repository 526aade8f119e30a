import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/** Attributes are written as keys with this prefix, e.g. `{ '@_groupid': 1 }` → `groupid="1"`. */
export const ATTRIBUTE_PREFIX = '@_';

const XML_DECLARATION = '<?xml version="1.0" encoding="iso-8859-1"?>';

const builder = new XMLBuilder({
	ignoreAttributes: false,
	attributeNamePrefix: ATTRIBUTE_PREFIX,
	format: true,
	// Attribute-only elements such as <group groupid="1" /> are written self-closing, as in the API's examples.
	suppressEmptyNode: true,
	// Otherwise an attribute whose value is "true" is written without a value (deletecontacts="true" → deletecontacts).
	suppressBooleanAttributes: false,
	// Escapes & < > " ' in text and attributes, so the server reads exactly what the user typed.
	processEntities: true,
});

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: ATTRIBUTE_PREFIX,
	// Keep values as text: ids like 0701234567 must not lose their leading zero.
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	isArray: (name) => ['group', 'nixentry', 'reminderappointment'].includes(name),
});

export type XmlValue = string | number | XmlElement | XmlElement[] | undefined;
export interface XmlElement {
	[key: string]: XmlValue;
}

/**
 * Builds a request document. Keys whose value is undefined or '' are left out: the InTime API rejects
 * empty elements.
 */
export function buildXmlDocument(rootName: string, content: XmlElement): string {
	return `${XML_DECLARATION}\n${builder.build({ [rootName]: withoutEmptyValues(content) })}`;
}

function withoutEmptyValues(element: XmlElement): XmlElement {
	const result: XmlElement = {};
	for (const [key, value] of Object.entries(element)) {
		if (value === undefined || value === '') continue;
		if (Array.isArray(value)) {
			result[key] = value.map(withoutEmptyValues);
		} else if (typeof value === 'object') {
			result[key] = withoutEmptyValues(value);
		} else {
			result[key] = value;
		}
	}
	return result;
}

export function parseXmlDocument(xml: string): Record<string, unknown> {
	return parser.parse(xml) as Record<string, unknown>;
}
