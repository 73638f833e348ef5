// Chart.js (embedded at build time from the npm package, served from this origin: /dashboard/lib/chart.umd.min.js, MIT)
// and what every chart of the dashboard shares: a labelled canvas (role img) next to its text equivalent, colours,
// no animation, clicks that open the filtered job list.
import './lib/chart.umd.min.js';
import { h } from './dom.js';

const { Chart } = globalThis;
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#1b1f24';
Chart.defaults.maintainAspectRatio = false;

/** Colours of the job statuses (as the badges), and a palette for everything else. */
export const STATUS_COLORS = { Completed: '#1a7f37', Failed: '#b42318', Canceled: '#9a6700', Running: '#0b5cad', Pending: '#7d8aa0' };
export const PALETTE = ['#0b5cad', '#b42318', '#1a7f37', '#9a6700', '#6f42c1', '#0a7c86', '#c4432b', '#5b6470'];

/**
 * A chart in a figure: the canvas (an image with <label> as its accessible name) and, below it, the same figures as a
 * table (the text equivalent).
 */
export function chartFigure(id, label, table) {
  const canvas = h('canvas', { id: `${id}-canvas`, role: 'img', 'aria-label': label });
  const figure = h('figure', { class: 'chart', id },
    h('figcaption', {}, label),
    h('div', { class: 'chart-box' }, canvas),
    h('details', { class: 'chart-table', open: true }, h('summary', {}, 'Table'), table));
  return { figure, canvas };
}

/** Draws (or redraws in place) the chart of canvas with config; a click on a bar calls onClick(datasetIndex, index). */
export function draw(existing, canvas, config, onClick) {
  if (onClick) {
    config.options.onClick = (event, elements) => {
      if (elements.length) onClick(elements[0].datasetIndex, elements[0].index);
    };
    config.options.onHover = (event, elements) => { canvas.style.cursor = elements.length ? 'pointer' : 'default'; };
  }
  if (!existing) return new Chart(canvas, config);
  existing.data = config.data;
  existing.options = config.options;
  existing.update('none');
  return existing;
}

export { Chart };
