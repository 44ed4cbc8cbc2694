import type { RecordedEvent } from './port';

/** The event with empty metadata, when the reader asked for none (`ReadAllOptions.metadata`). */
export function withoutMetadataIf(lean: boolean, event: RecordedEvent): RecordedEvent {
  if (!lean || Object.keys(event.metadata).length === 0) return event;
  return { ...event, metadata: {} as RecordedEvent['metadata'] };
}
