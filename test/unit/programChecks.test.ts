import * as pulumi from '@pulumi/pulumi';
import { adoptFromImport, checkedArgs } from '../../sdk/programChecks';

/** The program-side check sees values before Pulumi's serializer turns NaN into null and a Date into {}. */
describe('flow definitions are checked in the program, before serialization', () => {
  it.each([
    [{ timeout: NaN }, /Flow "ivr": definition\["timeout"\] is NaN/],
    [{ at: new Date(0) }, /definition\["at"\] is a Date/],
    [{ n: BigInt(2) }, /definition\["n"\] is a bigint/],
    [JSON.parse('{"a":{"__proto__":{"x":1}}}'), /definition\["a"\]\["__proto__"\]: the key "__proto__" is not allowed/],
    [{ nodes: [{ constructor: 'x' }] }, /definition\["nodes"\]\[0\]\["constructor"\]/],
  ])('%p fails the program with one line', (definition, message) => {
    let caught: unknown;
    try {
      checkedArgs('Flow', 'ivr', { name: 'IVR', definition });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(pulumi.RunError);
    expect((caught as Error).message).toMatch(message);
  });

  it('passes plain JSON through unchanged', () => {
    const args = { name: 'IVR', definition: { start: { type: 'menu', options: [1, 'two', null, true] } } };
    expect(checkedArgs('Flow', 'ivr', args)).toBe(args);
  });
});

describe('the import resource option', () => {
  it('becomes adoptId and leaves the options without it', () => {
    const { args, opts } = adoptFromImport('Queue', 'q', { name: 'Q' } as { name: string; adoptId?: string }, { import: 'q1', retainOnDelete: true });
    expect(args).toEqual({ name: 'Q', adoptId: 'q1' });
    expect(opts).toEqual({ retainOnDelete: true });
  });

  it('fails the program when adoptId names another object', () => {
    expect(() => adoptFromImport('Queue', 'q', { adoptId: 'q2' }, { import: 'q1' })).toThrow(pulumi.RunError);
  });
});
