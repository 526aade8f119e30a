/** The simulator's in-memory store and the id sequence every endpoint (and test seeding) draws from. */
import type { InTimeState } from './types';

export function createEmptyState(): InTimeState {
	return { messages: [], contacts: [], groups: [], blockList: [], reminders: [] };
}

/** Empties the arrays in place, so references tests hold to `sim.state.messages` etc. stay valid. */
export function clearState(state: InTimeState): void {
	state.messages.length = 0;
	state.contacts.length = 0;
	state.groups.length = 0;
	state.blockList.length = 0;
	state.reminders.length = 0;
}

const FIRST_ID = 1001;

/**
 * Hands out ids unique across all collections. It also looks at the ids already in the store, so a test that seeded
 * records with ids of its own choosing never gets a clash.
 */
export class IdSequence {
	private last = FIRST_ID - 1;

	constructor(private readonly state: InTimeState) {}

	next(): number {
		const s = this.state;
		const used = [s.messages, s.contacts, s.groups, s.blockList, s.reminders].flatMap((list) =>
			list.map((record) => record.id),
		);
		this.last = Math.max(this.last, ...used) + 1;
		return this.last;
	}

	reset(): void {
		this.last = FIRST_ID - 1;
	}
}
