import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { EmulatorError } from '../errors';
import type { EmulatorRuntime } from '../emulatorRuntime';

export interface PluginOptions {
  runtime: EmulatorRuntime;
}

/** Where the test-only control surface lives (plugins/controlRoutes.ts). */
export const CONTROL_PREFIX = '/__emulator';

export const pathOf = (url: string) => url.split('?')[0];
export const isControl = (url: string) => url.startsWith(CONTROL_PREFIX);

/**
 * A plugin whose hooks and handlers apply to the whole server rather than to its own encapsulated context: what
 * the fastify-plugin package does, without the dependency (fastify honours this symbol).
 */
export function serverWide(plugin: FastifyPluginAsync<PluginOptions>): FastifyPluginAsync<PluginOptions> {
  Object.assign(plugin, { [Symbol.for('skip-override')]: true });
  return plugin;
}

/** Answers a Zoom-style error: `{code, message}` with the error's status and headers (Retry-After). */
export function zoomError(reply: FastifyReply, error: EmulatorError) {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  return reply.code(error.status).send({ code: error.code, message: error.message });
}
