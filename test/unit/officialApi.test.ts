import { mismatches, operationFor, parseOfficialApi, queryObject } from '../support/officialApi';

/** The contract the conformance checks rely on: contract/official-api.json, generated from ../shared/zoom-cc-official-api.md. */
describe('the official API document, parsed', () => {
  const operations = parseOfficialApi();

  it('finds every operation of both parts', () => {
    expect(operations.filter((op) => op.part === 1).length).toBeGreaterThanOrEqual(50);
    expect(operations.filter((op) => op.part === 2).length).toBeGreaterThanOrEqual(7);
    expect(operationFor(operations, 'GET', '/contact_center/skills/categories')?.template).toBe('/contact_center/skills/categories');
    expect(operationFor(operations, 'GET', '/contact_center/skills/abc')?.template).toBe('/contact_center/skills/{skillId}');
    expect(operationFor(operations, 'GET', '/contact_center/agents')).toBeUndefined();
  });

  it('reads body, query and response shapes with enums, arrays and required fields', () => {
    const create = operationFor(operations, 'POST', '/contact_center/agent_routing_profiles')!;
    expect(
      mismatches({ agent_routing_profile_name: 'x', priorities: [{ category_type: 'skill', skill_category_id: 'c' }] }, create.body!, 'body', {
        requireRequired: true,
      }),
    ).toEqual([]);
    expect(mismatches({ priorities: [{ category_type: 'team' }], name: 'x' }, create.body!, 'body', { requireRequired: true })).toEqual([
      'body.priorities[0].category_type: "team" is not one of "skill", "intent"',
      'body.name: not in the document',
      'body.agent_routing_profile_name: required, missing',
    ]);
    const list = operationFor(operations, 'GET', '/contact_center/queues')!;
    expect(mismatches(queryObject('page_size=100&next_page_token=t', list.query), list.query!, 'query', { requireRequired: false })).toEqual([]);
    expect(mismatches({ queues: [{ queue_id: 'q', channel: 'chat' }] }, list.response!, 'response', { requireRequired: false })).toEqual([
      'response.queues[0].channel: "chat" is not one of "voice", "video", "messaging", "email"',
    ]);
    const publish = operationFor(operations, 'PATCH', '/contact_center/queues/q1')!;
    expect(publish.response).toEqual({ kind: 'void' });
  });
});
