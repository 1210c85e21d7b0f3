// A server-sent events parser for text that arrives in arbitrary pieces. EventSource cannot send an Authorization
// header, and the token must never go in a URL, so the page reads the stream with fetch and parses it here.

/** Returns feed(text): call it with each decoded piece; onEvent({event, data}) fires for every complete event. */
export function sseParser(onEvent) {
  let buffer = '';
  let eventName = '';
  let data = [];

  function dispatch() {
    if (data.length > 0) {
      onEvent({ event: eventName || 'message', data: data.join('\n') });
    }
    eventName = '';
    data = [];
  }

  function line(text) {
    if (text === '') {
      dispatch();
      return;
    }
    if (text.startsWith(':')) {
      return; // a comment, used by servers as a heartbeat
    }
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      eventName = value;
    } else if (field === 'data') {
      data.push(value);
    }
  }

  return function feed(text) {
    buffer += text;
    for (;;) {
      const end = buffer.search(/[\r\n]/);
      if (end < 0) {
        return;
      }
      if (buffer[end] === '\r' && end === buffer.length - 1) {
        return; // a CR at the very end may be the first half of CRLF: wait for the next piece
      }
      const width = buffer[end] === '\r' && buffer[end + 1] === '\n' ? 2 : 1;
      const text = buffer.slice(0, end);
      buffer = buffer.slice(end + width);
      line(text);
    }
  };
}
