import type { Type } from '@nestjs/common';
import type { AnyCommandRoute } from './commands/command-route';
import { ChangePartnerTierHandler } from './changing-partner-tiers/change-partner-tier.handler';
import {
  ChangePartnerTierController,
  changePartnerTierRoute,
} from './changing-partner-tiers/change-partner-tier.http.controller';
import { CreateAccountHandler } from './creating-accounts/create-account.handler';
import {
  CreateAccountController,
  createAccountRoute,
} from './creating-accounts/create-account.http.controller';
import { EnrollPartnerHandler } from './enrolling-partners/enroll-partner.handler';
import {
  EnrollPartnerController,
  enrollPartnerRoute,
} from './enrolling-partners/enroll-partner.http.controller';
import { LoseOpportunityHandler } from './losing-opportunities/lose-opportunity.handler';
import {
  LoseOpportunityController,
  loseOpportunityRoute,
} from './losing-opportunities/lose-opportunity.http.controller';
import { MarkPartnerOnboardedHandler } from './onboarding-partners/mark-partner-onboarded.handler';
import {
  MarkPartnerOnboardedController,
  markPartnerOnboardedRoute,
} from './onboarding-partners/mark-partner-onboarded.http.controller';
import { OpenDisputeHandler } from './opening-disputes/open-dispute.handler';
import {
  OpenDisputeController,
  openDisputeRoute,
} from './opening-disputes/open-dispute.http.controller';
import { OpenOpportunityHandler } from './opening-opportunities/open-opportunity.handler';
import {
  OpenOpportunityController,
  openOpportunityRoute,
} from './opening-opportunities/open-opportunity.http.controller';
import { SubmitProtectedAccountsHandler } from './protecting-accounts/submit-protected-accounts.handler';
import {
  SubmitProtectedAccountsController,
  submitProtectedAccountsRoute,
} from './protecting-accounts/submit-protected-accounts.http.controller';
import { PublishCommissionPlanHandler } from './publishing-plans/publish-commission-plan.handler';
import {
  PublishCommissionPlanController,
  publishCommissionPlanRoute,
} from './publishing-plans/publish-commission-plan.http.controller';
import { RecordChurnHandler } from './recording-churns/record-churn.handler';
import {
  RecordChurnController,
  recordChurnRoute,
} from './recording-churns/record-churn.http.controller';
import { RecordDirectContactHandler } from './recording-direct-contacts/record-direct-contact.handler';
import {
  RecordDirectContactController,
  recordDirectContactRoute,
} from './recording-direct-contacts/record-direct-contact.http.controller';
import { RecordPaymentHandler } from './recording-payments/record-payment.handler';
import {
  RecordPaymentController,
  recordPaymentRoute,
} from './recording-payments/record-payment.http.controller';
import { RecordPricingViolationHandler } from './recording-pricing-violations/record-pricing-violation.handler';
import {
  RecordPricingViolationController,
  recordPricingViolationRoute,
} from './recording-pricing-violations/record-pricing-violation.http.controller';
import { RecordRefundHandler } from './recording-refunds/record-refund.handler';
import {
  RecordRefundController,
  recordRefundRoute,
} from './recording-refunds/record-refund.http.controller';
import { RecordSignupHandler } from './recording-signups/record-signup.handler';
import {
  RecordSignupController,
  recordSignupRoute,
} from './recording-signups/record-signup.http.controller';
import { RecordTouchpointHandler } from './recording-touchpoints/record-touchpoint.handler';
import {
  RecordTouchpointController,
  recordTouchpointRoute,
} from './recording-touchpoints/record-touchpoint.http.controller';
import { SubmitDealRegistrationHandler } from './registering-deals/submit-deal-registration.handler';
import {
  SubmitDealRegistrationController,
  submitDealRegistrationRoute,
} from './registering-deals/submit-deal-registration.http.controller';
import { ReleaseCommissionsHandler } from './releasing-commissions/release-commissions.handler';
import {
  ReleaseCommissionsController,
  releaseCommissionsRoute,
} from './releasing-commissions/release-commissions.http.controller';
import { ResolveDisputeHandler } from './resolving-disputes/resolve-dispute.handler';
import {
  ResolveDisputeController,
  resolveDisputeRoute,
} from './resolving-disputes/resolve-dispute.http.controller';
import { ReviewProtectedAccountsHandler } from './reviewing-protected-accounts/review-protected-accounts.handler';
import {
  ReviewProtectedAccountsController,
  reviewProtectedAccountsRoute,
} from './reviewing-protected-accounts/review-protected-accounts.http.controller';
import { WinOpportunityHandler } from './winning-opportunities/win-opportunity.handler';
import {
  WinOpportunityController,
  winOpportunityRoute,
} from './winning-opportunities/win-opportunity.http.controller';

