// chipwatch analyst page: plain JavaScript over the /api endpoints, no build step.
'use strict';

const $ = (id) => document.getElementById(id);
const PAGE = 10;
const COLORS = ['#0b63c5', '#d9480f', '#2b8a3e', '#862e9c', '#e8590c', '#1098ad'];

function esc(s) {
  return String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

/** 2024-04-18T09:30+08:00 -> 2024-04-18 09:30 (the API gives China time already). */
function chinaTime(iso) {
  return iso ? iso.slice(0, 16).replace('T', ' ') : '';
}

function qs(params) {
  const p = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') p.set(k, v); });
  return p.toString();
}

async function api(path, params) {
  const r = await fetch('/api/' + path + (params ? '?' + qs(params) : ''), { headers: { Accept: 'application/json' } });
  const body = await r.json();
  if (!r.ok) {
    throw new Error((body.parameter ? body.parameter + ': ' : '') + body.error);
  }
  return body;
}

function status(id, text, error) {
  const el = $(id);
  el.textContent = text;
  el.classList.toggle('error', !!error);
}

function entityLink(name) {
  return '<a class="chip" href="#/entity/' + encodeURIComponent(name) + '">' + esc(name) + '</a>';
}

function articleLink(url, title) {
  return url ? '<a href="' + esc(url) + '" target="_blank" rel="noopener">' + esc(title || url) + '</a>' : esc(title || '');
}

function formatValue(v, unit) {
  let s;
  if (Math.abs(v) >= 1e8) s = +(v / 1e8).toFixed(2) + '亿';
  else if (Math.abs(v) >= 1e4) s = +(v / 1e4).toFixed(2) + '万';
  else s = String(+v.toFixed(2));
  return s + (unit ? ' ' + unit : '');
}

// ---- search ----

async function search(params) {
  $('q').value = params.q || '';
  $('from').value = params.from || '';
  $('to').value = params.to || '';
  const offset = +(params.offset || 0);
  status('search-status', '检索中…');
  try {
    const r = await api('articles', { q: params.q, from: params.from, to: params.to, offset: offset, limit: PAGE });
    status('search-status', r.total + ' 篇 articles' + (r.total ? '，第 ' + (offset + 1) + '–' + (offset + r.hits.length) + ' 篇' : ''));
    $('results').innerHTML = r.hits.map((h) =>
      '<li class="hit">'
      + '<div class="hit-title">' + (h.url ? '<a href="' + esc(h.url) + '" target="_blank" rel="noopener">' + h.title_html + '</a>' : h.title_html) + '</div>'
      + '<div class="hit-meta"><span class="source">' + esc(h.source || '') + '</span> · <time>' + chinaTime(h.published) + '</time> (UTC+8)</div>'
      + '<p class="snippet">' + h.snippet_html + '</p>'
      + '<div class="entities">' + h.entities.map(entityLink).join('') + '</div>'
      + '</li>').join('');
    renderFacets(r.facets, params);
    renderPager(r, params);
  } catch (e) {
    status('search-status', e.message, true);
    $('results').innerHTML = '';
    $('facets').innerHTML = '';
  }
}

function renderFacets(facets, params) {
  const names = { source: ['来源 Source', 'source'], entity: ['实体 Entity', 'entity'] };
  let html = '';
  Object.entries(names).forEach(([key, [label, field]]) => {
    if (!facets[key].length) return;
    html += '<div class="facet" id="facet-' + key + '"><h3>' + label + '</h3>' + facets[key].map((c) => {
      const value = /[\s"]/.test(c.value) ? '"' + c.value + '"' : c.value;
      const q = ((params.q || '') + ' ' + field + ':' + value).trim();
      return '<a href="#/search?' + qs({ q: q, from: params.from, to: params.to }) + '">' + esc(c.value) + ' <span>' + c.count + '</span></a>';
    }).join('') + '</div>';
  });
  if (facets.type.length) {
    html += '<div class="facet" id="facet-type"><h3>事件类型 Event type</h3>' + facets.type.map((c) =>
      '<a href="#/events?' + qs({ q: 'type:' + c.value }) + '">' + esc(c.value) + ' <span>' + c.count + '</span></a>').join('') + '</div>';
  }
  $('facets').innerHTML = html;
}

function renderPager(r, params) {
  const offset = r.offset;
  let html = '';
  if (offset > 0) html += '<a id="prev" href="#/search?' + qs({ ...params, offset: Math.max(0, offset - PAGE) }) + '">← 上一页</a>';
  if (offset + r.hits.length < r.total) html += '<a id="next" href="#/search?' + qs({ ...params, offset: offset + PAGE }) + '">下一页 →</a>';
  $('pager').innerHTML = html;
}

// ---- entity ----

async function entity(name) {
  $('entity-name').textContent = name;
  try {
    const e = await api('entities/' + encodeURIComponent(name));
    $('entity-name').textContent = e.name;
    $('entity-meta').textContent = [e.type, e.kind].filter(Boolean).join(' · ') + (e.aliases.length ? '　别名 aka: ' + e.aliases.join('、') : '');
    $('entity-counts').innerHTML = ['articles', 'figures', 'events', 'alerts'].map((k) =>
      '<span><b>' + e.counts[k] + '</b> ' + k + '</span>').join('')
      + '<a href="#/search?' + qs({ q: 'entity:' + e.name }) + '">相关文章 articles →</a>';
    $('entity-comentioned').innerHTML = e.co_mentioned.map((c) => entityLink(c.value)).join('') || '—';
    $('entity-figures').innerHTML = figureRows(e.figures);
    $('entity-events').innerHTML = eventItems(e.events);
  } catch (err) {
    $('entity-meta').textContent = err.message;
    $('entity-meta').classList.add('error');
    $('entity-counts').innerHTML = '';
    $('entity-comentioned').innerHTML = '';
    $('entity-figures').innerHTML = '';
    $('entity-events').innerHTML = '';
  }
}

function figureRows(figures) {
  return '<tr><th>时期 Period</th><th>主体 Subject</th><th>指标 Metric</th><th>数值 Value</th><th>产品 Product</th><th>发布 Published</th><th>来源文章 Article</th></tr>'
    + figures.map((f) => '<tr><td>' + esc(f.period || '') + '</td><td>' + (f.subject ? entityLink(f.subject) : '') + '</td><td>' + esc(f.metric)
      + '</td><td class="num">' + esc(formatValue(f.value, f.unit)) + (f.value_max != null ? ' – ' + esc(formatValue(f.value_max, f.unit)) : '')
      + '</td><td>' + esc(f.product || '') + '</td><td>' + chinaTime(f.published) + '</td><td title="' + esc(f.text) + '">'
      + articleLink(f.url, f.title) + '</td></tr>').join('');
}

function eventItems(events) {
  return events.map((e) => '<li><time>' + chinaTime(e.published) + '</time> <b>' + esc(e.type) + '</b> '
    + (e.org ? entityLink(e.org) : '') + (e.product ? ' ' + esc(e.product) : '') + (e.date ? ' · ' + esc(e.date) : '')
    + (e.status ? ' (' + esc(e.status) + ')' : '') + '<div>' + esc(e.text) + '</div><div>' + articleLink(e.url, e.title) + '</div></li>').join('');
}

// ---- figures and chart ----

async function figures(params) {
  $('metric').value = params.metric || '出货量';
  $('subjects').value = params.subjects || '';
  $('period').value = params.period || '';
  const subjects = (params.subjects || '').split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
  const base = { metric: $('metric').value, period: params.period, limit: 1000 };
  $('figures-csv').href = '/api/figures?' + qs({ ...base, subject: subjects.length === 1 ? subjects[0] : undefined, format: 'csv' });
  status('figures-status', '加载中…');
  try {
    const answers = subjects.length
      ? await Promise.all(subjects.map((s) => api('figures', { ...base, subject: s })))
      : [await api('figures', base)];
    const all = answers.flatMap((a) => a.hits);
    status('figures-status', all.length + ' 条数据 figures');
    $('figures-table').innerHTML = figureRows(all);
    drawChart(all);
  } catch (e) {
    status('figures-status', e.message, true);
    $('figures-table').innerHTML = '';
    $('chart').innerHTML = '';
  }
}

/**
 * One line per subject over the periods, in the unit most figures have; a period's point is its
 * newest figure (a later report revises an earlier one).
 */
function drawChart(figures) {
  const units = {};
  figures.forEach((f) => { units[f.unit] = (units[f.unit] || 0) + 1; });
  const unit = Object.keys(units).sort((a, b) => units[b] - units[a])[0];
  const points = figures.filter((f) => f.period && f.subject && f.unit === unit);
  if (!points.length) {
    $('chart').innerHTML = '<p class="status">没有可绘制的数据 (no figures with a subject and period)</p>';
    return;
  }
  const series = {};
  points.forEach((f) => {
    const s = series[f.subject] = series[f.subject] || {};
    if (!s[f.period] || (f.published || '') > (s[f.period].published || '')) s[f.period] = f;
  });
  const periods = [...new Set(points.map((f) => f.period))].sort();
  const values = points.map((f) => f.value);
  const max = Math.max(...values, 0) * 1.1 || 1;
  const W = 760, H = 340, L = 80, R = 150, T = 20, B = 40;
  const x = (i) => L + (periods.length === 1 ? (W - L - R) / 2 : i * (W - L - R) / (periods.length - 1));
  const y = (v) => T + (H - T - B) * (1 - v / max);
  let svg = '<svg xmlns="http://www.w3.org/2000/svg" width="' + W + '" height="' + H + '" role="img" aria-label="chart">';
  for (let k = 0; k <= 4; k++) {
    const v = max * k / 4;
    svg += '<line x1="' + L + '" x2="' + (W - R) + '" y1="' + y(v) + '" y2="' + y(v) + '" stroke="#e3e8ee"/>'
      + '<text x="' + (L - 6) + '" y="' + (y(v) + 4) + '" text-anchor="end">' + esc(formatValue(v, '')) + '</text>';
  }
  periods.forEach((p, i) => { svg += '<text class="period" x="' + x(i) + '" y="' + (H - B + 18) + '" text-anchor="middle">' + esc(p) + '</text>'; });
  Object.keys(series).sort().forEach((subject, n) => {
    const color = COLORS[n % COLORS.length];
    const pts = periods.map((p, i) => series[subject][p] ? [x(i), y(series[subject][p].value), series[subject][p]] : null).filter(Boolean);
    svg += '<polyline class="series" data-subject="' + esc(subject) + '" fill="none" stroke="' + color + '" stroke-width="2" points="'
      + pts.map((p) => p[0] + ',' + p[1]).join(' ') + '"/>';
    pts.forEach((p) => {
      svg += '<circle class="point" cx="' + p[0] + '" cy="' + p[1] + '" r="4" fill="' + color + '"><title>' + esc(subject + ' ' + p[2].period + ': '
        + formatValue(p[2].value, unit)) + '</title></circle>';
    });
    svg += '<rect x="' + (W - R + 15) + '" y="' + (T + n * 22) + '" width="12" height="12" fill="' + color + '"/>'
      + '<text class="legend" x="' + (W - R + 32) + '" y="' + (T + n * 22 + 11) + '">' + esc(subject) + '</text>';
  });
  svg += '<text x="' + L + '" y="' + (T - 6) + '">' + esc(figures[0].metric + (unit ? ' (' + unit + ')' : '')) + '</text></svg>';
  $('chart').innerHTML = svg;
}

// ---- announcements and alerts ----

async function events(params) {
  $('events-q').value = params.q || '';
  $('events-csv').href = '/api/events?' + qs({ q: params.q, limit: 1000, format: 'csv' });
  try {
    const r = await api('events', { q: params.q, limit: 100 });
    status('events-status', r.total + ' 个事件 events');
    $('events-list').innerHTML = eventItems(r.hits);
  } catch (e) {
    status('events-status', e.message, true);
    $('events-list').innerHTML = '';
  }
}

async function alerts() {
  try {
    const r = await api('alerts', { limit: 100 });
    status('alerts-status', r.total + ' 条提醒 alerts');
    $('alerts-list').innerHTML = r.hits.map((a) => '<li class="alert"><time>' + chinaTime(a.created) + '</time> <b>' + esc(a.kind) + '</b> '
      + esc(a.headline) + ' ' + (a.org ? entityLink(a.org) : '') + (a.planned ? ' · 计划 ' + esc(a.planned) : '')
      + (a.figures.length ? '<div>' + a.figures.map(esc).join('; ') + '</div>' : '')
      + '<div>' + a.source_urls.map((u, i) => articleLink(u, a.source_titles[i] || u)).join(' · ') + '</div></li>').join('');
  } catch (e) {
    status('alerts-status', e.message, true);
  }
}

// ---- routing: #/search?q=…, #/entity/NAME, #/figures?…, #/events?…, #/alerts ----

function route() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  const params = Object.fromEntries(new URLSearchParams(query || ''));
  const [view, arg] = path.split('/');
  const name = ({ entity: 'entity', figures: 'figures', events: 'events', alerts: 'alerts' })[view] || 'search';
  document.querySelectorAll('.view').forEach((v) => { v.hidden = v.id !== 'view-' + name; });
  if (name === 'search') search(params);
  else if (name === 'entity') entity(decodeURIComponent(arg || ''));
  else if (name === 'figures') figures(params);
  else if (name === 'events') events(params);
  else alerts();
}

$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  location.hash = '#/search?' + qs({ q: $('q').value.trim(), from: $('from').value, to: $('to').value });
});
$('figures-form').addEventListener('submit', (e) => {
  e.preventDefault();
  location.hash = '#/figures?' + qs({ metric: $('metric').value.trim(), subjects: $('subjects').value.trim(), period: $('period').value.trim() });
});
$('events-form').addEventListener('submit', (e) => {
  e.preventDefault();
  location.hash = '#/events?' + qs({ q: $('events-q').value.trim() });
});
window.addEventListener('hashchange', route);
route();
