/**
 * Every number of the partner programme, in one place (STYLE rule 1). Commission *rates* are not
 * here: they belong to a published plan (`plans/`), because programmes change them by publishing a
 * new plan version. The windows below are programme rules that do not vary per plan
 * (docs/decisions.md, "Plans"). Day counts are whole UTC days (`shared/time.ts#wholeDaysBetween`)
 * and "within N days" includes day N.
 */

/** Deal registration: the longest gap, in whole days, from first customer contact to submission (else `late`). */
export const REGISTRATION_WINDOW_DAYS = 14;

/** Deal registration: an accepted registration lapses this many days after acceptance without a won opportunity. */
export const REGISTRATION_EXPIRY_DAYS = 120;

/** Deal registration: accepted registrations one partner may hold for one account over time (register, then re-register once). */
export const MAX_REGISTRATIONS_PER_PARTNER_AND_ACCOUNT = 2;

/** Attribution: a `referral_click` counts only when the account's signup follows it within this many days. */
export const REFERRAL_CLICK_WINDOW_DAYS = 90;

/** Attribution: a contribution earns influenced credit when it is at most this many days before the win (or payment). */
export const CONTRIBUTION_WINDOW_DAYS = 90;

/** Churn: a referral commission is clawed back in full when the customer churns within this many days of the payment. */
export const REFERRAL_CLAWBACK_WINDOW_DAYS = 60;

/**
 * Churn: an integration commission is clawed back pro rata, `× (window − daysRetained) / window`,
 * when the customer churns within this many days of the payment.
 */
export const INTEGRATION_CLAWBACK_WINDOW_DAYS = 90;

/** Payout timing: a referral commission becomes payable this many days after the payment (net-30). */
export const REFERRAL_PAYABLE_AFTER_DAYS = 30;

/** Referral tier: payments earn while they occur before the account's first payment plus this many calendar months. */
export const REFERRAL_EARNING_MONTHS = 12;

/** Protected accounts: the most accounts one solution partner may protect at once (one quarterly list). */
export const PROTECTED_ACCOUNTS_LIMIT = 50;

/** Payouts: the smallest net amount, in the currency's major unit, that a payout run pays; less carries forward. */
export const MINIMUM_PAYOUT = '50.00';

/**
 * Pricing (MAP) violations: what the n-th recorded violation of a partner triggers. Violations
 * after the last rung are only recorded (the partner is already removed).
 */
export const VIOLATION_LADDER: Readonly<Record<number, 'PartnerWarned' | 'CommissionsHeld' | 'PartnerRemoved'>> = {
  1: 'PartnerWarned',
  2: 'CommissionsHeld',
  3: 'PartnerRemoved',
};
