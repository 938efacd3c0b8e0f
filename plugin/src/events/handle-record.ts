/**
 * The one way subscribers load what an event names: Medusa's payloads carry ids only. A record that
 * is gone (deleted between the event and now) is logged and left: nothing can be built from it.
 */
import type { MedusaContainer } from '@medusajs/framework/types';
import { ContainerRegistrationKeys } from '@medusajs/framework/utils';

import { MedusaDataError } from '../mappers/medusa-data-error';
import { resolveRuntime } from '../runtime/resolve-runtime';
import type { PluginRuntime } from '../runtime/plugin-runtime';

interface Graph {
  graph(input: { entity: string; fields: string[]; filters: Record<string, unknown> }): Promise<{ data: unknown[] }>;
}

export async function handleRecord<T>(
  container: MedusaContainer,
  entity: 'order' | 'cart',
  id: string,
  fields: string[],
  handle: (runtime: PluginRuntime, record: T) => Promise<unknown>,
): Promise<void> {
  const runtime = resolveRuntime(container);
  const query = container.resolve<Graph>(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({ entity, fields, filters: { id } });
  const [record] = data as T[];
  if (!record) {
    runtime.logger.warn({ entity, id }, `${entity} not found when its event was handled; no Meta event built`);
    return;
  }
  try {
    await handle(runtime, record);
  } catch (error) {
    if (!(error instanceof MedusaDataError)) throw error;
    // Handling the event again cannot fix the data: say what was wrong, and go on.
    runtime.logger.warn({ entity, id, field: error.field, problem: error.message }, `${entity} cannot be mapped to a Meta event`);
  }
}
