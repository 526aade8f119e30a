/** contacts/add.ashx, contacts/listgroups.ashx, contacts/addgroup.ashx and contacts/deletigroup.ashx. */
import type { ContactType, SimContact } from '../types';
import { isEmail, isPhoneNumber } from '../validation';
import { EOL, escapeXml, XML_DECLARATION } from '../xml';
import {
	checkAttributes,
	childrenByName,
	ids,
	InTimeError,
	listItems,
	optionalText,
	parseId,
	requiredText,
	XML_VALIDATION_FAILURE,
	type Answer,
	type EndpointContext,
	type EndpointDefinition,
} from './context';

const CONTACT_ELEMENTS = ['type', 'firstname', 'lastname', 'email', 'mobile', 'extrafield', 'groups'];

function readContactGroupIds(context: EndpointContext, container: ReturnType<typeof childrenByName>): number[] {
	const element = container.get('groups')?.[0];
	if (!element) return [];
	checkAttributes(element, []);
	const items = childrenByName(element, ['group'], ['group']).get('group') ?? [];
	return items.map((item) => {
		checkAttributes(item, ['groupid']);
		if (item.children.length > 0 || item.text.trim() !== '') throw new InTimeError(XML_VALIDATION_FAILURE);
		const id = parseId(item.attributes.groupid);
		if (id === undefined) throw new InTimeError(XML_VALIDATION_FAILURE);
		// A contact cannot join a group the account does not have.
		if (!context.state.groups.some((group) => group.id === id)) throw new InTimeError('2:ERROR1');
		return id;
	});
}

function addContacts(context: EndpointContext): Answer {
	checkAttributes(context.root, []);
	const items = childrenByName(context.root, ['contact'], ['contact']).get('contact') ?? [];
	if (items.length === 0) throw new InTimeError(XML_VALIDATION_FAILURE);

	// Every contact is checked before any is stored: one bad contact fails the whole request.
	const drafts: Array<Omit<SimContact, 'id'>> = items.map((item) => {
		checkAttributes(item, []);
		const found = childrenByName(item, CONTACT_ELEMENTS);
		const typeText = requiredText(found, 'type');
		if (!['1', '2', '3'].includes(typeText)) throw new InTimeError(XML_VALIDATION_FAILURE);
		const type = Number(typeText) as ContactType;
		const email = optionalText(found, 'email');
		const mobile = optionalText(found, 'mobile');
		if ((type === 2 || type === 3 || email !== undefined) && !(email !== undefined && isEmail(email))) {
			throw new InTimeError('3:ERROR1');
		}
		if ((type === 1 || type === 3 || mobile !== undefined) && !(mobile !== undefined && isPhoneNumber(mobile))) {
			throw new InTimeError('3:ERROR2');
		}
		return {
			type,
			firstName: optionalText(found, 'firstname') ?? '',
			lastName: optionalText(found, 'lastname') ?? '',
			email,
			mobile,
			extraField: optionalText(found, 'extrafield'),
			groupIds: readContactGroupIds(context, found),
		};
	});
	const created = drafts.map((draft) => ({ id: context.nextId(), ...draft }));
	context.state.contacts.push(...created);
	return ids(created.map((contact) => contact.id));
}

function listGroups(context: EndpointContext): Answer {
	if (context.state.groups.length === 0) throw new InTimeError('2:ERROR1');
	const lines = context.state.groups.map(
		(group) => `  <group groupid="${group.id}">${escapeXml(group.name)}</group>`,
	);
	return { type: 'xml', body: [XML_DECLARATION, '<groups>', ...lines, '</groups>'].join(EOL) };
}

function addGroups(context: EndpointContext): Answer {
	checkAttributes(context.root, []);
	const names = listItems(context.root, 'groups', 'group').map((item) => {
		checkAttributes(item, ['groupname']);
		if (item.children.length > 0 || item.text.trim() !== '') throw new InTimeError(XML_VALIDATION_FAILURE);
		const name = (item.attributes.groupname ?? '').trim();
		if (name === '') throw new InTimeError(XML_VALIDATION_FAILURE);
		return name;
	});
	const created = names.map((name) => ({ id: context.nextId(), name }));
	context.state.groups.push(...created);
	return ids(created.map((group) => group.id));
}

function deleteGroups(context: EndpointContext): Answer {
	checkAttributes(context.root, []);
	const requests = listItems(context.root, 'groups', 'group').map((item) => {
		checkAttributes(item, ['groupid', 'deletecontacts']);
		if (item.children.length > 0 || item.text.trim() !== '') throw new InTimeError(XML_VALIDATION_FAILURE);
		const id = parseId(item.attributes.groupid);
		const deleteContacts = item.attributes.deletecontacts ?? 'false';
		if (id === undefined || !['true', 'false'].includes(deleteContacts)) {
			throw new InTimeError(XML_VALIDATION_FAILURE);
		}
		return { id, deleteContacts: deleteContacts === 'true' };
	});

	const state = context.state;
	const removed: number[] = [];
	for (const request of requests) {
		const index = state.groups.findIndex((group) => group.id === request.id);
		if (index < 0) continue;
		state.groups.splice(index, 1);
		removed.push(request.id);
		for (let i = state.contacts.length - 1; i >= 0; i--) {
			const contact = state.contacts[i];
			if (!contact.groupIds.includes(request.id)) continue;
			if (request.deleteContacts) state.contacts.splice(i, 1);
			else contact.groupIds = contact.groupIds.filter((groupId) => groupId !== request.id);
		}
	}
	if (removed.length === 0) throw new InTimeError('2:ERROR1');
	return ids(removed);
}

export const contactEndpoints: EndpointDefinition[] = [
	{ path: 'contacts/add.ashx', kind: 'post', rootElement: 'contacts', handle: addContacts },
	{ path: 'contacts/listgroups.ashx', kind: 'list', handle: listGroups },
	{ path: 'contacts/addgroup.ashx', kind: 'post', rootElement: 'addgroups', handle: addGroups },
	{ path: 'contacts/deletigroup.ashx', kind: 'post', rootElement: 'deletigroups', handle: deleteGroups },
];
