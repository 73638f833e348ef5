// Previews of stored items through their short-lived read-only SAS URLs: image, video and audio players, text.
import { h, bytes } from './dom.js';

function player(preview, text) {
  const type = preview.contentType ?? '';
  const label = `item ${preview.index}`;
  if (!preview.url) return h('p', { class: 'error' }, preview.problem ?? 'No read link.');
  if (type.startsWith('image/')) return h('img', { src: preview.url, alt: `Preview of ${label} (${type})`, class: 'preview-image', loading: 'lazy' });
  if (type.startsWith('video/')) return h('video', { src: preview.url, controls: true, preload: 'metadata', class: 'preview-video', 'aria-label': `Video ${label}` });
  if (type.startsWith('audio/')) return h('audio', { src: preview.url, controls: true, preload: 'metadata', class: 'preview-audio', 'aria-label': `Audio ${label}` });
  if (type.startsWith('text/') || type === 'application/json') {
    return h('div', {}, text ? h('pre', { class: 'preview-text' }, text) : h('p', { class: 'muted' }, 'Text is stored as a blob; open it below.'));
  }
  return h('p', { class: 'muted' }, `No preview for ${type}.`);
}

/** One card per stored item: the player, then type, size, SHA-256 and the read link. */
export function previewCards(previews, result) {
  if (!previews?.length) return h('p', { class: 'muted' }, 'No stored items yet.');
  return h('div', { class: 'previews' }, previews.map(p => {
    const item = result?.items?.[p.index];
    return h('figure', { class: 'preview', 'data-index': p.index, 'data-content-type': p.contentType },
      player(p, result?.text),
      h('figcaption', {},
        h('dl', { class: 'fields compact' },
          h('dt', {}, 'Type'), h('dd', {}, p.contentType),
          h('dt', {}, 'Size'), h('dd', {}, bytes(p.size)),
          h('dt', {}, 'SHA-256'), h('dd', { class: 'hash' }, p.sha256),
          item?.providerId ? [h('dt', {}, 'Provider id'), h('dd', {}, item.providerId)] : null,
          item?.revisedPrompt ? [h('dt', {}, 'Revised prompt'), h('dd', {}, item.revisedPrompt)] : null,
          h('dt', {}, 'Blob'), h('dd', { class: 'hash' }, item?.blobUri ?? '')),
        p.url ? h('a', { href: p.url, target: '_blank', rel: 'noopener noreferrer' }, `Open (link valid until ${new Date(p.expiresAt).toLocaleTimeString()})`) : null));
  }));
}
