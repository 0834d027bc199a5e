// The data-archiver viewer page. Every value from the server is written with textContent, never as HTML.
'use strict';

const view = { status: null, cache: null, sort: { col: 's3Key', dir: 1 }, retry: 1000 };
const $ = (id) => document.getElementById(id);

function text(el, value) { el.textContent = value === null || value === undefined ? '' : String(value); return el; }
function cell(row, value, cls) { const td = document.createElement('td'); text(td, value); if (cls) td.className = cls; row.appendChild(td); return td; }
function num(n) { return n === null || n === undefined ? '—' : Number(n).toLocaleString('en-US'); }
function bytes(n) {
  if (n === null || n === undefined) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0; let v = Number(n);
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return (i === 0 ? v.toFixed(0) : v.toFixed(1)) + ' ' + units[i];
}
function card(id, value, detail) {
  const el = $(id);
  text(el.querySelector('.value'), value);
  text(el.querySelector('.detail'), detail || '');
}

function entries() {
  if (!view.cache) return [];
  const all = [];
  for (const table of view.cache.tables) for (const e of table.entries) all.push(e);
  return all;
}

function renderCards() {
  const run = view.status && view.status.runs.find((r) => r.running);
  const all = entries();
  const failed = all.filter((e) => e.lastError);
  if (run) {
    const inFlight = run.workers.reduce((s, w) => s + (w.rows || 0), 0);
    const rows = (run.rows || 0) + inFlight;
    const seconds = Math.max(1, (Date.now() - Date.parse(run.startedAt)) / 1000);
    card('card-units', run.unitsDone + ' / ' + run.unitsTotal,
      run.unitsArchived === null || run.unitsArchived === undefined ? run.workers.length + ' active'
        : run.unitsArchived + ' archived, ' + run.unitsSkipped + ' skipped, ' + run.unitsEmpty + ' empty, ' + run.workers.length + ' active');
    card('card-rows', num(rows), 'this run');
    card('card-bytes', bytes(run.bytesOut), run.bytesIn === null || run.bytesIn === undefined ? '' : 'from ' + bytes(run.bytesIn));
    card('card-ratio', run.bytesOut ? (run.bytesIn / run.bytesOut).toFixed(2) : '—', 'in / out');
    card('card-throughput', num(Math.round(rows / seconds)) + ' rows/s', run.bytesOut ? bytes(run.bytesOut / seconds) + '/s written' : '');
    card('card-errors', num(run.unitsFailed), failed.length + ' object(s) with an error');
    return;
  }
  const stored = all.filter((e) => e.s3Uploaded);
  const size = stored.reduce((s, e) => s + e.fileSize, 0);
  const known = stored.filter((e) => e.uncompressedSize !== null && e.uncompressedSize !== undefined);
  const knownSize = known.reduce((s, e) => s + e.fileSize, 0);
  const uncompressed = known.reduce((s, e) => s + e.uncompressedSize, 0);
  card('card-units', num(all.length), stored.length + ' stored');
  card('card-rows', num(stored.reduce((s, e) => s + e.rowCount, 0)), 'in stored objects');
  card('card-bytes', bytes(size), known.length ? bytes(uncompressed) + ' uncompressed (where known)' : '');
  card('card-ratio', knownSize ? (uncompressed / knownSize).toFixed(2) : '—', 'uncompressed / stored');
  card('card-throughput', '—', 'no run in progress');
  card('card-errors', num(failed.length), 'object(s) with an error');
}

function renderRun() {
  const status = view.status;
  if (!status) return;
  text($('version'), 'version ' + status.version);
  const run = status.runs.find((r) => r.running);
  const body = $('workers').querySelector('tbody');
  body.replaceChildren();
  if (!run) {
    text($('run-title'), 'No run in progress');
    $('run-bar').style.width = '0';
  } else {
    text($('run-title'), 'pid ' + run.pid + ': ' + run.table + ' ' + run.startDate + ' .. ' + run.endDate +
      ' — ' + run.unitsDone + ' of ' + run.unitsTotal + ' unit(s) done');
    $('run-bar').style.width = (run.unitsTotal ? (100 * run.unitsDone / run.unitsTotal) : 0) + '%';
    for (const w of run.workers) {
      const tr = document.createElement('tr');
      tr.dataset.key = w.key;
      cell(tr, w.partition); cell(tr, w.key); cell(tr, w.stage); cell(tr, num(w.rows), 'num');
      cell(tr, w.expectedRows === null || w.expectedRows === undefined ? '—' : (w.estimated ? '~' : '') + num(w.expectedRows), 'num');
      cell(tr, bytes(w.bytesOut), 'num');
      body.appendChild(tr);
    }
  }
  const others = status.runs.filter((r) => r !== run);
  text($('other-runs'), others.length ? 'Other runs: ' + others.map((r) => 'pid ' + r.pid + ' ' + r.table + (r.running ? ' (running)' : ' (ended)')).join(', ') : '');
}

