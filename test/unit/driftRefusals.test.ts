import type { ZccClient } from '../../provider/client/client';
import { deleteRefusals } from '../../cli/drift/refusals';
import type { StepMetadata } from '../../cli/drift/report';

const TYPE = 'pulumi-nodejs:dynamic/zcc:';
const step = (op: string, kind: string, name: string, id: string, inputs: Record<string, unknown> = {}): StepMetadata => ({
  op,
  urn: `urn:pulumi:prod::center::${TYPE}${kind}::${name}`,
  type: `${TYPE}${kind}`,
  old: op === 'create' ? null : { id, inputs },
  new: op === 'delete' || op === 'delete-replaced' ? null : { id, inputs },
});

/** A client whose where-used lists answer from `uses` (path → items), and which records what it was asked. */
function fakeClient(uses: Record<string, unknown[]>, fail?: string) {
  const asked: string[] = [];
  const client = {
    listOf: async (collection: { path: string }, ids: string[]) => {
      const path = collection.path.replace(/\{\w+\}/, ids[0]);
      asked.push(path);
      if (fail && path.includes(fail)) throw new Error('GET failed: 503');
      return uses[path] ?? [];
    },
  } as unknown as ZccClient;
  return { client: () => client, asked };
}

describe('zcc-pulumi drift: deletes that up would fail on', () => {
  it('names what outside the stack still uses a deleted object; users the stack holds are its own to order', async () => {
    const { client, asked } = fakeClient({
      '/contact_center/business_hours/bh1/queues': [
        { queue_id: 'q_out', queue_name: 'Night\u202e desk' },
        { queue_id: 'q_own', queue_name: 'Own queue' },
      ],
      '/contact_center/business_hours/bh1/flows': [{ flow_id: 'f_out', flow_name: 'Main IVR' }],
      '/contact_center/closures/cs1/queues': [{ queue_id: 'q_own', queue_name: 'Own queue' }],
    });
    const refusals = await deleteRefusals(
      [
        step('refresh', 'Queue', 'own', 'q_own'),
        step('same', 'Queue', 'own', 'q_own'),
        step('delete', 'BusinessHours', 'after-hours', 'bh1'),
        step('delete', 'ClosureSet', 'holidays', 'cs1'),
        // A kind without where-used lists, and a create: nothing to read.
        step('delete', 'Skill', 'old-skill', 's1'),
        step('create', 'BusinessHours', 'new-hours', ''),
      ],
      client,
    );
    expect(refusals).toEqual([
      {
        kind: 'BusinessHours',
        name: 'after-hours',
        urn: 'urn:pulumi:prod::center::pulumi-nodejs:dynamic/zcc:BusinessHours::after-hours',
        message:
          'up would fail to delete BusinessHours "after-hours" (bh1): queue "Night\u202e desk" (q_out), flow "Main IVR" (f_out), outside the stack, still use it. Point them elsewhere first (or manage them in this stack), or keep BusinessHours "after-hours" in the program.',
      },
    ]);
    expect(asked.sort()).toEqual([
      '/contact_center/business_hours/bh1/flows',
      '/contact_center/business_hours/bh1/queues',
      '/contact_center/closures/cs1/flows',
      '/contact_center/closures/cs1/queues',
    ]);
  });

  it('a where-used read that fails is a refusal ("could not check"), never a clean report', async () => {
    const { client } = fakeClient({}, '/flows');
    const refusals = await deleteRefusals([step('delete-replaced', 'BusinessHours', 'after-hours', 'bh1')], client);
    expect(refusals).toEqual([
      expect.objectContaining({
        kind: 'BusinessHours',
        message: 'could not check what uses BusinessHours "after-hours" (bh1) before its delete: GET failed: 503',
      }),
    ]);
  });

  it('reads nothing when the plan deletes nothing', async () => {
    const { client, asked } = fakeClient({});
    expect(await deleteRefusals([step('update', 'BusinessHours', 'hours', 'bh1')], client)).toEqual([]);
    expect(asked).toEqual([]);
  });
});
