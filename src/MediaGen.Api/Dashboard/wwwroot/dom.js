// Builds DOM nodes. Every string goes in as text (textContent / attribute values), never as markup: prompts, metadata,
// file names and provider messages are user-provided and must render inert.

/** Creates an element: h('a', {href: '#/x', class: 'c'}, 'text', child…). Attributes are set with setAttribute. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends children: nodes as they are, anything else as a text node. */
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces every child of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** A status badge. */
export function badge(status) {
  return h('span', { class: `badge status-${String(status).toLowerCase()}`, 'data-status': status }, status);
}

/** Local date and time, with the ISO value as a machine-readable attribute. */
export function time(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return h('time', { datetime: iso, title: iso }, Number.isNaN(d.getTime()) ? iso : d.toLocaleString());
}

/** Bytes for people. */
export function bytes(n) {
  if (typeof n !== 'number') return '';
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let v = n, u = 0;
  while (v >= 1024 && u < units.length - 1) { v /= 1024; u++; }
  return u === 0 ? `${n} bytes` : `${v.toFixed(1)} ${units[u]} (${n} bytes)`;
}

/** Renders any JSON value as nested definition lists (not a JSON dump): keys as terms, values as text. */
export function fields(value) {
  if (value === null || value === undefined) return h('span', { class: 'muted' }, '—');
  if (Array.isArray(value)) {
    if (value.length === 0) return h('span', { class: 'muted' }, '(none)');
    return h('ol', { class: 'values' }, value.map(v => h('li', {}, fields(v))));
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return h('span', { class: 'muted' }, '(empty)');
    return h('dl', { class: 'fields' }, entries.map(([k, v]) => [h('dt', {}, k), h('dd', {}, fields(v))]));
  }
  return h('span', { class: `value value-${typeof value}` }, String(value));
}
