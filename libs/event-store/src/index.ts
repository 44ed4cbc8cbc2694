export * from './port';
export * from './errors';
export * from './hashing';
export * from './handle-command';
export * from './sql';
export { createEventStore, DEFAULT_DATA_DIR } from './create-event-store';
export type { EventStoreConfig } from './create-event-store';
