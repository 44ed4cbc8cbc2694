export {
  EventStoreDbEventStore,
  openEventStoreDbEventStore,
  type EventStoreDbOptions,
} from './eventstoredb-event-store';
