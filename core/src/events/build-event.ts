import { amountToNumber } from '../model/money';
import type { CustomData, ServerEvent } from '../meta/wire';
import { hashUserData } from '../normalize';
import { canonicalCurrency } from '../validate';
import { contentFieldsFrom } from './contents';
import type { BuildContext, BuiltEvent, EventDefinition, SkippedLine } from './definition';
import { toEventTime } from './event-time';
import { rawUserDataFrom } from './user-data';

/** Copies only the keys that hold a value: Meta must never see `undefined` or `null`. */
function withoutEmptyKeys<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null)) as T;
}

function nonBlank(text: string | undefined): string | undefined {
  return text !== undefined && text.trim() !== '' ? text : undefined;
}

function customDataFor<Source>(definition: EventDefinition<Source>, source: Source): { customData?: CustomData; skippedLines: SkippedLine[] } {
  const value = definition.value(source);
  const currency = value === undefined ? undefined : canonicalCurrency(value.currency);
  const { fields, skippedLines } = contentFieldsFrom(definition.lines(source), currency);
  const declared = Object.entries(definition.customData ?? {}).map(([key, read]) => [key, (read as (from: Source) => unknown)(source)]);
  const customData: CustomData = withoutEmptyKeys({
    ...(value === undefined ? {} : { value: amountToNumber(value.amount), currency }),
    ...fields,
    ...Object.fromEntries(declared),
  });
  return { customData: Object.keys(customData).length > 0 ? customData : undefined, skippedLines };
}

/** Turns a declared event plus the neutral object it describes into a Meta server event. */
export function buildEvent<Source>(definition: EventDefinition<Source>, source: Source, ctx: BuildContext = {}): BuiltEvent {
  const occurredAt = definition.occurredAt(source);
  const identity = definition.identity(source);
  const { raw, context } = rawUserDataFrom(identity, occurredAt);
  const { userData, dropped } = hashUserData(raw, context);
  const { customData, skippedLines } = customDataFor(definition, source);

  const event: ServerEvent = withoutEmptyKeys({
    event_name: definition.eventName,
    event_time: toEventTime(occurredAt, ctx.now ?? new Date()),
    event_id: definition.eventId(source),
    action_source: definition.actionSource(source),
    event_source_url: nonBlank(identity.browser?.pageUrl),
    referrer_url: nonBlank(identity.browser?.referrerUrl),
    user_data: userData,
    custom_data: customData,
  });
  return { event, dropped, sourceId: definition.sourceId(source), tokens: definition.tokens(source), skippedLines };
}
