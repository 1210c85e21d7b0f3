// A channel's delivery counters as the page shows them: in one order, zero where the API left one out.

export const COUNTERS = ['delivered', 'sent', 'pending', 'failed', 'skipped'];

/** Every counter of a channel's statistics, and its total: the API's, or else the counters' sum. */
export function channelCounts(channelStats) {
  const counts = Object.fromEntries(COUNTERS.map((k) => [k, channelStats?.[k] ?? 0]));
  const total = channelStats?.total ?? COUNTERS.reduce((sum, k) => sum + counts[k], 0);
  return { counts, total };
}

/** The counters above zero, in the page's order: the segments of a bar, the chips of an outcome. */
export function nonZeroCounters(counts) {
  return COUNTERS.filter((k) => (counts?.[k] ?? 0) > 0);
}
