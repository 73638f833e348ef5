// Thumbnails of the jobs list: an icon for video, audio and text; for an image, a placeholder that fetches the job's
// short-lived read link (GET /api/jobs/{id}/previews: one read of the job, a SAS signed by the host) only once its row
// is near the visible part of the page (IntersectionObserver), and then loads the image lazily (loading="lazy").
import { api } from './api.js';
import { h, replace } from './dom.js';

const TTL_MS = 10 * 60 * 1000; // the links live 15 minutes: fetch a new one after 10
const cache = new Map(); // job id -> { at, node }
let observer = null;

function icon(kind, label, text) {
  return h('span', { class: `thumb-icon thumb-${kind}`, role: 'img', 'aria-label': label }, text);
}

function iconFor(type) {
  if (type.startsWith('video/')) return icon('video', `Video (${type})`, '▶');
  if (type.startsWith('audio/')) return icon('audio', `Audio (${type})`, '♪');
  return icon('text', `Text (${type})`, 'T');
}

async function load(td) {
  const id = td.dataset.jobId;
  try {
    const previews = await api.previews(id);
    const image = previews.find(p => p.url && p.contentType?.startsWith('image/'));
    const node = image
      ? h('img', { src: image.url, alt: `Thumbnail of ${id}`, class: 'thumb-img', loading: 'lazy', decoding: 'async', width: 48, height: 48 })
      : icon('none', 'No preview', '–');
    cache.set(id, { at: Date.now(), node });
    replace(td, node);
  } catch {
    replace(td, icon('none', 'No preview', '–'));
  } finally {
    td.classList.remove('thumb-pending');
  }
}

function observe(td) {
  observer ??= new IntersectionObserver(entries => {
    for (const entry of entries.filter(e => e.isIntersecting)) {
      observer.unobserve(entry.target);
      load(entry.target);
    }
  }, { rootMargin: '200px 0px' });
  observer.observe(td);
}

/** The thumbnail cell of a job's row (empty until the job has stored an item). */
export function thumbCell(job) {
  const td = h('td', { class: 'thumb' });
  const type = (job.status === 'Completed' ? job.result?.items?.[0]?.contentType : null) ?? '';
  if (!type) return td;
  if (!type.startsWith('image/')) return replace(td, iconFor(type));
  const cached = cache.get(job.id);
  if (cached && Date.now() - cached.at < TTL_MS) return replace(td, cached.node);
  td.dataset.jobId = job.id;
  td.classList.add('thumb-pending');
  observe(td);
  return td;
}
