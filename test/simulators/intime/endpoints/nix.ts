/** nix/list.ashx, nix/addnix.ashx and nix/deletenix.ashx: the account's block list. */
import { isPhoneNumber, normalizePhoneNumber } from '../validation';
import { EOL, textElement, XML_DECLARATION } from '../xml';
import {
	checkAttributes,
	ids,
	InTimeError,
	listItems,
	XML_VALIDATION_FAILURE,
	type Answer,
	type EndpointContext,
	type EndpointDefinition,
} from './context';

function listEntries(context: EndpointContext): Answer {
	if (context.state.blockList.length === 0) throw new InTimeError('2:ERROR1');
	const lines = [XML_DECLARATION, '<nixentries>'];
	for (const entry of context.state.blockList) {
		lines.push('  <nixentry>');
		const fields: Array<[string, string | undefined]> = [
			['mobile', entry.mobile],
			['firstname', entry.firstName],
			['lastname', entry.lastName],
		];
		for (const [name, value] of fields) {
			if (value !== undefined && value !== '') lines.push(`    ${textElement(name, value)}`);
		}
		lines.push('  </nixentry>');
	}
	lines.push('</nixentries>');
	return { type: 'xml', body: lines.join(EOL) };
}

function readNumbers(context: EndpointContext): string[] {
	checkAttributes(context.root, []);
	return listItems(context.root, 'nixentries', 'nixentry').map((item) => {
		checkAttributes(item, ['mobile']);
		if (item.children.length > 0 || item.text.trim() !== '') throw new InTimeError(XML_VALIDATION_FAILURE);
		const mobile = item.attributes.mobile;
		if (mobile === undefined) throw new InTimeError(XML_VALIDATION_FAILURE);
		return mobile.trim();
	});
}

/** A number already on the list answers the id it already has instead of being added twice. */
function addEntries(context: EndpointContext): Answer {
	const numbers = readNumbers(context);
	if (numbers.some((mobile) => !isPhoneNumber(mobile))) throw new InTimeError('2:ERROR1');
	const entryIds = numbers.map((mobile) => {
		const existing = context.state.blockList.find(
			(entry) => normalizePhoneNumber(entry.mobile) === normalizePhoneNumber(mobile),
		);
		if (existing) return existing.id;
		const id = context.nextId();
		context.state.blockList.push({ id, mobile });
		return id;
	});
	return ids(entryIds);
}

function deleteEntries(context: EndpointContext): Answer {
	const numbers = readNumbers(context);
	const removed: number[] = [];
	for (const mobile of numbers) {
		const index = context.state.blockList.findIndex(
			(entry) => normalizePhoneNumber(entry.mobile) === normalizePhoneNumber(mobile),
		);
		if (index < 0) continue;
		removed.push(context.state.blockList[index].id);
		context.state.blockList.splice(index, 1);
	}
	if (removed.length === 0) throw new InTimeError('2:ERROR1');
	return ids(removed);
}

export const nixEndpoints: EndpointDefinition[] = [
	{ path: 'nix/list.ashx', kind: 'list', handle: listEntries },
	{ path: 'nix/addnix.ashx', kind: 'post', rootElement: 'addnixentries', handle: addEntries },
	{ path: 'nix/deletenix.ashx', kind: 'post', rootElement: 'deletenixentries', handle: deleteEntries },
];
