// A producer thread for ring.test.ts: pushes records 0..count-1 as fast as it can, each
// record [seq, seq * 2, ...], and reports how many pushes were refused.
import { parentPort, workerData } from "node:worker_threads";
import { RingProducer } from "../ring.ts";

const { sab, count } = workerData as { sab: SharedArrayBuffer; count: number };
const producer = new RingProducer(sab);
const record = new Float64Array(producer.recordWords);
let refused = 0;
for (let seq = 0; seq < count; seq++) {
  for (let w = 0; w < record.length; w++) record[w] = seq * (w + 1);
  if (!producer.push(record)) refused++;
}
parentPort?.postMessage({ refused });
