// kg report's page (pipeline/report_html.py): search, sortable tables, CSV downloads. It reads the page's
// own text, so nothing from the store ever passes through a string that becomes markup.
'use strict';

// --- search: a card or row shows when the text of one of its .s elements contains the query, and an
// index row when its card shows ---
const box = document.getElementById('search');
const findable = Array.from(document.querySelectorAll('[data-find]')).map((el) => ({
  el,
  kind: el.dataset.find,
  text: Array.from(el.querySelectorAll('.s'), (s) => s.textContent).join('\n').toLowerCase(),
}));
const followers = Array.from(document.querySelectorAll('[data-for]'), (row) => [row, document.getElementById(row.dataset.for)]);
const shown = document.getElementById('shown');
const KINDS = [['org', 'organisation', 'organisations'], ['person', 'person', 'people'], ['statement', 'statement', 'statements']];

function search() {
  const q = box.value.trim().toLowerCase();
  const counts = {};
  for (const f of findable) {
    const hit = !q || f.text.includes(q);
    f.el.classList.toggle('hidden', !hit);
    if (hit) counts[f.kind] = (counts[f.kind] || 0) + 1;
  }
  for (const [row, card] of followers) row.classList.toggle('hidden', card.classList.contains('hidden'));
  const count = ([kind, one, many]) => (counts[kind] || 0) + ' ' + (counts[kind] === 1 ? one : many);
  shown.textContent = q ? 'shown: ' + KINDS.map(count).join(', ') : '';
}
box.addEventListener('input', search);
search();

// --- tables: a cell's value is the text of its .v element if it has one (a quote, not its sentence) ---
const value = (cell) => (cell.querySelector('.v') ?? cell).textContent.trim();
const collate = new Intl.Collator('zh-CN', { numeric: true });

function sortBy(th) {
  const table = th.closest('table');
  const col = th.cellIndex;
  const dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
  table.querySelectorAll('th').forEach((h) => h.removeAttribute('aria-sort'));
  th.setAttribute('aria-sort', dir > 0 ? 'ascending' : 'descending');
  const key = (row) => row.cells[col].dataset.sort ?? value(row.cells[col]);
  const compare = th.classList.contains('num')
    ? (a, b) => parseFloat(key(a)) - parseFloat(key(b))
    : (a, b) => collate.compare(key(a), key(b));
  const body = table.tBodies[0];
  body.append(...Array.from(body.rows).sort((a, b) => dir * compare(a, b)));
}
document.querySelectorAll('table.sortable th button').forEach((b) => b.addEventListener('click', () => sortBy(b.closest('th'))));

// --- CSV of the rows shown, in the order shown; a text a spreadsheet would run as a formula is quoted ---
function field(v) {
  const safe = /^[=+\-@\t\r]/.test(v) && isNaN(Number(v)) ? "'" + v : v;
  return /[",\r\n]/.test(safe) ? '"' + safe.replace(/"/g, '""') + '"' : safe;
}

function csv(table) {
  const heads = Array.from(table.tHead.rows[0].cells);
  const lines = [heads.flatMap((h) => (h.dataset.link ? [h.textContent, h.dataset.link] : [h.textContent]))];
  for (const row of table.tBodies[0].rows) {
    if (row.classList.contains('hidden')) continue;
    lines.push(heads.flatMap((h, i) => {
      const cell = row.cells[i];
      return h.dataset.link ? [value(cell), cell.querySelector('a')?.href ?? ''] : [value(cell)];
    }));
  }
  return '\ufeff' + lines.map((line) => line.map(field).join(',')).join('\r\n') + '\r\n';
}

document.querySelectorAll('button.csv').forEach((button) => button.addEventListener('click', () => {
  const table = button.closest('.table').querySelector('table');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([csv(table)], { type: 'text/csv;charset=utf-8' }));
  link.download = button.dataset.file;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}));
