// The search page: the URL is the state (query, filters, sounds-like, page), so every result list can be
// shared, bookmarked and walked with Back/Forward; the form, facets and pager only push new URLs.
import {
  el, clear, snippetNodes, clock, languageName, sourceName, isAiSource, badge, fetchJson,
  interviewUrl, showWarning, DEFAULT_WARNING,
} from './common.js';

const PAGE_SIZE = 10;
const FILTERS = ['lang', 'source', 'speaker', 'collection', 'year', 'interview'];
const FILTER_NAMES = {
  lang: 'Language', source: 'Made by', speaker: 'Speaker', collection: 'Collection', year: 'Year', interview: 'Interview',
};
const FACET_ORDER = ['lang', 'source', 'speaker', 'collection', 'year'];

const form = document.getElementById('search-form');
const input = document.getElementById('q');
const soundsLike = document.getElementById('sounds-like');
const status = document.getElementById('status');
const results = document.getElementById('results');
const resultsHeading = document.getElementById('results-heading');
const facets = document.getElementById('facets');
const activeFilters = document.getElementById('active-filters');
const activeFilterList = document.getElementById('active-filter-list');
const filtersHeading = document.getElementById('filters-heading');
const pager = document.getElementById('pager');
const warning = document.getElementById('warning');

let requestSeq = 0;
let current = { q: '', soundsLike: false, page: 1 };

/** Reads the state from the address bar. */
function readState() {
  const params = new URLSearchParams(location.search);
  const state = { q: params.get('q') || '', soundsLike: params.get('soundsLike') === 'true', page: 1 };
  const page = parseInt(params.get('page') || '1', 10);
  if (Number.isFinite(page) && page > 1) state.page = page;
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) state[name] = value;
  }
  return state;
}

/** The page URL of a state; empty parts are left out so shared links stay short. */
function stateUrl(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of FILTERS) if (state[name]) params.set(name, state[name]);
  if (state.soundsLike) params.set('soundsLike', 'true');
  if (state.page > 1) params.set('page', String(state.page));
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

function apiUrl(state) {
  const params = new URLSearchParams();
  params.set('q', state.q);
  for (const name of FILTERS) if (state[name]) params.set(name, state[name]);
  if (state.soundsLike) params.set('soundsLike', 'true');
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String((state.page - 1) * PAGE_SIZE));
  return `/api/search?${params}`;
}

function fillForm(state) {
  input.value = state.q;
  soundsLike.checked = state.soundsLike;
}

/** Moves to a new state: a new history entry, then the search. */
function go(state, focusTarget) {
  history.pushState(null, '', stateUrl(state));
  run(state, focusTarget);
}

async function run(state, focusTarget) {
  current = state;
  fillForm(state);
  document.title = state.q ? `“${state.q}” · Search the interviews · capdex` : 'Search the interviews · capdex';
  renderActiveFilters(state);
  if (!state.q.trim()) {
    clear(results);
    clear(facets);
    pager.hidden = true;
    showWarning(warning, null);
    status.classList.remove('status-error');
    status.textContent = 'Type a word or phrase to find the moments where it was said.';
    showRecent();
    return;
  }
  const seq = ++requestSeq;
  results.setAttribute('aria-busy', 'true');
  status.classList.remove('status-error');
  status.textContent = 'Searching…';
  try {
    const data = await fetchJson(apiUrl(state));
    if (seq !== requestSeq) return; // a newer search has started; its answer wins
    render(state, data);
  } catch (error) {
    if (seq !== requestSeq) return;
    clear(results);
    clear(facets);
    pager.hidden = true;
    showWarning(warning, null);
    status.classList.add('status-error');
    status.textContent = `The search failed: ${error.message}`;
  } finally {
    if (seq === requestSeq) results.removeAttribute('aria-busy');
  }
  if (focusTarget && seq === requestSeq) focusTarget.focus();
}

/** With no query, the newest interviews, so the page is never empty. */
async function showRecent() {
  const seq = ++requestSeq;
  let data;
  try {
    data = await fetchJson('/api/search?q=&limit=10');
  } catch (error) {
    return;
  }
  if (seq !== requestSeq || !(data.recent || []).length) return;
  results.append(el('li', { class: 'result recent-heading' }, el('h3', {}, 'Recently added interviews')));
  for (const r of data.recent) {
    const meta = [r.speaker, r.collection, r.year, r.durationMs ? `${clock(r.durationMs)} long` : null]
      .filter((x) => x !== null && x !== undefined && x !== '');
    results.append(el('li', { class: 'result recent' },
      el('a', { href: r.url || interviewUrl(r.interview) }, r.title || r.interview),
      meta.length ? el('span', { class: 'result-meta' }, ` · ${meta.join(' · ')}`) : null));
  }
}

