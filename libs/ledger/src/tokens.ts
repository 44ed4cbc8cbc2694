/** Injection token of the `EventStore` the whole process shares (closed on shutdown). */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** Injection token of the {@link LedgerConfig} the process started with. */
export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');
