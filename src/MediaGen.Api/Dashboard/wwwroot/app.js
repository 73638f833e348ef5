// Entry point: API key, hash routing (#/ overview, #/jobs list, #/jobs/{id}, #/batches/{id}), live updates by polling.
import { api, key, ApiError } from './api.js';
import { replace } from './dom.js';
import { renderList } from './list.js';
import { renderOverview } from './overview.js';
import { renderJob } from './job.js';
import { renderBatch } from './batch.js';

const POLL_MS = 4000;
const view = document.getElementById('view');
const live = document.getElementById('live');
const auto = document.getElementById('auto-refresh');
const keyPanel = document.getElementById('key-panel');
const signOut = document.getElementById('sign-out');
const nav = document.getElementById('sections');
let timer = null;
let current = null; // { refresh: async () => void, dispose?: () => void }

function showKeyPanel(message) {
  keyPanel.hidden = false;
  view.hidden = true;
  nav.hidden = true;
  signOut.hidden = true;
  live.textContent = 'Not connected';
  const error = document.getElementById('key-error');
  error.hidden = !message;
  error.textContent = message ?? '';
  document.getElementById('key-input').focus();
}

/** Marks the view as fresh: the visible last-updated time. */
export function updated() {
  const now = new Date();
  live.textContent = `Last updated ${now.toLocaleTimeString()}`;
  live.dataset.updated = now.toISOString();
}

/** Reports a failed load; a 401 sends the operator back to the key form. */
export function failed(error) {
  if (error instanceof ApiError && error.status === 401) {
    key.clear();
    showKeyPanel('The API key was refused (401). Enter it again.');
    return true;
  }
  live.textContent = `Update failed: ${error.message}`;
  return false;
}

function schedule() {
  clearTimeout(timer);
  if (!auto.checked || !current) return;
  timer = setTimeout(async () => {
    if (!current) return;
    try {
      await current.refresh();
      updated();
    } catch (e) {
      if (failed(e)) return;
    }
    schedule();
  }, POLL_MS);
}

async function route() {
  clearTimeout(timer);
  current?.dispose?.();
  current = null;
  if (!key.get()) {
    showKeyPanel();
    return;
  }
  keyPanel.hidden = true;
  view.hidden = false;
  nav.hidden = false;
  signOut.hidden = false;
  const hash = decodeURIComponent(window.location.hash.replace(/^#/, '')) || '/';
  const [, section, id] = hash.match(/^\/(jobs|batches)\/(.+)$/) ?? [];
  replace(view);
  try {
    if (section === 'jobs') current = await renderJob(view, id);
    else if (section === 'batches') current = await renderBatch(view, id);
    else if (/^\/jobs(\?|$)/.test(hash)) current = await renderList(view, hash);
    else current = await renderOverview(view, hash);
    updated();
  } catch (e) {
    if (failed(e)) return;
    replace(view, Object.assign(document.createElement('p'), { className: 'error', textContent: e.message }));
  }
  schedule();
}

document.getElementById('key-form').addEventListener('submit', async event => {
  event.preventDefault();
  const input = document.getElementById('key-input');
  key.set(input.value.trim());
  input.value = '';
  try {
    await api.listJobs({ pageSize: 1 });
  } catch (e) {
    if (failed(e)) return;
  }
  route();
});
signOut.addEventListener('click', () => { key.clear(); route(); });
// The skip link moves focus to the content without touching the hash, which is the router's.
document.querySelector('.skip').addEventListener('click', event => {
  event.preventDefault();
  document.getElementById('main').focus();
});
auto.addEventListener('change', schedule);
window.addEventListener('hashchange', route);
route();
