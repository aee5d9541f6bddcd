import { allSpecs } from '../../provider/specs';
import { endpoints, objectTemplate } from '../../provider/client/endpoints';
import { control as callControl, useEmulatorEnv } from './emulatorEnv';

const emulator = useEmulatorEnv({ plan: 'unlimited' });

/** `/contact_center/queues/{queueId}/agents` and `…/:queueId/agents` → `…/:/agents`: parameter names do not matter. */
const asRoute = (path: string) => path.replace(/\{\w+\}|:\w+/g, ':');

describe('every kind is served by the emulator', () => {
  it("serves the list, create, get, update and delete routes of every spec's endpoint that the kind uses", async () => {
    const routes = new Set<string>((await callControl(emulator(), 'GET', '/routes')).map(asRoute));
    const missing: string[] = [];
    for (const spec of allSpecs) {
      const list = `${spec.endpoint.unlisted ? 'POST' : 'GET'} ${asRoute(spec.endpoint.path)}`;
      if (!routes.has(list)) missing.push(`${spec.kind}: ${list}`);
      // A collection the document cannot list must not be listed by the emulator either (nothing would catch a call to it).
      if (spec.endpoint.unlisted && routes.has(`GET ${asRoute(spec.endpoint.path)}`)) missing.push(`${spec.kind}: GET served but not documented`);
      // REST kinds use the object routes too; kinds with their own store (member sets) name theirs in the store.
      if (!spec.store) {
        const object = asRoute(objectTemplate(spec.endpoint));
        for (const route of [`POST ${asRoute(spec.endpoint.path)}`, `GET ${object}`, `PATCH ${object}`, `DELETE ${object}`])
          if (!routes.has(route)) missing.push(`${spec.kind}: ${route}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('serves every endpoint the client defines (the where-used lists and other reads included)', async () => {
    const routes = new Set<string>((await callControl(emulator(), 'GET', '/routes')).map(asRoute));
    const missing = Object.entries(endpoints)
      .map(([name, endpoint]) => {
        const at = asRoute(endpoint.path);
        // A listed collection is read with GET at its path; one with no list (a queue's teams) is written with POST;
        // a singleton at its path (a queue's operating hours) is read with GET there too.
        const route = `${'unlisted' in endpoint && endpoint.unlisted ? 'POST' : 'GET'} ${at}`;
        return routes.has(route) ? undefined : `${name}: ${route}`;
      })
      .filter((line) => line !== undefined);
    expect(missing).toEqual([]);
  });
});
