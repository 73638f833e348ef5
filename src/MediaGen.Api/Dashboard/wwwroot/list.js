// The jobs list: thumbnails (thumbs.js), filters (status, kind, provider, created range, text in id / idempotency key, caller), paging, purge.
// Each row says whose job it is; a caller's key lists its own jobs, an operator's (Api__AdminCallers) everyone's.
import { api } from './api.js';
import { h, replace, badge, time } from './dom.js';
import { confirmAction } from './confirm.js';
import { thumbCell } from './thumbs.js';
import { STATUSES, KINDS, PROVIDERS } from './vocabulary.js';

const tokens = []; // continuation tokens of the pages before the current one

function queryOf(hash) {
  const params = new URLSearchParams(hash.split('?')[1] ?? '');
  return {
    status: params.getAll('status'),
    kind: params.get('kind') ?? '',
    provider: params.get('provider') ?? '',
    createdFrom: params.get('createdFrom') ?? '',
    createdTo: params.get('createdTo') ?? '',
    q: params.get('q') ?? '',
    caller: params.get('caller') ?? '',
    pageSize: params.get('pageSize') ?? '50',
    continuationToken: params.get('continuationToken') ?? '',
  };
}

function hashOf(query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const v of [].concat(value)) if (v) params.append(name, v);
  }
  const text = params.toString();
  return text ? `#/jobs?${text}` : '#/jobs';
}

// datetime-local values are local times without a zone; the API wants ISO-8601 with one.
const toIso = local => (local ? new Date(local).toISOString() : '');
const toLocal = iso => {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

function select(id, label, values, chosen) {
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, name: id }, h('option', { value: '' }, 'any'),
      values.map(v => h('option', { value: v, selected: v === chosen }, v))));
}

function filterForm(query) {
  const form = h('form', { id: 'filters', class: 'filters', role: 'search' },
    h('fieldset', { class: 'statuses' }, h('legend', {}, 'Status'),
      STATUSES.map(s => h('label', { class: 'check' },
        h('input', { type: 'checkbox', name: 'status', value: s, checked: query.status.includes(s) }), s))),
    select('kind', 'Kind', KINDS, query.kind),
    select('provider', 'Provider', PROVIDERS, query.provider),
    h('div', { class: 'field' }, h('label', { for: 'createdFrom' }, 'Created from'),
      h('input', { type: 'datetime-local', id: 'createdFrom', value: toLocal(query.createdFrom) })),
    h('div', { class: 'field' }, h('label', { for: 'createdTo' }, 'Created before'),
      h('input', { type: 'datetime-local', id: 'createdTo', value: toLocal(query.createdTo) })),
    h('div', { class: 'field grow' }, h('label', { for: 'q' }, 'Id or idempotency key contains'),
      h('input', { type: 'search', id: 'q', value: query.q, maxlength: 200, spellcheck: 'false' })),
    h('div', { class: 'field' }, h('label', { for: 'caller' }, 'Caller'),
      h('input', { type: 'search', id: 'caller', value: query.caller, maxlength: 64, spellcheck: 'false' })),
    h('div', { class: 'field' }, h('label', { for: 'pageSize' }, 'Page size'),
      h('select', { id: 'pageSize' }, ['20', '50', '100', '200'].map(v => h('option', { value: v, selected: v === query.pageSize }, v)))),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', id: 'apply-filters' }, 'Apply'),
      h('button', { type: 'button', id: 'clear-filters', onclick: () => { tokens.length = 0; window.location.hash = '#/jobs'; } }, 'Clear')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    tokens.length = 0;
    window.location.hash = hashOf({
      status: [...form.querySelectorAll('input[name=status]:checked')].map(i => i.value),
      kind: form.querySelector('#kind').value,
      provider: form.querySelector('#provider').value,
      createdFrom: toIso(form.querySelector('#createdFrom').value),
      createdTo: toIso(form.querySelector('#createdTo').value),
      q: form.querySelector('#q').value.trim(),
      caller: form.querySelector('#caller').value.trim(),
      pageSize: form.querySelector('#pageSize').value,
    });
  });
  return form;
}

