// The end-to-end demo run.sh drives once Azurite, the simulator and the host are up: submits one job per provider
// kind (over HTTP, the requests queue and the blob inbox), waits for them, prints where each media item landed
// (checking the stored bytes' SHA-256), the results-queue messages and the signed callbacks it received.
// Exits 1 if any demo job does not complete. Node 20+; storage calls are signed with the account key, callbacks are
// verified with the npm `standardwebhooks` package (installed by bootstrap.sh).
//
// The same demo runs on the standalone host and on the Functions app: queued and inbox jobs are waited for by the ids
// both hosts give them (the intake caller's prefix + the message id, or + the blob's name-and-ETag id).
//
// Environment: DEMO_HOST_URL, DEMO_API_KEY, DEMO_CALLBACK_KEY (Callbacks__SigningKey), DEMO_CALLBACK_NEXT_KEY
// (Callbacks__SecondarySigningKey, optional), DEMO_BLOB_URL, DEMO_QUEUE_URL,
// DEMO_ACCOUNT, DEMO_ACCOUNT_KEY, DEMO_REQUESTS_QUEUE, DEMO_RESULTS_QUEUE, DEMO_INBOX, DEMO_INTAKE_CALLER
// (Api__IntakeCaller, default "default"), DEMO_INBOX_PROCESSED (the standalone host's inbox markers; unset for the
// Functions app, which keeps the blob trigger's own receipts instead).
import crypto from 'node:crypto';
import http from 'node:http';
import { Webhook } from 'standardwebhooks';

const env = process.env;
const hostUrl = env.DEMO_HOST_URL;
const apiKey = env.DEMO_API_KEY;
const account = env.DEMO_ACCOUNT ?? 'devstoreaccount1';
const accountKey = Buffer.from(env.DEMO_ACCOUNT_KEY, 'base64');
const deadline = Date.now() + 100_000;

