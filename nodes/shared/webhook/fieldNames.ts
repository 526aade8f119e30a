/**
 * Field names from services that do not pin their wire format: `messageid`, `MessageId`, `message_id` and
 * `message-id` all mean the same field. Matching ignores letter case, `_`, `-` and spaces.
 */
export function normalizeFieldName(name: string): string {
	return name.toLowerCase().replace(/[\s_-]/g, '');
}

/** The first field whose normalised name is one of `aliases` (already normalised), or undefined. */
export function findField(
	fields: Record<string, unknown>,
	aliases: readonly string[],
): { name: string; value: unknown } | undefined {
	for (const alias of aliases) {
		for (const [name, value] of Object.entries(fields)) {
			if (normalizeFieldName(name) === alias) return { name, value };
		}
	}
	return undefined;
}

/** A field's value as one trimmed string: the first of repeated values, the text of an XML element. */
export function fieldText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (Array.isArray(value)) return fieldText(value[0]);
	if (typeof value === 'object') return fieldText((value as Record<string, unknown>)['#text']);
	return String(value).trim();
}

/** The scalar fields of an object (XML attributes and leaf elements, JSON primitives), nested objects left out. */
export function scalarFields(data: unknown): Record<string, unknown> {
	if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
	const fields: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
		if (name === '#text') continue;
		if (value === null || typeof value !== 'object') fields[name] = value;
		else if (Array.isArray(value) && value.every((entry) => entry === null || typeof entry !== 'object')) {
			fields[name] = value;
		} else if (!Array.isArray(value) && isTextElement(value as Record<string, unknown>)) {
			fields[name] = (value as Record<string, unknown>)['#text'];
		}
	}
	return fields;
}

/** `<status code="x">20</status>` parses to { '#text': '20', code: 'x' }: its value is the text. */
function isTextElement(element: Record<string, unknown>): boolean {
	return '#text' in element && Object.values(element).every((value) => typeof value !== 'object');
}

/**
 * The records in a parsed JSON/XML body: every object (at any depth, arrays included) whose own scalar fields
 * contain one of `keyAliases`. When none does, the top level's scalar fields are the one record, so that the
 * caller can report which field is missing.
 */
export function collectRecords(data: unknown, keyAliases: readonly string[]): Array<Record<string, unknown>> {
	const found: Array<Record<string, unknown>> = [];
	const visit = (node: unknown): void => {
		if (Array.isArray(node)) {
			node.forEach(visit);
			return;
		}
		if (node === null || typeof node !== 'object') return;
		const fields = scalarFields(node);
		if (findField(fields, keyAliases)) {
			found.push(fields);
			return;
		}
		Object.values(node as Record<string, unknown>).forEach(visit);
	};
	visit(data);
	if (found.length > 0) return found;
	return [Array.isArray(data) ? {} : scalarFields(data)];
}
