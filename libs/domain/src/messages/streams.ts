/** Stream names (SPEC §3 suggests them). */
export const streams = {
  partner: (partnerId: string) => `partner-${partnerId}`,
  account: (accountId: string) => `account-${accountId}`,
  payouts: (partnerId: string) => `payouts-${partnerId}`,
  plans: () => 'plans',
  protection: () => 'protected-accounts',
} as const;
