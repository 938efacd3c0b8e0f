/**
 * The plugin's one service: subscribers and routes resolve it (`req.scope.resolve(CAPI_RELAY_MODULE)`)
 * to reach the runtime, because Medusa 2.21 passes plugin options to modules only, never to
 * subscribers or routes. Its hooks start the delivery worker with the application and stop it with it.
 */
import type { PluginRuntime } from '../../runtime/plugin-runtime';

interface Dependencies {
  capiRelayRuntime: { runtime: PluginRuntime; runsBackgroundWork: boolean };
}

export default class CapiRelayService {
  readonly runtime: PluginRuntime;
  private readonly runsBackgroundWork: boolean;

  constructor({ capiRelayRuntime }: Dependencies) {
    this.runtime = capiRelayRuntime.runtime;
    this.runsBackgroundWork = capiRelayRuntime.runsBackgroundWork;
  }

  __hooks = {
    onApplicationStart: async (): Promise<void> => {
      if (this.runsBackgroundWork) this.runtime.startWorker();
    },
    onApplicationShutdown: async (): Promise<void> => {
      await this.runtime.close();
    },
  };
}
