import type { FastifyInstance } from 'fastify';
import { defineRoutes } from '../context';
import type { PluginOptions } from './plugin';

type RegisterRoutes = (route: ReturnType<typeof defineRoutes>) => void;

/** One area of Zoom's API (queues, users, flows, …) as its own plugin; routes/*.ts say what each area serves. */
export function apiArea(register: RegisterRoutes) {
  return async (app: FastifyInstance, { runtime }: PluginOptions) => {
    register(defineRoutes(app, { state: runtime.state, behaviour: runtime.behaviour, accountId: runtime.options.accountId }));
  };
}
