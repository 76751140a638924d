// The interview page: player with one caption track per language, the transcript beside it (follows playback,
// each line seeks), search within the interview, the page's metadata, the report's facts and export links.
import {
  el, clear, snippetNodes, clock, seconds, languageName, sourceName, isAiSource, badge, fetchJson,
  showWarning, DEFAULT_WARNING,
} from './common.js';

// Richest first: a person's text before the transcript-aligned one before the machine's.
const SOURCE_PREFERENCE = ['edited', 'aligned', 'asr', 'mt'];
// A gap this long between cues of an unknown speaker starts a new paragraph.
const PARAGRAPH_GAP_MS = 1500;
// After the reader scrolls the transcript, it stops following playback for this long.
const FOLLOW_PAUSE_MS = 4000;

const id = decodeURIComponent(location.pathname.replace(/\/+$/, '').split('/').pop() || '');
const params = new URLSearchParams(location.search);
const startSeconds = parseFloat(params.get('t'));

const loadStatus = document.getElementById('load-status');
const article = document.getElementById('interview');
const warning = document.getElementById('warning');
const playerBox = document.getElementById('player-box');
const playerNote = document.getElementById('player-note');
const langSelect = document.getElementById('transcript-lang');
const versionSwitch = document.getElementById('version-switch');
const versionOptions = document.getElementById('version-options');
const transcript = document.getElementById('transcript');
const transcriptNote = document.getElementById('transcript-note');
const findForm = document.getElementById('find-form');
const findInput = document.getElementById('find');
const findStatus = document.getElementById('find-status');
const findHits = document.getElementById('find-hits');

let info = null;
let video = null;
let tracksByLang = new Map();
let shown = { lang: null, source: null };
let cues = [];
let lines = [];
let active = -1;
let userScrolledAt = 0;
let cueSeq = 0;
let ignoreScrollUntil = 0;

function trackAi(track) {
  return track.ai === undefined ? isAiSource(track.source) : Boolean(track.ai);
}

function preferred(tracks) {
  const marked = tracks.find((t) => t.preferred === true);
  if (marked) return marked;
  return [...tracks].sort((a, b) => rank(a.source) - rank(b.source))[0];
}

function rank(source) {
  const i = SOURCE_PREFERENCE.indexOf(source);
  return i < 0 ? SOURCE_PREFERENCE.length : i;
}

function warningFor(lang) {
  const pick = (w) => (w && typeof w === 'object' ? w.text : w) || null;
  const all = info.warnings || info.warning || null;
  if (typeof all === 'string') return all;
  if (all) {
    const text = pick(all[lang]) || pick(all[info.spokenLanguage]) || pick(all.en) || pick(Object.values(all)[0]);
    if (text) return text;
  }
  const track = (info.tracks || []).find((t) => t.lang === lang && t.warning);
  return (track && pick(track.warning)) || DEFAULT_WARNING;
}

function captionsUrl(track) {
  return track.vtt || `/captions/${encodeURIComponent(id)}/${encodeURIComponent(track.lang)}.vtt?source=${encodeURIComponent(track.source)}`;
}

function cuesUrl(track) {
  return track.cuesUrl
    || `/api/interviews/${encodeURIComponent(id)}/cues?lang=${encodeURIComponent(track.lang)}&source=${encodeURIComponent(track.source)}`;
}

