import { apiPath, segment } from '../../provider/client/paths';
import { endpoints, fillPath, lockKeyOf, objectPath } from '../../provider/client/endpoints';
import { hasUnsafeCharacter, isInvisible, printable } from '../../provider/client/printable';
import { queuesEndpoint } from '../../provider/specs/queueSpec';
import { skillCategoriesEndpoint } from '../../provider/specs/skillSpecs';

describe('API paths keep every id as one literal segment', () => {
  it.each(['..', '.', '', '...', 'a/b', '../agent_005', 'a\\b', 'a?b', 'a#b', '%2e%2e', 'a b', 'q\u001b', 'x'.repeat(129), 'é'])('refuses %j', (id) => {
    expect(() => apiPath`/contact_center/queues/${id}/agents`).toThrow(/Refusing to build an API path/);
  });
  it.each([42, undefined, null, { id: 'x' }])('refuses the non-string %j', (id) => {
    expect(() => segment(id)).toThrow(/expected a string id/);
  });
  it.each(['q1', 'IZ3S5UwJQqyMdMzeW3bX1A', 'agent_001', 'a.b', 'lead+cc@example.com', 'x'.repeat(128), 'a=b:c~d-e'])('keeps %j', (id) => {
    expect(apiPath`/contact_center/queues/${id}`).toBe(`/contact_center/queues/${encodeURIComponent(id)}`);
  });
});

describe('printable text', () => {
  it('escapes controls, DEL, C1 and bidi characters and keeps ordinary Unicode', () => {
    expect(printable('a\u001b[2Jb\r\n\u007f\u0085\u202e\u2066')).toBe('a\\u001b[2Jb\\u000d\\u000a\\u007f\\u0085\\u202e\\u2066');
    expect(printable('Support 🎧 👨‍👩‍👧 客户 שירות Café')).toBe('Support 🎧 👨‍👩‍👧 客户 שירות Café');
    expect(hasUnsafeCharacter('ok')).toBe(false);
    expect(hasUnsafeCharacter('tab\there')).toBe(true);
  });
  it('tells invisible-only text from text with a joiner inside', () => {
    expect(isInvisible('\u200b \u200d\ufeff')).toBe(true);
    expect(isInvisible('👨‍👩‍👧')).toBe(false);
  });
});

describe('endpoint paths and write locks', () => {
  it('fills placeholders in order, each as one checked segment', () => {
    expect(fillPath(endpoints.queueAgents.path, ['q1'])).toBe('/contact_center/queues/q1/agents');
    expect(objectPath(endpoints.queueAgents, ['q1', 'u@x.com'])).toBe('/contact_center/queues/q1/agents/u%40x.com');
    expect(() => fillPath(endpoints.queueAgents.path, ['..'])).toThrow(/Refusing to build an API path: queueId is invalid/);
    expect(() => fillPath(endpoints.queueAgents.path, [])).toThrow(/needs more ids/);
    expect(() => fillPath(queuesEndpoint.path, ['q1'])).toThrow(/takes 0 id\(s\); got 1/);
  });
  it('locks the top-level object a write changes', () => {
    expect(lockKeyOf(`${queuesEndpoint.path}/{queueId}`, ['q1'])).toBe('/contact_center/queues/q1');
    expect(lockKeyOf(`${endpoints.queueAgents.path}/{userId}`, ['q1', 'u1'])).toBe('/contact_center/queues/q1');
    expect(lockKeyOf(endpoints.userSkills.path, ['u1'])).toBe('/contact_center/users/u1');
    expect(lockKeyOf(`${skillCategoriesEndpoint.path}/{id}`, ['c1'])).toBe('/contact_center/skills/categories/c1');
    expect(lockKeyOf(queuesEndpoint.path, [])).toBeUndefined();
  });
});
