// A job or chain: parameters (secrets removed by the API), progress, cost, error, previews, timeline, history, actions.
import { api } from './api.js';
import { h, replace, badge, time, fields } from './dom.js';
import { confirmAction } from './confirm.js';
import { previewCards } from './previews.js';
import { gantt, chainRows, duration, secondsBetween } from './timeline.js';

const FINISHED = ['Completed', 'Failed', 'Canceled'];

// Progress fields that say something (custom status carries every field, most of them empty for a given kind).
function present(progress) {
  return Object.fromEntries(Object.entries(progress).filter(([, v]) => v !== null && v !== 0 && v !== ''));
}

function newKey() {
  return `rerun-${crypto.randomUUID()}`;
}

function actions(details, refresh) {
  const job = details.job;
  const cancel = h('button', { type: 'button', id: 'cancel-job', class: 'danger', disabled: FINISHED.includes(job.status), onclick: () => {
    const reason = h('textarea', { id: 'cancel-reason', maxlength: 500, rows: 3 });
    confirmAction({
      title: `Cancel ${job.id}`,
      text: 'The job stops at its next step; items already stored stay.',
      extra: [h('label', { for: 'cancel-reason' }, 'Reason (optional, up to 500 characters)'), reason],
      ok: 'Cancel job',
      action: async () => { await api.cancel(job.id, reason.value.trim()); await refresh(); },
    });
  } }, 'Cancel…');
  const rerun = h('button', { type: 'button', id: 'rerun-job', onclick: () => {
    const idempotencyKey = newKey();
    confirmAction({
      title: `Re-run ${job.id}`,
      text: `Start a new ${details.type} with the same parameters (new idempotency key ${idempotencyKey}; default deadline).`,
      ok: 'Re-run',
      action: async () => {
        const started = await api.rerun(job.id, idempotencyKey);
        window.location.hash = `#/jobs/${encodeURIComponent(started.id)}`;
      },
    });
  } }, 'Re-run…');
  return h('div', { class: 'actions' }, cancel, rerun);
}

function summary(details) {
  const job = details.job;
  return h('dl', { class: 'fields summary' },
    h('dt', {}, 'Status'), h('dd', { id: 'job-status' }, badge(job.status)),
    h('dt', {}, 'Type'), h('dd', {}, details.type),
    h('dt', {}, 'Caller'), h('dd', { id: 'job-caller' }, job.caller ?? '—'),
    h('dt', {}, 'Kind'), h('dd', {}, job.kind),
    h('dt', {}, 'Provider'), h('dd', {}, job.provider),
    h('dt', {}, 'Created'), h('dd', {}, time(job.createdAt)),
    h('dt', {}, 'Updated'), h('dd', {}, time(job.updatedAt)),
    details.idempotencyKey ? [h('dt', {}, 'Idempotency key'), h('dd', {}, details.idempotencyKey)] : null,
    details.batchId ? [h('dt', {}, 'Batch'), h('dd', {}, h('a', { href: `#/batches/${encodeURIComponent(details.batchId)}` }, details.batchId))] : null);
}

function chainProgress(job) {
  const p = job.progress;
  if (!p?.steps) return null;
  const done = job.status === 'Completed' ? p.steps : Math.max(0, (p.step ?? 1) - 1);
  return h('div', { class: 'progress' },
    h('label', { for: 'chain-progress' }, `Segments: ${done} of ${p.steps} done${p.failedStep ? `; step ${p.failedStep} failed` : ''}`),
    h('progress', { id: 'chain-progress', max: p.steps, value: done }, `${done}/${p.steps}`));
}

function timeline(entries) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'timeline', id: 'timeline' },
    h('thead', {}, h('tr', {}, ['Time', 'Phase', 'What happened'].map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, entries.map(e => h('tr', { class: e.ok === false ? 'bad' : e.ok ? 'good' : '', 'data-phase': e.phase },
      h('td', {}, time(e.at)), h('td', {}, e.phase), h('td', {}, e.detail))))));
}

function history(details) {
  return h('details', { class: 'history', id: 'history' },
    h('summary', {}, `Orchestration history (${details.history.length} events)`),
    details.historyNote ? h('p', { class: 'muted' }, details.historyNote) : null,
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, ['#', 'Event', 'Name', 'Recorded'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, details.history.map(e => h('tr', {}, h('td', {}, e.eventId), h('td', {}, e.type), h('td', {}, e.name ?? ''), h('td', {}, time(e.at))))))));
}

/** Renders the job; returns the live-update hook. */
export async function renderJob(view, id) {
  const body = h('div', { id: 'job' });
  replace(view, h('p', {}, h('a', { href: '#/jobs' }, '← Jobs')), h('h2', { class: 'job-id' }, id), body);
  let lastShown = '';
  let historyOpen = false;
  let segments = null; // a chain's Gantt chart, made on the first answer that says it is a chain

  async function refresh() {
    const details = await api.details(id);
    const job = details.job;
    // Re-render only on change, so players keep playing and the history stays open between updates.
    const signature = JSON.stringify([job.status, job.updatedAt, job.progress, details.timeline.length]);
    if (signature === lastShown) return;
    lastShown = signature;
    historyOpen = body.querySelector('#history')?.open ?? historyOpen;
    replace(body,
      actions(details, refresh),
      summary(details),
      chainProgress(job),
      job.error ? h('section', { class: 'panel error-panel', id: 'job-error' }, h('h3', {}, 'Error'),
        fields({ error_type: job.error.type, message: job.error.message, field: job.error.field })) : null,
      job.progress ? h('section', { class: 'panel', id: 'job-progress' }, h('h3', {}, 'Progress'), fields(present(job.progress))) : null,
      job.cost ? h('section', { class: 'panel', id: 'job-cost' }, h('h3', {}, 'Cost'), fields(job.cost)) : null,
      job.result?.usage ? h('section', { class: 'panel' }, h('h3', {}, 'Usage'), fields(job.result.usage)) : null,
      h('section', { class: 'panel' }, h('h3', {}, 'Stored items'), previewCards(details.previews, job.result)),
      h('section', { class: 'panel', id: 'parameters' }, h('h3', {}, 'Request'), fields(details.request)),
      h('section', { class: 'panel' }, h('h3', {}, 'Timeline'), timeline(details.timeline)),
      h('section', { class: 'panel' }, h('h3', {}, 'History'), history(details)));
    const historyEl = body.querySelector('#history');
    if (historyEl) historyEl.open = historyOpen;
    if (details.type === 'chain') {
      segments ??= gantt('chain-timeline', 'Segments in order: each provider call from its start until the next step (seconds since the chain was accepted)',
        ['Segment', 'Outcome', 'Started', 'Took', 'Detail'],
        r => [r.label, r.group, time(r.start), duration(secondsBetween(r.start, r.end)), r.detail]);
      if (!segments.figure.isConnected) view.append(h('section', { class: 'panel', id: 'chain-timeline-panel' }, h('h3', {}, 'Segments'), segments.figure));
      segments.update(chainRows(details), job.createdAt);
    }
  }

  await refresh();
  return { refresh, dispose: () => segments?.dispose() };
}
