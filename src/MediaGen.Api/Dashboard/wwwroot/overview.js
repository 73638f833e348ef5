// The overview (the landing view): for a chosen window, jobs per interval by status, p50/p95 durations per provider and
// kind, failures by error type and provider, spend per interval per caller against its budget, jobs in flight by phase.
// Every figure comes from GET /api/overview (computed on the server); every chart has its table and opens the job list
// filtered to what was clicked.
import { api } from './api.js';
import { h, replace } from './dom.js';
import { chartFigure, draw, STATUS_COLORS, PALETTE } from './charts.js';

const STATUSES = ['Completed', 'Failed', 'Canceled', 'Running', 'Pending'];
const WINDOWS = { hour: 'Last hour', day: 'Last day', week: 'Last week', custom: 'Custom' };

function queryOf(hash) {
  const params = new URLSearchParams(hash.split('?')[1] ?? '');
  const from = params.get('from') ?? '';
  return { window: from ? 'custom' : (params.get('window') ?? 'day'), from, to: params.get('to') ?? '' };
}

const toIso = local => (local ? new Date(local).toISOString() : '');
const toLocal = iso => {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = n => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** The job list filtered to a status, provider, kind, caller and creation range. */
export function listHash(filter) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) if (value) params.append(name, value);
  return `#/jobs?${params}`;
}

function windowForm(query) {
  const choice = h('select', { id: 'overview-window' }, Object.entries(WINDOWS).map(([v, t]) => h('option', { value: v, selected: v === query.window }, t)));
  const from = h('input', { type: 'datetime-local', id: 'overview-from', value: toLocal(query.from) });
  const to = h('input', { type: 'datetime-local', id: 'overview-to', value: toLocal(query.to) });
  const custom = h('div', { class: 'custom-range', hidden: query.window !== 'custom' },
    h('div', { class: 'field' }, h('label', { for: 'overview-from' }, 'From'), from),
    h('div', { class: 'field' }, h('label', { for: 'overview-to' }, 'To (empty: now)'), to));
  choice.addEventListener('change', () => {
    custom.hidden = choice.value !== 'custom';
    if (choice.value !== 'custom') window.location.hash = `#/?window=${choice.value}`;
  });
  return h('form', { class: 'filters', id: 'overview-form', onsubmit: event => {
    event.preventDefault();
    window.location.hash = choice.value === 'custom'
      ? `#/?${new URLSearchParams(Object.entries({ from: toIso(from.value), to: toIso(to.value) }).filter(([, v]) => v))}`
      : `#/?window=${choice.value}`;
  } }, h('div', { class: 'field' }, h('label', { for: 'overview-window' }, 'Window'), choice), custom,
  h('div', { class: 'buttons' }, h('button', { type: 'submit', id: 'overview-apply' }, 'Show')));
}

const hhmm = iso => new Date(iso).toLocaleString([], { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const seconds = s => (s < 10 ? `${s.toFixed(2)} s` : s < 120 ? `${s.toFixed(1)} s` : `${(s / 60).toFixed(1)} min`);
const amount = (value, unit) => (unit === 'usd' ? `$${Number(value).toFixed(2)}` : `${Number(value).toLocaleString()} tokens`);
// Times in links are ISO with Z: the router decodes the hash once, and a '+01:00' zone would read as a space.
const iso = t => new Date(t).toISOString();
const end = (overview, start) => new Date(new Date(start).getTime() + overview.intervalSeconds * 1000).toISOString();
const link = (text, filter) => h('a', { href: listHash(filter) }, String(text));
const table = (id, caption, head, rows) => h('div', { class: 'table-wrap' }, h('table', { id },
  h('caption', { class: 'visually-hidden' }, caption),
  h('thead', {}, h('tr', {}, head.map(t => h('th', { scope: 'col' }, t)))),
  h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: head.length, class: 'muted' }, 'None in this window.')))));

