import fc from "fast-check";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { createRing, RING_HEADER, RING_HEADER_BYTES, RingConsumer, RingProducer } from "./ring.ts";

function ring(capacity: number, recordWords = 3) {
  const sab = createRing({ capacity, recordWords });
  return { sab, producer: new RingProducer(sab), consumer: new RingConsumer(sab) };
}

function drainAll(consumer: RingConsumer): number[][] {
  const out: number[][] = [];
  consumer.drain((data, offset) => out.push(Array.from(data.subarray(offset, offset + 3))));
  return out;
}

describe("event ring", () => {
  it("rounds capacity up to a power of two and sizes the buffer", () => {
    const { sab, producer } = ring(5, 4);
    expect(producer.capacity).toBe(8);
    expect(sab.byteLength).toBe(RING_HEADER_BYTES + 8 * 4 * 8);
    expect(() => createRing({ capacity: 0, recordWords: 1 })).toThrow(RangeError);
    expect(() => new RingConsumer(new SharedArrayBuffer(128))).toThrow(/not an event ring/);
  });

  it("delivers records in order across the wraparound of the slots", () => {
    const { producer, consumer } = ring(4);
    const seen: number[] = [];
    for (let seq = 0; seq < 11; seq++) {
      expect(producer.push([seq, -seq, seq * 10])).toBe(true);
      if (seq % 3 === 2) for (const r of drainAll(consumer)) seen.push(r[0] ?? NaN);
    }
    for (const r of drainAll(consumer)) seen.push(r[0] ?? NaN);
    expect(seen).toEqual([...Array(11).keys()]);
    expect(consumer.dropped()).toBe(0);
  });

  it("keeps working when the free-running counters wrap past 2^31", () => {
    const { sab, producer, consumer } = ring(4);
    const header = new Int32Array(sab, 0, 16);
    header[RING_HEADER.WRITE] = 0x7ffffffe;
    header[RING_HEADER.READ] = 0x7ffffffe;
    const seen: number[] = [];
    for (let seq = 0; seq < 10; seq++) {
      producer.push([seq, 0, 0]);
      if (seq % 2 === 1) for (const r of drainAll(consumer)) seen.push(r[0] ?? NaN);
    }
    expect(seen).toEqual([...Array(10).keys()]);
    expect(header[RING_HEADER.WRITE]).toBeLessThan(0); // it did wrap
  });

  it("drops and counts records when full, never overwriting unread ones", () => {
    const { producer, consumer } = ring(4);
    const accepted = [0, 1, 2, 3, 4, 5].map((seq) => producer.push([seq, 0, 0]));
    expect(accepted).toEqual([true, true, true, true, false, false]);
    expect(producer.available()).toBe(4);
    expect(consumer.takeDropped()).toBe(2);
    expect(consumer.takeDropped()).toBe(0);
    expect(drainAll(consumer).map((r) => r[0])).toEqual([0, 1, 2, 3]);
    expect(producer.push([6, 0, 0])).toBe(true);
    expect(drainAll(consumer).map((r) => r[0])).toEqual([6]);
    expect(consumer.dropped()).toBe(2);
  });

  it("pushRecords copies stretches of a source ring across both wraparounds, dropping what does not fit", () => {
    const { producer, consumer } = ring(8);
    // A source ring of 4 records of 3 words: record k holds [k, -k, 10k].
    const srcOf = (seqs: number[]) => {
      const src = new Float64Array(4 * 3);
      for (const q of seqs) src.set([q, -q, q * 10], (q & 3) * 3);
      return src;
    };
    const seen: number[][] = [];
    // Fill the ring to 6 so that the next stretch wraps this ring's slots too.
    for (let q = 0; q < 6; q++) producer.push([100 + q, 0, 0]);
    seen.push(...drainAll(consumer));
    // Source records 2..5: they wrap the source ring (slots 2, 3, 0, 1).
    expect(producer.pushRecords(srcOf([2, 3, 4, 5]), 4, 2, 4)).toBe(4);
    expect(producer.available()).toBe(4);
    expect(drainAll(consumer)).toEqual([
      [2, -2, 20],
      [3, -3, 30],
      [4, -4, 40],
      [5, -5, 50],
    ]);
    expect(seen.map((r) => r[0])).toEqual([100, 101, 102, 103, 104, 105]);
    // A stretch longer than the room left: the rest is dropped and counted.
    for (let q = 0; q < 6; q++) producer.push([q, 0, 0]);
    expect(producer.pushRecords(srcOf([6, 7, 8, 9]), 4, 6, 4)).toBe(2);
    expect(consumer.takeDropped()).toBe(2);
    expect(drainAll(consumer).map((r) => r[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(producer.pushRecords(srcOf([]), 4, 0, 0)).toBe(0);
  });

  it("reserve/commit writes in place; pop copies one record; drain honours max", () => {
    const { producer, consumer } = ring(8);
    for (let seq = 0; seq < 5; seq++) {
      const at = producer.reserve();
      producer.data.set([seq, 1, 2], at);
      producer.commit();
    }
    const out = new Float64Array(3);
    expect(consumer.pop(out)).toBe(true);
    expect(Array.from(out)).toEqual([0, 1, 2]);
    let visited = 0;
    expect(consumer.drain(() => visited++, 2)).toBe(2);
    expect(visited).toBe(2);
    expect(consumer.available()).toBe(2);
  });

  it("property: the consumer sees exactly the produced sequence minus the counted drops", () => {
    const op = fc.oneof(
      fc.record({ push: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ drain: fc.integer({ min: 0, max: 40 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 32 }), fc.array(op, { maxLength: 60 }), (cap, ops) => {
        const { producer, consumer } = ring(cap);
        const accepted: number[] = [];
        const seen: number[] = [];
        let produced = 0;
        let refused = 0;
        const take = (max: number) =>
          consumer.drain((data, offset) => {
            seen.push(data[offset] ?? NaN);
            expect(data[offset + 1]).toBe(-(data[offset] ?? NaN));
          }, max);
        for (const o of ops) {
          if ("push" in o) {
            for (let i = 0; i < o.push; i++, produced++) {
              if (producer.push([produced, -produced, 0])) accepted.push(produced);
              else refused++;
            }
          } else take(o.drain);
        }
        take(Infinity);
        expect(seen).toEqual(accepted);
        expect(consumer.dropped()).toBe(refused);
        expect(seen.length + consumer.dropped()).toBe(produced);
      }),
      { numRuns: 300 },
    );
  });

  it("stays ordered and loss-accounted with a producer on another thread", async () => {
    const count = 200_000;
    const sab = createRing({ capacity: 1024, recordWords: 3 });
    const consumer = new RingConsumer(sab);
    // The producer is TypeScript: load it through tsx inside the thread.
    const script = new URL("./testing/ring-producer.ts", import.meta.url).href;
    const worker = new Worker(
      `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(script)}, ${JSON.stringify(script)}))`,
      { eval: true, workerData: { sab, count } },
    );
    const done = new Promise<{ refused: number }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    let finished: { refused: number } | undefined;
    let failed: unknown;
    done.then(
      (r) => (finished = r),
      (e: unknown) => (failed = e ?? "worker failed"),
    );
    let last = -1;
    let seen = 0;
    let corrupt = 0;
    const check = (data: Float64Array, offset: number) => {
      const seq = data[offset] ?? NaN;
      if (!(seq > last) || data[offset + 2] !== seq * 3) corrupt++;
      last = seq;
      seen++;
    };
    while (finished === undefined) {
      if (failed !== undefined) throw failed;
      consumer.drain(check);
      await new Promise((r) => setTimeout(r, 0));
    }
    consumer.drain(check);
    await worker.terminate();
    expect(corrupt).toBe(0);
    expect(consumer.dropped()).toBe(finished.refused);
    expect(seen + finished.refused).toBe(count);
  });

  it("whenWritten wakes a waiting consumer on a write or a drop, and not before", async () => {
    const { producer, consumer } = ring(4);
    const settled = (p: Promise<void>) =>
      Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), 30))]);
    // Nothing written: it waits.
    const idle = consumer.whenWritten();
    expect(await settled(idle)).toBe(false);
    // A write wakes it (Atomics.notify from the producer).
    producer.push([1, 2, 3]);
    expect(await settled(idle)).toBe(true);
    // Pending records: resolved at once; drained: waits again.
    expect(await settled(consumer.whenWritten())).toBe(true);
    expect(drainAll(consumer)).toEqual([[1, 2, 3]]);
    const again = consumer.whenWritten();
    expect(await settled(again)).toBe(false);
    // A batch copied in by pushRecords wakes it too.
    producer.pushRecords(new Float64Array([7, 8, 9]), 1, 0, 1);
    expect(await settled(again)).toBe(true);
    drainAll(consumer);
    // A drop alone (the engine's log overflowed) wakes it, and is seen until taken.
    const drop = consumer.whenWritten();
    producer.countDropped(2);
    expect(await settled(drop)).toBe(true);
    expect(await settled(consumer.whenWritten())).toBe(true);
    expect(consumer.takeDropped()).toBe(2);
    expect(await settled(consumer.whenWritten())).toBe(false);
  });
});
