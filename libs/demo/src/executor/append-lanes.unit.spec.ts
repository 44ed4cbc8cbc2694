import { AppendLanes } from './append-lanes';

/** An append that finishes when the test says so, recording when it started and ended. */
function controllable(log: string[], name: string) {
  let finish!: (error?: Error) => void;
  const done = new Promise<void>((resolve, reject) => (finish = (error) => (error ? reject(error) : resolve())));
  return {
    run: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
    },
    finish,
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('AppendLanes', () => {
  it('runs appends of one stream one after the other, and of different streams at once', async () => {
    const log: string[] = [];
    const lanes = new AppendLanes(8);
    const a1 = controllable(log, 'a1');
    const a2 = controllable(log, 'a2');
    const b1 = controllable(log, 'b1');
    await lanes.add('a', 1, a1.run);
    await lanes.add('a', 2, a2.run);
    await lanes.add('b', 3, b1.run);
    await tick();
    expect(log).toEqual(['start a1', 'start b1']);
    a1.finish();
    await tick();
    expect(log).toEqual(['start a1', 'start b1', 'end a1', 'start a2']);
    a2.finish();
    b1.finish();
    await lanes.drain();
    expect(lanes.appended).toBe(6);
  });

  it('admits another append only while fewer than `limit` are in flight', async () => {
    const lanes = new AppendLanes(2);
    const slow = controllable([], 'x');
    await lanes.add('x', 1, slow.run);
    const second = controllable([], 'y');
    let admitted = false;
    void lanes.add('y', 1, second.run).then(() => (admitted = true));
    await tick();
    expect(admitted).toBe(false);
    slow.finish();
    await tick();
    expect(admitted).toBe(true);
    second.finish();
    await lanes.drain();
    expect(lanes.appended).toBe(2);
  });

  it('stops at the first failure: later appends are skipped and the failure is thrown', async () => {
    const log: string[] = [];
    const lanes = new AppendLanes(4);
    const failing = controllable(log, 'a1');
    await lanes.add('a', 1, failing.run);
    await lanes.add('a', 1, async () => void log.push('a2 ran'));
    failing.finish(new Error('revision conflict'));
    await expect(lanes.drain()).rejects.toThrow('revision conflict');
    expect(log).toEqual(['start a1']);
    await expect(lanes.add('b', 1, async () => undefined)).rejects.toThrow('revision conflict');
    expect(lanes.appended).toBe(0);
  });
});
