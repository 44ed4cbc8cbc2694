import fc from 'fast-check';

/**
 * One arrival order of two independent sequences: each keeps its own order, and `picks` says, turn
 * by turn, which of the two delivers next (cycling when it runs out).
 */
export function interleave<T>(
  first: readonly T[],
  second: readonly T[],
  picks: readonly boolean[],
): T[] {
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  for (let turn = 0; i < first.length || j < second.length; turn++) {
    const fromFirst =
      j >= second.length || (i < first.length && (picks[turn % Math.max(1, picks.length)] ?? true));
    merged.push(fromFirst ? first[i++]! : second[j++]!);
  }
  return merged;
}

/** Which sequence delivers next, turn by turn. */
export function picksArbitrary(): fc.Arbitrary<boolean[]> {
  return fc.array(fc.boolean(), { minLength: 1, maxLength: 64 });
}
