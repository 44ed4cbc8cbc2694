/**
 * The deepest nesting of objects and arrays a request body may have. Real bodies nest a handful of
 * levels (a batch of plans is about six); the store refuses event data past 64, and parsing or
 * validating a body thousands of levels deep exhausts the stack (a 500, found by the fuzzer).
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x7b, 0x5b]);
const CLOSERS = new Set([0x7d, 0x5d]);

/**
 * Whether UTF-8 JSON text nests deeper than `max`, found in one pass over the bytes before anything
 * parses it. Brackets inside strings do not count; in UTF-8 no byte of a multi-byte character can
 * be mistaken for a quote, a backslash or a bracket. Malformed text is left for the parser to refuse.
 */
export function nestsDeeperThan(json: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const byte = json[i]!;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (OPENERS.has(byte)) {
      if (++depth > max) return true;
    } else if (CLOSERS.has(byte)) {
      depth--;
    }
  }
  return false;
}
