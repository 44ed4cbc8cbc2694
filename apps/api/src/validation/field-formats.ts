/** Ids of partners, accounts, payments…: 1–128 characters of `[A-Za-z0-9._:-]` (SPEC §5). */
export const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** A calendar quarter, `2026-Q3`. */
export const QUARTER_PATTERN = /^\d{4}-Q[1-4]$/;

/** Free text (names, reasons, notes) is bounded so one field cannot fill the 1 MB body. */
export const MAX_TEXT_LENGTH = 2000;

/** Amounts longer than this are typos or abuse; real money fits comfortably. */
export const MAX_AMOUNT_LENGTH = 40;

export function isLedgerId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}
