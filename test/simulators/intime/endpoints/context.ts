/** What every endpoint handler gets and returns, and helpers to read request XML by the spec's rules. */
import type { InTimeAccount, InTimeState } from '../types';
import type { XmlElement } from '../xml';

export interface StatusCallbackJob {
	url: string;
	messageId: number;
	transId: string;
	/** Position among the message's explicit recipients; picks the status to report. */
	recipientIndex: number;
}

export interface EndpointContext {
	state: InTimeState;
	nextId(): number;
	account: InTimeAccount & { userId: number };
	query: Record<string, string>;
	/** Root element of the request body (post endpoints only; already checked for name and empty elements). */
	root: XmlElement;
	now(): Date;
	timeZone: string;
	scheduleStatusCallbacks(jobs: StatusCallbackJob[]): void;
}

export interface Answer {
	/** 'text' for codes and ids, 'xml' for lists. */
	type: 'text' | 'xml';
	body: string;
}

export interface EndpointDefinition {
	/** Path below the base path, e.g. 'message/create.ashx'. */
	path: string;
	/** 'list' endpoints read only the query; 'post' endpoints need an XML body with this root element. */
	kind: 'list' | 'post';
	rootElement?: string;
	handle(context: EndpointContext): Answer;
}

/** Thrown by handlers to answer an InTime error code such as '1:ERROR1'. */
export class InTimeError extends Error {
	constructor(readonly code: string) {
		super(code);
	}
}

export const XML_VALIDATION_FAILURE = '1:ERROR1';

export function text(body: string): Answer {
	return { type: 'text', body };
}

export function ids(values: number[]): Answer {
	return text(values.join(','));
}

/**
 * Children of `element` grouped by name. Any child whose name is not in `allowed`, or a name given more than once
 * when it is not in `repeatable`, is an XML validation failure (the real service validates against its schema).
 */
export function childrenByName(
	element: XmlElement,
	allowed: string[],
	repeatable: string[] = [],
): Map<string, XmlElement[]> {
	// Text mixed in between child elements has no place in the schema.
	if (element.text.trim() !== '') throw new InTimeError(XML_VALIDATION_FAILURE);
	const found = new Map<string, XmlElement[]>();
	for (const child of element.children) {
		if (!allowed.includes(child.name)) throw new InTimeError(XML_VALIDATION_FAILURE);
		const list = found.get(child.name) ?? [];
		list.push(child);
		if (list.length > 1 && !repeatable.includes(child.name)) throw new InTimeError(XML_VALIDATION_FAILURE);
		found.set(child.name, list);
	}
	return found;
}

/** Trimmed text of the single child `name`, undefined when absent. A child with child elements is invalid. */
export function optionalText(found: Map<string, XmlElement[]>, name: string): string | undefined {
	const element = found.get(name)?.[0];
	if (!element) return undefined;
	if (element.children.length > 0) throw new InTimeError(XML_VALIDATION_FAILURE);
	return element.text.trim();
}

export function requiredText(found: Map<string, XmlElement[]>, name: string, code = XML_VALIDATION_FAILURE): string {
	const value = optionalText(found, name);
	if (value === undefined || value === '') throw new InTimeError(code);
	return value;
}

/** A '0' or '1' flag; `fallback` when the element is absent and allowed to be. */
export function flag(found: Map<string, XmlElement[]>, name: string, fallback?: boolean): boolean {
	const value = optionalText(found, name);
	if (value === undefined) {
		if (fallback === undefined) throw new InTimeError(XML_VALIDATION_FAILURE);
		return fallback;
	}
	if (value !== '0' && value !== '1') throw new InTimeError(XML_VALIDATION_FAILURE);
	return value === '1';
}

/** Only the attributes in `allowed` may appear on `element`. */
export function checkAttributes(element: XmlElement, allowed: string[]): void {
	for (const name of Object.keys(element.attributes)) {
		if (!allowed.includes(name)) throw new InTimeError(XML_VALIDATION_FAILURE);
	}
}

/** A positive whole number in an attribute or element text; undefined when it is not one. */
export function parseId(value: string | undefined): number | undefined {
	if (value === undefined || !/^[0-9]+$/.test(value.trim())) return undefined;
	const id = Number(value.trim());
	return Number.isSafeInteger(id) ? id : undefined;
}

/** The single child `name` of `element` holding repeated `itemName` children (e.g. groups > group). */
export function listItems(element: XmlElement, name: string, itemName: string): XmlElement[] {
	const found = childrenByName(element, [name]);
	const list = found.get(name)?.[0];
	if (!list) throw new InTimeError(XML_VALIDATION_FAILURE);
	checkAttributes(list, []);
	const items = childrenByName(list, [itemName], [itemName]).get(itemName) ?? [];
	if (items.length === 0) throw new InTimeError(XML_VALIDATION_FAILURE);
	return items;
}
