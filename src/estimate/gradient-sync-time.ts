/**
 * How long data-parallel ranks spend exchanging gradients (and, when parameters are sharded,
 * weights) per optimizer step, and how much of it the backward pass hides.
 */

/** PyTorch DDP's default bucket (`bucket_cap_mb=25`): the last bucket's all-reduce starts only after the backward ends.
 * */
export const DDP_BUCKET_BYTES = 25 * 2 ** 20;

export interface SyncInput {
  devices: number;
  /** Gradient bytes one rank holds for its trained weights (before sharding). */
  gradientBytes: number;
  /** Weight bytes one rank gathers per pass when parameters are sharded (ZeRO-3/FSDP full shard); 0 otherwise. */
  shardedWeightBytes: number;
  /** One direction of one GPU's link, bytes per second. */
  linkBytesPerSecond: number;
  /** Backward time of the micro-batch that carries the all-reduce (the last one), seconds. */
  backwardSeconds: number;
  /** Compute time of one micro-batch, seconds (FSDP overlaps its gathers with it). */
  microBatchSeconds: number;
  microBatches: number;
}

export interface SyncTime {
  /** Seconds of communication per optimizer step. */
  total: number;
  /** Seconds of it the step waits for: what the compute does not hide. */
  exposed: number;
  /** Which exchange: none on one device, ZeRO-3/FSDP's gathers and reduce-scatter, or DDP's ring all-reduce overlapped
   * with the backward. */
  how: "none" | "sharded" | "ring-all-reduce";
}

/**
 * Ring all-reduce moves 2·(n−1)/n of the gradient bytes through each GPU's link (Patarasuk & Yuan
 * 2009; NCCL's "bus bandwidth"). DDP overlaps the buckets with the last micro-batch's backward
 * (Li et al. 2020, "PyTorch Distributed", VLDB): only what outlasts the backward, plus the last
 * bucket, is exposed. ZeRO-3/FSDP gather the weights before the forward and the backward and
 * reduce-scatter the gradients on every micro-batch — 3·(n−1)/n of the weight bytes — prefetched
 * under that micro-batch's compute.
 * @example gradientSyncTime({ devices: 4, gradientBytes: 1e9, shardedWeightBytes: 0, linkBytesPerSecond: 300e9,
 * backwardSeconds: 0.5, microBatchSeconds: 0.75, microBatches: 1 }).exposed
 */
export function gradientSyncTime(input: SyncInput): SyncTime {
  const n = input.devices;
  if (n <= 1) return { total: 0, exposed: 0, how: "none" };
  const share = (n - 1) / n;
  if (input.shardedWeightBytes > 0) {
    const perMicroBatch = (3 * share * input.shardedWeightBytes) / input.linkBytesPerSecond;
    const exposed = input.microBatches * Math.max(0, perMicroBatch - input.microBatchSeconds);
    return { total: perMicroBatch * input.microBatches, exposed, how: "sharded" };
  }
  const total = (2 * share * input.gradientBytes) / input.linkBytesPerSecond;
  const lastBucket = (2 * share * Math.min(DDP_BUCKET_BYTES, input.gradientBytes)) / input.linkBytesPerSecond;
  const exposed = Math.max(0, total - input.backwardSeconds) + lastBucket;
  return { total, exposed: Math.min(total, exposed), how: "ring-all-reduce" };
}
