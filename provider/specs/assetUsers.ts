import type { ZccClient } from '../client/client';
import { endpoints } from '../client/endpoints';
import { unlessNotFound } from '../client/errors';
import { mapLimit } from '../client/mapLimit';
import type { UsedBy } from '../engine/spec';
import { queueInterruptsEndpoint } from './queueInterruptsSpec';
import { queuesEndpoint } from './queueSpec';

/**
 * What names an asset. Zoom documents no where-used list for assets, yet refuses (409) to delete one that a flow or
 * a queue's interrupts still name, so these read the users themselves, with GETs only: every version of every flow
 * (its exported file), and every queue's interrupt settings, looking for the asset's id as a JSON string (how flows
 * and interrupts name assets). That is one call per flow version and one per queue: read only when a delete of an
 * asset was refused, or is planned (`zcc-pulumi drift`), never in a plain read. A queue's interrupt menu cannot be
 * read (the document has no GET for it): an asset that only a menu names is found by ZCC's refusal alone.
 */
const names = (value: unknown, assetId: string) => JSON.stringify(value ?? null).includes(JSON.stringify(assetId));

async function flowsNaming(client: ZccClient, assetId: string): Promise<Array<{ id: string; name: string }>> {
  const flows = await client.listOf(endpoints.flows);
  const found = await mapLimit(flows, 4, async (flow) => {
    const versions = flow.flow_versions ?? (await client.getOne(endpoints.flows, [flow.flow_id])).flow_versions ?? [];
    for (const version of versions) if (names(await unlessNotFound(() => client.exportFlow(flow.flow_id, version.flow_version)), assetId)) return true;
    return false;
  });
  return flows.filter((_flow, index) => found[index]).map((flow) => ({ id: flow.flow_id, name: flow.flow_name }));
}

async function queuesNaming(client: ZccClient, assetId: string): Promise<Array<{ id: string; name: string }>> {
  const queues = await client.listOf(queuesEndpoint);
  const found = await mapLimit(queues, 4, async (queue) => names(await unlessNotFound(() => client.getAt(queueInterruptsEndpoint, [queue.queue_id])), assetId));
  return queues.filter((_queue, index) => found[index]).map((queue) => ({ id: queue.queue_id, name: queue.queue_name }));
}

export const assetUsers: readonly UsedBy[] = [
  { noun: 'flow', scan: flowsNaming },
  { noun: 'queue', scan: queuesNaming },
];
