export { planOutboxEvents, userDataKeysOf, type PlanInput } from './plan-outbox-events';
export type { AdapterSkipReason, PlanSkip } from './delivery-verdict';
export { hasLimitedDataUse, withLimitedDataUse, withoutLimitedDataUse } from './limited-data-use';