async function load() {
  if (!id) {
    fail('No interview id in the address.');
    return;
  }
  try {
    info = await fetchJson(`/api/interviews/${encodeURIComponent(id)}`);
  } catch (error) {
    fail(error.status === 404 ? `There is no interview “${id}” in this archive.` : `The interview could not be loaded: ${error.message}`);
    return;
  }
  for (const track of info.tracks || []) {
    if (!tracksByLang.has(track.lang)) tracksByLang.set(track.lang, []);
    tracksByLang.get(track.lang).push(track);
  }
  renderHeader();
  renderFacts();
  renderExports();

  const wantedLang = tracksByLang.has(params.get('lang')) ? params.get('lang')
    : tracksByLang.has(info.spokenLanguage) ? info.spokenLanguage : [...tracksByLang.keys()][0];
  const wantedSource = wantedLang && tracksByLang.get(wantedLang).some((t) => t.source === params.get('source'))
    ? params.get('source') : null;

  renderPlayer(wantedLang);
  renderLanguageSelect(wantedLang);
  article.hidden = false;
  loadStatus.hidden = true;
  loadStatus.textContent = '';
  if (wantedLang) {
    await showTranscript(wantedLang, wantedSource);
  } else {
    transcriptNote.textContent = 'This interview has no caption track.';
    versionSwitch.hidden = true;
  }
  if (Number.isFinite(startSeconds)) {
    setActive(indexAt(startSeconds * 1000), true);
  }
  if (params.get('q')) {
    findInput.value = params.get('q');
    find();
  }
}

function fail(message) {
  loadStatus.classList.add('status-error');
  loadStatus.textContent = message;
  document.title = 'Interview not found · capdex';
}

function renderHeader() {
  const page = info.page || {};
  const title = info.title || page.title || info.id;
  document.title = `${title} · capdex`;
  document.getElementById('title').textContent = title;
  const meta = document.getElementById('meta');
  const add = (term, value) => {
    if (value === null || value === undefined || value === '') return;
    meta.append(el('div', { class: 'meta-item' }, el('dt', {}, term), el('dd', {}, String(value))));
  };
  add('Speaker', page.speaker);
  add('Affiliation', page.affiliation);
  add('Date', page.date);
  add('Spoken language', info.spokenLanguage ? languageName(info.spokenLanguage) : null);
  add('Collection', info.collection);
  if (!page.date) add('Year', info.year);
  if (info.durationMs) add('Length', clock(info.durationMs));
  if (page.summary) {
    const summary = document.getElementById('summary');
    summary.textContent = page.summary;
    summary.hidden = false;
  }
  // The page shows AI-made text whenever any track is AI-made: the player's captions and the transcript switch
  // both reach it, so the warning stays up for the whole visit.
  const anyAi = (info.tracks || []).some(trackAi);
  showWarning(warning, anyAi ? warningFor(params.get('lang') || info.spokenLanguage) : null);
}

function renderPlayer(captionLang) {
  if (!info.video) {
    document.getElementById('watch').classList.add('no-video');
    playerBox.append(el('p', { class: 'no-video-note' }, 'There is no video for this interview: its captions are shown as a transcript only.'));
    document.getElementById('player').hidden = true;
    return;
  }
  video = el('video', {
    id: 'video', controls: true, preload: 'metadata', playsinline: true,
    'aria-label': `Video: ${info.title || info.id}`,
  });
  // One <track> per language: the richest text of that language, stamped with the warning by the server.
  for (const [lang, tracks] of tracksByLang) {
    const t = preferred(tracks);
    video.append(el('track', {
      kind: 'captions', src: captionsUrl(t), srclang: lang,
      label: `${languageName(lang)} (${sourceName(t.source)})`,
      default: lang === captionLang,
      'data-source': t.source,
    }));
  }
  video.src = info.videoUrl || `/video/${encodeURIComponent(id)}`;
  playerBox.append(video);
  playerNote.textContent = 'Captions are on; choose another language with the player’s captions button. '
    + 'Select any transcript line to play from there.';

  const showCaptions = () => {
    for (const textTrack of video.textTracks) {
      textTrack.mode = textTrack.language === captionLang ? 'showing' : 'disabled';
    }
  };
  showCaptions();
  video.addEventListener('loadedmetadata', () => {
    showCaptions();
    if (Number.isFinite(startSeconds)) {
      video.currentTime = Math.min(startSeconds, video.duration || startSeconds);
      // A moment link means "hear it": try to play; a browser that blocks autoplay leaves the player paused
      // at the moment, which is still right.
      video.play().catch(() => {
        playerNote.textContent = `Ready at ${clock(startSeconds * 1000)}: press Play to listen.`;
      });
    }
  }, { once: true });
  video.addEventListener('timeupdate', follow);
  video.addEventListener('seeked', follow);
  video.addEventListener('error', () => {
    playerNote.textContent = 'The video could not be played in this browser. The transcript still works.';
  });
}

