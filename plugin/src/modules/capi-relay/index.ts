import { Module } from '@medusajs/framework/utils';

import openRuntimeLoader from './loaders/open-runtime';
import CapiRelayService from './service';

export const CAPI_RELAY_MODULE = 'capiRelay';

export default Module(CAPI_RELAY_MODULE, {
  service: CapiRelayService,
  loaders: [openRuntimeLoader],
});
