import type { TongxinModule } from '../../platform/http/index.js';
import { fundFigures } from './figures.js';
import { fundsMigrations } from './migrations.js';
import { fundRoutes } from './routes.js';

export const fundsModule: TongxinModule = {
  name: 'funds',
  migrations: fundsMigrations,
  routes: fundRoutes,
  figures: fundFigures,
};

export { fundErrors } from './errors.js';
export { closedPeriodList, closePeriod, reverseEntry } from './correction.service.js';
export {
  createDonor,
  findDonations,
  findDonors,
  getDonation,
  recordDonation,
  refundDonation,
} from './donation.service.js';
export { donationTrace, findEntries, fundAccounts, getEntry, projectFunding } from './ledger-views.service.js';
export { allocateToProject, transferFunds } from './movement.service.js';
export { createPaymentBatch, settlePayments } from './payment.service.js';
export { createPledge, findPledges, getPledge } from './pledge.service.js';
export { receiptPdf, receiptsOfDonation, updateOfficialBillNumber } from './receipt.service.js';
export { handleRemainder, projectRemainders } from './remainder.service.js';
export { verifyLedger, type LedgerReport } from './verify.js';
export type { FundsTables } from './tables.js';
export { publicProjectFunding, publicReceiptTrace } from './public.service.js';
export { publicProjectMoney, type ProjectDonor, type ProjectMovement } from './open-data.service.js';
export { projectRemainderFacts, relatedPartyTransactions, type RelatedPartyFact } from './disclosure-facts.js';