function renderLanguageSelect(selected) {
  clear(langSelect);
  for (const lang of tracksByLang.keys()) {
    langSelect.append(el('option', { value: lang, selected: lang === selected }, languageName(lang)));
  }
  langSelect.disabled = tracksByLang.size < 2;
  langSelect.addEventListener('change', () => showTranscript(langSelect.value, null));
}

function renderVersions(lang, source) {
  clear(versionOptions);
  const tracks = [...tracksByLang.get(lang)].sort((a, b) => rank(a.source) - rank(b.source));
  versionSwitch.hidden = false;
  for (const t of tracks) {
    const inputId = `version-${t.source}`;
    const radio = el('input', { type: 'radio', name: 'version', id: inputId, value: t.source, checked: t.source === source });
    radio.addEventListener('change', () => {
      if (radio.checked) showTranscript(lang, t.source);
    });
    versionOptions.append(el('div', { class: 'version-option' }, radio,
      el('label', { for: inputId }, sourceName(t.source), trackAi(t) ? el('span', { class: 'badge badge-ai badge-inline' }, 'AI-made') : null)));
  }
}

async function showTranscript(lang, source) {
  const tracks = tracksByLang.get(lang);
  const track = (source && tracks.find((t) => t.source === source)) || preferred(tracks);
  shown = { lang, source: track.source };
  langSelect.value = lang;
  renderVersions(lang, track.source);
  updateUrl(null);
  const seq = ++cueSeq;
  transcript.setAttribute('aria-busy', 'true');
  let data;
  try {
    data = await fetchJson(cuesUrl(track));
  } catch (error) {
    if (seq !== cueSeq) return;
    clear(transcript);
    transcriptNote.textContent = `The transcript could not be loaded: ${error.message}`;
    transcript.removeAttribute('aria-busy');
    return;
  }
  if (seq !== cueSeq) return;
  cues = (data.cues || []).slice().sort((a, b) => a.startMs - b.startMs);
  const ai = data.ai === undefined ? trackAi(track) : Boolean(data.ai);
  transcriptNote.textContent = ai
    ? `${sourceName(track.source)} in ${languageName(lang)}: made by AI, may contain errors.`
    : `${sourceName(track.source)} text in ${languageName(lang)}.`
      + (tracks.some(trackAi) ? ' Switch “Text” to compare with the AI captions.' : '');
  transcript.classList.toggle('transcript-ai', ai);
  if (ai) showWarning(warning, warningFor(lang));
  renderTranscript();
  transcript.removeAttribute('aria-busy');
  active = -1;
  const now = video ? video.currentTime * 1000 : (Number.isFinite(startSeconds) ? startSeconds * 1000 : NaN);
  if (Number.isFinite(now) && (video ? now > 0 : true)) setActive(indexAt(now), true);
  if (findInput.value.trim()) find();
}

function renderTranscript() {
  clear(transcript);
  lines = [];
  let para = null;
  let paraText = null;
  let lastSpeaker;
  let lastEnd = -Infinity;
  cues.forEach((cue, i) => {
    const speaker = cue.speaker || null;
    const newPara = para === null
      || (speaker !== null && speaker !== lastSpeaker)
      || (speaker === null && (lastSpeaker !== null || cue.startMs - lastEnd >= PARAGRAPH_GAP_MS));
    if (newPara) {
      paraText = el('p', { class: 'para-text' });
      para = el('div', { class: 'para' },
        el('p', { class: 'para-head' },
          speaker ? el('span', { class: 'speaker' }, speaker) : null,
          el('span', { class: 'para-time' }, el('span', { class: 'visually-hidden' }, 'at '), clock(cue.startMs))),
        paraText);
      transcript.append(para);
    } else {
      paraText.append(' ');
    }
    const line = el('a', {
      class: 'line', href: lineHref(cue.startMs), 'data-index': i,
      title: `Play from ${clock(cue.startMs)}`,
    }, String(cue.text || '').replace(/\s*\n\s*/g, ' '));
    paraText.append(line);
    lines.push(line);
    lastSpeaker = speaker;
    lastEnd = cue.endMs;
  });
  if (!cues.length) transcript.append(el('p', { class: 'hint' }, 'This track has no cues.'));
}

