import { CONSOLE_SCRIPT } from './page-script.js';
import { CONSOLE_STYLE } from './page-style.js';

/** Same-origin only; the page's one inline style and one inline script are its only code. */
export const CONSOLE_CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'";

/** Served by the runtime itself: without it the browser asks the API for /favicon.ico, a 403 in the list. */
export const CONSOLE_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#1d2330"/>' +
  '<path d="M3 8h3l2-4 2 8 2-4h1" fill="none" stroke="#3fb950" stroke-width="1.6"/></svg>';

/**
 * The local console at `GET /_local/`: one self-contained page (no CDN, no framework) that polls the
 * `/_local/*` endpoints every second. All data is rendered as text, never parsed as HTML.
 */
export const CONSOLE_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Signup pipeline · local console</title>
<link rel="icon" href="/_local/favicon.svg">
<style>${CONSOLE_STYLE}</style>
</head>
<body>
<header>
  <h1>Signup pipeline · local console</h1>
  <p>POST /signup → signup-handler → SQS → process-user → SNS → email outbox. Live, every second.</p>
  <span id="live">connecting…</span>
</header>
<div id="fault-banner" hidden></div>
<main>
  <div class="column">
    <section>
      <h2>Sign up</h2>
      <form id="signup-form" novalidate>
        <label>Name <input name="name" autocomplete="off" required></label>
        <div class="field-error" data-field="name"></div>
        <label>Email <input name="email" type="email" autocomplete="off" required></label>
        <div class="field-error" data-field="email"></div>
        <button type="submit" id="signup-submit">Send POST /signup</button>
      </form>
      <p id="signup-result" class="note" role="status"></p>
    </section>
    <section>
      <h2>What happened to this signup <small id="trail-id" class="mono"></small></h2>
      <ol id="trail" class="trail"><li class="empty">Submit a signup, or click a request.</li></ol>
    </section>
    <section>
      <h2>Queues</h2>
      <div class="tiles">
        <div class="tile"><b id="queue-visible">–</b><span>signup queue: waiting</span></div>
        <div class="tile"><b id="queue-in-flight">–</b><span>in flight (being processed)</span></div>
        <div class="tile" id="dlq-tile"><b id="dlq-depth">–</b><span>dead-letter queue</span></div>
      </div>
      <div class="row">
        <button type="button" id="redrive" disabled>Redrive DLQ</button>
        <span id="redrive-result" class="note" role="status"></span>
      </div>
      <div id="dlq-messages"></div>
    </section>
    <section>
      <h2>Faults <small>what AWS failing looks like</small></h2>
      <form id="faults-form" novalidate>
        <label>SNS publish failure rate (0–1) <input name="snsFailureRate" type="number" min="0" max="1" step="0.1"></label>
        <label>SNS publish latency (ms) <input name="snsLatencyMs" type="number" min="0" max="60000" step="100"></label>
        <label>SQS send failure rate (0–1) <input name="sqsSendFailureRate" type="number" min="0" max="1" step="0.1"></label>
        <div class="row">
          <button type="submit">Apply</button>
          <button type="button" class="secondary" id="faults-reset">No faults</button>
        </div>
      </form>
      <p id="faults-result" class="note" role="status"></p>
    </section>
  </div>
  <div class="column">
    <section>
      <h2>API requests <small>newest first · click one to follow it</small></h2>
      <table id="requests">
        <thead><tr><th>Time</th><th>Method</th><th>Path</th><th>Status</th><th>Latency</th><th>Request id</th></tr></thead>
        <tbody></tbody>
      </table>
    </section>
    <section>
      <h2>Outbox <small>emails SNS delivered to subscribers, newest first</small></h2>
      <div id="outbox" class="emails"></div>
    </section>
  </div>
</main>
<script>${CONSOLE_SCRIPT}</script>
</body>
</html>
`;