function throughput(overview) {
  const range = i => ({ createdFrom: iso(overview.intervals[i].start), createdTo: end(overview, overview.intervals[i].start) });
  const rows = overview.intervals.filter(i => STATUSES.some(s => i[s.toLowerCase()] > 0)).map(i => h('tr', {},
    h('th', { scope: 'row' }, hhmm(i.start)),
    STATUSES.map(s => h('td', {}, i[s.toLowerCase()] ? link(i[s.toLowerCase()], { status: s, createdFrom: iso(i.start), createdTo: end(overview, i.start) }) : '0'))));
  return {
    id: 'chart-throughput',
    label: 'Jobs per interval by status (stacked; final status of finished jobs)',
    table: table('table-throughput', 'Jobs per interval by status', ['Interval from', ...STATUSES], rows),
    config: {
      type: 'bar',
      data: { labels: overview.intervals.map(i => hhmm(i.start)), datasets: STATUSES.map(s => ({ label: s, backgroundColor: STATUS_COLORS[s], data: overview.intervals.map(i => i[s.toLowerCase()]) })) },
      options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    },
    open: (d, i) => listHash({ status: STATUSES[d], ...range(i) }),
  };
}

function durations(overview, range) {
  const name = d => `${d.provider} ${d.kind}`;
  return {
    id: 'chart-durations',
    label: 'Duration of completed jobs per provider and kind, p50 and p95 (seconds)',
    table: table('table-durations', 'Durations per provider and kind', ['Provider and kind', 'Completed jobs', 'p50', 'p95'],
      overview.durations.map(d => h('tr', {}, h('th', { scope: 'row' }, link(name(d), { status: 'Completed', provider: d.provider, kind: d.kind, ...range })),
        h('td', {}, d.jobs), h('td', {}, seconds(d.p50Seconds)), h('td', {}, seconds(d.p95Seconds))))),
    config: {
      type: 'bar',
      data: { labels: overview.durations.map(name), datasets: [
        { label: 'p50', backgroundColor: PALETTE[0], data: overview.durations.map(d => d.p50Seconds) },
        { label: 'p95', backgroundColor: PALETTE[3], data: overview.durations.map(d => d.p95Seconds) }] },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true, title: { display: true, text: 'seconds' } } } },
    },
    open: (d, i) => listHash({ status: 'Completed', provider: overview.durations[i].provider, kind: overview.durations[i].kind, ...range }),
  };
}

