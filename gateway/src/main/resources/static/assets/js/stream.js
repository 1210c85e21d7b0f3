// Follows a notice's live event stream (GET /api/notices/{id}/stream) with the bearer header, and reconnects with
// exponential backoff and jitter when it drops, so a restarting service does not get a thundering herd.

import * as session from './session.js';
import { sseParser } from './sse.js';

const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 30000;

/**
 * handlers: { onEvent({event, data}), onOpen(reconnected), onDrop() }. Answers stop(), which ends the stream for
 * good (called when the user leaves the page).
 */
export function followNotice(noticeId, handlers) {
  const control = new AbortController();
  let failures = 0;
  let opened = false;

  function wait(ms) {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      control.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });
  }

  async function connectOnce() {
    const bearer = session.token();
    if (!bearer) {
      return 'stop';
    }
    const response = await fetch(`/api/notices/${encodeURIComponent(noticeId)}/stream`, {
      headers: { Authorization: `Bearer ${bearer}`, Accept: 'text/event-stream' },
      cache: 'no-store',
      credentials: 'omit',
      signal: control.signal,
    });
    if (response.status === 401) {
      session.signOut('signin.sessionEnded');
      return 'stop';
    }
    if (response.status === 403 || response.status === 404) {
      return 'stop'; // retrying cannot help
    }
    if (!response.ok || !response.body) {
      throw new Error(`stream answered ${response.status}`);
    }
    handlers.onOpen?.(opened);
    opened = true;
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const feed = sseParser((event) => {
      failures = 0; // events flow again: the next drop starts over with a short delay
      handlers.onEvent(event);
    });
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        feed(decoder.decode());
        return 'ended';
      }
      feed(decoder.decode(value, { stream: true }));
    }
  }

  (async () => {
    while (!control.signal.aborted) {
      try {
        if (await connectOnce() === 'stop') {
          return;
        }
      } catch (error) {
        if (control.signal.aborted) {
          return;
        }
      }
      handlers.onDrop?.();
      const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** failures);
      failures += 1;
      await wait(delay / 2 + Math.random() * (delay / 2));
    }
  })();

  return () => control.abort();
}
