// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
// Draws the embedded report. Every string from the report reaches the page as a text node (append, textContent),
// never as markup.
'use strict';
(() => {
  const $ = id => document.getElementById(id);
  const R = JSON.parse($('report').textContent);
  const SNIPPETS = JSON.parse($('snippets').textContent) || [];
  const rec = R.recording, gc = R.gc;

  // ---- formatting: binary units, like the text report ----
  const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];
  const bytes = b => {
    if (b == null || b < 0) return 'n/a';
    let u = 0;
    while (b >= 1024 && u < UNITS.length - 1) { b /= 1024; u++; }
    return u ? b.toFixed(1) + ' ' + UNITS[u] : Math.round(b) + ' B';
  };
  const rate = b => bytes(b) + '/s';
  const pct = s => (s * 100).toFixed(1) + '%';
  const int = n => Math.round(n).toLocaleString('en-US');
  const ms = v => (v < 10 ? v.toFixed(2) : v.toFixed(1)) + ' ms';
  const secs = s => s < 60 ? s.toFixed(1) + ' s' : Math.floor(s / 60) + ' min ' + Math.round(s % 60) + ' s';
  const base = path => path.split(/[\\/]/).pop();
  const evidenceValue = (key, v) => {
    if (typeof v === 'number') {
      const shown = Number.isInteger(v) || Math.abs(v) >= 1000 ? int(v) : String(+v.toPrecision(4));
      if (/bytesPerSecond/i.test(key) && v >= 1024) return shown + '  (' + rate(v) + ')';
      if (/bytes$/i.test(key) && v >= 1024) return shown + '  (' + bytes(v) + ')';
      return shown;
    }
    if (Array.isArray(v)) return v.map(x => typeof x === 'object' ? JSON.stringify(x) : String(x)).join('\n');
    return v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v);
  };

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v == null) continue;
      if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v);
    }
    for (const kid of kids) if (kid != null) e.append(kid);
    return e;
  }
  const svg = (tag, attrs, ...kids) => {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const kid of kids) if (kid != null) e.append(kid);
    return e;
  };
  /** columns: [heading, value of a row, 'num' for right-aligned]. */
  function table(target, columns, rows) {
    if (!rows.length) { target.replaceWith(el('p', {class: 'empty'}, 'None in this report.')); return; }
    target.replaceChildren(
      el('thead', null, el('tr', null, ...columns.map(([h, , c]) => el('th', {class: c}, h)))),
      el('tbody', null, ...rows.map((r, i) => el('tr', null, ...columns.map(([, f, c]) => el('td', {class: c}, f(r, i)))))));
  }
  const keyValues = (target, pairs) => target.replaceChildren(...pairs.filter(p => p[1] != null)
    .map(([k, v]) => el('tr', null, el('th', null, k), el('td', null, v))));

  // ---- colours: frame kinds, and each finding kind (its card and its site in the flame graph) ----
  const KIND_COLOURS = {
    UNSIZED_COLLECTION: '#d62839', BOXING: '#b5179e', HOT_SHORT_LIVED: '#7209b7', ESCAPE_CANDIDATE: '#1d4ed8',
    LARGE_ARRAY: '#0e7490', POOLING_CANDIDATE: '#047857', THREAD_CHURN: '#4d7c0f', POINTER_HEAVY_CLASS: '#92400e',
    VM_SETTING: '#475569', GC_PRESSURE: '#334155'
  };
  const kindColour = k => KIND_COLOURS[k] || '#555';
  const JDK = /^(java|javax|jdk|sun|com\.sun|kotlin|kotlinx|scala|io\.heapwise\.agent|io\.heapwise\.shaded)\./;
  const appPackages = (rec.applicationPackages || []).map(p => p.replace(/\.?\*+$/, '').replace(/\.?$/, '.'));
  const isApp = c => appPackages.length ? appPackages.some(p => c.startsWith(p)) : !JDK.test(c);

  // ---- theme: the system's unless the reader chose; printed light ----
  const dark = matchMedia('(prefers-color-scheme: dark)');
  let chosenTheme = null;
  const applyTheme = () => { document.documentElement.dataset.theme = chosenTheme || (dark.matches ? 'dark' : 'light'); };
  dark.addEventListener('change', applyTheme);
  applyTheme();
  $('theme-toggle').addEventListener('click', () => {
    chosenTheme = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    applyTheme();
  });
  let themeBeforePrint = null;
  addEventListener('beforeprint', () => { themeBeforePrint = document.documentElement.dataset.theme; document.documentElement.dataset.theme = 'light'; });
  addEventListener('afterprint', () => { if (themeBeforePrint) document.documentElement.dataset.theme = themeBeforePrint; });

  // ---- 1. header ----
  const firstTime = Math.min(...R.allocationTimeline.map(p => p.startEpochMillis), ...(R.collections || []).map(c => c.startEpochMillis));
  document.title = 'Heapwise: ' + rec.files.map(base).join(', ');
  $('title').textContent = rec.files.map(base).join(', ');
  const fact = (label, value, big) => el('div', null, el('dt', null, label), el('dd', {class: big ? 'big' : null}, value));
  $('recording').append(
    fact('Allocated (sampled)', bytes(gc.allocatedBytes), true),
    fact('Allocation rate', rate(gc.allocationBytesPerSecond), true),
    fact('Duration', secs(rec.durationSeconds) + (isFinite(firstTime) ? ', from ' + new Date(firstTime).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '')),
    fact('GC', int(gc.collections) + ' collections, paused ' + ms(gc.pauseTotalMs) + ' (' + pct(gc.gcShareOfWallTime) + ' of wall time)'),
    fact('Files', rec.files.join(', ')),
    fact('JDK', rec.jdk || 'unknown'),
    fact('Allocation source', (rec.allocationSource || 'none') + ', ' + int(rec.allocationSamples) + ' samples'),
    fact('Agent', rec.agentVersion ? 'Heapwise ' + rec.agentVersion + (rec.instrumentation ? ', instrumented' : '') : 'none (plain JFR)'),
    fact('Application packages', appPackages.length ? rec.applicationPackages.join(', ') : 'all but the JDK'),
    fact('Events read', int(rec.eventsRead)));
  const notes = [...rec.problems.map(p => 'problem: ' + p), ...(rec.notes || []).map(n => 'note: ' + n)];
  $('recording-notes').append(...notes.map(n => el('li', null, n)));

  // ---- 2. findings, by the allocation they would remove ----
  const saving = f => f.estimatedSaving ? f.estimatedSaving.bytesPerSecond : 0;
  const ranked = R.findings.map((f, i) => ({f, i})).sort((a, b) => saving(b.f) - saving(a.f));
  const siteLabel = s => s && s.class ? s.class + '.' + s.method + (s.line != null && s.line >= 0 ? ':' + s.line : '') : null;
  const findingAt = new Map();
  for (const {f} of ranked) {
    if (f.site && f.site.class && f.site.line != null && !findingAt.has(siteLabel(f.site))) findingAt.set(siteLabel(f.site), f);
  }
  function snippet(s) {
    return el('div', {class: 'snippet'}, el('div', {class: 'path'}, s.path),
      el('pre', null, ...s.lines.map((line, i) => el('span', {class: s.firstLine + i === s.line ? 'hit' : null},
        el('b', null, String(s.firstLine + i)), line))));
  }
  const list = $('finding-list');
  if (!ranked.length) list.append(el('p', {class: 'empty'}, 'No findings: nothing crossed a threshold.'));
  for (const {f, i} of ranked) {
    const s = f.estimatedSaving, where = siteLabel(f.site), source = SNIPPETS[i];
    const card = el('article', {class: 'finding', id: 'finding-' + i},
      el('header', null,
        el('span', {class: 'sev ' + f.severity}, f.severity),
        el('span', {class: 'kind'}, f.kind),
        s && s.bytesPerSecond > 0 ? el('span', {class: 'saving'}, 'saves ' + rate(s.bytesPerSecond) + ' (' + pct(s.shareOfAllocation) + ' of allocation)') : null,
        el('code', {class: 'fid'}, f.id)),
      el('p', {class: 'summary'}, f.summary),
      where ? el('p', {class: 'site'}, 'at ', el('code', null, where),
        f.site.allocatedType ? ', allocating ' + f.site.allocatedType : null,
        f.type ? ', about ' + f.type : null,
        R.stacks ? el('button', {type: 'button', class: 'link control', onclick: () => showInFlame(where)}, 'show in flame graph') : null) : null,
      source ? snippet(source) : null,
      el('p', {class: 'rec'}, el('b', null, 'Do this: '), f.recommendation),
      el('table', {class: 'kv evidence'}, ...Object.entries(f.evidence || {}).map(([k, v]) =>
        el('tr', null, el('th', null, k), el('td', null, evidenceValue(k, v))))),
      el('p', {class: 'confidence'}, 'Confidence ', el('b', null, f.confidence), f.confidenceNote ? ': ' + f.confidenceNote : null));
    card.style.setProperty('--kind', kindColour(f.kind));
    list.append(card);
  }

  // ---- 3. flame graph: icicle, root on top; click zooms, search highlights, bytes or samples ----
  const flame = $('flame'), tip = $('flame-tip'), root = R.stacks;
  const ROW = 18, MIN_WIDTH = 0.001;
  let zoom = root, metric = 'bytes', term = '', drawn = [];
  const label = n => n.kind === 'ROOT' ? 'all' : n.kind === 'FRAME' ? n.className + '.' + n.method + (n.line >= 0 ? ':' + n.line : '')
    : n.kind === 'ALLOCATED_TYPE' ? n.className : '(other stacks)';
  const CATEGORY_NAMES = {root: 'all sampled allocation', app: 'application frame', lib: 'JDK or library frame', type: 'allocated type', other: 'stacks left out of the tree'};
  function prepare(n, parent) {
    n.parent = parent;
    n.label = label(n);
    n.finding = n.kind === 'FRAME' ? findingAt.get(n.label) : undefined;
    n.category = n.kind === 'ROOT' ? 'root' : n.kind === 'OTHER_STACKS' ? 'other' : n.kind === 'ALLOCATED_TYPE' ? 'type' : isApp(n.className) ? 'app' : 'lib';
    let h = 0;
    for (let k = 0; k < n.label.length; k++) h = (h * 31 + n.label.charCodeAt(k)) | 0;
    n.shade = Math.abs(h) % 4;
    (n.children = n.children || []).forEach(c => prepare(c, n));
  }
  function draw() {
    const total = zoom[metric] || 1, frag = document.createDocumentFragment(), chain = [];
    for (let n = zoom; n; n = n.parent) chain.unshift(n);
    const needle = term.toLowerCase();
    let depth = chain.length - 1;
    drawn = [];
    const put = (n, d, x, w, ancestor) => {
      const e = el('div', {class: 'fr ' + n.category + (n.finding ? ' fk' : '') + (ancestor ? ' anc' : '') + (needle && n.label.toLowerCase().includes(needle) ? ' hit' : ''),
        'data-i': drawn.length, 'data-label': n.label, 'data-bytes': n.bytes, 'data-samples': n.samples, 'data-value': n[metric]},
        n.kind === 'ROOT' ? 'all: ' + (metric === 'bytes' ? bytes(n.bytes) : int(n.samples) + ' samples') : n.label);
      e.style.left = x * 100 + '%';
      e.style.width = w * 100 + '%';
      e.style.top = d * ROW + 'px';
      e.style.setProperty('--v', n.shade);
      if (n.finding) e.style.setProperty('--fk', kindColour(n.finding.kind));
      drawn.push(n);
      frag.append(e);
    };
    chain.forEach((n, d) => put(n, d, 0, 1, n !== zoom));
    const walk = (n, d, x) => {
      for (const c of n.children) {
        const w = c[metric] / total;
        if (w >= MIN_WIDTH) {
          put(c, d + 1, x, w, false);
          depth = Math.max(depth, d + 1);
          walk(c, d + 1, x);
        }
        x += w;
      }
    };
    walk(zoom, chain.length - 1, 0);
    flame.style.height = (depth + 1) * ROW + 'px';
    flame.replaceChildren(frag);
    flame.dataset.zoom = zoom.label;
    flame.dataset.metric = metric;
    flame.classList.toggle('searching', !!needle);
    $('flame-reset').disabled = zoom === root;
    $('flame-caption').textContent = zoom === root ? '' : 'zoomed into ' + zoom.label;
  }
  function search(value) {
    term = value.trim();
    const needle = term.toLowerCase();
    let frames = 0, covered = 0;
    // Only the outermost match of a path counts, so a recursive frame's bytes are not added twice.
    const walk = (n, inside) => {
      const hit = !!needle && n.label.toLowerCase().includes(needle);
      if (hit) frames++;
      if (hit && !inside) covered += n[metric];
      n.children.forEach(c => walk(c, inside || hit));
    };
    walk(root, false);
    $('flame-match').textContent = !needle ? '' : frames ? frames + ' frames match: ' + (metric === 'bytes' ? bytes(covered) : int(covered) + ' samples') + ', ' + pct(covered / (root[metric] || 1)) + ' of all' : 'no frame matches';
    draw();
  }
  function showInFlame(frameLabel) {
    $('flame-search').value = frameLabel;
    search(frameLabel);
    $('flame-section').scrollIntoView();
  }
  if (!root) {
    $('flame-section').querySelector('.toolbar').hidden = true;
    flame.replaceWith(el('p', {class: 'empty'}, 'This report has no call tree: it was made without graphs.'));
  } else {
    prepare(root, null);
    flame.dataset.totalBytes = root.bytes;
    flame.dataset.totalSamples = root.samples;
    const legend = [['application', 'app'], ['JDK / library', 'lib'], ['allocated type', 'type']].map(([text, c]) =>
      el('span', null, el('i', {class: 'fr ' + c}), text));
    const kinds = [...new Set([...findingAt.values()].map(f => f.kind))];
    for (const k of kinds) {
      const sw = el('i');
      sw.style.background = kindColour(k);
      legend.push(el('span', null, sw, k + ' site'));
    }
    $('flame-legend').append(...legend);
    flame.addEventListener('click', e => {
      const f = e.target.closest('.fr');
      if (f) { zoom = drawn[+f.dataset.i]; draw(); }
    });
    flame.addEventListener('mousemove', e => {
      const f = e.target.closest('.fr');
      if (!f) { tip.hidden = true; return; }
      const n = drawn[+f.dataset.i], line = t => el('div', null, t);
      tip.replaceChildren(el('b', null, n.label),
        line(bytes(n.bytes) + ' (' + pct(n.bytes / (root.bytes || 1)) + ' of all' + (zoom !== root ? ', ' + pct(n.bytes / (zoom.bytes || 1)) + ' of zoom' : '') + ')'),
        line(int(n.samples) + ' samples (' + pct(n.samples / (root.samples || 1)) + ')'),
        n.children.length ? line('self ' + bytes(n.bytes - n.children.reduce((s, c) => s + c.bytes, 0))) : null,
        line(CATEGORY_NAMES[n.category]),
        n.finding ? line(n.finding.kind + ' finding here') : null);
      tip.hidden = false;
      const x = Math.min(e.clientX + 14, innerWidth - tip.offsetWidth - 8), y = e.clientY + 18 + tip.offsetHeight > innerHeight ? e.clientY - tip.offsetHeight - 10 : e.clientY + 18;
      tip.style.left = Math.max(4, x) + 'px';
      tip.style.top = y + 'px';
    });
    flame.addEventListener('mouseleave', () => { tip.hidden = true; });
    $('flame-reset').addEventListener('click', () => { zoom = root; draw(); });
    addEventListener('keydown', e => { if (e.key === 'Escape' && document.activeElement.tagName !== 'INPUT') { zoom = root; draw(); } });
    for (const b of document.querySelectorAll('[data-metric]')) {
      b.addEventListener('click', () => {
        metric = b.dataset.metric;
        document.querySelectorAll('[data-metric]').forEach(o => o.setAttribute('aria-pressed', String(o === b)));
        search($('flame-search').value);
      });
    }
    $('flame-search').addEventListener('input', e => search(e.target.value));
    draw();
  }

  // ---- 4. timeline: allocation rate and heap after GC on top, GC pauses below, on one time axis ----
  function niceStep(max, count) {
    const raw = max / count, power = Math.pow(10, Math.floor(Math.log10(raw)));
    return [1, 2, 2.5, 5, 10].map(m => m * power).find(s => s >= raw) || power * 10;
  }
  const scaleOf = max => { const s = niceStep(max || 1, 4); return {step: s, max: Math.ceil((max || 1) / s) * s}; };
  const unitOf = max => { let u = 0; while (max >= 1024 && u < UNITS.length - 1) { max /= 1024; u++; } return {div: Math.pow(1024, u), name: UNITS[u]}; };
  function timeline() {
    const box = $('timeline'), points = R.allocationTimeline, gcs = R.collections || [];
    if (!points.length && !gcs.length) { box.replaceChildren(el('p', {class: 'empty'}, 'No timeline in this report.')); return; }
    const heaps = gcs.filter(c => c.heapUsedAfterBytes >= 0);
    const t0 = firstTime, t1 = Math.max(...points.map(p => p.startEpochMillis + p.intervalMillis), ...gcs.map(c => c.startEpochMillis + c.pauseMs));
    const W = Math.max(640, box.clientWidth || 1000), L = 70, RM = 70, T = 10, H1 = 170, GAP = 34, H2 = gcs.length ? 70 : 0, B = 30;
    const H = T + H1 + (H2 ? GAP + H2 : 0) + B;
    const x = t => L + (t - t0) / (t1 - t0 || 1) * (W - L - RM);
    const rateUnit = unitOf(Math.max(0, ...points.map(p => p.bytesPerSecond)));
    const rs = scaleOf(Math.max(0, ...points.map(p => p.bytesPerSecond)) / rateUnit.div);
    const y1 = v => T + H1 - v / rateUnit.div / rs.max * H1;
    const kids = [];
    const axisLine = (x1, y1_, x2, y2, c) => svg('line', {x1, y1: y1_, x2, y2, class: c});
    const text = (tx, ty, s, anchor) => svg('text', {x: tx, y: ty, 'text-anchor': anchor || 'end', 'dominant-baseline': 'middle'}, s);
    for (let v = 0; v <= rs.max + 1e-9; v += rs.step) {
      kids.push(axisLine(L, y1(v * rateUnit.div), W - RM, y1(v * rateUnit.div), v ? 'grid' : 'axis'), text(L - 6, y1(v * rateUnit.div), +v.toFixed(2) + ''));
    }
    kids.push(svg('text', {x: 12, y: T + H1 / 2, transform: `rotate(-90 12 ${T + H1 / 2})`, 'text-anchor': 'middle'}, 'allocation ' + rateUnit.name + '/s'));
    if (points.length) {
      let d = `M${x(points[0].startEpochMillis)},${y1(0)}`;
      for (const p of points) d += `L${x(p.startEpochMillis)},${y1(p.bytesPerSecond)}H${x(p.startEpochMillis + p.intervalMillis)}`;
      d += `V${y1(0)}Z`;
      kids.push(svg('path', {d, class: 'rate'}));
      for (const p of points) {
        kids.push(svg('rect', {x: x(p.startEpochMillis), y: T, width: Math.max(1, x(p.startEpochMillis + p.intervalMillis) - x(p.startEpochMillis)), height: H1, class: 'hover'},
          svg('title', null, ((p.startEpochMillis - t0) / 1000).toFixed(1) + ' s: ' + rate(p.bytesPerSecond))));
      }
    }
    if (heaps.length) {
      const heapUnit = unitOf(Math.max(...heaps.map(c => c.heapUsedAfterBytes)));
      const hs = scaleOf(Math.max(...heaps.map(c => c.heapUsedAfterBytes)) / heapUnit.div);
      const yh = v => T + H1 - v / heapUnit.div / hs.max * H1;
      for (let v = 0; v <= hs.max + 1e-9; v += hs.step) kids.push(text(W - RM + 6, yh(v * heapUnit.div), +v.toFixed(2) + '', 'start'));
      kids.push(svg('text', {x: W - 12, y: T + H1 / 2, transform: `rotate(90 ${W - 12} ${T + H1 / 2})`, 'text-anchor': 'middle'}, 'heap after GC ' + heapUnit.name));
      kids.push(svg('polyline', {points: heaps.map(c => x(c.startEpochMillis) + ',' + yh(c.heapUsedAfterBytes)).join(' '), class: 'heap'}));
      for (const c of heaps) {
        kids.push(svg('circle', {cx: x(c.startEpochMillis), cy: yh(c.heapUsedAfterBytes), r: 2.5, class: 'heap-dot'},
          svg('title', null, 'heap after ' + c.name + ': ' + bytes(c.heapUsedAfterBytes))));
      }
    }
    const bottom = H2 ? T + H1 + GAP + H2 : T + H1;
    if (H2) {
      const top2 = T + H1 + GAP, ps = scaleOf(Math.max(...gcs.map(c => c.pauseMs)));
      const y2 = v => top2 + H2 - v / ps.max * H2;
      for (let v = 0; v <= ps.max + 1e-9; v += ps.step) kids.push(axisLine(L, y2(v), W - RM, y2(v), v ? 'grid' : 'axis'), text(L - 6, y2(v), +v.toFixed(2) + ''));
      kids.push(svg('text', {x: 12, y: top2 + H2 / 2, transform: `rotate(-90 12 ${top2 + H2 / 2})`, 'text-anchor': 'middle'}, 'pause ms'));
      for (const c of gcs) {
        kids.push(svg('rect', {x: x(c.startEpochMillis) - 1, y: y2(c.pauseMs), width: Math.max(2, x(c.startEpochMillis + c.pauseMs) - x(c.startEpochMillis)), height: Math.max(1, y2(0) - y2(c.pauseMs)), class: 'pause'},
          svg('title', null, ((c.startEpochMillis - t0) / 1000).toFixed(2) + ' s ' + c.name + ' (' + c.cause + '): paused ' + ms(c.pauseMs) + ', longest ' + ms(c.longestPauseMs) + (c.heapUsedAfterBytes >= 0 ? ', heap after ' + bytes(c.heapUsedAfterBytes) : ''))));
      }
    }
    const ts = scaleOf((t1 - t0) / 1000);
    for (let v = 0; v <= (t1 - t0) / 1000 + 1e-9; v += ts.step) {
      const tx = x(t0 + v * 1000);
      kids.push(axisLine(tx, bottom, tx, bottom + 4, 'axis'), text(tx, bottom + 14, +v.toFixed(2) + ' s', 'middle'));
    }
    kids.push(axisLine(L, bottom, W - RM, bottom, 'axis'));
    box.replaceChildren(svg('svg', {viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', 'aria-label': 'allocation rate, heap after GC and GC pauses over time'}, ...kids));
  }
  const swatch = (cls, text) => el('span', null, el('i', {class: cls}), text);
  $('timeline-legend').append(swatch('sw-rate', 'allocation rate'), (R.collections || []).length ? swatch('sw-heap', 'heap used after GC') : null,
    (R.collections || []).length ? swatch('sw-pause', 'GC pause (bar width = pause length, at least 2 px)') : el('span', null, 'no collections in this report'));
  timeline();
  let resizeFrame = 0;
  addEventListener('resize', () => { cancelAnimationFrame(resizeFrame); resizeFrame = requestAnimationFrame(timeline); });

  // ---- 5. GC summary, tables, undecided ----
  keyValues($('gc'), [
    ['collectors', gc.collectors.join(', ') || 'none recorded'],
    ['collections', int(gc.collections) + ' (' + gc.collectionsPerMinute.toFixed(1) + ' per minute)'],
    ['pauses', 'total ' + ms(gc.pauseTotalMs) + ', max ' + ms(gc.pauseMaxMs) + ', p99 ' + ms(gc.pauseP99Ms)],
    ['GC share of wall time', pct(gc.gcShareOfWallTime)],
    ['heap used', gc.heapUsedBeforeGcAvgBytes >= 0 ? bytes(gc.heapUsedBeforeGcAvgBytes) + ' before GC -> ' + bytes(gc.heapUsedAfterGcAvgBytes) + ' after (averages); max after GC ' + bytes(gc.heapUsedAfterGcMaxBytes) + ', committed ' + bytes(gc.heapCommittedMaxBytes) : 'not recorded'],
    ['allocated (sampled)', bytes(gc.allocatedBytes) + ' at ' + rate(gc.allocationBytesPerSecond)]]);
  const siteOf = s => s.method == null ? s.class : s.class + '.' + s.method + '(' + (s.file || 'Unknown Source') + (s.line >= 0 ? ':' + s.line : '') + ')';
  table($('sites'), [
    ['#', (s, i) => String(i + 1), 'num'], ['bytes', s => bytes(s.bytes), 'num'], ['share', s => pct(s.share), 'num'],
    ['rate', s => rate(s.bytesPerSecond), 'num'], ['samples', s => int(s.samples), 'num'],
    ['allocated type', s => s.allocatedType, 'wrap'], ['site', s => siteOf(s), 'wrap mono'], ['mechanism', s => s.mechanism || '', null]], R.sites);
  table($('types'), [['type', t => t.type, 'wrap'], ['bytes', t => bytes(t.bytes), 'num'], ['share', t => pct(t.share), 'num']], R.types);
  table($('threads'), [['thread', t => t.thread, 'wrap'], ['bytes', t => bytes(t.bytes), 'num'], ['share', t => pct(t.share), 'num']], R.threads);
  if (R.undecided.length) $('undecided').append(...R.undecided.map(u => el('li', null, u)));
  else $('undecided-section').hidden = true;
})();
