// Elements are built from data with createElement and text nodes, never innerHTML: resident names, addresses and
// provider error messages come from outside and must never become markup.

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'selected', 'indeterminate', 'open', 'required']);

/** h('button', {class: 'primary', testid: 'resend-button', onclick: fn}, 'Resend') */
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      element.className = value;
    } else if (name === 'testid') {
      element.setAttribute('data-testid', value);
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (PROPERTIES.has(name)) {
      element[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces everything inside an element. */
export function fill(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

let sequence = 0;

/** A document-unique id, for label/for and aria-describedby pairs. */
export function uid(prefix) {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

/** Visually hidden text that screen readers still announce. */
export function srOnly(text) {
  return h('span', { class: 'sr-only' }, text);
}
