import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { RateQueue, type QueueClock } from '../../../src/metrics/rateQueue';

/** A clock whose time only moves when the test says so; timers fire in order. */
class FakeClock implements QueueClock {
  t = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  now = () => this.t;
  setTimeout = (fn: () => void, ms: number) => {
    const id = this.nextId++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  };
  clearTimeout = (id: unknown) => {
    this.timers = this.timers.filter((x) => x.id !== id);
  };
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > end) break;
      this.timers.shift();
      this.t = next.at;
      next.fn();
      await Promise.resolve();
    }
    this.t = end;
    await Promise.resolve();
  }
}

async function settled(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

void describe('RateQueue', () => {
  void it('lets a burst of perMinute/5 through at once, then queues', async () => {
    const clock = new FakeClock();
    const q = new RateQueue(50, clock);
    let granted = 0;
    for (let i = 0; i < 15; i++) void q.acquire().then(() => granted++);
    await settled();
    assert.equal(granted, 10);
    assert.equal(q.pending, 5);
    assert.equal(q.wouldWait, true);
  });

  void it('never grants more than perMinute in any 60-second window', async () => {
    const clock = new FakeClock();
    const q = new RateQueue(50, clock);
    const grants: number[] = [];
    for (let i = 0; i < 200; i++) void q.acquire().then(() => grants.push(clock.t));
    for (let s = 0; s < 240; s++) await clock.advance(1000);
    await settled();
    assert.ok(grants.length > 150, `granted ${grants.length}`);
    for (const t of grants) {
      const inWindow = grants.filter((g) => g >= t && g < t + 60_000).length;
      assert.ok(inWindow <= 50, `${inWindow} grants in the minute from ${t}`);
    }
  });

  void it('serves waiters first come, first served', async () => {
    const clock = new FakeClock();
    const q = new RateQueue(5, clock); // burst 1, then one every 15 s
    const order: number[] = [];
    for (let i = 0; i < 3; i++) void q.acquire().then(() => order.push(i));
    await clock.advance(60_000);
    await settled();
    assert.deepEqual(order, [0, 1, 2]);
  });

  void it('drops an aborted waiter without spending a token', async () => {
    const clock = new FakeClock();
    const q = new RateQueue(5, clock);
    await q.acquire();
    const abort = new AbortController();
    const waiting = q.acquire(abort.signal);
    abort.abort();
    await assert.rejects(waiting);
    assert.equal(q.pending, 0);
    let granted = false;
    void q.acquire().then(() => (granted = true));
    await clock.advance(15_000);
    await settled();
    assert.equal(granted, true, 'the next caller gets the token the aborted one would have had');
  });

  void it('holds every caller for the Retry-After of a 429 the client gave up on, then lets one through', async () => {
    const clock = new FakeClock();
    const q = new RateQueue(50, clock);
    q.holdFor(30_000);
    assert.equal(q.wouldWait, true, 'a full bucket does not matter while held');
    let granted = 0;
    for (let i = 0; i < 3; i++) void q.acquire().then(() => granted++);
    await clock.advance(29_999);
    await settled();
    assert.equal(granted, 0);
    await clock.advance(1);
    await settled();
    assert.equal(granted, 1, 'one request probes the API when the hold ends');
    await clock.advance(1_500);
    await settled();
    assert.equal(granted, 2, 'the rest follow at the refill rate, not as a burst');
  });

  void it('ignores a zero or negative hold', async () => {
    const q = new RateQueue(50, new FakeClock());
    q.holdFor(0);
    q.holdFor(-5);
    assert.equal(q.wouldWait, false);
  });

  void it('rejects everything on dispose', async () => {
    const q = new RateQueue(5, new FakeClock());
    await q.acquire();
    const waiting = q.acquire();
    q.dispose();
    await assert.rejects(waiting, /closed/);
    await assert.rejects(q.acquire(), /closed/);
  });
});
