import { forgetDeclared, recordDeclared, releasable } from '../../provider/engine/declaredMembers';
import { allSpecs } from '../../provider/specs';

const spec = (kind: string) => allSpecs.find((candidate) => candidate.kind === kind)!;
const known = () => true;

describe('what a delete may take away: members another resource of the run declares stay', () => {
  beforeEach(() => forgetDeclared());

  it('a renamed member set: the old resource releases only what the new one does not declare', () => {
    recordDeclared(spec('QueueMembers'), { queueId: 'q1', userIds: ['a', 'b'] }, known);
    expect(releasable(spec('QueueMembers'), 'q1', { queueId: 'q1', userIds: ['a', 'b', 'c'] })).toEqual({
      inputs: { queueId: 'q1', userIds: ['c'] },
      kept: ['a', 'b'],
      nothing: false,
    });
    // Another queue's set is its own.
    expect(releasable(spec('QueueMembers'), 'q2', { queueId: 'q2', userIds: ['a'] }).kept).toEqual([]);
  });

  it('a singleton declared again is not reset; items are matched by their id field', () => {
    recordDeclared(spec('QueueOperatingHours'), { queueId: 'q1', businessHourId: 'bh1', closureSetId: '' }, known);
    expect(releasable(spec('QueueOperatingHours'), 'q1', { queueId: 'q1', businessHourId: 'bh0', closureSetId: '' }).nothing).toBe(true);
    recordDeclared(spec('UserSkills'), { userId: 'u1', skills: [{ skillId: 's1', maxProficiencyLevel: 2 }] }, known);
    expect(releasable(spec('UserSkills'), 'u1', { userId: 'u1', skills: [{ skillId: 's1' }, { skillId: 's2' }] }).kept).toEqual(['s1']);
  });

  it("a kind keyed by its owner that export cannot read (an interrupt menu, a queue's teams) is protected as well", () => {
    recordDeclared(spec('QueueInterruptMenu'), { queueId: 'q1', languageCode: 'en-US', menuOptions: [] }, known);
    expect(releasable(spec('QueueInterruptMenu'), 'q1', { queueId: 'q1', languageCode: 'de-DE' }).nothing).toBe(true);
    expect(releasable(spec('QueueInterruptMenu'), 'q2', { queueId: 'q2' }).nothing).toBe(false);
    recordDeclared(spec('QueueTeams'), { queueId: 'q1', teamIds: ['t1'] }, known);
    expect(releasable(spec('QueueTeams'), 'q1', { queueId: 'q1', teamIds: ['t1', 't2'] })).toMatchObject({ inputs: { teamIds: ['t2'] }, kept: ['t1'] });
  });

  it('sets told apart by an input they cannot change in place are different sets (inbound and outbound dispositions)', () => {
    recordDeclared(spec('QueueDispositions'), { queueId: 'q1', assignType: 'outbound', dispositionIds: ['d1'] }, known);
    expect(releasable(spec('QueueDispositions'), 'q1', { queueId: 'q1', assignType: 'inbound', dispositionIds: ['d1'] }).kept).toEqual([]);
    expect(releasable(spec('QueueDispositions'), 'q1', { queueId: 'q1', assignType: 'outbound', dispositionIds: ['d1'] }).kept).toEqual(['d1']);
  });
});
