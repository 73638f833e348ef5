// The JSON API the dashboard uses: the same routes and API key as any other caller. The key lives in this tab's
// session storage only; it is sent as the x-functions-key header, never in a URL.

const KEY = 'mediagen.apiKey';
const base = new URL('/api/', window.location.href);

export class ApiError extends Error {
  constructor(status, problem) {
    const errors = Array.isArray(problem?.errors) ? problem.errors.map(e => `${e.field}: ${e.message}`).join('; ') : '';
    super(errors || problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export const key = {
  get: () => sessionStorage.getItem(KEY),
  set: value => sessionStorage.setItem(KEY, value),
  clear: () => sessionStorage.removeItem(KEY),
};

async function call(method, path, query) {
  const url = new URL(path, base);
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const v of [].concat(value)) {
      if (v !== undefined && v !== null && v !== '') url.searchParams.append(name, v);
    }
  }
  const response = await fetch(url, {
    method,
    headers: { 'x-functions-key': key.get() ?? '', accept: 'application/json' },
    cache: 'no-store',
    credentials: 'omit',
  });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = { detail: text }; }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export const api = {
  listJobs: query => call('GET', 'jobs', query),
  overview: query => call('GET', 'overview', query),
  job: id => call('GET', `jobs/${encodeURIComponent(id)}`),
  details: id => call('GET', `jobs/${encodeURIComponent(id)}/details`),
  previews: id => call('GET', `jobs/${encodeURIComponent(id)}/previews`),
  batch: id => call('GET', `batches/${encodeURIComponent(id)}`),
  batchTimeline: id => call('GET', `batches/${encodeURIComponent(id)}/timeline`),
  cancel: (id, reason) => call('POST', `jobs/${encodeURIComponent(id)}/cancel`, { reason }),
  rerun: (id, idempotencyKey) => call('POST', `jobs/${encodeURIComponent(id)}/rerun`, { idempotencyKey }),
  purge: createdBefore => call('POST', 'jobs/purge', { createdBefore }),
};
