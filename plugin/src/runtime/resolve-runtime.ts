import type { MedusaContainer } from '@medusajs/framework/types';

import { CAPI_RELAY_MODULE } from '../modules/capi-relay';
import type CapiRelayService from '../modules/capi-relay/service';
import type { PluginRuntime } from './plugin-runtime';

/** The runtime, from a subscriber's container or a request's scope. */
export function resolveRuntime(container: Pick<MedusaContainer, 'resolve'>): PluginRuntime {
  return container.resolve<CapiRelayService>(CAPI_RELAY_MODULE).runtime;
}
