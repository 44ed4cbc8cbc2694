import type { Expectation } from './bad-requests';
import type { RawAnswer } from './raw-http';

/** What must never reach a client: stack frames, file paths, driver and SQL errors. */
const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\bat (?:async )?[\w$.<>[\] ]+ \([^)]*:\d+:\d+\)|\n\s+at \S/],
  ['a file path', /\/work\/|node_modules|\/home\/|\/usr\/|\.(?:ts|js):\d+/],
  [
    'a JavaScript error',
    /\b(?:TypeError|RangeError|ReferenceError|SyntaxError|Maximum call stack)\b/,
  ],
  [
    'a database error',
    /SQLSTATE|syntax error at or near|violates [a-z ]*constraint|relation "|invalid input syntax|out of range for type/i,
  ],
];

/**
 * Why `answer` is not the refusal `expect` asks for, or an empty list. A refusal is a 4xx whose
 * body is a problem (`type`, `title`, `status`, `detail`, served as application/problem+json);
 * no answer, refusal or not, may carry an internal detail or an API key.
 */
export function refusalProblems(
  answer: RawAnswer,
  expect: Expectation,
  secrets: readonly string[],
): string[] {
  const problems: string[] = [];
  for (const [what, pattern] of LEAKS)
    if (pattern.test(answer.text))
      problems.push(`the answer shows ${what}: ${excerpt(answer.text, pattern)}`);
  for (const secret of secrets)
    if (answer.text.includes(secret)) problems.push('the answer shows an API key');

  if (expect === 'refused-or-all-items-refused' && answer.status === 200) {
    const results = parse(answer.text)?.results;
    if (!Array.isArray(results) || results.length === 0)
      return [...problems, 'a 200 batch answer without results'];
    results.forEach((result: { status?: unknown; body?: unknown }, i) => {
      for (const problem of problemShape(result.body, result.status))
        problems.push(`batch result ${i}: ${problem}`);
    });
    return problems;
  }
  const contentType = String(answer.headers['content-type'] ?? '');
  if (!contentType.startsWith('application/problem+json'))
    problems.push(`content-type is "${contentType}", not application/problem+json`);
  problems.push(...problemShape(parse(answer.text), answer.status));
  return problems;
}

function problemShape(body: unknown, status: unknown): string[] {
  const problems: string[] = [];
  if (typeof status !== 'number' || status < 400 || status > 499)
    problems.push(`status ${String(status)}, not 4xx`);
  if (typeof body !== 'object' || body === null)
    return [...problems, 'the body is not a JSON object'];
  const fields = body as Record<string, unknown>;
  for (const field of ['type', 'title', 'detail'])
    if (typeof fields[field] !== 'string' || fields[field] === '')
      problems.push(`no problem \`${field}\``);
  if (fields.status !== status)
    problems.push(`problem status ${String(fields.status)} ≠ ${String(status)}`);
  return problems;
}

function parse(text: string): Record<string, unknown> | null {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function excerpt(text: string, pattern: RegExp): string {
  const at = text.search(pattern);
  return JSON.stringify(text.slice(Math.max(0, at - 60), at + 120));
}