function openById() {
  const input = h('input', { type: 'text', id: 'open-id', placeholder: 'a job, chain or batch id', spellcheck: 'false', required: true });
  return h('form', { class: 'open-id', onsubmit: event => {
    event.preventDefault();
    const id = input.value.trim();
    // Ids start with their owner's prefix (o + 12 hex digits + '-'); a batch's (not its items') is then batch-….
    window.location.hash = /^(o[0-9a-f]{12}-)?batch-/.test(id) && !/\.\d{4}$/.test(id) ? `#/batches/${encodeURIComponent(id)}` : `#/jobs/${encodeURIComponent(id)}`;
  } }, h('label', { for: 'open-id' }, 'Open by id'), input, h('button', { type: 'submit' }, 'Open'));
}

function purgePanel(onDone) {
  const result = h('p', { id: 'purge-result', role: 'status' });
  const date = h('input', { type: 'datetime-local', id: 'purge-before', step: 1, required: true });
  const form = h('form', { class: 'purge', onsubmit: event => {
    event.preventDefault();
    if (!date.value) return;
    const before = new Date(date.value).toISOString();
    confirmAction({
      title: 'Purge finished jobs',
      text: `Delete the records (status, history) of every Completed, Failed or Canceled job, chain and batch of this key's caller (an operator's: of every caller) created before ${new Date(before).toLocaleString()}? Running jobs stay; stored media stay. This cannot be undone.`,
      ok: 'Purge',
      action: async () => {
        const purged = await api.purge(before);
        result.textContent = `Purged ${purged.purged} instance(s) created before ${new Date(purged.createdBefore).toLocaleString()}${purged.complete ? '' : ' (not all: purge again)'}.`;
        await onDone();
      },
    });
  } }, h('label', { for: 'purge-before' }, 'Purge finished jobs created before'), date, h('button', { type: 'submit', class: 'danger' }, 'Purge…'));
  return h('details', { class: 'panel purge-panel' }, h('summary', {}, 'Purge'), form, result);
}

function row(job) {
  const phase = job.progress?.phase ?? '';
  return h('tr', { 'data-id': job.id },
    thumbCell(job),
    h('td', {}, h('a', { href: `#/jobs/${encodeURIComponent(job.id)}`, class: 'job-link' }, job.id)),
    h('td', { class: 'caller' }, job.caller ?? '—'),
    h('td', {}, job.kind), h('td', {}, job.provider), h('td', {}, badge(job.status)),
    h('td', { class: 'phase' }, job.error ? `${job.error.type}` : phase),
    h('td', {}, time(job.createdAt)), h('td', {}, time(job.updatedAt)));
}

/** Renders the list for the hash's query; returns the live-update hook. */
export async function renderList(view, hash) {
  const query = queryOf(hash);
  const body = h('tbody', { id: 'jobs-body' });
  const count = h('p', { id: 'jobs-count', class: 'muted', role: 'status' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' });
  const table = h('div', { class: 'table-wrap' }, h('table', { class: 'jobs', id: 'jobs' },
    h('caption', { class: 'visually-hidden' }, 'Jobs'),
    h('thead', {}, h('tr', {}, ['Preview', 'Id', 'Caller', 'Kind', 'Provider', 'Status', 'Phase / error', 'Created', 'Updated'].map(t => h('th', { scope: 'col' }, t)))),
    body));
  replace(view, h('h2', {}, 'Jobs'), h('div', { class: 'row' }, openById()), filterForm(query), count, table, pager, purgePanel(() => refresh()));

  let shown = null;
  async function refresh() {
    const page = await api.listJobs({
      status: query.status.length ? query.status.join(',') : undefined,
      kind: query.kind, provider: query.provider, createdFrom: query.createdFrom, createdTo: query.createdTo,
      q: query.q, caller: query.caller, pageSize: query.pageSize, continuationToken: query.continuationToken,
    });
    // Re-render only on change, so keyboard focus in the table survives the live updates.
    const signature = JSON.stringify(page);
    if (signature === shown) return;
    shown = signature;
    replace(body, page.jobs.length ? page.jobs.map(row) : h('tr', {}, h('td', { colspan: 9, class: 'muted' }, 'No jobs on this page.')));
    count.textContent = `${page.jobs.length} job(s) on this page${page.continuationToken ? '; more on the next page' : ''}.`;
    replace(pager,
      query.continuationToken ? h('a', { href: hashOf({ ...query, continuationToken: '' }), id: 'first-page', onclick: () => { tokens.length = 0; } }, 'First page') : null,
      page.continuationToken ? h('a', { href: hashOf({ ...query, continuationToken: page.continuationToken }), id: 'next-page', onclick: () => tokens.push(query.continuationToken) }, 'Next page') : null);
  }

  await refresh();
  return { refresh };
}
