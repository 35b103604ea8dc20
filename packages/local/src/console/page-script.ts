/**
 * The console's browser code, inlined into the page. Plain ES2020, no template literals (it lives in
 * one). Every value from the pipeline becomes a text node or an attribute set with setAttribute:
 * names and emails can contain markup, and it must show as text.
 */
export const CONSOLE_SCRIPT = `
'use strict';
const POLL_MS = 1000;
const SHOWN = 50;
const state = { requests: [], queues: null, dlq: null, outbox: [], faults: null, selected: null, live: null };
const rendered = {};
const seenEmails = new Set();
let firstOutbox = true;

const byId = (id) => document.getElementById(id);

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
  }
  for (const child of children) {
    if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function clock(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return date.toLocaleTimeString('en-GB', { hour12: false }) + '.' + String(date.getMilliseconds()).padStart(3, '0');
}

function statusClass(status) {
  return 's' + String(status).charAt(0) + 'xx';
}

async function getJson(path) {
  const response = await fetch(path, { cache: 'no-store' });
  if (!response.ok) throw new Error(path + ' answered ' + response.status);
  return response.json();
}

async function postJson(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = null; }
  return { status: response.status, body: json };
}

/** Re-renders a part only when its data changed, so text stays selectable between polls. */
function renderPart(name, data, render) {
  const key = JSON.stringify(data);
  if (rendered[name] === key) return;
  rendered[name] = key;
  render(data);
}

async function refresh() {
  try {
    const [requests, queues, dlq, outbox, faults] = await Promise.all([
      getJson('/_local/requests'),
      getJson('/_local/queues'),
      getJson('/_local/dlq'),
      getJson('/_local/outbox?limit=200'),
      getJson('/_local/faults'),
    ]);
    Object.assign(state, { requests, queues, dlq, outbox, faults, live: true });
  } catch {
    state.live = false;
  }
  render();
}

function render() {
  renderPart('live', state.live, (live) => {
    byId('live').className = live ? 'on' : 'off';
    byId('live').textContent = live ? 'live' : 'disconnected: is make dev running?';
  });
  renderPart('requests', [state.requests, state.selected], renderRequests);
  renderPart('queues', [state.queues, state.dlq], renderQueues);
  renderPart('outbox', state.outbox, renderOutbox);
  renderPart('faults', state.faults, renderFaults);
  renderPart('trail', trailModel(), renderTrail);
}

function renderRequests([requests, selected]) {
  const rows = requests.slice(-SHOWN).reverse().map((record) => {
    const row = el('tr', { 'data-request-id': record.requestId, class: record.requestId === selected ? 'selected' : null },
      el('td', { class: 'mono' }, clock(record.time)),
      el('td', {}, record.method),
      el('td', { class: 'mono' }, record.path),
      el('td', {}, el('span', { class: 'status ' + statusClass(record.status) }, record.status)),
      el('td', {}, record.latencyMs + ' ms'),
      el('td', { class: 'mono' }, record.requestId));
    row.addEventListener('click', () => { state.selected = record.requestId; render(); });
    return row;
  });
  const body = byId('requests').tBodies[0];
  if (rows.length === 0) rows.push(el('tr', {}, el('td', { colspan: 6, class: 'empty' }, 'No requests yet.')));
  body.replaceChildren(...rows);
}

function renderQueues([queues, dlq]) {
  byId('queue-visible').textContent = queues ? String(queues.queue.visible) : '–';
  byId('queue-in-flight').textContent = queues ? String(queues.queue.inFlight) : '–';
  const dead = dlq ? dlq.depth.visible + dlq.depth.inFlight : 0;
  byId('dlq-depth').textContent = dlq ? String(dead) : '–';
  byId('dlq-tile').className = dead > 0 ? 'tile alert' : 'tile';
  byId('redrive').disabled = !dlq || dlq.depth.visible === 0;
  const list = byId('dlq-messages');
  if (!dlq || dlq.messages.length === 0) {
    list.replaceChildren(el('p', { class: 'empty' }, 'The dead-letter queue is empty.'));
    return;
  }
  list.replaceChildren(el('table', {},
    el('thead', {}, el('tr', {}, el('th', {}, 'Dead-lettered'), el('th', {}, 'Signup'), el('th', {}, 'Request id'))),
    el('tbody', {}, ...dlq.messages.map((message) => el('tr', { 'data-message-id': message.messageId },
      el('td', { class: 'mono' }, clock(message.sentAt)),
      el('td', { class: 'wrap' }, message.name !== undefined
        ? message.name + ' <' + (message.email || '?') + '>'
        : el('span', { class: 'mono' }, message.body.slice(0, 200))),
      el('td', { class: 'mono wrap' }, message.requestId || '–'))))));
  if (dlq.depth.visible > dlq.messages.length) {
    list.append(el('p', { class: 'note' }, 'Showing ' + dlq.messages.length + ' of ' + dlq.depth.visible + '.'));
  }
}

function renderOutbox(emails) {
  const cards = emails.slice(-SHOWN).reverse().map((email) => {
    const fresh = !firstOutbox && !seenEmails.has(email.id);
    seenEmails.add(email.id);
    return el('article', { class: fresh ? 'email fresh' : 'email', 'data-request-id': email.requestId || null },
      el('dl', {},
        el('dt', {}, 'To'), el('dd', {}, email.recipient),
        el('dt', {}, 'Subject'), el('dd', {}, email.subject),
        el('dt', {}, 'Time'), el('dd', { class: 'mono' }, clock(email.time)),
        el('dt', {}, 'Request'), el('dd', { class: 'mono' }, email.requestId || '–')),
      el('p', { class: 'body' }, email.message));
  });
  firstOutbox = false;
  if (cards.length === 0) cards.push(el('p', { class: 'empty' }, 'No emails yet.'));
  byId('outbox').replaceChildren(...cards);
}

function renderFaults(faults) {
  if (!faults) return;
  const form = byId('faults-form');
  for (const name of Object.keys(faults)) {
    const input = form.elements.namedItem(name);
    if (input && document.activeElement !== input) input.value = String(faults[name]);
  }
  const active = [];
  if (faults.snsFailureRate > 0) active.push('SNS publish fails ' + Math.round(faults.snsFailureRate * 100) + '%');
  if (faults.snsLatencyMs > 0) active.push('SNS publish +' + faults.snsLatencyMs + ' ms');
  if (faults.sqsSendFailureRate > 0) active.push('SQS send fails ' + Math.round(faults.sqsSendFailureRate * 100) + '%');
  const banner = byId('fault-banner');
  banner.hidden = active.length === 0;
  banner.textContent = 'Faults injected: ' + active.join(' · ');
}

/** The steps of one signup: request, queue, then the email or the DLQ. */
function trailModel() {
  const signups = state.requests.filter((record) => record.path.replace(/\\/+$/, '') === '/signup' && record.method === 'POST');
  const id = state.selected || (signups.length ? signups[signups.length - 1].requestId : null);
  if (!id) return null;
  const request = state.requests.find((record) => record.requestId === id);
  const steps = [];
  if (!request) return { id, steps: [{ kind: 'pending', title: 'Request sent', detail: 'waiting for the answer' }] };
  steps.push({
    kind: request.status < 400 ? 'done' : 'failed',
    title: 'API ' + request.method + ' ' + request.path + ' → ' + request.status,
    detail: request.latencyMs + ' ms at ' + clock(request.time),
  });
  if (request.status === 503) {
    steps.push({ kind: 'failed', title: 'Not queued', detail: 'SQS did not confirm it: not queued as far as the API knows, the client should retry' });
    return { id, steps };
  }
  if (request.status !== 200 || request.path.replace(/\\/+$/, '') !== '/signup') {
    steps.push({ kind: 'failed', title: 'Not queued', detail: 'the request was rejected, so nothing was sent to SQS' });
    return { id, steps };
  }
  steps.push({ kind: 'done', title: 'Queued in SQS', detail: 'signup queue, for process-user' });
  const emails = state.outbox.filter((email) => email.requestId === id);
  const dead = state.dlq ? state.dlq.messages.find((message) => message.requestId === id) : undefined;
  if (emails.length > 0) {
    steps.push({
      kind: 'done',
      title: 'Welcome email delivered',
      detail: 'to ' + emails.map((email) => email.recipient).join(', ') + ' at ' + clock(emails[0].time) + ': ' + emails[0].message,
    });
  } else if (dead) {
    steps.push({
      kind: 'failed',
      title: 'In the dead-letter queue',
      detail: 'process-user failed on every attempt; fix the cause, then Redrive DLQ',
    });
  } else {
    const inFlight = state.queues ? state.queues.queue.inFlight : 0;
    steps.push({
      kind: 'pending',
      title: 'Being processed',
      detail: inFlight > 0 ? 'process-user has it; a failed attempt is retried after the visibility timeout' : 'waiting for process-user',
    });
  }
  return { id, steps };
}

function renderTrail(model) {
  byId('trail-id').textContent = model ? model.id : '';
  const items = model
    ? model.steps.map((step) => el('li', { class: step.kind }, el('b', {}, step.title), el('span', {}, step.detail)))
    : [el('li', { class: 'empty' }, 'Submit a signup, or click a request.')];
  byId('trail').replaceChildren(...items);
}

byId('signup-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const result = byId('signup-result');
  const button = byId('signup-submit');
  for (const node of form.querySelectorAll('.field-error')) node.textContent = '';
  result.removeAttribute('data-request-id');
  result.className = 'note';
  result.textContent = 'Sending…';
  button.disabled = true;
  try {
    const { status, body } = await postJson('/signup', {
      name: form.elements.namedItem('name').value,
      email: form.elements.namedItem('email').value,
    });
    const requestId = body && body.requestId ? body.requestId : '';
    result.className = status === 200 ? 'note ok' : 'note bad';
    result.textContent = status + ' ' + (body && body.message ? body.message : '') + (requestId ? ' · request ' + requestId : '');
    if (requestId) result.setAttribute('data-request-id', requestId);
    for (const error of (body && body.errors) || []) {
      const slot = form.querySelector('.field-error[data-field="' + (error.field === 'email' ? 'email' : 'name') + '"]');
      if (slot) slot.textContent = error.message;
    }
    if (requestId) state.selected = requestId;
  } catch (error) {
    result.className = 'note bad';
    result.textContent = 'The request failed: ' + error.message;
  } finally {
    button.disabled = false;
  }
  await refresh();
});

byId('redrive').addEventListener('click', async () => {
  const note = byId('redrive-result');
  byId('redrive').disabled = true;
  const { status } = await postJson('/_local/dlq/redrive', {}).catch(() => ({ status: 0 }));
  note.className = status === 202 ? 'note ok' : 'note bad';
  note.textContent = status === 202 ? 'Redrive started: messages go back to the signup queue.' : 'Redrive failed (' + status + ').';
  await refresh();
});

async function updateFaults(changes) {
  const note = byId('faults-result');
  const { status, body } = await postJson('/_local/faults', changes).catch(() => ({ status: 0, body: null }));
  note.className = status === 200 ? 'note ok' : 'note bad';
  note.textContent = status === 200 ? 'Faults updated.' : ((body && body.errors) || ['The update failed']).join('; ');
  rendered.faults = undefined;
  await refresh();
}

byId('faults-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const changes = {};
  for (const input of event.currentTarget.querySelectorAll('input')) {
    if (input.value !== '') changes[input.name] = Number(input.value);
  }
  void updateFaults(changes);
});
byId('faults-reset').addEventListener('click', () => {
  void updateFaults({ snsFailureRate: 0, snsLatencyMs: 0, sqsSendFailureRate: 0 });
});

(function poll() {
  refresh().finally(() => setTimeout(poll, POLL_MS));
})();
`;
