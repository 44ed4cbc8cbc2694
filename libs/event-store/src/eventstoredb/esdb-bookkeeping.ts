import {
  NO_STREAM,
  WrongExpectedVersionError,
  jsonEvent,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { DuplicateKeyError } from '../errors';
import type { CommandRecord } from '../port';
import { readFirstData } from './esdb-reads';
import type { StreamNames } from './stream-names';

/** A command record as kept in its own stream: the port's record plus what a replay answers. */
export interface StoredCommand extends CommandRecord {
  streamId: string;
  eventIds: string[];
  nextExpectedRevision: number;
  checkpoint: { transactionId: string; globalPosition: string } | null;
}

interface StoredKey {
  key: string;
  streamId: string;
}

/**
 * Command records, one stream per command id (`ledger-command-<sha256(commandId)>`), written once
 * with NO_STREAM: the first record written is the record, whoever wrote it.
 */
export class CommandRecords {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly names: StreamNames,
  ) {}

  find(commandId: string): Promise<StoredCommand | null> {
    return readFirstData<StoredCommand>(this.client, this.names.ofCommand(commandId));
  }

  /** Writes the record unless one exists; returns the record that is stored either way. */
  async record(command: StoredCommand): Promise<StoredCommand> {
    try {
      await this.client.appendToStream(
        this.names.ofCommand(command.commandId),
        jsonEvent({ type: 'LedgerCommandRecorded', data: { ...command } }),
        { expectedRevision: NO_STREAM },
      );
      return command;
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const existing = await this.find(command.commandId);
      if (!existing) throw error;
      return existing;
    }
  }
}

/**
 * Lookup keys, one stream per key (`ledger-key-<sha256(key)>`) whose first event names the owning
 * stream. NO_STREAM makes the first claim win. EventStoreDB cannot write the claim and the events
 * atomically, so every key is checked before anything is written (a key held by another stream
 * refuses the append with nothing written), and claims are written just before the events. If the
 * events write then fails (a lost race, a crash), the claim stays and names the stream the events
 * were meant for; the retry re-claims it for that same stream, which is allowed. Only a claim for
 * another stream racing in between the check and the claim can still refuse an append part-way.
 */
export class KeyRegistry {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly names: StreamNames,
  ) {}

  async ownerOf(key: string): Promise<string | null> {
    const claim = await readFirstData<StoredKey>(this.client, this.names.ofKey(key));
    return claim?.streamId ?? null;
  }

  /** The keys nobody holds yet; throws for the first key another stream holds, before anything is written. */
  async unclaimed(keys: string[], streamId: string): Promise<string[]> {
    const free: string[] = [];
    for (const key of keys) {
      const owner = await this.ownerOf(key);
      if (owner === null) free.push(key);
      else if (owner !== streamId) throw new DuplicateKeyError(key, owner);
    }
    return free;
  }

  /** Claims each key for `streamId`; a key claimed by the same stream meanwhile is fine. */
  async claim(keys: string[], streamId: string): Promise<void> {
    for (const key of keys) {
      try {
        await this.client.appendToStream(
          this.names.ofKey(key),
          jsonEvent({ type: 'LedgerKeyClaimed', data: { key, streamId } }),
          { expectedRevision: NO_STREAM },
        );
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const owner = await this.ownerOf(key);
        if (owner !== streamId) throw new DuplicateKeyError(key, owner ?? '(unknown)');
      }
    }
  }
}