function lineHref(startMs) {
  const p = new URLSearchParams();
  p.set('t', seconds(startMs));
  p.set('lang', shown.lang);
  p.set('source', shown.source);
  return `?${p}`;
}

/** Seeks to a moment and plays; with no video, marks the line. */
function playFrom(ms) {
  updateUrl(ms);
  if (!video) {
    setActive(indexAt(ms), true);
    return;
  }
  video.currentTime = ms / 1000;
  setActive(indexAt(ms), true);
  video.play().catch(() => {
    playerNote.textContent = `Ready at ${clock(ms)}: press Play to listen.`;
  });
}

function updateUrl(ms) {
  const p = new URLSearchParams(location.search);
  if (ms !== null) p.set('t', seconds(ms));
  if (shown.lang) p.set('lang', shown.lang);
  if (shown.source) p.set('source', shown.source);
  history.replaceState(null, '', `${location.pathname}?${p}`);
}

/** The cue playing at ms: the last one that started at or before it (a pause keeps the previous line lit). */
function indexAt(ms) {
  let lo = 0;
  let hi = cues.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid].startMs <= ms + 1) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

function follow() {
  if (!video || !cues.length) return;
  setActive(indexAt(video.currentTime * 1000), false);
}

function setActive(index, force) {
  if (index === active && !force) return;
  if (active >= 0 && lines[active]) {
    lines[active].classList.remove('active');
    lines[active].removeAttribute('aria-current');
  }
  active = index;
  const line = lines[index];
  if (!line) return;
  line.classList.add('active');
  line.setAttribute('aria-current', 'true');
  if (force || Date.now() - userScrolledAt > FOLLOW_PAUSE_MS) scrollToLine(line);
}

// Scrolls only the transcript box (never the page) and never moves focus, so a keyboard or screen-reader
// user elsewhere on the page is not pulled along.
function scrollToLine(line) {
  const box = transcript.getBoundingClientRect();
  const rect = line.getBoundingClientRect();
  const margin = box.height / 3;
  if (rect.top < box.top + 8 || rect.bottom > box.bottom - 8) {
    ignoreScrollUntil = performance.now() + 200;
    transcript.scrollTop += rect.top - box.top - margin;
  }
}

transcript.addEventListener('scroll', () => {
  if (performance.now() > ignoreScrollUntil) userScrolledAt = Date.now();
});

