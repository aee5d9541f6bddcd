import { beginWrite, forgetAllStamps, stampPagesRead, type StampSource } from '../../provider/engine/stamps';

/** A list of `ids` in pages of 2, whose times are read when each page is requested (as a server would). */
function source(times: Map<string, string>, requested: string[][]): StampSource {
  return {
    idField: 'id',
    pages: async function* () {
      const ids = [...times.keys()];
      for (let i = 0; i < ids.length; i += 2) {
        const page = ids.slice(i, i + 2);
        requested.push(page);
        await new Promise((resolve) => setTimeout(resolve, 5));
        yield page.map((id) => ({ id, last_modified_time: times.get(id) }));
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
});
