/**
 * The `next` cursor of the clawback list: the last entry's business time and global position,
 * base64url-encoded so clients treat it as opaque.
 */
export interface AdjustmentCursor {
  occurredAt: string;
  position: string;
}

export function encodeAdjustmentCursor(cursor: AdjustmentCursor): string {
  return Buffer.from(`${cursor.occurredAt}|${cursor.position}`, 'utf8').toString('base64url');
}

export function decodeAdjustmentCursor(text: string): AdjustmentCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) return null;
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(0|[1-9]\d{0,18})$/.exec(
    Buffer.from(text, 'base64url').toString('utf8'),
  );
  return match ? { occurredAt: match[1]!, position: match[2]! } : null;
}

export function isAdjustmentCursor(text: string): boolean {
  return decodeAdjustmentCursor(text) !== null;
}
