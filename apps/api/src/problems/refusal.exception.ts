import type { RefusalLike } from '@ledger/event-store/handle-command';

/** A business-rule refusal from the domain, carried to the one place that maps it to HTTP. */
export class RefusalException extends Error {
  constructor(readonly refusal: RefusalLike) {
    super(refusal.message);
    this.name = 'RefusalException';
  }
}
