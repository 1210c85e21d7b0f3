// Loading a resource that live events keep changing: one fetch at a time, answered in order.

/**
 * One fetch at a time per resource, answered in order. A request made while a fetch is in flight, or a live event
 * that changed the shown data meanwhile, runs the fetch once more when it ends: otherwise an answer started before a
 * change could land after it and show stale data until the next event, which may never come.
 */
export function singleFlight(fetchAndShow, signal) {
  let running = false;
  let again = false;
  async function load() {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await fetchAndShow();
      } while (again && !signal.aborted);
    } finally {
      running = false;
    }
  }
  return {
    load,
    changed() {
      if (running) {
        again = true;
      }
    },
  };
}