function compare(a, b, col) {
  const x = a[col]; const y = b[col];
  if (x === y) return 0;
  if (x === null || x === undefined) return -1;
  if (y === null || y === undefined) return 1;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  return String(x).localeCompare(String(y), 'en', { numeric: true });
}

function renderObjects() {
  const tableFilter = $('filter-table');
  const tables = [...new Set(entries().map((e) => e.table))].sort();
  const chosen = tableFilter.value;
  tableFilter.replaceChildren(text(document.createElement('option'), 'all'));
  tableFilter.firstChild.value = '';
  for (const t of tables) { const o = text(document.createElement('option'), t); o.value = t; tableFilter.appendChild(o); }
  tableFilter.value = tables.includes(chosen) ? chosen : '';

  const state = $('filter-state').value;
  const search = $('search').value.trim().toLowerCase();
  const rows = entries().filter((e) => (!tableFilter.value || e.table === tableFilter.value) && (!state || e.state === state) &&
    (!search || [e.partition, e.s3Key, e.lastError || ''].some((v) => v.toLowerCase().includes(search))));
  const { col, dir } = view.sort;
  rows.sort((a, b) => dir * compare(a, b, col) || compare(a, b, 's3Key'));
  const body = $('objects').querySelector('tbody');
  body.replaceChildren();
  for (const e of rows) {
    const tr = document.createElement('tr');
    tr.dataset.key = e.s3Key;
    tr.dataset.state = e.state;
    cell(tr, e.table); cell(tr, e.partition); cell(tr, e.state, 'state-' + e.state);
    cell(tr, num(e.rowCount), 'num'); cell(tr, bytes(e.fileSize), 'num'); cell(tr, bytes(e.uncompressedSize), 'num');
    cell(tr, e.s3Key); cell(tr, e.s3UploadTime || ''); cell(tr, e.fileMD5 || ''); cell(tr, e.lastError || '', 'error');
    body.appendChild(tr);
  }
  text($('shown'), rows.length + ' of ' + entries().length + ' shown');
  for (const th of $('objects').querySelectorAll('th')) th.className = th.dataset.col === col ? (dir > 0 ? 'asc' : 'desc') : '';

  const errors = $('errors');
  errors.replaceChildren();
  const failed = entries().filter((e) => e.lastError);
  if (!failed.length) { const p = text(document.createElement('p'), 'No errors.'); p.className = 'none'; errors.appendChild(p); }
  for (const e of failed) {
    const h = text(document.createElement('h3'), e.partition + ' → ' + e.s3Key);
    const pre = text(document.createElement('pre'), e.lastError);
    errors.append(h, pre);
  }
}

function render() {
  renderRun(); renderCards(); renderObjects();
  text($('updated'), 'Last update ' + new Date().toLocaleTimeString('en-GB'));
}

function setConnection(up, label) {
  const el = $('conn');
  el.className = 'conn ' + (up ? 'up' : 'down');
  el.dataset.state = up ? 'open' : 'closed';
  text(el, label);
}

async function fetchOnce() {
  try {
    const [status, cache] = await Promise.all([fetch('/api/status'), fetch('/api/cache')]);
    if (status.ok) view.status = await status.json();
    if (cache.ok) view.cache = await cache.json();
    render();
  } catch (e) { /* the websocket retries */ }
}

function connect() {
  const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
  socket.onopen = () => { view.retry = 1000; clearInterval(view.polling); view.polling = null; setConnection(true, 'live'); };
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.type === 'status') view.status = message.data;
    else if (message.type === 'cache') view.cache = message.data;
    render();
  };
  socket.onclose = () => {
    // While the socket is down the page still follows the run through the HTTP API.
    if (!view.polling) view.polling = setInterval(fetchOnce, 1000);
    const wait = view.retry;
    view.retry = Math.min(view.retry * 2, 30000);
    setConnection(false, 'reconnecting in ' + Math.round(wait / 1000) + ' s');
    setTimeout(connect, wait);
  };
}

function start() {
  for (const th of $('objects').querySelectorAll('th')) {
    th.addEventListener('click', () => {
      view.sort = { col: th.dataset.col, dir: view.sort.col === th.dataset.col ? -view.sort.dir : 1 };
      renderObjects();
    });
  }
  for (const id of ['filter-table', 'filter-state']) $(id).addEventListener('change', renderObjects);
  $('search').addEventListener('input', renderObjects);
  fetchOnce();
  connect();
}

document.addEventListener('DOMContentLoaded', start);