function failures(overview, range) {
  const name = f => `${f.errorType} (${f.provider})`;
  return {
    id: 'chart-failures',
    label: 'Failed jobs by error type and provider',
    table: table('table-failures', 'Failures by error type and provider', ['Error type', 'Provider', 'Failed jobs'],
      overview.failures.map(f => h('tr', {}, h('th', { scope: 'row' }, f.errorType), h('td', {}, f.provider),
        h('td', {}, link(f.jobs, { status: 'Failed', provider: f.provider, ...range }))))),
    config: {
      type: 'bar',
      data: { labels: overview.failures.map(name), datasets: [{ label: 'Failed jobs', backgroundColor: STATUS_COLORS.Failed, data: overview.failures.map(f => f.jobs) }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
    },
    open: (d, i) => listHash({ status: 'Failed', provider: overview.failures[i].provider, ...range }),
  };
}

function spend(overview, range) {
  // One line per caller and unit: what its jobs created so far in the window cost (cumulative), and its daily limit.
  const series = [...new Set(overview.spend.map(s => `${s.caller}|${s.unit}`))].map(k => k.split('|'));
  const labels = overview.intervals.map(i => hhmm(i.start));
  const datasets = [];
  series.forEach(([caller, unit], n) => {
    let total = 0;
    datasets.push({ label: `${caller} (${unit})`, borderColor: PALETTE[n % PALETTE.length], backgroundColor: PALETTE[n % PALETTE.length], caller,
      data: overview.intervals.map(i => (total += overview.spend.filter(s => s.caller === caller && s.unit === unit && s.start === i.start).reduce((a, s) => a + s.amount, 0))) });
    const budget = overview.budgets.find(b => b.caller === caller && b.unit === unit);
    if (budget?.dailyLimit != null) {
      datasets.push({ label: `${caller} daily limit (${unit})`, borderDash: [6, 4], pointRadius: 0, borderColor: PALETTE[n % PALETTE.length], caller, data: labels.map(() => budget.dailyLimit) });
    }
  });
  const totals = series.map(([caller, unit]) => {
    const rows = overview.spend.filter(s => s.caller === caller && s.unit === unit);
    const budget = overview.budgets.find(b => b.caller === caller && b.unit === unit);
    return h('tr', {}, h('th', { scope: 'row' }, link(caller, { caller, ...range })), h('td', {}, unit),
      h('td', {}, amount(rows.reduce((a, s) => a + s.amount, 0), unit)), h('td', {}, rows.reduce((a, s) => a + s.jobs, 0)),
      h('td', {}, budget?.dailyLimit != null ? amount(budget.dailyLimit, unit) : 'none'),
      h('td', {}, budget?.monthlyLimit != null ? amount(budget.monthlyLimit, unit) : 'none'));
  });
  const perInterval = overview.spend.map(s => h('tr', {}, h('th', { scope: 'row' }, hhmm(s.start)), h('td', {}, s.caller), h('td', {}, amount(s.amount, s.unit)),
    h('td', {}, link(s.jobs, { caller: s.caller, createdFrom: iso(s.start), createdTo: end(overview, s.start) }))));
  return {
    id: 'chart-spend',
    label: 'Spend per caller over the window (cumulative actual cost of the jobs created) against each daily limit',
    table: h('div', {}, table('table-spend', 'Spend per caller and budget', ['Caller', 'Unit', 'Spent in window', 'Priced jobs', 'Daily limit', 'Monthly limit'], totals),
      h('details', {}, h('summary', {}, 'Per interval'), table('table-spend-intervals', 'Spend per interval', ['Interval from', 'Caller', 'Spent', 'Jobs'], perInterval))),
    config: { type: 'line', data: { labels, datasets }, options: { scales: { y: { beginAtZero: true } } } },
    open: d => listHash({ caller: datasets[d].caller, ...range }),
  };
}

function inFlight(overview) {
  const label = p => ({ pending: 'pending (not started)', generating: 'submitting / generating', submitted: 'submitted', waiting: 'waiting for Pixazo', copying: 'copying' }[p] ?? p);
  return {
    id: 'chart-inflight',
    label: 'Jobs in flight now by phase',
    table: table('table-inflight', 'Jobs in flight by phase', ['Phase', 'Jobs'],
      overview.inFlight.map(p => h('tr', {}, h('th', { scope: 'row' }, label(p.phase)), h('td', {}, link(p.jobs, { status: p.phase === 'pending' ? 'Pending' : 'Running' }))))),
    config: {
      type: 'bar',
      data: { labels: overview.inFlight.map(p => label(p.phase)), datasets: [{ label: 'Jobs', backgroundColor: STATUS_COLORS.Running, data: overview.inFlight.map(p => p.jobs) }] },
      options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    },
    open: (d, i) => listHash({ status: overview.inFlight[i].phase === 'pending' ? 'Pending' : 'Running' }),
  };
}

/** Renders the overview for the hash's window; returns the live-update hook. */
export async function renderOverview(view, hash) {
  const query = queryOf(hash);
  const summary = h('p', { id: 'overview-summary', class: 'muted', role: 'status' });
  const grid = h('div', { class: 'charts' });
  replace(view, h('h2', {}, 'Overview'), windowForm(query), summary, grid);
  const charts = new Map(); // id -> { chart, tableSlot }
  let shown = null;

  async function refresh() {
    const overview = await api.overview(query.window === 'custom' ? { from: query.from, to: query.to } : { window: query.window });
    const signature = JSON.stringify({ ...overview, read: null, to: null });
    if (signature === shown) return;
    shown = signature;
    const range = { createdFrom: iso(overview.from), createdTo: iso(overview.to) };
    const total = overview.intervals.reduce((a, i) => a + STATUSES.reduce((b, s) => b + i[s.toLowerCase()], 0), 0);
    summary.textContent = `${total} job(s) created from ${new Date(overview.from).toLocaleString()} to ${new Date(overview.to).toLocaleString()}, `
      + `in intervals of ${overview.intervalSeconds / 60} min; ${overview.read.instances} instances read in ${overview.read.pages} page(s)`
      + `${overview.read.complete ? '' : ' (not all: the window holds more than the overview reads)'}.`;
    for (const spec of [throughput(overview), durations(overview, range), failures(overview, range), spend(overview, range), inFlight(overview)]) {
      let entry = charts.get(spec.id);
      if (!entry) {
        const { figure, canvas } = chartFigure(spec.id, spec.label, spec.table);
        grid.append(figure);
        entry = { canvas, slot: figure.querySelector('details.chart-table'), chart: null };
        charts.set(spec.id, entry);
      } else {
        replace(entry.slot, h('summary', {}, 'Table'), spec.table);
      }
      entry.chart = draw(entry.chart, entry.canvas, spec.config, (d, i) => { window.location.hash = spec.open(d, i); });
    }
  }

  await refresh();
  return { refresh, dispose: () => charts.forEach(c => c.chart?.destroy()) };
}
