/**
 * Proxy batch sizes for real ones: unchanged when the larger fits under `max`, otherwise both
 * scaled by the same factor so their ratio — what transfers from proxy to real training — is kept.
 * Rounding can move the ratio a little, and a batch that would scale below 1 is clamped to 1;
 * the returned text says so.
 * @example mapBatchSizes([512, 4096], 256).proxy // [32, 256]
 */
export function mapBatchSizes(real: [number, number], max: number): { proxy: [number, number]; mapping: string } {
  const largest = Math.max(...real);
  if (largest <= max) {
    const proxy = real.map((b) => Math.max(1, Math.round(b))) as [number, number];
    return { proxy, mapping: `proxy batch sizes equal the real ones (${proxy[0]} → ${proxy[1]})` };
  }
  const factor = max / largest;
  const proxy = real.map((b) => Math.max(1, Math.round(b * factor))) as [number, number];
  const realRatio = real[1] / real[0];
  const proxyRatio = proxy[1] / proxy[0];
  const kept = Math.abs(proxyRatio / realRatio - 1) < 0.02;
  const ratioText = kept
    ? `the ratio ${formatRatio(realRatio)}× is kept`
    : `the ratio becomes ${formatRatio(proxyRatio)}× instead of ${formatRatio(realRatio)}× (a batch cannot go below 1)`;
  return {
    proxy,
    mapping:
      `real batch sizes ${real[0]} → ${real[1]} scaled by ` +
      `1/${formatRatio(1 / factor)} to ${proxy[0]} → ${proxy[1]}; ${ratioText}`,
  };
}

function formatRatio(r: number): string {
  return r >= 100 ? Math.round(r).toString() : Number(r.toPrecision(3)).toString();
}
