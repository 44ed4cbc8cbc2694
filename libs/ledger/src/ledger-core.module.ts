import {
  Global,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { createEventStore } from '@ledger/event-store/create-event-store';
import type { EventStore } from '@ledger/event-store/port';
import { LedgerCommands } from './commands/ledger-commands.service';
import type { LedgerConfig } from './ledger-config';
import { EVENT_STORE, LEDGER_CONFIG } from './tokens';

/** Closes the store when the application shuts down, so PGlite flushes and pools drain. */
@Injectable()
class EventStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

export interface LedgerCoreOptions {
  /**
   * Wraps the store once it is open, for cross-cutting concerns around the one write path (the API
   * times every append for `/metrics`). The wrapped store is the one everything injects.
   */
  decorateStore?: (store: EventStore) => EventStore;
}

/**
 * The Nest core shared by the api, the worker and the cli: configuration, the event store and the
 * command service. Global, so use-case modules inject `LedgerCommands` without re-importing it.
 */
@Global()
@Module({})
export class LedgerCoreModule {
  static forRoot(config: LedgerConfig, options: LedgerCoreOptions = {}): DynamicModule {
    return {
      module: LedgerCoreModule,
      providers: [
        { provide: LEDGER_CONFIG, useValue: config },
        {
          provide: EVENT_STORE,
          useFactory: async (): Promise<EventStore> => {
            const store = await createEventStore({
              databaseUrl: config.databaseUrl,
              eventstoreUrl: config.eventstoreUrl,
              dataDir: config.dataDir,
              schema: config.schema,
            });
            return options.decorateStore ? options.decorateStore(store) : store;
          },
        },
        EventStoreLifecycle,
        LedgerCommands,
      ],
      exports: [LEDGER_CONFIG, EVENT_STORE, LedgerCommands],
    };
  }
}
