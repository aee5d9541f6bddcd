import { registerDispositionRoutes, registerQueueDispositionRoutes } from './routes/dispositions';
import { registerVariableGroupRoutes } from './routes/variableGroups';
import { registerVariableRoutes } from './routes/variables';
import { registerBusinessHoursRoutes } from './routes/businessHours';
import { registerClosureRoutes } from './routes/closures';
import { registerOperatingHoursRoutes } from './routes/operatingHours';
import { registerInboxRoutes } from './routes/inboxes';
import { registerTeamRoutes } from './routes/teams';
import { registerEntryPointRoutes } from './routes/entryPoints';
import { registerRoleRoutes } from './routes/roles';
import { registerRegionRoutes } from './routes/regions';
import { registerSystemStatusRoutes } from './routes/systemStatuses';
import { registerAssetCategoryRoutes } from './routes/assetCategories';
import { registerQueueTemplateRoutes } from './routes/queueTemplates';
import { registerQueueInterruptRoutes } from './routes/queueInterrupts';
import { registerAssetRoutes } from './routes/assets';
import { registerUserTemplateRoutes } from './routes/userTemplates';
import { registerBlockListRoutes } from './routes/blockLists';
import { registerAddressBookRoutes } from './routes/addressBooks';
import { registerOutboundCampaignRoutes } from './routes/outboundCampaigns';
import { registerQueueInterruptMenuRoutes } from './routes/queueInterruptMenus';
import Fastify, { type FastifyInstance } from 'fastify';
import type { BehaviourSettings } from './context';
import type { Plan } from './rateLimits';
import type { SeedOptions } from './seed';
import type { EmulatorState } from './state';
import { EmulatorRuntime } from './emulatorRuntime';
import { CONTROL_PREFIX } from './plugins/plugin';
import { zoomErrors } from './plugins/zoomErrors';
import { localOnly } from './plugins/localOnly';
import { bodyParsers } from './plugins/bodyParsers';
import { requestLog } from './plugins/requestLog';
import { writeLock } from './plugins/writeLock';
import { faultInjection } from './plugins/faultInjection';
import { authAndRateLimit } from './plugins/authAndRateLimit';
import { oauth } from './plugins/oauth';
import { controlRoutes } from './plugins/controlRoutes';
import { apiArea } from './plugins/apiArea';
import { registerQueueRoutes } from './routes/queues';
import { registerUserRoutes } from './routes/users';
import { registerOperationRoutes } from './routes/operations';
import { registerFlowRoutes } from './routes/flows';
import { registerSkillRoutes } from './routes/skills';
import { registerRoutingProfileRoutes } from './routes/routingProfiles';

export type { RequestLogEntry } from './emulatorRuntime';

export interface EmulatorOptions {
  port?: number;
  accountId?: string;
  clientId?: string;
  clientSecret?: string;
  /** Lifetime of minted tokens; Zoom's is one hour. */
  tokenTtlSeconds?: number;
  plan?: Plan;
  /** Overrides every category's per-second budget. */
  ratePerSecond?: number;
  behaviour?: Partial<BehaviourSettings>;
  logger?: boolean;
  /** The users the account starts with (count, id prefix). */
  seed?: SeedOptions;
}

export const EMULATOR_DEFAULTS = {
  port: 4010,
  accountId: 'emulator-account',
  clientId: 'emulator-client',
  clientSecret: 'emulator-secret',
} as const;

export interface Emulator {
  app: FastifyInstance;
  state: EmulatorState;
  /** Base URL of the API, ending in /v2 (what ZCC_BASE_URL takes). */
  baseUrl: string;
  origin: string;
  options: Required<Pick<EmulatorOptions, 'accountId' | 'clientId' | 'clientSecret'>>;
  close(): Promise<void>;
}

/**
 * A local Zoom Contact Center: fastify plugins for Zoom-style errors, body parsing, the request log, the write lock,
 * injected faults, OAuth, bearer auth with rate limits, the test-only control surface, and one plugin per API area.
 * The server-wide plugins' hooks run in the order registered here, for every request but the control surface's.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const runtime = new EmulatorRuntime({
    accountId: options.accountId ?? EMULATOR_DEFAULTS.accountId,
    clientId: options.clientId ?? EMULATOR_DEFAULTS.clientId,
    clientSecret: options.clientSecret ?? EMULATOR_DEFAULTS.clientSecret,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    plan: options.plan ?? 'pro',
    ratePerSecond: options.ratePerSecond,
    behaviour: options.behaviour ?? {},
    seed: options.seed,
  });
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 5 * 1024 * 1024 });
  // What the API serves, for the control surface's GET /routes (tests check every kind's endpoints are served).
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/v2/')) return;
    for (const method of [route.method].flat()) if (method !== 'HEAD') runtime.routes.add(`${method} ${route.url.slice(3)}`);
  });
  const plugin = { runtime };
  await app.register(zoomErrors, plugin);
  await app.register(localOnly, plugin);
  await app.register(bodyParsers, plugin);
  await app.register(requestLog, plugin);
  await app.register(writeLock, plugin);
  await app.register(faultInjection, plugin);
  await app.register(authAndRateLimit, plugin);
  await app.register(oauth, plugin);
  await app.register(controlRoutes, { ...plugin, prefix: CONTROL_PREFIX });
  for (const area of [
    registerQueueRoutes,
    registerUserRoutes,
    registerOperationRoutes,
    registerFlowRoutes,
    registerSkillRoutes,
    registerRoutingProfileRoutes,
    registerDispositionRoutes,
    registerQueueDispositionRoutes,
    registerVariableGroupRoutes,
    registerVariableRoutes,
    registerBusinessHoursRoutes,
    registerClosureRoutes,
    registerOperatingHoursRoutes,
    registerInboxRoutes,
    registerTeamRoutes,
    registerEntryPointRoutes,
    registerRoleRoutes,
    registerRegionRoutes,
    registerSystemStatusRoutes,
    registerAssetCategoryRoutes,
    registerQueueTemplateRoutes,
    registerQueueInterruptRoutes,
    registerAssetRoutes,
    registerUserTemplateRoutes,
    registerBlockListRoutes,
    registerAddressBookRoutes,
    registerOutboundCampaignRoutes,
    registerQueueInterruptMenuRoutes,
  ]) {
    await app.register(apiArea(area), plugin);
  }

  await app.listen({ host: '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const origin = `http://127.0.0.1:${port}`;
  runtime.state.origin = origin;
  const { accountId, clientId, clientSecret } = runtime.options;
  return { app, state: runtime.state, origin, baseUrl: `${origin}/v2`, options: { accountId, clientId, clientSecret }, close: () => app.close() };
}
