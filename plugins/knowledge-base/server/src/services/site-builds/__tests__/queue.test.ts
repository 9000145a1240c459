import { BuildQueue } from '../queue';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const unexpected = (error: unknown) => {
  throw error;
};

describe('BuildQueue', () => {
  it('turns a burst of 50 requests into one build', async () => {
    const builds: string[][] = [];
    const queue = new BuildQueue(50, async (reasons) => {
      builds.push(reasons);
      await sleep(20);
    }, unexpected);
    for (let i = 0; i < 50; i++) queue.request(`publish ${i}`);
    await queue.idle();
    expect(builds).toHaveLength(1);
    expect(builds[0]).toHaveLength(50);
  });

  it('gathers what arrives during a build into exactly one follow-up build', async () => {
    const builds: string[][] = [];
    let running = 0;
    let overlapped = false;
    const queue = new BuildQueue(10, async (reasons) => {
      running++;
      overlapped ||= running > 1;
      builds.push(reasons);
      await sleep(100);
      running--;
    }, unexpected);
    queue.request('first');
    await sleep(40); // the first build is running now
    expect(queue.state).toBe('building');
    for (let i = 0; i < 50; i++) queue.request(`during ${i}`);
    await queue.idle();
    expect(overlapped).toBe(false);
    expect(builds.map((b) => b.length)).toEqual([1, 50]);
    expect(queue.state).toBe('idle');
  });

  it('hands a build that throws to its failure handler, never drops it, and keeps going', async () => {
    let calls = 0;
    const failures: Array<[string, string[]]> = [];
    const queue = new BuildQueue(
      5,
      async () => {
        calls++;
        if (calls === 1) throw new Error('boom');
      },
      (error, reasons) => failures.push([(error as Error).message, reasons]),
    );
    queue.request('a');
    await queue.idle();
    expect(failures).toEqual([['boom', ['a']]]);
    queue.request('b');
    await queue.idle();
    expect(calls).toBe(2);
    expect(failures).toHaveLength(1);
    expect(queue.state).toBe('idle');
  });

  it('builds nothing after stop', async () => {
    let calls = 0;
    const queue = new BuildQueue(20, async () => void calls++, unexpected);
    queue.request('a');
    queue.stop();
    await sleep(60);
    expect(calls).toBe(0);
  });
});
