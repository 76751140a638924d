// Shared by the search and interview pages. Every piece of caption, transcript and metadata text reaches the
// page through textContent or text nodes, never innerHTML: the strict Content-Security-Policy blocks inline
// script anyway, and this keeps a cue such as <img onerror=...> plain text even if the policy were missing.

/** Creates an element; attrs are set as attributes ("class", "href", "aria-*"), children are nodes or strings. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Removes every child of a node. */
export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'", '&apos;': "'" };

/** Decodes the five entities the server's escaper writes; anything else stays as written. */
export function decodeEntities(text) {
  return text.replace(/&(?:amp|lt|gt|quot|apos|#39|#x27);/g, (m) => ENTITIES[m]);
}

/**
 * Renders a server snippet (escaped text whose only markup is <mark>...</mark>) as text nodes and <mark>
 * elements. Splitting on the literal tags and decoding the entities ourselves means a cue that contains
 * "<script>" can never become markup.
 */
export function snippetNodes(snippet) {
  const nodes = [];
  let marked = false;
  for (const part of String(snippet).split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') { marked = true; continue; }
    if (part === '</mark>') { marked = false; continue; }
    if (part === '') continue;
    const text = document.createTextNode(decodeEntities(part));
    nodes.push(marked ? el('mark', {}, text) : text);
  }
  return nodes;
}

/** 83500 -> "1:23", 3723000 -> "1:02:03". */
export function clock(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Seconds with at most 3 decimals, the form of the ?t= deep link: 8931 -> "8.931". */
export function seconds(ms) {
  return String(Math.round(ms) / 1000);
}

const languageNames = typeof Intl !== 'undefined' && Intl.DisplayNames
  ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;

/** "en" -> "English", "pt-BR" -> "Brazilian Portuguese"; the tag itself when the browser has no name. */
export function languageName(tag) {
  if (!tag) return '';
  try {
    const name = languageNames ? languageNames.of(tag) : null;
    return name && name !== tag ? name : tag;
  } catch (e) {
    return tag;
  }
}

const SOURCES = {
  asr: 'AI captions',
  mt: 'AI translation',
  edited: 'Edited captions',
  aligned: 'Transcript-aligned',
};

/** A person's word for a track source (DESIGN.md §2: asr, mt, edited, aligned). */
export function sourceName(source) {
  return SOURCES[source] || source;
}

/** True for the sources whose words a machine made. */
export function isAiSource(source) {
  return source === 'asr' || source === 'mt';
}

/** A small language · source badge; AI-made text is marked in words, not only by colour. */
export function badge(lang, source, ai) {
  const madeByAi = ai === undefined ? isAiSource(source) : Boolean(ai);
  return el('span', { class: madeByAi ? 'badge badge-ai' : 'badge' },
    `${String(lang).toUpperCase()} · ${sourceName(source)}`,
    madeByAi ? el('span', { class: 'badge-flag' }, 'AI-made') : null);
}

/** Fetches JSON; a 4xx/5xx becomes an Error carrying the server's {"error"} message. */
export async function fetchJson(url) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch (e) {
    throw new Error('The capdex server cannot be reached. Is `capdex serve` still running?');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    const message = body && body.error ? body.error : `${response.status} ${response.statusText}`;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return body;
}

/** The URL of the interview page at a moment, keeping the language and source the moment came from. */
export function interviewUrl(id, startMs, lang, source) {
  const params = new URLSearchParams();
  if (startMs !== null && startMs !== undefined) params.set('t', seconds(startMs));
  if (lang) params.set('lang', lang);
  if (source) params.set('source', source);
  const query = params.toString();
  return `/interviews/${encodeURIComponent(id)}${query ? `?${query}` : ''}`;
}

/** Shows or hides the page's AI accuracy warning banner with the given text. */
export function showWarning(banner, text) {
  const body = banner.querySelector('.warning-text');
  if (text) {
    body.textContent = text;
    banner.hidden = false;
  } else {
    banner.hidden = true;
  }
}

/** The English warning, for when the server has not sent one (DESIGN.md §5 default organisation). */
export const DEFAULT_WARNING = 'Know ALL cannot guarantee the accuracy of the automatic subtitles and translations '
  + 'as AI is used for their creation. Please be advised to exercise caution when precise interpretation is required.';