function render(state, data) {
  const list = data.results || [];
  const total = data.total || 0;
  const offset = data.offset || 0;
  let moments = 0;
  let aiShown = false;
  clear(results);
  list.forEach((result, i) => {
    moments += (result.moments || []).length;
    if ((result.moments || []).some((m) => momentIsAi(m))) aiShown = true;
    results.append(renderResult(result, offset + i));
  });
  showWarning(warning, aiShown ? (data.warning || DEFAULT_WARNING) : null);

  const quoted = `“${data.query || state.q}”`;
  const sounds = data.soundsLike ? ' (including words that sound alike)' : '';
  if (total === 0) {
    status.textContent = `No interview matches ${quoted}${sounds}.${filterCount(state) ? ' Try removing a filter.' : ''}`
      + (data.soundsLike ? '' : ' Try “Sounds like” for misheard words.');
  } else {
    const first = offset + 1;
    const last = offset + list.length;
    const range = total > list.length ? ` Showing ${first}–${last}.` : '';
    status.textContent = `${total} interview${total === 1 ? '' : 's'} match${total === 1 ? 'es' : ''} ${quoted}${sounds}`
      + `, ${moments} moment${moments === 1 ? '' : 's'} on this page.${range}`;
  }
  renderFacets(state, data.facets || {});
  renderPager(state, total);
}

function momentIsAi(moment) {
  return moment.ai === undefined ? isAiSource(moment.source) : Boolean(moment.ai);
}

function filterCount(state) {
  return FILTERS.filter((name) => state[name]).length;
}

// Moment links carry the query, so the interview page lists and marks the same hits in its transcript.
function withQuery(url) {
  if (!current.q) return url;
  const u = new URL(url, location.origin);
  u.searchParams.set('q', current.q);
  if (current.soundsLike) u.searchParams.set('soundsLike', 'true');
  return u.pathname + u.search;
}

function momentUrl(result, moment) {
  return withQuery(moment.url || interviewUrl(result.interview, moment.startMs, moment.lang, moment.source));
}

function renderResult(result, index) {
  const titleId = `result-${index}-title`;
  const ms = result.moments || [];
  const first = ms.length ? ms.reduce((a, b) => (b.startMs < a.startMs ? b : a)) : null;

  const thumb = el('div', { class: 'result-thumb' });
  if (result.thumbnail) {
    const img = el('img', {
      src: result.thumbnail, width: 160, height: 90, loading: 'lazy',
      alt: first ? `Video frame at ${clock(first.startMs)}` : 'Video frame',
    });
    thumb.append(first
      ? el('a', { href: momentUrl(result, first), class: 'thumb-link', tabindex: '-1', 'aria-hidden': 'true' }, img)
      : img);
  } else {
    thumb.append(el('div', { class: 'thumb-none', 'aria-hidden': 'true' }, 'captions only'));
  }

  const meta = [];
  if (result.speaker) meta.push(el('span', {}, result.speaker));
  if (result.collection) meta.push(el('span', {}, result.collection));
  if (result.year) meta.push(el('span', {}, String(result.year)));
  if (result.durationMs) meta.push(el('span', {}, `${clock(result.durationMs)} long`));
  const hits = result.hits || ms.length;
  meta.push(el('span', { class: 'hit-count' }, `${hits} hit${hits === 1 ? '' : 's'}`));

  const body = el('div', { class: 'result-body' },
    el('h3', { id: titleId, class: 'result-title' },
      el('a', { href: interviewUrl(result.interview) }, result.title || result.interview)),
    el('p', { class: 'result-meta' }, meta),
    renderTimeline(result),
    el('ul', { class: 'moment-list', 'aria-label': `Moments in ${result.title || result.interview}` },
      ms.map((m) => renderMoment(result, m))),
    moreLink(result, ms.length));

  return el('li', { class: 'result' }, el('article', { class: 'result-card', 'aria-labelledby': titleId }, thumb, body));
}

function moreLink(result, shownCount) {
  const all = result.momentCount || result.hits || shownCount;
  if (all <= shownCount) return null;
  return el('p', { class: 'more' }, el('a', { href: withQuery(interviewUrl(result.interview)) },
    `All ${all} moments in this interview`));
}

function renderTimeline(result) {
  const duration = result.durationMs || 0;
  const starts = (result.timeline && result.timeline.length ? result.timeline : (result.moments || []).map((m) => m.startMs))
    .filter((t) => Number.isFinite(t));
  if (!duration || !starts.length) return null;
  const track = el('div', { class: 'timeline-track', 'aria-hidden': 'true' });
  // The strip is for the eye and the mouse; the moment list below gives keyboards and screen readers the same
  // places as real links, so the ticks stay out of the tab order.
  for (const t of [...new Set(starts)].sort((a, b) => a - b)) {
    const tick = el('a', { class: 'tick', href: withQuery(interviewUrl(result.interview, t)), tabindex: '-1', title: clock(t) });
    tick.style.left = `${Math.min(100, Math.max(0, (t / duration) * 100))}%`;
    track.append(tick);
  }
  const shown = [...new Set(starts)].sort((a, b) => a - b).slice(0, 12).map(clock);
  return el('div', { class: 'timeline' },
    el('span', { class: 'timeline-start', 'aria-hidden': 'true' }, '0:00'),
    track,
    el('span', { class: 'timeline-end', 'aria-hidden': 'true' }, clock(duration)),
    el('span', { class: 'visually-hidden' },
      `Hits at ${shown.join(', ')}${starts.length > shown.length ? ' and more' : ''} of ${clock(duration)}.`));
}

