/**
 * Runs when Medusa loads the plugin's module: checks the options (a bad one stops the boot with the
 * full list), migrates our tables and registers the runtime the service hands out. A loader, not the
 * service's start hook, because Medusa swallows errors thrown by start hooks.
 */
import { asValue } from '@medusajs/framework/awilix';
import type { LoaderOptions } from '@medusajs/framework/types';
import { ContainerRegistrationKeys } from '@medusajs/framework/utils';

import { coreLogger } from '../../../runtime/medusa-logger';
import { type CapiRelayPluginOptions, parsePluginOptions } from '../../../runtime/plugin-options';
import { openPluginRuntime } from '../../../runtime/plugin-runtime';

export const RUNTIME_KEY = 'capiRelayRuntime';

interface ProjectConfig {
  projectConfig?: { databaseUrl?: string; workerMode?: string };
}

export default async function openRuntimeLoader({ container, options }: LoaderOptions<CapiRelayPluginOptions>): Promise<void> {
  const config = container.resolve<ProjectConfig>(ContainerRegistrationKeys.CONFIG_MODULE);
  const settings = parsePluginOptions(options, config.projectConfig?.databaseUrl);
  const logger = coreLogger(container.resolve(ContainerRegistrationKeys.LOGGER));
  const runtime = await openPluginRuntime(settings, logger);
  // A Medusa instance in "server" mode runs no background work; its "worker" instances deliver.
  const runsBackgroundWork = config.projectConfig?.workerMode !== 'server';
  container.register(RUNTIME_KEY, asValue({ runtime, runsBackgroundWork }));
}
