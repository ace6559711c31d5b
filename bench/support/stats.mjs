// Order statistics for the benchmarks: medians of runs, and the quartiles that show how far a median can be trusted.

/** The value at fraction `q` of the sorted values (nearest rank; q = 0.5 is the median, the upper one of an even count). */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * q + 0.5)];
}

export function median(values) {
  return quantile(values, 0.5);
}