function renderMoment(result, moment) {
  const ai = momentIsAi(moment);
  return el('li', { class: ai ? 'moment moment-ai' : 'moment' },
    el('a', { class: 'timecode', href: momentUrl(result, moment) },
      el('span', { class: 'visually-hidden' }, 'Play from '),
      el('span', { class: 'play-icon', 'aria-hidden': 'true' }, '▶'),
      clock(moment.startMs)),
    el('div', { class: 'moment-text' },
      el('p', { class: 'moment-meta' },
        badge(moment.lang, moment.source, ai),
        moment.speaker ? el('span', { class: 'moment-speaker' }, moment.speaker) : null),
      el('p', { class: 'snippet' }, snippetNodes(moment.snippet !== undefined ? moment.snippet : escapeForSnippet(moment.text)))));
}

// A moment without a snippet shows its plain text; escaping it first lets snippetNodes treat both alike.
function escapeForSnippet(text) {
  return String(text || '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function facetLabel(name, value) {
  if (name === 'lang') return `${languageName(value)} (${value})`;
  if (name === 'source') return `${sourceName(value)}${isAiSource(value) ? ' · AI' : ''}`;
  return value;
}

function renderFacets(state, data) {
  clear(facets);
  for (const name of FACET_ORDER) {
    const counts = data[name] || {};
    const entries = Object.entries(counts).filter(([, n]) => n > 0);
    if (state[name] && !entries.some(([v]) => v === state[name])) entries.unshift([state[name], 0]);
    if (!entries.length) continue;
    entries.sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])));
    const headingId = `facet-${name}`;
    const list = el('ul', { class: 'facet-list', 'aria-labelledby': headingId });
    for (const [value, count] of entries) {
      const pressed = state[name] === value;
      const button = el('button', {
        type: 'button', class: 'facet', 'aria-pressed': pressed ? 'true' : 'false',
        'data-facet': name, 'data-value': value,
      }, el('span', { class: 'facet-value' }, facetLabel(name, value)),
      el('span', { class: 'facet-count' }, el('span', { class: 'visually-hidden' }, ', '), String(count)));
      button.addEventListener('click', () => {
        const next = { ...state, page: 1 };
        if (pressed) delete next[name]; else next[name] = value;
        go(next, resultsHeading);
      });
      list.append(el('li', {}, button));
    }
    facets.append(el('section', { class: 'facet-group' }, el('h3', { id: headingId, class: 'filters-subheading' }, FILTER_NAMES[name]), list));
  }
}

function renderActiveFilters(state) {
  clear(activeFilterList);
  const applied = FILTERS.filter((name) => state[name]);
  activeFilters.hidden = applied.length === 0;
  for (const name of applied) {
    const button = el('button', { type: 'button', class: 'chip', 'data-remove': name },
      `${FILTER_NAMES[name]}: ${facetLabel(name, state[name])}`,
      el('span', { class: 'chip-x', 'aria-hidden': 'true' }, '×'),
      el('span', { class: 'visually-hidden' }, ' (remove filter)'));
    button.addEventListener('click', () => {
      const next = { ...state, page: 1 };
      delete next[name];
      go(next, filtersHeading);
    });
    activeFilterList.append(el('li', {}, button));
  }
  if (applied.length > 1) {
    const all = el('button', { type: 'button', class: 'chip chip-clear' }, 'Remove all filters');
    all.addEventListener('click', () => {
      const next = { q: state.q, soundsLike: state.soundsLike, page: 1 };
      go(next, filtersHeading);
    });
    activeFilterList.append(el('li', {}, all));
  }
}

function renderPager(state, total) {
  clear(pager);
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) {
    pager.hidden = true;
    return;
  }
  pager.hidden = false;
  const list = el('ul', { class: 'pager-list' });
  const link = (page, text, label, current) => {
    const a = el('a', { href: stateUrl({ ...state, page }), 'aria-label': label, 'aria-current': current ? 'page' : null }, text);
    a.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      go({ ...state, page }, resultsHeading);
    });
    return el('li', {}, a);
  };
  if (state.page > 1) list.append(link(state.page - 1, '‹ Previous', 'Previous page', false));
  const from = Math.max(1, state.page - 3);
  const to = Math.min(pages, from + 6);
  for (let p = from; p <= to; p++) list.append(link(p, String(p), `Page ${p}`, p === state.page));
  if (state.page < pages) list.append(link(state.page + 1, 'Next ›', 'Next page', false));
  pager.append(list);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const current = readState();
  const next = { ...current, q: input.value.trim(), soundsLike: soundsLike.checked, page: 1 };
  go(next, null);
});

soundsLike.addEventListener('change', () => {
  const current = readState();
  if (!input.value.trim()) return;
  go({ ...current, q: input.value.trim(), soundsLike: soundsLike.checked, page: 1 }, null);
});

window.addEventListener('popstate', () => run(readState(), null));

run(readState(), null);
