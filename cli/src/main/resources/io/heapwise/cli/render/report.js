// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Heapwise Authors
// Draws the embedded report. Every string from the report reaches the page as a text node (append, textContent),
// never as markup.
'use strict';
(() => {
  const $ = id => document.getElementById(id);
  const R = JSON.parse($('report').textContent);
  const SNIPPETS = JSON.parse($('snippets').textContent) || [];
  const rec = R.recording, gc = R.gc, collections = R.collections || [];

  // ---- numbers for people: binary units, like the text report ----
  const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];
  const bytes = b => {
    if (b == null || b < 0) return 'n/a';
    let u = 0;
    for (; b >= 1024 && u < UNITS.length - 1; u++) b /= 1024;
    return u ? b.toFixed(1) + ' ' + UNITS[u] : Math.round(b) + ' B';
  };
  const rate = b => bytes(b) + '/s';
  const pct = s => (s * 100).toFixed(1) + '%';
  const int = n => Math.round(n).toLocaleString('en-US');
  const ms = v => (v < 10 ? v.toFixed(2) : v.toFixed(1)) + ' ms';
  const secs = s => s < 60 ? s.toFixed(1) + ' s' : Math.floor(s / 60) + ' min ' + Math.round(s % 60) + ' s';
  const short = n => String(+n.toFixed(2));
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

  // ---- DOM: elements with text children only ----
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
  function svg(tag, attrs, ...kids) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const kid of kids) if (kid != null) e.append(kid);
    return e;
  }
  /** columns: [heading, the cell's text for (row, index), cell class]. */
  function table(target, columns, rows) {
    if (!rows.length) {
      target.replaceWith(el('p', {class: 'empty'}, 'None in this report.'));
      return;
    }
    target.replaceChildren(
      el('thead', null, el('tr', null, ...columns.map(([h, , c]) => el('th', {class: c}, h)))),
      el('tbody', null, ...rows.map((r, i) =>
        el('tr', null, ...columns.map(([, cell, c]) => el('td', {class: c}, cell(r, i)))))));
  }
  const keyValues = (target, pairs) =>
    target.replaceChildren(...pairs.map(([k, v]) => el('tr', null, el('th', null, k), el('td', null, v))));

  // ---- colours: frame kinds, and each finding kind (its card and its site in the flame graph) ----
  const KIND_COLOURS = {
    UNSIZED_COLLECTION: '#d62839', BOXING: '#b5179e', HOT_SHORT_LIVED: '#7209b7', ESCAPE_CANDIDATE: '#1d4ed8',
    LARGE_ARRAY: '#0e7490', POOLING_CANDIDATE: '#047857', THREAD_CHURN: '#4d7c0f', POINTER_HEAVY_CLASS: '#92400e',
    VM_SETTING: '#475569', GC_PRESSURE: '#334155'
  };
  const kindColour = k => KIND_COLOURS[k] || '#555';
  // The analyzer's JDK packages (SiteAttributor), plus the JVM languages' runtimes.
  const JDK = /^(java|javax|jdk|sun|com\.sun|kotlin|kotlinx|scala|io\.heapwise\.agent|io\.heapwise\.shaded)\./;
  const appPackages = (rec.applicationPackages || []).map(p => p.replace(/\.?\*+$/, '').replace(/\.?$/, '.'));
  const isApp = c => appPackages.length ? appPackages.some(p => c.startsWith(p)) : !JDK.test(c);

  // ---- theme: the system's unless the reader chose; always printed light ----
  const root = document.documentElement, dark = matchMedia('(prefers-color-scheme: dark)');
  let chosenTheme = null, themeBeforePrint = null;
  const applyTheme = () => { root.dataset.theme = chosenTheme || (dark.matches ? 'dark' : 'light'); };
  dark.addEventListener('change', applyTheme);
  applyTheme();
  $('theme-toggle').addEventListener('click', () => {
    chosenTheme = root.dataset.theme === 'dark' ? 'light' : 'dark';
    applyTheme();
  });
  addEventListener('beforeprint', () => { themeBeforePrint = root.dataset.theme; root.dataset.theme = 'light'; });
  addEventListener('afterprint', () => { root.dataset.theme = themeBeforePrint || root.dataset.theme; });

  // ---- 1. header ----
  const firstTime = Math.min(...R.allocationTimeline.map(p => p.startEpochMillis),
    ...collections.map(c => c.startEpochMillis));
  const names = rec.files.map(base).join(', ');
  document.title = 'Heapwise: ' + names;
  $('title').textContent = names;
  const fact = (label, value, big) =>
    el('div', null, el('dt', null, label), el('dd', {class: big ? 'big' : null}, value));
  const started = isFinite(firstTime)
    ? ', from ' + new Date(firstTime).toISOString().replace('T', ' ').slice(0, 19) + ' UTC' : '';
  $('recording').append(
    fact('Allocated (sampled)', bytes(gc.allocatedBytes), true),
    fact('Allocation rate', rate(gc.allocationBytesPerSecond), true),
    fact('Duration', secs(rec.durationSeconds) + started),
    fact('GC', int(gc.collections) + ' collections, paused ' + ms(gc.pauseTotalMs)
      + ' (' + pct(gc.gcShareOfWallTime) + ' of wall time)'),
    fact('Files', rec.files.join(', ')),
    fact('JDK', rec.jdk || 'unknown'),
    fact('Allocation source', (rec.allocationSource || 'none') + ', ' + int(rec.allocationSamples) + ' samples'),
    fact('Agent', rec.agentVersion
      ? 'Heapwise ' + rec.agentVersion + (rec.instrumentation ? ', instrumented' : '') : 'none (plain JFR)'),
    fact('Application packages', appPackages.length ? rec.applicationPackages.join(', ') : 'all but the JDK'),
    fact('Events read', int(rec.eventsRead)));
  $('recording-notes').append(...rec.problems.map(p => el('li', null, 'problem: ' + p)),
    ...(rec.notes || []).map(n => el('li', null, 'note: ' + n)));

  // ---- 2. findings, by the allocation they would remove (a stable sort: ties keep the report's order) ----
  const saving = f => f.estimatedSaving ? f.estimatedSaving.bytesPerSecond : 0;
  const ranked = R.findings.map((f, i) => ({f, i})).sort((a, b) => saving(b.f) - saving(a.f));
  const siteLabel = s => s && s.class ? s.class + '.' + s.method + (s.line != null && s.line >= 0 ? ':' + s.line : '')
    : null;
  const findingAt = new Map();
  for (const {f} of ranked) {
    const where = siteLabel(f.site);
    if (where && f.site.line != null && !findingAt.has(where)) findingAt.set(where, f);
  }
  const snippet = s => el('div', {class: 'snippet'}, el('div', {class: 'path'}, s.path),
    el('pre', null, ...s.lines.map((line, i) => el('span', {class: s.firstLine + i === s.line ? 'hit' : null},
      el('b', null, String(s.firstLine + i)), line))));
  /** Evidence values longer than this (stacks, layouts, explanations) get a row of their own. */
  const LONG_EVIDENCE = 60;
  const evidence = f => el('div', {class: 'evidence'}, ...Object.entries(f.evidence || {}).map(([k, v]) => {
    const shown = evidenceValue(k, v);
    return el('div', {class: shown.length > LONG_EVIDENCE ? 'wide' : null}, el('span', null, k), shown);
  }));
  const list = $('finding-list');
  if (!ranked.length) list.append(el('p', {class: 'empty'}, 'No findings: nothing crossed a threshold.'));
  for (const {f, i} of ranked) {
    const s = f.estimatedSaving, where = siteLabel(f.site);
    const card = el('article', {class: 'finding', id: 'finding-' + i},
      el('header', null,
        el('span', {class: 'sev ' + f.severity}, f.severity),
        el('span', {class: 'kind'}, f.kind),
        s && s.bytesPerSecond > 0 ? el('span', {class: 'saving'},
          'saves ' + rate(s.bytesPerSecond) + ' (' + pct(s.shareOfAllocation) + ' of allocation)') : null,
        el('code', {class: 'fid'}, f.id)),
      el('p', {class: 'summary'}, f.summary),
      where ? el('p', {class: 'site'}, 'at ', el('code', null, where),
        f.site.allocatedType ? ', allocating ' + f.site.allocatedType : null,
        f.type ? ', about ' + f.type : null,
        R.stacks ? el('button', {type: 'button', class: 'link control', onclick: () => showInFlame(where)},
          'show in flame graph') : null) : null,
      SNIPPETS[i] ? snippet(SNIPPETS[i]) : null,
      el('p', {class: 'rec'}, el('b', null, 'Do this: '), f.recommendation),
      evidence(f),
      el('p', {class: 'confidence'}, 'Confidence ', el('b', null, f.confidence),
        f.confidenceNote ? ': ' + f.confidenceNote : null));
    card.style.setProperty('--kind', kindColour(f.kind));
    list.append(card);
  }

  // ---- 3. flame graph: an icicle, root on top; click zooms, search highlights, bytes or samples ----
  const flame = $('flame'), tip = $('flame-tip'), tree = R.stacks;
  const ROW = 18, MIN_WIDTH = 0.001;
  const CATEGORIES = {root: 'all sampled allocation', app: 'application frame', lib: 'JDK or library frame',
    type: 'allocated type', other: 'stacks left out of the tree (node limit)'};
  let zoom = tree, metric = 'bytes', needle = '', drawn = [];
  const label = n => n.kind === 'ROOT' ? 'all'
    : n.kind === 'FRAME' ? n.className + '.' + n.method + (n.line >= 0 ? ':' + n.line : '')
      : n.kind === 'ALLOCATED_TYPE' ? n.className : '(other stacks)';
  const amount = v => metric === 'bytes' ? bytes(v) : int(v) + ' samples';
  const matches = n => !!needle && n.label.toLowerCase().includes(needle);
  function prepare(n, parent) {
    n.parent = parent;
    n.label = label(n);
    n.finding = n.kind === 'FRAME' ? findingAt.get(n.label) : undefined;
    n.category = {ROOT: 'root', OTHER_STACKS: 'other', ALLOCATED_TYPE: 'type'}[n.kind]
      || (isApp(n.className) ? 'app' : 'lib');
    let hash = 0;
    for (let k = 0; k < n.label.length; k++) hash = (hash * 31 + n.label.charCodeAt(k)) | 0;
    n.shade = Math.abs(hash) % 4;
    (n.children = n.children || []).forEach(c => prepare(c, n));
    // A finding's site is drawn however narrow: a collection's constructor allocates little, its growth much.
    n.marked = !!n.finding || n.children.some(c => c.marked);
  }
  function frame(n, depth, x, width, ancestor) {
    const classes = ['fr', n.category, n.finding && 'fk', ancestor && 'anc', matches(n) && 'hit'];
    const e = el('div', {class: classes.filter(Boolean).join(' '), 'data-i': drawn.length, 'data-label': n.label,
      'data-bytes': n.bytes, 'data-samples': n.samples, 'data-value': n[metric]},
    n.kind === 'ROOT' ? 'all: ' + amount(n[metric]) : n.label);
    e.style.left = x * 100 + '%';
    e.style.width = width * 100 + '%';
    e.style.top = depth * ROW + 'px';
    e.style.setProperty('--v', n.shade);
    if (n.finding) e.style.setProperty('--fk', kindColour(n.finding.kind));
    drawn.push(n);
    return e;
  }
  function draw() {
    const total = zoom[metric] || 1, frames = [], chain = [];
    for (let n = zoom; n; n = n.parent) chain.unshift(n);
    drawn = [];
    chain.forEach((n, d) => frames.push(frame(n, d, 0, 1, n !== zoom)));
    let deepest = chain.length - 1;
    const walk = (n, d, x) => {
      for (const c of n.children) {
        const w = c[metric] / total;
        if (w >= MIN_WIDTH || c.marked) {
          frames.push(frame(c, d + 1, x, w, false));
          deepest = Math.max(deepest, d + 1);
          walk(c, d + 1, x);
        }
        x += w;
      }
    };
    walk(zoom, chain.length - 1, 0);
    flame.style.height = (deepest + 1) * ROW + 'px';
    flame.replaceChildren(...frames);
    flame.dataset.zoom = zoom.label;
    flame.dataset.metric = metric;
    flame.classList.toggle('searching', !!needle);
    $('flame-reset').disabled = zoom === tree;
    $('flame-caption').textContent = zoom === tree ? '' : 'zoomed into ' + zoom.label;
  }
  function search(value) {
    needle = value.trim().toLowerCase();
    let count = 0, covered = 0;
    // Only the outermost match on a path counts, so a recursive frame's allocation is not added twice.
    const walk = (n, inside) => {
      const hit = matches(n);
      if (hit) count++;
      if (hit && !inside) covered += n[metric];
      n.children.forEach(c => walk(c, inside || hit));
    };
    walk(tree, false);
    $('flame-match').textContent = !needle ? '' : !count ? 'no frame matches'
      : count + ' frames match: ' + amount(covered) + ', ' + pct(covered / (tree[metric] || 1)) + ' of all';
    draw();
  }
  function showInFlame(frameLabel) {
    $('flame-search').value = frameLabel;
    search(frameLabel);
    $('flame-section').scrollIntoView();
  }
  function showTip(e) {
    const f = e.target.closest('.fr');
    tip.hidden = !f;
    if (!f) return;
    const n = drawn[+f.dataset.i], line = text => el('div', null, text);
    const ofZoom = zoom !== tree ? ', ' + pct(n.bytes / (zoom.bytes || 1)) + ' of the zoomed frame' : '';
    tip.replaceChildren(el('b', null, n.label),
      line(bytes(n.bytes) + ' (' + pct(n.bytes / (tree.bytes || 1)) + ' of all' + ofZoom + ')'),
      line(int(n.samples) + ' samples (' + pct(n.samples / (tree.samples || 1)) + ')'),
      n.children.length ? line('self ' + bytes(n.bytes - n.children.reduce((sum, c) => sum + c.bytes, 0))) : null,
      line(CATEGORIES[n.category]),
      n.finding ? line(n.finding.kind + ' finding here') : null);
    const below = e.clientY + 18 + tip.offsetHeight <= innerHeight;
    tip.style.left = Math.max(4, Math.min(e.clientX + 14, innerWidth - tip.offsetWidth - 8)) + 'px';
    tip.style.top = (below ? e.clientY + 18 : e.clientY - tip.offsetHeight - 10) + 'px';
  }
  if (!tree) {
    $('flame-section').querySelector('.toolbar').hidden = true;
    flame.replaceWith(el('p', {class: 'empty'}, 'This report has no call tree: it was made without graphs.'));
  } else {
    prepare(tree, null);
    flame.dataset.totalBytes = tree.bytes;
    flame.dataset.totalSamples = tree.samples;
    const swatch = (text, category, colour) => {
      const i = el('i', {class: category ? 'fr ' + category : null});
      if (colour) i.style.background = colour;
      return el('span', null, i, text);
    };
    $('flame-legend').append(swatch('application', 'app'), swatch('JDK / library', 'lib'),
      swatch('allocated type', 'type'),
      ...[...new Set([...findingAt.values()].map(f => f.kind))].map(k => swatch(k + ' site', null, kindColour(k))));
    flame.addEventListener('click', e => {
      const f = e.target.closest('.fr');
      if (f) {
        zoom = drawn[+f.dataset.i];
        draw();
      }
    });
    flame.addEventListener('mousemove', showTip);
    flame.addEventListener('mouseleave', () => { tip.hidden = true; });
    const reset = () => { zoom = tree; draw(); };
    $('flame-reset').addEventListener('click', reset);
    addEventListener('keydown', e => { if (e.key === 'Escape' && e.target.tagName !== 'INPUT') reset(); });
    const toggles = [...document.querySelectorAll('[data-metric]')];
    for (const b of toggles) {
      b.addEventListener('click', () => {
        metric = b.dataset.metric;
        toggles.forEach(o => o.setAttribute('aria-pressed', String(o === b)));
        search($('flame-search').value);
      });
    }
    $('flame-search').addEventListener('input', e => search(e.target.value));
    draw();
  }

  // ---- 4. timeline: allocation rate and heap after GC on top, GC pauses below, one time axis ----
  /** Axis ticks for 0..max: about four of them, at 1, 2, 2.5 or 5 times a power of ten. */
  function ticks(max) {
    const raw = (max || 1) / 4, power = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].map(m => m * power).find(s => s >= raw);
    const top = Math.ceil((max || 1) / step - 1e-9) * step;
    return {top, values: Array.from({length: Math.round(top / step) + 1}, (_, k) => k * step)};
  }
  /** The binary unit that keeps an axis's largest value below 1024 of it. */
  function unitOf(max) {
    let u = 0;
    for (; max >= 1024 && u < UNITS.length - 1; u++) max /= 1024;
    return {div: Math.pow(1024, u), name: UNITS[u]};
  }
  function timeline() {
    const box = $('timeline'), points = R.allocationTimeline;
    if (!points.length && !collections.length) {
      box.replaceChildren(el('p', {class: 'empty'}, 'No timeline in this report.'));
      return;
    }
    const heaps = collections.filter(c => c.heapUsedAfterBytes >= 0);
    const t0 = firstTime, t1 = Math.max(...points.map(p => p.startEpochMillis + p.intervalMillis),
      ...collections.map(c => c.startEpochMillis + c.pauseMs));
    const W = Math.max(640, box.clientWidth || 1000), L = 70, RIGHT = 70, T = 10, H1 = 170, GAP = 34, B = 30;
    const H2 = collections.length ? 70 : 0, bottom = T + H1 + (H2 ? GAP + H2 : 0), H = bottom + B;
    const x = t => L + (t - t0) / (t1 - t0 || 1) * (W - L - RIGHT);
    const kids = [];
    const line = (x1, y1, x2, y2, c) => kids.push(svg('line', {x1, y1, x2, y2, class: c}));
    const text = (tx, ty, s, anchor, rotate) => kids.push(svg('text', {x: tx, y: ty, 'text-anchor': anchor,
      'dominant-baseline': 'middle', transform: rotate ? `rotate(${rotate} ${tx} ${ty})` : ''}, s));
    const at = t => ((t - t0) / 1000).toFixed(2) + ' s';
    const axis = (top, height, max, unitName, side) => {
      const scale = ticks(max), y = v => top + height - v / scale.top * height;
      for (const v of scale.values) {
        if (side === 'left') line(L, y(v), W - RIGHT, y(v), v ? 'grid' : 'axis');
        text(side === 'left' ? L - 6 : W - RIGHT + 6, y(v), short(v), side === 'left' ? 'end' : 'start');
      }
      text(side === 'left' ? 12 : W - 12, top + height / 2, unitName, 'middle', side === 'left' ? -90 : 90);
      return y;
    };
    if (points.length) {
      const unit = unitOf(Math.max(...points.map(p => p.bytesPerSecond)));
      const y = axis(T, H1, Math.max(...points.map(p => p.bytesPerSecond)) / unit.div, 'allocation ' + unit.name
        + '/s', 'left');
      const yOf = p => y(p.bytesPerSecond / unit.div);
      let d = `M${x(points[0].startEpochMillis)},${y(0)}`;
      for (const p of points) d += `L${x(p.startEpochMillis)},${yOf(p)}H${x(p.startEpochMillis + p.intervalMillis)}`;
      kids.push(svg('path', {d: d + `V${y(0)}Z`, class: 'rate'}));
      for (const p of points) {
        const x0 = x(p.startEpochMillis), width = Math.max(1, x(p.startEpochMillis + p.intervalMillis) - x0);
        kids.push(svg('rect', {x: x0, y: T, width, height: H1, class: 'hover'},
          svg('title', null, at(p.startEpochMillis) + ': allocating ' + rate(p.bytesPerSecond))));
      }
    }
    if (heaps.length) {
      const unit = unitOf(Math.max(...heaps.map(c => c.heapUsedAfterBytes)));
      const y = axis(T, H1, Math.max(...heaps.map(c => c.heapUsedAfterBytes)) / unit.div,
        'heap after GC ' + unit.name, 'right');
      const yOf = c => y(c.heapUsedAfterBytes / unit.div);
      kids.push(svg('polyline', {points: heaps.map(c => x(c.startEpochMillis) + ',' + yOf(c)).join(' '),
        class: 'heap'}));
      for (const c of heaps) {
        kids.push(svg('circle', {cx: x(c.startEpochMillis), cy: yOf(c), r: 2.5, class: 'heap-dot'},
          svg('title', null, at(c.startEpochMillis) + ': heap after ' + c.name + ' ' + bytes(c.heapUsedAfterBytes))));
      }
    }
    if (H2) {
      const top = T + H1 + GAP, y = axis(top, H2, Math.max(...collections.map(c => c.pauseMs)), 'pause ms', 'left');
      for (const c of collections) {
        const x0 = x(c.startEpochMillis);
        const heap = c.heapUsedAfterBytes >= 0 ? ', heap after ' + bytes(c.heapUsedAfterBytes) : '';
        kids.push(svg('rect', {x: x0 - 1, y: y(c.pauseMs), width: Math.max(2, x(c.startEpochMillis + c.pauseMs) - x0),
          height: Math.max(1, y(0) - y(c.pauseMs)), class: 'pause'},
        svg('title', null, at(c.startEpochMillis) + ' ' + c.name + ' (' + c.cause + '): paused ' + ms(c.pauseMs)
          + ', longest ' + ms(c.longestPauseMs) + heap)));
      }
    }
    for (const v of ticks((t1 - t0) / 1000).values.filter(s => s <= (t1 - t0) / 1000 + 1e-9)) {
      const tx = x(t0 + v * 1000);
      line(tx, bottom, tx, bottom + 4, 'axis');
      text(tx, bottom + 14, short(v) + ' s', 'middle');
    }
    line(L, bottom, W - RIGHT, bottom, 'axis');
    box.replaceChildren(svg('svg', {viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img',
      'aria-label': 'allocation rate, heap used after GC and GC pauses over time'}, ...kids));
  }
  const legend = (cls, text) => el('span', null, el('i', {class: cls}), text);
  $('timeline-legend').append(legend('sw-rate', 'allocation rate'), ...collections.length
    ? [legend('sw-heap', 'heap used after GC'), legend('sw-pause', 'GC pause (bar width = its length, at least 2 px)')]
    : [el('span', null, 'no collections in this report')]);
  timeline();
  let resizing = 0;
  addEventListener('resize', () => {
    cancelAnimationFrame(resizing);
    resizing = requestAnimationFrame(timeline);
  });

  // ---- 5. GC summary, top sites, types and threads, and what could not be decided ----
  keyValues($('gc'), [
    ['collectors', gc.collectors.join(', ') || 'none recorded'],
    ['collections', int(gc.collections) + ' (' + gc.collectionsPerMinute.toFixed(1) + ' per minute)'],
    ['pauses', 'total ' + ms(gc.pauseTotalMs) + ', max ' + ms(gc.pauseMaxMs) + ', p99 ' + ms(gc.pauseP99Ms)],
    ['GC share of wall time', pct(gc.gcShareOfWallTime)],
    ['heap used', gc.heapUsedBeforeGcAvgBytes < 0 ? 'not recorded'
      : bytes(gc.heapUsedBeforeGcAvgBytes) + ' before GC -> ' + bytes(gc.heapUsedAfterGcAvgBytes)
        + ' after (averages); max after GC ' + bytes(gc.heapUsedAfterGcMaxBytes)
        + ', committed ' + bytes(gc.heapCommittedMaxBytes)],
    ['allocated (sampled)', bytes(gc.allocatedBytes) + ' at ' + rate(gc.allocationBytesPerSecond)]]);
  const location = s => s.method == null ? s.class
    : s.class + '.' + s.method + '(' + (s.file || 'Unknown Source') + (s.line >= 0 ? ':' + s.line : '') + ')';
  table($('sites'), [
    ['#', (s, i) => String(i + 1), 'num'], ['bytes', s => bytes(s.bytes), 'num'], ['share', s => pct(s.share), 'num'],
    ['rate', s => rate(s.bytesPerSecond), 'num'], ['samples', s => int(s.samples), 'num'],
    ['allocated type', s => s.allocatedType, 'wrap'], ['site', location, 'wrap mono'],
    ['mechanism', s => s.mechanism || '', null]], R.sites);
  const totals = name => [[name, t => t[name], 'wrap'], ['bytes', t => bytes(t.bytes), 'num'],
    ['share', t => pct(t.share), 'num']];
  table($('types'), totals('type'), R.types);
  table($('threads'), totals('thread'), R.threads);
  if (R.undecided.length) $('undecided').append(...R.undecided.map(u => el('li', null, u)));
  else $('undecided-section').hidden = true;
})();
