import test from 'node:test';
import assert from 'node:assert/strict';
import { singleFlight } from '../../main/resources/static/assets/js/single-flight.js';

/** A fetch whose calls stay open until the test ends them, one by one. */
function heldFetch() {
  const pending = [];
  let calls = 0;
  return {
    fetch: () => new Promise((resolve) => {
      calls += 1;
      pending.push(resolve);
    }),
    calls: () => calls,
    finishNext: async () => {
      pending.shift()();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

test('loads asked for during a fetch run it once more, not once each', async () => {
  const held = heldFetch();
  const loader = singleFlight(held.fetch, new AbortController().signal);
  const first = loader.load();
  loader.load();
  loader.load();
  assert.equal(held.calls(), 1);
  await held.finishNext();
  assert.equal(held.calls(), 2);
  await held.finishNext();
  await first;
  assert.equal(held.calls(), 2);
});

test('a change during a fetch fetches again when it ends', async () => {
  const held = heldFetch();
  const loader = singleFlight(held.fetch, new AbortController().signal);
  const done = loader.load();
  loader.changed();
  await held.finishNext();
  await held.finishNext();
  await done;
  assert.equal(held.calls(), 2);
});

test('a change while nothing is fetching fetches nothing', async () => {
  const held = heldFetch();
  const loader = singleFlight(held.fetch, new AbortController().signal);
  loader.changed();
  assert.equal(held.calls(), 0);
});

test('once aborted, a pending change is not fetched', async () => {
  const held = heldFetch();
  const control = new AbortController();
  const loader = singleFlight(held.fetch, control.signal);
  const done = loader.load();
  loader.changed();
  control.abort();
  await held.finishNext();
  await done;
  assert.equal(held.calls(), 1);
});
