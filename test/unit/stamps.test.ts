import { beginWrite, forgetAllStamps, stampPagesRead, type StampSource } from '../../provider/engine/stamps';

/**
 * A list of `ids` in pages of 2, whose times are read when each page is requested (as a server would); a page's
 * token is its offset, and a walk may start at one.
 */
function source(times: Map<string, string>, requested: string[][]): StampSource {
  return {
    idField: 'id',
    pages: async function* (from?: string) {
      const ids = [...times.keys()];
      for (let i = Number(from ?? 0); i < ids.length; i += 2) {
        const page = ids.slice(i, i + 2);
        requested.push(page);
        await new Promise((resolve) => setTimeout(resolve, 5));
        yield { items: page.map((id) => ({ id, last_modified_time: times.get(id) })), token: i === 0 ? '' : String(i) };
      }
    },
  };
}

describe('stamps after writes', () => {
  afterEach(() => forgetAllStamps());

  it('waits for the writes under way, then serves them all with one walk that stops where it found them', async () => {
    const times = new Map(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => [id, `t-${id}`]));
    const requested: string[][] = [];
    const tickets = ['a', 'c', 'b'].map(() => beginWrite('Queue'));
    const first = tickets[0].stamp('a', source(times, requested));
    await new Promise((resolve) => setTimeout(resolve, 60));
    // Two writes are still under way: no page yet.
    expect(requested).toEqual([]);
    const rest = [tickets[1].stamp('c', source(times, requested)), tickets[2].stamp('b', source(times, requested))];
    expect(await Promise.all([first, ...rest])).toEqual(['t-a', 't-c', 't-b']);
    // c is on the second page: the walk stopped there, never reading e and f.
    expect(requested).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(stampPagesRead('Queue')).toBe(2);
  });

  it('never stamps from a page requested before the write finished', async () => {
    const times = new Map(['a', 'b', 'c', 'd'].map((id) => [id, 'old']));
    const requested: string[][] = [];
    const a = beginWrite('Queue');
    const b = beginWrite('Queue');
    const stampA = a.stamp('d', source(times, requested));
    b.withdraw();
    // The walk for d has requested page one; b's write finishes now, after that request.
    await new Promise((resolve) => setTimeout(resolve, 27));
    times.set('a', 'new');
    const late = beginWrite('Queue').stamp('a', source(times, requested));
    expect(await stampA).toBe('old');
    expect(await late).toBe('new');
    expect(requested[0]).toEqual(['a', 'b']);
    expect(requested.length).toBeGreaterThanOrEqual(3);
  });

  it('a failed listing leaves the stamp out and does not fail the write', async () => {
    const ticket = beginWrite('Queue');
    const stamp = ticket.stamp('a', {
      idField: 'id',
      pages: async function* () {
        yield* [];
        throw new Error('403');
      },
    });
    expect(await stamp).toBeUndefined();
  });

  it('with writes that never pause (a high --parallel), a stamp waits at most MAX_WAIT_MS', async () => {
    jest.useFakeTimers();
    try {
      const busy = beginWrite('Queue');
      const requested: string[][] = [];
      let done = false;
      const stamp = beginWrite('Queue')
        .stamp('a', source(new Map([['a', 't']]), requested))
        .then((value) => ((done = true), value));
      await jest.advanceTimersByTimeAsync(1900);
      expect(done).toBe(false);
      await jest.advanceTimersByTimeAsync(200);
      expect(requested).toEqual([['a']]);
      await jest.advanceTimersByTimeAsync(10);
      expect(await stamp).toBe('t');
      busy.withdraw();
    } finally {
      jest.useRealTimers();
    }
  });

  it('a walk for new objects starts where the last one stopped; updates, and objects not found there, walk from the first page', async () => {
    const times = new Map(['a', 'b', 'c', 'd', 'e'].map((id) => [id, `t-${id}`]));
    const requested: string[][] = [];
    // Created e (the list's last page): the first walk reads the whole list once.
    expect(await beginWrite('Queue').stamp('e', source(times, requested), true)).toBe('t-e');
    expect(requested).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    // f and g are created: the next walk starts at e's page and reads only the new ones.
    requested.length = 0;
    times.set('f', 't-f').set('g', 't-g');
    const f = beginWrite('Queue');
    const g = beginWrite('Queue');
    const stamps = [f.stamp('f', source(times, requested), true), g.stamp('g', source(times, requested), true)];
    expect(await Promise.all(stamps)).toEqual(['t-f', 't-g']);
    expect(requested).toEqual([['e', 'f'], ['g']]);
    // An update of c: from the first page, although the last walk stopped at g's.
    requested.length = 0;
    expect(await beginWrite('Queue').stamp('c', source(times, requested), false)).toBe('t-c');
    expect(requested).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    // A "created" object that is not at the end (the order did not hold): the walk from c's page misses it, so it
    // walks again from the first page and finds it.
    requested.length = 0;
    expect(await beginWrite('Queue').stamp('a', source(times, requested), true)).toBe('t-a');
    expect(requested).toEqual([['c', 'd'], ['e', 'f'], ['g'], ['a', 'b']]);
  });
});