// --- Azure Storage REST with Shared Key ------------------------------------------------------------------------------
// Any answer but 2xx and the statuses in `allow` throws.
async function storage(method, base, path, { query = {}, body, headers = {}, allow = [] } = {}) {
  const url = new URL(`${base}/${account}${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const all = { 'x-ms-date': new Date().toUTCString(), 'x-ms-version': '2021-12-02', ...headers };
  const length = body ? Buffer.byteLength(body) : 0;
  const xms = Object.keys(all).filter((k) => k.startsWith('x-ms-')).sort().map((k) => `${k}:${all[k]}\n`).join('');
  const resource = `/${account}${url.pathname}` +
    Object.keys(query).sort().map((k) => `\n${k.toLowerCase()}:${query[k]}`).join('');
  const toSign = [method, '', '', length ? String(length) : '', '', all['content-type'] ?? '', '', '', '', '', '', ''].join('\n') +
    '\n' + xms + resource;
  all.authorization = `SharedKey ${account}:${crypto.createHmac('sha256', accountKey).update(toSign, 'utf8').digest('base64')}`;
  const response = await fetch(url, { method, headers: all, body });
  if (!response.ok && !allow.includes(response.status)) {
    throw new Error(`storage ${method} ${url.pathname} answered ${response.status}: ${await response.text()}`);
  }
  return response;
}

const xmlText = (xml, tag) => [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]
  .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));

// --- the job API -----------------------------------------------------------------------------------------------------
async function api(method, path, body, { allowNotFound = false } = {}) {
  const response = await fetch(`${hostUrl}${path}`, {
    method,
    headers: { 'x-functions-key': apiKey, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (allowNotFound && response.status === 404) return { status: 404, json: null };
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return { status: response.status, location: response.headers.get('location'), json: text ? JSON.parse(text) : null };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

// Queued and inbox jobs belong to the intake caller: their ids start with its prefix (docs/host.md, "Callers are tenants"):
// 'o', 12 hex digits of SHA-256 of "mediagen-owner:" + the caller name in lower case, '-'.
const intakePrefix = `o${sha256(`mediagen-owner:${(env.DEMO_INTAKE_CALLER || 'default').toLowerCase()}`).slice(0, 12)}-`;
// An inbox blob's job id: the prefix + 'inbox-' + the first 40 hex digits of SHA-256 of "container/name|ETag" (unquoted).
const inboxJobId = (container, name, etag) => `${intakePrefix}inbox-${sha256(`${container}/${name}|${etag.replace(/^"+|"+$/g, '')}`).slice(0, 40)}`;

// A queued request becomes a job when the listener takes it: until then the id is unknown (404).
async function waitForJob(id) {
  let json = null;
  while (Date.now() < deadline) {
    ({ json } = await api('GET', `/api/jobs/${encodeURIComponent(id)}`, undefined, { allowNotFound: true }));
    if (json && ['Completed', 'Failed', 'Canceled'].includes(json.status)) return json;
    await sleep(400);
  }
  return json ?? { id, status: 'NotStarted' };
}

// --- a receiver for the signed completion callbacks -----------------------------------------------------------------
const callbacks = [];
const refusedOnce = new Set();
const receiver = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const id = req.headers['webhook-id'];
    // Standard Webhooks: the stock library checks the signature and the timestamp's age. While a key rotation is
    // under way (DEMO_CALLBACK_NEXT_KEY) every delivery carries two signatures, and either secret must verify it.
    const verifies = (secret) => {
      try { new Webhook(secret).verify(body.toString('utf8'), req.headers); return true; } catch { return false; }
    };
    const valid = [env.DEMO_CALLBACK_KEY, env.DEMO_CALLBACK_NEXT_KEY].filter(Boolean).every(verifies);
    // Refuse the very first delivery once, to show the retry arriving with the same delivery id.
    const refuse = callbacks.length === 0 && !refusedOnce.has(id);
    if (refuse) refusedOnce.add(id);
    callbacks.push({ id, valid, refused: refuse, job: JSON.parse(body.toString('utf8')).id });
    res.writeHead(refuse ? 503 : 200).end();
  });
});
await new Promise((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const callbackUrl = `http://127.0.0.1:${receiver.address().port}/mediagen-callbacks`;

// --- submit ----------------------------------------------------------------------------------------------------------
const jobs = [];
async function submitHttp(label, path, body) {
  const { status, location, json } = await api('POST', path, { ...body, callbackUrl });
  jobs.push({ label, id: json.id, via: `HTTP ${path} -> ${status}` });
  if (!location) throw new Error(`${path} answered without Location`);
  return json;
}

console.log('Submitting demo jobs...');
const cosmicImage = await submitHttp('image  cosmic', '/api/jobs',
  { kind: 'image', provider: 'cosmic', params: { prompt: 'A lighthouse on a cliff at dawn, watercolor' } });
await submitHttp('image  pixazo (text-to-image)', '/api/jobs',
  { kind: 'image', provider: 'pixazo', params: { prompt: 'A red fox in fresh snow, photographic' } });
await submitHttp('image  comet', '/api/jobs',
  { kind: 'image', provider: 'comet', params: { prompt: 'A paper boat on a rainy street' } });
await submitHttp('text   cosmic', '/api/jobs',
  { kind: 'text', provider: 'cosmic', params: { prompt: 'Write a two-line poem about durable timers.' } });
await submitHttp('chain  cosmic video + 2 extensions', '/api/chains',
  { initial: { prompt: 'A hot-air balloon rising over hills' }, prompts: ['The balloon drifts over a lake', 'Sunset, the balloon lands'] });

// The requests queue and the inbox container exist in Azure (infra/main.bicep creates them) and once the standalone
// host's listeners started; a trigger's listener under the Functions host does not create them. Create them as a client
// would (an existing queue answers 204, an existing container 409).
await storage('PUT', env.DEMO_QUEUE_URL, `/${env.DEMO_REQUESTS_QUEUE}`);
await storage('PUT', env.DEMO_BLOB_URL, `/${env.DEMO_INBOX}`, { query: { restype: 'container' }, allow: [409] });

// Audio through the requests queue, base64-encoded as the Functions queue trigger expects it.
const audioSpec = { kind: 'audio', provider: 'cosmic', params: { prompt: 'Welcome to MediaGen.' }, callbackUrl };
const sent = await storage('POST', env.DEMO_QUEUE_URL, `/${env.DEMO_REQUESTS_QUEUE}/messages`, {
  body: `<QueueMessage><MessageText>${Buffer.from(JSON.stringify(audioSpec)).toString('base64')}</MessageText></QueueMessage>`,
  headers: { 'content-type': 'application/xml' },
});
const messageId = xmlText(await sent.text(), 'MessageId')[0];
jobs.push({ label: 'audio  cosmic', id: intakePrefix + 'job-' + messageId, via: `queue ${env.DEMO_REQUESTS_QUEUE} (message ${messageId})` });

// Pixazo image-to-video through the blob inbox: the Cosmic image, once stored, dropped into the inbox with a prompt.
const first = await waitForJob(cosmicImage.id);
if (first.status !== 'Completed') throw new Error(`the Cosmic image job ended ${first.status}: ${JSON.stringify(first.error)}`);
const image = await fetchBlob(first.result.items[0].blobUri);
const uploaded = await storage('PUT', env.DEMO_BLOB_URL, `/${env.DEMO_INBOX}/demo-lighthouse.png`, {
  body: image,
  headers: { 'content-type': 'image/png', 'x-ms-blob-type': 'BlockBlob', 'x-ms-meta-prompt': 'The lighthouse beam sweeps across the sea' },
});
const inboxId = inboxJobId(env.DEMO_INBOX, 'demo-lighthouse.png', uploaded.headers.get('etag'));
if (env.DEMO_INBOX_PROCESSED) {
  // The standalone host records what it started in a marker blob: it must name the same job.
  let marker;
  while (!marker && Date.now() < deadline) {
    const response = await storage('GET', env.DEMO_BLOB_URL, `/${env.DEMO_INBOX_PROCESSED}/demo-lighthouse.png`, { allow: [404] });
    if (response.status === 200) marker = JSON.parse(await response.text());
    else await sleep(300);
  }
  if (marker?.jobId !== inboxId) throw new Error(`the inbox marker does not name job ${inboxId}: ${JSON.stringify(marker)}`);
}
jobs.push({ label: 'video  pixazo (image-to-video)', id: inboxId, via: `blob ${env.DEMO_INBOX}/demo-lighthouse.png` });

async function fetchBlob(uri) {
  const path = new URL(uri).pathname.slice(account.length + 1);
  const response = await storage('GET', env.DEMO_BLOB_URL, path);
  return Buffer.from(await response.arrayBuffer());
}

// --- wait and report -------------------------------------------------------------------------------------------------
console.log('Waiting for them...\n');
let failed = 0;
for (const job of jobs) {
  const state = await waitForJob(job.id);
  const ok = state.status === 'Completed';
  if (!ok) failed++;
  console.log(`${ok ? 'OK  ' : 'FAIL'} ${job.label}  [${job.via}]`);
  console.log(`     job ${state.id}: ${state.status}${state.error ? ` (${state.error.type}: ${state.error.message})` : ''}`);
  for (const item of state.result?.items ?? []) {
    const bytes = await fetchBlob(item.blobUri);
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    const check = sha === item.sha256 && bytes.length === item.size ? 'sha256 verified' : `MISMATCH (stored ${bytes.length} bytes, ${sha})`;
    console.log(`     ${item.blobUri}\n       ${item.contentType}, ${item.size} bytes, sha256 ${item.sha256} (${check})`);
    if (check !== 'sha256 verified') failed++;
  }
  if (state.result?.text) console.log(`     text: ${JSON.stringify(state.result.text.slice(0, 100))}`);
}

// Completion notifications are published as each job ends; give the last ones a moment.
let results = [];
for (let i = 0; i < 20 && results.length < jobs.length; i++) {
  const response = await storage('GET', env.DEMO_QUEUE_URL, `/${env.DEMO_RESULTS_QUEUE}/messages`, { query: { numofmessages: '32', peekonly: 'true' }, allow: [404] });
  results = response.status === 200 ? xmlText(await response.text(), 'MessageText').map((t) => JSON.parse(t)) : [];
  if (results.length < jobs.length) await sleep(300);
}
console.log(`\nResults queue ${env.DEMO_RESULTS_QUEUE} (${results.length} messages, peeked):`);
for (const r of results) console.log(`  ${r.type} ${r.id}: ${r.status} (${r.result?.items?.length ?? 0} items)`);

// Every job but the inbox one asked for a callback.
for (let i = 0; i < 20 && new Set(callbacks.filter((c) => !c.refused).map((c) => c.id)).size < jobs.length - 1; i++) await sleep(300);
console.log(`\nSigned callbacks received at ${callbackUrl}:`);
for (const c of callbacks) {
  console.log(`  delivery ${c.id} for ${c.job}: signature ${c.valid ? 'valid' : 'INVALID'}${c.refused ? ' (answered 503 on purpose; expect a retry with the same id)' : ''}`);
  if (!c.valid) failed++;
}
receiver.close();

console.log(failed === 0 ? `\nAll ${jobs.length} demo jobs completed.` : `\n${failed} demo check(s) failed.`);
process.exit(failed === 0 ? 0 : 1);
