import { nestsDeeperThan } from './json-depth';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const nested = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);

describe('nestsDeeperThan', () => {
  it('counts objects and arrays alike, up to and past the limit', () => {
    expect(nestsDeeperThan(utf8(nested(3)), 3)).toBe(false);
    expect(nestsDeeperThan(utf8(nested(4)), 3)).toBe(true);
    expect(nestsDeeperThan(utf8('{"a":{"b":[{"c":1}]}}'), 4)).toBe(false);
    expect(nestsDeeperThan(utf8('{"a":{"b":[{"c":{}}]}}'), 4)).toBe(true);
  });

  it('measures depth, not the number of brackets', () => {
    const wide = `[${Array.from({ length: 1000 }, () => '{}').join(',')}]`;
    expect(nestsDeeperThan(utf8(wide), 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(utf8(`{"note":"${'[{'.repeat(100)}"}`), 1)).toBe(false);
    expect(nestsDeeperThan(utf8(`{"note":"say \\"[[[[\\" \\\\","x":1}`), 1)).toBe(false);
    // After an escaped backslash the quote does end the string, so what follows is structure.
    expect(nestsDeeperThan(utf8('{"a":"\\\\","b":[[1]]}'), 2)).toBe(true);
  });

  it('is not fooled by multi-byte characters', () => {
    expect(nestsDeeperThan(utf8('{"名前":"ṕ‮[[[[","b":"🎉"}'), 1)).toBe(false);
  });
});
