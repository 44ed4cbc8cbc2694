import type { AccountEvent } from '../messages/events';
import { evolveAccount } from './account.evolve';
import type { AccountState } from './account.state';

type EventOf<T extends AccountEvent['type']> = Extract<AccountEvent, { type: T }>;

/**
 * The events one command is deciding, with the account state as it will be after them. Later
 * steps of a decision (attribution, commissions) read the facts recorded by earlier steps, and
 * every event gets the next id of the command's sequence in emission order.
 */
export interface AccountDraft {
  state: AccountState;
  events: AccountEvent[];
  nextEventId: () => string;
}

export function startDraft(state: AccountState, nextEventId: () => string): AccountDraft {
  return { state, events: [], nextEventId };
}

/** Records a new event with the command's next event id and folds it into the draft state. */
export function record<T extends AccountEvent['type']>(
  draft: AccountDraft,
  type: T,
  occurredAt: string,
  data: EventOf<T>['data'],
): EventOf<T> {
  const event = { type, eventId: draft.nextEventId(), occurredAt, data } as EventOf<T>;
  append(draft, [event]);
  return event;
}

/** Adds events built elsewhere (the commission functions) that already carry ids from the same sequence. */
export function append(draft: AccountDraft, events: readonly AccountEvent[]): void {
  for (const event of events) {
    draft.events.push(event);
    draft.state = evolveAccount(draft.state, event);
  }
}

/** What a use case answers once its events are in the draft: the reply and the lookup keys it claims. */
export interface Answer {
  kind: 'answer';
  reply: { status: string; [key: string]: unknown };
  keys?: string[];
}

export function answer(reply: Answer['reply'], keys?: string[]): Answer {
  return keys === undefined ? { kind: 'answer', reply } : { kind: 'answer', reply, keys };
}
