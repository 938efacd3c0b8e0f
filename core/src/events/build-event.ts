import { amountToNumber } from '../model/money';
import type { CustomData, ServerEvent } from '../meta/wire';
import { hashUserData } from '../normalize';
import { contentFieldsFrom } from './contents';
import type { BuildContext, BuiltEvent, EventDefinition } from './definition';
import { toEventTime } from './event-time';
import { rawUserDataFrom } from './user-data';

/** Copies only the keys whose value is defined: Meta must never see `undefined` or `null` keys. */
function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

function nonBlank(text: string | undefined): string | undefined {
  return text !== undefined && text.trim() !== '' ? text : undefined;
}

/** Turns a declared event plus the neutral object it describes into a Meta server event. */
export function buildEvent<Source>(definition: EventDefinition<Source>, source: Source, ctx: BuildContext = {}): BuiltEvent {
  const occurredAt = definition.occurredAt(source);
  const identity = definition.identity(source);
  const { raw, context } = rawUserDataFrom(identity, occurredAt);
  const { userData, dropped } = hashUserData(raw, context);

  const value = definition.value(source);
  const currency = value?.currency.trim().toUpperCase();
  const { fields: contentFields, skippedLines } = contentFieldsFrom(definition.lines(source), currency);
  const extra = Object.entries(definition.customData ?? {}).map(([key, read]) => [key, (read as (s: Source) => unknown)(source)]);
  const customData: CustomData = withoutUndefined({
    ...(value === undefined ? {} : { value: amountToNumber(value.amount), currency }),
    ...contentFields,
    ...Object.fromEntries(extra),
  });

  const event: ServerEvent = withoutUndefined({
    event_name: definition.eventName,
    event_time: toEventTime(occurredAt, ctx.now ?? new Date()),
    event_id: definition.eventId(source),
    action_source: definition.actionSource(source),
    event_source_url: nonBlank(identity.browser?.pageUrl),
    referrer_url: nonBlank(identity.browser?.referrerUrl),
    user_data: userData,
    custom_data: Object.keys(customData).length > 0 ? customData : undefined,
  });
  return { event, dropped, sourceId: definition.sourceId(source), skippedLines };
}
