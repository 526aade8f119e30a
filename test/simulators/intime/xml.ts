/**
 * Reading request XML the way a strict XML server would, and writing list answers.
 * fast-xml-parser is lenient (unknown entities, a bare '&' or '<' in attributes, several roots), so the checks it
 * skips are done here: the simulator must reject what the real .NET service would fail to load.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
	name: string;
	attributes: Record<string, string>;
	children: XmlElement[];
	/** All character data directly inside the element (entities decoded, CDATA kept as is), not trimmed. */
	text: string;
}

export interface XmlDocument {
	/** Pseudo-attributes of the `<?xml ...?>` declaration, when there is one. */
	declaration?: Record<string, string>;
	root: XmlElement;
}

const parser = new XMLParser({
	preserveOrder: true,
	ignoreAttributes: false,
	attributeNamePrefix: '',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: false,
	// Entities are decoded below, where an unknown or malformed one can be refused.
	processEntities: false,
	cdataPropName: '#cdata',
	ignoreDeclaration: false,
	ignorePiTags: false,
});

class NotWellFormed extends Error {}

// Characters XML 1.0 does not allow anywhere in a document.
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));|&/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isAllowedCodePoint(code: number): boolean {
	return (
		code === 0x9 ||
		code === 0xa ||
		code === 0xd ||
		(code >= 0x20 && code <= 0xd7ff) ||
		(code >= 0xe000 && code <= 0xfffd) ||
		(code >= 0x10000 && code <= 0x10ffff)
	);
}

function decodeReferences(raw: string): string {
	return raw.replace(REFERENCE, (match, named: string | undefined, decimal: string | undefined, hex: string | undefined) => {
		if (named) return NAMED[named];
		if (decimal === undefined && hex === undefined) throw new NotWellFormed(`stray '&'`);
		const code = decimal !== undefined ? parseInt(decimal, 10) : parseInt(hex as string, 16);
		if (!isAllowedCodePoint(code)) throw new NotWellFormed(`reference ${match} to a forbidden character`);
		return String.fromCodePoint(code);
	});
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function nodeName(node: OrderedNode): string {
	const name = Object.keys(node).find((key) => key !== ':@');
	if (name === undefined) throw new NotWellFormed('node without a name');
	return name;
}

function toElement(name: string, node: OrderedNode): XmlElement {
	const attributes: Record<string, string> = {};
	for (const [key, value] of Object.entries(node[':@'] ?? {})) {
		if (value.includes('<')) throw new NotWellFormed(`'<' in attribute ${key}`);
		attributes[key] = decodeReferences(value);
	}
	const element: XmlElement = { name, attributes, children: [], text: '' };
	for (const child of node[name] as OrderedNode[]) {
		const childName = nodeName(child);
		if (childName === '#text') element.text += decodeReferences(String(child['#text']));
		else if (childName === '#cdata') {
			for (const part of child['#cdata'] as OrderedNode[]) element.text += String(part['#text'] ?? '');
		} else if (childName.startsWith('?')) continue;
		else element.children.push(toElement(childName, child));
	}
	return element;
}

/** Parses a whole document; undefined when it is not well-formed XML with exactly one root element. */
export function parseXml(text: string): XmlDocument | undefined {
	if (FORBIDDEN_CHARS.test(text) || /<!DOCTYPE/i.test(text)) return undefined;
	if (XMLValidator.validate(text) !== true) return undefined;
	try {
		const nodes = parser.parse(text) as OrderedNode[];
		let declaration: Record<string, string> | undefined;
		const roots: XmlElement[] = [];
		for (const node of nodes) {
			const name = nodeName(node);
			if (name === '?xml') declaration = { ...(node[':@'] ?? {}) };
			else if (name === '#text') {
				if (String(node['#text']).trim() !== '') return undefined;
			} else if (!name.startsWith('?') && name !== '#cdata') roots.push(toElement(name, node));
		}
		if (roots.length !== 1) return undefined;
		return { declaration, root: roots[0] };
	} catch (error) {
		if (error instanceof NotWellFormed) return undefined;
		throw error;
	}
}

/** The first element (depth first) with no attributes, no child elements and no text: InTime forbids those. */
export function findEmptyElement(element: XmlElement): XmlElement | undefined {
	if (
		Object.keys(element.attributes).length === 0 &&
		element.children.length === 0 &&
		element.text.trim() === ''
	) {
		return element;
	}
	for (const child of element.children) {
		const empty = findEmptyElement(child);
		if (empty) return empty;
	}
	return undefined;
}

export function escapeXml(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** Line break in list answers: the service runs on .NET/Windows. */
export const EOL = '\r\n';

export const XML_DECLARATION = '<?xml version="1.0" encoding="iso-8859-1"?>';

/** `<name>value</name>` with the value escaped. */
export function textElement(name: string, value: string | number | boolean): string {
	return `<${name}>${escapeXml(String(value))}</${name}>`;
}
