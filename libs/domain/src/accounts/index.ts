export { initialAccountState, precedes } from './account.state';
export type { AccountState } from './account.state';
export { evolveAccount } from './account.evolve';
export { decideAccount, businessTimeOf } from './account.decide';
export { accountContextNeeds } from './account.context';
export type { AccountContext } from './account.context';
export { DISPUTE_REASSIGNMENT_RULE } from './dispute.decide';
