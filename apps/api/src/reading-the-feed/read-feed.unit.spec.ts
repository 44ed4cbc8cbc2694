import type { ReadAllOptions, RecordedEvent } from '@ledger/event-store/port';
import { namesPartner } from './partner-scope';
import { readFeed, SCAN_BUDGET_EVENTS } from './read-feed';

/** A log of `count` events, partner `p1` named by every `every`-th (1-based), `p2` by the others. */
function log(count: number, every: number): RecordedEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    eventId: `e${i + 1}`,
    type: 'TouchpointRecorded',
    streamId: 'account-a1',
    streamRevision: i,
    globalPosition: BigInt(i + 1),
    transactionId: BigInt(100 + i),
    occurredAt: '2026-01-01T00:00:00.000Z',
    recordedAt: '2026-01-01T00:00:00.000Z',
    data: { partnerId: (i + 1) % every === 0 ? 'p1' : 'p2', accountId: 'a1' },
    metadata: { schemaVersion: 1, hash: '', prevHash: '' },
  }));
}

/** The store's readAll over an array, in commit order, counting the events it hands out. */
function storeOf(events: RecordedEvent[]) {
  const store = {
    read: 0,
    async readAll({ after, limit = 1000 }: ReadAllOptions = {}) {
      const start = after ? events.findIndex((e) => e.transactionId > after.transactionId) : 0;
      const page = start < 0 ? [] : events.slice(start, start + limit);
      store.read += page.length;
      const last = page[page.length - 1];
      return {
        events: page,
        checkpoint: last
          ? { transactionId: last.transactionId, globalPosition: last.globalPosition }
          : after!,
      };
    },
  };
  return store;
}

const p1Only = { kind: 'partners', partnerIds: new Set(['p1']) } as const;

describe('reading the feed', () => {
  it('gives a full reader the page the store gives, and resumes after it', async () => {
    const page = await readFeed(
      storeOf(log(10, 3)),
      { kind: 'all' },
      { transactionId: 0n, globalPosition: 0n },
      4,
    );

    expect(page.events.map((e) => e.eventId)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(page.next).toEqual({ transactionId: 103n, globalPosition: 4n });
  });

  it('gives a partner only its events, reading on until the page is full, and resumes after the last one given', async () => {
    const page = await readFeed(
      storeOf(log(3000, 10)),
      p1Only,
      { transactionId: 0n, globalPosition: 0n },
      150,
    );

    expect(page.events).toHaveLength(150);
    expect(page.events.every((e) => e.data.partnerId === 'p1')).toBe(true);
    // The 150th event naming p1 is e1500: the next call must start right after it.
    expect(page.next).toEqual({ transactionId: 1599n, globalPosition: 1500n });
  });

  it('stops a partner scan at the budget and resumes where the scan stopped, skipping nothing', async () => {
    const store = storeOf(log(SCAN_BUDGET_EVENTS + 5000, 1_000_000));
    const first = await readFeed(store, p1Only, { transactionId: 0n, globalPosition: 0n }, 100);

    expect(first.events).toEqual([]);
    expect(store.read).toBe(SCAN_BUDGET_EVENTS);
    expect(first.next.globalPosition).toBe(BigInt(SCAN_BUDGET_EVENTS));
  });

  it('names a partner by any of the fields a partner appears in, and nothing else', () => {
    const p1 = new Set(['p1']);

    expect(namesPartner({ partnerId: 'p1' }, p1)).toBe(true);
    expect(namesPartner({ fromPartnerId: 'p2', toPartnerId: 'p1' }, p1)).toBe(true);
    expect(namesPartner({ sourced: null, influenced: ['p3', 'p1'] }, p1)).toBe(true);
    expect(namesPartner({ winnerPartnerId: 'p2', loserPartnerIds: ['p1'] }, p1)).toBe(true);
    expect(namesPartner({ claimantPartnerId: 'p1' }, p1)).toBe(true);
    expect(namesPartner({ paymentId: 'p1', accountId: 'p1', note: 'p1' }, p1)).toBe(false);
    expect(namesPartner({ partnerId: 'p10' }, p1)).toBe(false);
  });
});