export interface CommandUseCase {
  route: AnyCommandRoute;
  controller: Type<unknown>;
  handler: Type<unknown>;
}

/** Every command endpoint: the app module mounts them, and `POST /v1/batch` routes into them. */
export const COMMAND_USE_CASES: readonly CommandUseCase[] = [
  { route: enrollPartnerRoute, controller: EnrollPartnerController, handler: EnrollPartnerHandler },
  {
    route: changePartnerTierRoute,
    controller: ChangePartnerTierController,
    handler: ChangePartnerTierHandler,
  },
  {
    route: markPartnerOnboardedRoute,
    controller: MarkPartnerOnboardedController,
    handler: MarkPartnerOnboardedHandler,
  },
  {
    route: recordPricingViolationRoute,
    controller: RecordPricingViolationController,
    handler: RecordPricingViolationHandler,
  },
  {
    route: releaseCommissionsRoute,
    controller: ReleaseCommissionsController,
    handler: ReleaseCommissionsHandler,
  },
  {
    route: submitProtectedAccountsRoute,
    controller: SubmitProtectedAccountsController,
    handler: SubmitProtectedAccountsHandler,
  },
  {
    route: reviewProtectedAccountsRoute,
    controller: ReviewProtectedAccountsController,
    handler: ReviewProtectedAccountsHandler,
  },
  { route: createAccountRoute, controller: CreateAccountController, handler: CreateAccountHandler },
  {
    route: recordTouchpointRoute,
    controller: RecordTouchpointController,
    handler: RecordTouchpointHandler,
  },
  {
    route: recordDirectContactRoute,
    controller: RecordDirectContactController,
    handler: RecordDirectContactHandler,
  },
  { route: recordSignupRoute, controller: RecordSignupController, handler: RecordSignupHandler },
  {
    route: openOpportunityRoute,
    controller: OpenOpportunityController,
    handler: OpenOpportunityHandler,
  },
  {
    route: winOpportunityRoute,
    controller: WinOpportunityController,
    handler: WinOpportunityHandler,
  },
  {
    route: loseOpportunityRoute,
    controller: LoseOpportunityController,
    handler: LoseOpportunityHandler,
  },
  {
    route: submitDealRegistrationRoute,
    controller: SubmitDealRegistrationController,
    handler: SubmitDealRegistrationHandler,
  },
  { route: recordPaymentRoute, controller: RecordPaymentController, handler: RecordPaymentHandler },
  { route: recordRefundRoute, controller: RecordRefundController, handler: RecordRefundHandler },
  { route: recordChurnRoute, controller: RecordChurnController, handler: RecordChurnHandler },
  { route: openDisputeRoute, controller: OpenDisputeController, handler: OpenDisputeHandler },
  {
    route: resolveDisputeRoute,
    controller: ResolveDisputeController,
    handler: ResolveDisputeHandler,
  },
  {
    route: publishCommissionPlanRoute,
    controller: PublishCommissionPlanController,
    handler: PublishCommissionPlanHandler,
  },
];
