import { v5 as uuidv5 } from 'uuid';

/** The namespace of every event id the ledger derives (a fixed, arbitrary uuid). */
const EVENT_ID_NAMESPACE = '5b0c7c52-8f8e-4f4e-9a51-2f6f0b3f2d10';

/**
 * The id of the `index`-th event a command appends: uuid v5 of `commandId#index`. Deterministic, so a
 * derived event can cite an event of the same command as evidence, and a retried command produces
 * the same ids.
 */
export function eventIdFor(commandId: string, index: number): string {
  return uuidv5(`${commandId}#${index}`, EVENT_ID_NAMESPACE);
}

/** Hands out the event ids of one command in order. */
export function eventIdSequence(commandId: string): () => string {
  let next = 0;
  return () => eventIdFor(commandId, next++);
}
