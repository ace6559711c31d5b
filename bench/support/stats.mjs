// Order statistics for the benchmarks: medians of runs, and the quartiles that show how far a median can be trusted.

/** The value at fraction `q` of the sorted values (nearest rank: always one of the values). */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * q + 0.5)];
}

/**
 * The middle value, or the mean of the two middle values of an even count. Until session 43 this was the nearest
 * rank, which for an even count takes the upper middle: 4 rounds then read the third-fastest, leaning high.
 */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
