import test from 'node:test';
import assert from 'node:assert/strict';
import { sseParser } from '../../main/resources/static/assets/js/sse.js';

function parse(...pieces) {
  const events = [];
  const feed = sseParser((event) => events.push(event));
  pieces.forEach((piece) => feed(piece));
  return events;
}

test('an event without a name is a message', () => {
  assert.deepEqual(parse('data: hello\n\n'), [{ event: 'message', data: 'hello' }]);
});

test('an event split across pieces fires once it is complete', () => {
  assert.deepEqual(parse('event: reci', 'pient\ndata: {"a"', ':1}\n', '\n'), [{ event: 'recipient', data: '{"a":1}' }]);
});

test('a CRLF split between two pieces ends one line, not two', () => {
  assert.deepEqual(parse('data: a\r', '\n\r\n'), [{ event: 'message', data: 'a' }]);
});

test('data lines of one event are joined by newlines', () => {
  assert.deepEqual(parse('data: one\ndata: two\n\n'), [{ event: 'message', data: 'one\ntwo' }]);
});

test('comments (heartbeats) and events without data fire nothing', () => {
  assert.deepEqual(parse(': heartbeat\n\nevent: empty\n\n'), []);
});

test('only the one space after the colon is dropped', () => {
  assert.deepEqual(parse('data:  two spaces\n\n'), [{ event: 'message', data: ' two spaces' }]);
});

test('the event name does not carry over to the next event', () => {
  assert.deepEqual(parse('event: notice\ndata: 1\n\ndata: 2\n\n'),
    [{ event: 'notice', data: '1' }, { event: 'message', data: '2' }]);
});
