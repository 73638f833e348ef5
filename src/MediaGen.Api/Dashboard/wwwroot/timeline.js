// Gantt charts: a batch's items (accepted → finished, coloured by outcome) and a chain's segments (each provider call in
// order with its duration). Readable at 1,000 rows: the chart grows with the rows inside a scrolling box, bars get
// thinner and row labels are skipped; the table beside it lists every row.
import { h, replace } from './dom.js';
import { chartFigure, draw, STATUS_COLORS, PALETTE } from './charts.js';

const secondsBetween = (from, to) => (new Date(to).getTime() - new Date(from).getTime()) / 1000;
const duration = s => (s < 120 ? `${s.toFixed(1)} s` : `${(s / 60).toFixed(1)} min`);

/**
 * A Gantt chart of rows { label, start, end, group, href } (times ISO), relative to update's origin; groups are the
 * datasets (colours[group] or the palette). Returns { figure, update(rows, origin), dispose }.
 */
export function gantt(id, label, columns, rowCells, colours = {}) {
  const tbody = h('tbody', {});
  const table = h('div', { class: 'table-wrap' }, h('table', { id: `${id}-table` },
    h('caption', { class: 'visually-hidden' }, label),
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c)))), tbody));
  const { figure, canvas } = chartFigure(id, label, table);
  const box = figure.querySelector('.chart-box');
  box.classList.add('gantt-box');
  const sizer = h('div', { class: 'gantt-sizer' });
  box.replaceChildren(sizer);
  sizer.append(canvas);
  let chart = null;

  function update(rows, origin) {
    const groups = [...new Set(rows.map(r => r.group))];
    // 14 px a row for a few dozen, down to 4 px a row at 1,000 (the box scrolls past 520 px).
    sizer.style.height = `${Math.max(160, rows.length * (rows.length > 200 ? 4 : rows.length > 50 ? 8 : 16) + 70)}px`;
    const config = {
      type: 'bar',
      data: {
        labels: rows.map(r => r.label),
        datasets: groups.map((g, n) => ({
          label: g, backgroundColor: colours[g] ?? PALETTE[n % PALETTE.length], grouped: false,
          barPercentage: 0.9, categoryPercentage: 1,
          data: rows.map(r => (r.group === g ? [secondsBetween(origin, r.start), Math.max(secondsBetween(origin, r.end), secondsBetween(origin, r.start) + 0.05)] : null)),
        })),
      },
      options: {
        indexAxis: 'y',
        scales: {
          x: { beginAtZero: true, title: { display: true, text: 'seconds since accepted' } },
          y: { ticks: { autoSkip: true, autoSkipPadding: 4 } },
        },
        plugins: { tooltip: { callbacks: { label: c => `${rows[c.dataIndex].label}: ${duration(secondsBetween(rows[c.dataIndex].start, rows[c.dataIndex].end))} (${c.dataset.label})` } } },
      },
    };
    chart = draw(chart, canvas, config, (d, i) => { if (rows[i].href) window.location.hash = rows[i].href; });
    replace(tbody, rows.map(r => h('tr', {}, rowCells(r).map((c, n) => (n === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c))))));
  }

  return { figure, update, dispose: () => chart?.destroy() };
}

/** The batch's items as Gantt rows. */
export function batchRows(timeline) {
  return timeline.items.map(i => ({
    label: `#${i.index}`, start: i.createdAt, end: i.updatedAt, group: i.status, href: `#/jobs/${encodeURIComponent(i.jobId)}`, item: i,
  }));
}

/** The colours of the batch chart's groups (statuses). */
export { STATUS_COLORS };

/** A chain's segments (one provider call each) as Gantt rows, from its timeline: each call until the next step began. */
export function chainRows(details) {
  const entries = details.timeline;
  const rows = [];
  entries.forEach((e, n) => {
    if (e.phase !== 'provider-call') return;
    const next = entries.slice(n + 1).find(x => x.phase !== 'status');
    rows.push({ label: `Segment ${rows.length + 1}`, start: e.at, end: next?.at ?? details.job.updatedAt, group: e.ok === false ? 'failed call' : 'call', detail: e.detail });
  });
  return rows;
}

export { duration, secondsBetween };
