import type { RecordedEvent } from '@ledger/event-store/port';
import { CommandGrouper } from './command-groups';
import type { RecordedCommand } from './simulated-ledger';

let position = 0n;
function stored(
  streamId: string,
  commandId: string | undefined,
  type = 'SignupRecorded',
): RecordedEvent {
  position++;
  return {
    eventId: `e${position}`,
    type,
    streamId,
    streamRevision: 0,
    globalPosition: position,
    transactionId: position,
    occurredAt: '2026-01-01T00:00:00.000Z',
    recordedAt: '2026-01-01T00:00:00.000Z',
    data: {},
    metadata: {
      schemaVersion: 1,
      hash: '',
      prevHash: '',
      ...(commandId === undefined ? {} : { commandId }),
    },
  };
}

describe('CommandGrouper: the global log regrouped into the commands that wrote it', () => {
  it('closes a group where the stream or the command changes, carries an open group across pages, and keeps stray events alone', () => {
    const groups: RecordedCommand[] = [];
    const grouper = new CommandGrouper((command) => groups.push(command));
    const firstPage = [
      stored('account-a', 'RecordPayment:p1'),
      stored('account-a', 'RecordPayment:p1'),
    ];
    const secondPage = [
      stored('account-a', 'RecordPayment:p1'),
      stored('account-a', 'RecordPayment:p2'),
      stored('account-b', 'RecordPayment:p2'),
      stored('account-b', undefined),
      stored('account-b', undefined),
    ];
    firstPage.forEach((event) => grouper.push(event));
    expect(groups).toEqual([]);
    secondPage.forEach((event) => grouper.push(event));
    grouper.flush();
    expect(
      groups.map(
        (g) => `${g.streamId} ${g.commandId ?? '-'} ${g.events.map((e) => e.eventId).join(',')}`,
      ),
    ).toEqual([
      'account-a RecordPayment:p1 e1,e2,e3',
      'account-a RecordPayment:p2 e4',
      'account-b RecordPayment:p2 e5',
      'account-b - e6',
      'account-b - e7',
    ]);
  });
});