transcript.addEventListener('click', (event) => {
  const line = event.target.closest('a.line');
  if (!line || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  playFrom(cues[Number(line.dataset.index)].startMs);
});

async function find() {
  const q = findInput.value.trim();
  clear(findHits);
  findHits.hidden = true;
  transcript.querySelectorAll('.line.found').forEach((l) => l.classList.remove('found'));
  if (!q) {
    findStatus.textContent = '';
    return;
  }
  findStatus.classList.remove('status-error');
  findStatus.textContent = 'Searching…';
  const p = new URLSearchParams({ q, interview: id, lang: shown.lang, source: shown.source, limit: '1', moments: '1000' });
  if (params.get('soundsLike') === 'true') p.set('soundsLike', 'true');
  let data;
  try {
    data = await fetchJson(`/api/search?${p}`);
  } catch (error) {
    findStatus.classList.add('status-error');
    findStatus.textContent = `The search failed: ${error.message}`;
    return;
  }
  const result = (data.results || []).find((r) => r.interview === id);
  const moments = result ? (result.moments || []).filter((m) => m.lang === shown.lang && m.source === shown.source) : [];
  moments.sort((a, b) => a.startMs - b.startMs);
  const where = `in the ${languageName(shown.lang)} ${sourceName(shown.source).toLowerCase()}`;
  if (!moments.length) {
    findStatus.textContent = `No match for “${q}” ${where}.`;
    return;
  }
  findStatus.textContent = `${moments.length} match${moments.length === 1 ? '' : 'es'} for “${q}” ${where}.`;
  for (const m of moments) {
    const i = cues.findIndex((c) => c.startMs === m.startMs);
    if (i >= 0 && lines[i]) lines[i].classList.add('found');
    const link = el('a', { class: 'hit', href: lineHref(m.startMs) },
      el('span', { class: 'hit-time' }, el('span', { class: 'visually-hidden' }, 'Play from '), clock(m.startMs)),
      el('span', { class: 'hit-snippet' }, snippetNodes(m.snippet !== undefined ? m.snippet : escapeText(m.text))));
    link.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      event.preventDefault();
      playFrom(m.startMs);
    });
    findHits.append(el('li', {}, link));
  }
  findHits.hidden = false;
}

function escapeText(text) {
  return String(text || '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

findForm.addEventListener('submit', (event) => {
  event.preventDefault();
  find();
});

function renderFacts() {
  const body = document.querySelector('#facts-table tbody');
  clear(body);
  const tracks = [...(info.tracks || [])].sort((a, b) => String(a.lang).localeCompare(String(b.lang)) || rank(a.source) - rank(b.source));
  for (const t of tracks) {
    const sync = t.sync || null;
    let syncText = '—';
    if (sync) {
      syncText = sync.summary || (sync.applied ? 'applied' : 'not applied');
      if (sync.confidence !== undefined && sync.confidence !== null && !sync.summary) {
        syncText += `; confidence ${Number(sync.confidence).toFixed(2)}`;
      }
    }
    body.append(el('tr', {},
      el('th', { scope: 'row' }, `${languageName(t.lang)} (${t.lang})`),
      el('td', {}, badge(t.lang, t.source, trackAi(t))),
      el('td', { class: 'num' }, String(t.cues ?? '—')),
      el('td', { class: 'num' }, String(t.errors ?? '—')),
      el('td', { class: 'num' }, String(t.warnings ?? '—')),
      el('td', { class: 'num' }, String(t.repairChanges ?? '—')),
      el('td', { class: 'sync' }, syncText),
      el('td', { class: 'num' }, t.wer === null || t.wer === undefined ? '—' : `${(t.wer * 100).toFixed(1)} %`)));
  }
  const messages = document.getElementById('messages');
  clear(messages);
  for (const message of info.messages || []) {
    messages.append(el('li', {}, typeof message === 'string' ? message : (message.message || JSON.stringify(message))));
  }
  messages.hidden = !(info.messages || []).length;
}

function renderExports() {
  const list = document.getElementById('export-list');
  clear(list);
  const exports = info.exports || [];
  if (!exports.length) {
    list.append(el('li', { class: 'hint' }, `No downloads for this interview.`));
    return;
  }
  // One row per track (language and source), one link per format: the files are made and stamped on request.
  const groups = new Map();
  for (const x of exports) {
    const key = `${x.lang || ''}|${x.source || ''}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(x);
  }
  for (const group of groups.values()) {
    const { lang, source } = group[0];
    const label = lang ? `${languageName(lang)}${source ? ` · ${sourceName(source)}` : ''}` : 'All';
    list.append(el('li', { class: 'export-group' },
      el('span', { class: 'export-label' }, label),
      el('ul', { class: 'export-formats', 'aria-label': `Downloads: ${label}` },
        group.map((x) => el('li', {}, el('a', { href: x.url, download: x.name || '' },
          String(x.format).toUpperCase(), el('span', { class: 'visually-hidden' }, ` (${label})`)))))));
  }
}

load();
