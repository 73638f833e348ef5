// A batch: progress bar, counts, a Gantt chart of its items (accepted → finished, by outcome), every item's status,
// previews of finished items.
import { api } from './api.js';
import { h, replace, badge, time } from './dom.js';
import { confirmAction } from './confirm.js';
import { previewCards } from './previews.js';
import { gantt, batchRows, duration, secondsBetween, STATUS_COLORS } from './timeline.js';

const DONE = ['Completed', 'Failed', 'Canceled'];

const PREVIEWED = 12;

/** Renders the batch; returns the live-update hook. */
export async function renderBatch(view, id) {
  const body = h('div', { id: 'batch' });
  const chart = gantt('batch-timeline', 'Items from accepted to finished (seconds since the batch was accepted), coloured by outcome',
    ['Item', 'Status', 'Accepted', 'Finished', 'Took'],
    r => [h('a', { href: r.href }, r.label), r.group, time(r.start), DONE.includes(r.group) ? time(r.end) : '—', duration(secondsBetween(r.start, r.end))],
    STATUS_COLORS);
  const timelineSection = h('section', { class: 'panel', id: 'batch-timeline-panel' }, h('h3', {}, 'Timeline'), chart.figure);
  replace(view, h('p', {}, h('a', { href: '#/jobs' }, '← Jobs')), h('h2', {}, id), timelineSection, body);
  const previews = new Map(); // item id -> rendered card group, fetched once the item has finished

  let shown = null;
  async function refresh() {
    const batch = await api.batch(id);
    // Re-render only on change, so focus and players survive the live updates.
    const signature = JSON.stringify(batch);
    if (signature === shown) return;
    shown = signature;
    const done = batch.completed + batch.failed + batch.canceled;
    const finished = batch.items.filter(i => i.status === 'Completed').slice(0, PREVIEWED);
    for (const item of finished) {
      if (!previews.has(item.jobId)) {
        const details = await api.details(item.jobId);
        previews.set(item.jobId, previewCards(details.previews, details.job.result));
      }
    }
    replace(body,
      h('div', { class: 'actions' }, h('button', { type: 'button', class: 'danger', id: 'cancel-batch', disabled: ['Completed', 'Canceled', 'Failed'].includes(batch.status), onclick: () => {
        const reason = h('textarea', { id: 'cancel-reason', maxlength: 500, rows: 3 });
        confirmAction({ title: `Cancel ${id}`, text: 'Running items stop at their next step; items not started are not started.',
          extra: [h('label', { for: 'cancel-reason' }, 'Reason (optional)'), reason], ok: 'Cancel batch',
          action: async () => { await api.cancel(id, reason.value.trim()); await refresh(); } });
      } }, 'Cancel…')),
      h('dl', { class: 'fields summary' },
        h('dt', {}, 'Status'), h('dd', {}, badge(batch.status)),
        h('dt', {}, 'Caller'), h('dd', { id: 'batch-caller' }, batch.caller ?? '—'),
        h('dt', {}, 'Created'), h('dd', {}, time(batch.createdAt)),
        h('dt', {}, 'Updated'), h('dd', {}, time(batch.updatedAt)),
        h('dt', {}, 'Items'), h('dd', {}, `${batch.total}: ${batch.completed} completed, ${batch.failed} failed, ${batch.canceled} canceled`)),
      h('div', { class: 'progress' }, h('label', { for: 'batch-progress' }, `${done} of ${batch.total} finished`),
        h('progress', { id: 'batch-progress', max: Math.max(batch.total, 1), value: done }, `${done}/${batch.total}`)),
      h('div', { class: 'table-wrap' }, h('table', { id: 'batch-items' },
        h('thead', {}, h('tr', {}, ['#', 'Item', 'Status', 'Error'].map(t => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, batch.items.map(i => h('tr', {}, h('td', {}, i.index),
          h('td', {}, h('a', { href: `#/jobs/${encodeURIComponent(i.jobId)}` }, i.jobId)), h('td', {}, badge(i.status)),
          h('td', {}, i.error ? `${i.error.type}: ${i.error.message}` : '')))))),
      h('section', { class: 'panel' }, h('h3', {}, `Previews (first ${PREVIEWED} completed items)`),
        finished.length ? finished.map(i => h('div', { class: 'batch-item' }, h('h4', {}, i.jobId), previews.get(i.jobId))) : h('p', { class: 'muted' }, 'No completed items yet.')));
  }

  async function refreshAll() {
    await refresh();
    const timeline = await api.batchTimeline(id);
    chart.update(batchRows(timeline), timeline.createdAt);
  }

  await refreshAll();
  return { refresh: refreshAll, dispose: chart.dispose };
}
