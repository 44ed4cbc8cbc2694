import { toLedgerEvent } from '@ledger/core/commands/to-ledger-event';
import type { RecordedEvent } from '@ledger/event-store/port';
import type { RecordedCommand } from './simulated-ledger';

/**
 * Regroups the global log into the commands that wrote it. A command appends its events to one
 * stream in one transaction, so they stand next to each other in commit order; a group ends where
 * the stream or the command id changes. Pages of the log may cut a command in two: the open group
 * is carried over until the next event (or `flush`) closes it.
 */
export class CommandGrouper {
  private open: RecordedCommand | null = null;

  constructor(private readonly onCommand: (command: RecordedCommand) => void) {}

  push(event: RecordedEvent): void {
    const commandId = event.metadata.commandId;
    const continues =
      this.open !== null &&
      commandId !== undefined &&
      this.open.streamId === event.streamId &&
      this.open.commandId === commandId;
    if (!continues) {
      this.flush();
      this.open = { streamId: event.streamId, commandId, events: [] };
    }
    this.open!.events.push(toLedgerEvent(event));
  }

  /** Closes the open group: call once the log is read to its end. */
  flush(): void {
    const closing = this.open;
    this.open = null;
    if (closing) this.onCommand(closing);
  }
}
