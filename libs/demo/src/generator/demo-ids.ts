/**
 * Every id a demo sends starts with its prefix (`demo42-…`), so a demo never collides with real
 * data or with another demo, and "does this store already hold seed 42?" is one stream read.
 * Ids stay within the API's `[A-Za-z0-9._:-]{1,128}`.
 */
export class DemoIds {
  constructor(readonly prefix: string) {
    if (!/^[A-Za-z0-9]{1,40}$/.test(prefix)) throw new Error(`a demo prefix is 1–40 letters or digits, got "${prefix}"`);
  }

  /** The default prefix of a seed's demo. */
  static forSeed(seed: number): DemoIds {
    return new DemoIds(`demo${seed}`);
  }

  partner(n: number): string {
    return `${this.prefix}-p${String(n).padStart(5, '0')}`;
  }

  account(n: number): string {
    return `${this.prefix}-a${String(n).padStart(6, '0')}`;
  }

  plan(): string {
    return `${this.prefix}-plan`;
  }

  review(quarter: string): string {
    return `${this.prefix}-review-${quarter}`;
  }
}

/**
 * Numbers the facts of one customer account (`…-a000123-pay007`), so ids read in order in a
 * timeline and never repeat within the account.
 */
export class AccountIds {
  private readonly counters = new Map<string, number>();

  constructor(readonly accountId: string) {}

  next(kind: 'tp' | 'dc' | 'opp' | 'reg' | 'pay' | 'dsp'): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return `${this.accountId}-${kind}${String(n).padStart(kind === 'pay' ? 3 : 1, '0')}`;
  }
}
