// Exports of what is on screen: SVG and PNG of the core's drawing, CSV written by the core, links
// that carry the user's data (deflated into the URL fragment, which is never sent to a server),
// and the iframe code for embedding.
import { state, pageHash, $ } from './state.js';
import { t } from './i18n.js';


// Data up to this size (deflated, base64url) travels in the link; larger files are asked for.
export const LINK_LIMIT = 64 * 1024;
// A link's data never inflates beyond this (a crafted link cannot fill the memory).
const INFLATE_LIMIT = 256 * 1024 * 1024;

export function say(text) { $('status').textContent = text; }

function download(name, type, content) {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url; a.download = name; a.hidden = true;
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5000);
}

function baseName(r) {
  const p = new URLSearchParams(r.spec || '');
  const parts = ['banenverkenner', r.view || 'grafiek'];
  // What tells two exports apart: the subgroup, the measure and its x (figure 1c beside figure 2),
  // the columns of a table view and its filter, the periods.
  for (const k of ['subgroup', 'measure', 'x', 'y', 'series', 'facet', 'filter', 'from', 'to', 'year']) {
    // (A regional x is named only when it is not the default share.)
    if (p.get(k) && !(k === 'x' && p.get(k) === 'share')) parts.push(p.get(k));
  }
  return parts.join('-').replace(/[^\w.-]+/g, '_').slice(0, 120);
}

export function exportSvg(r) {
  if (!r || !r.svg) return;
  const svg = r.svg.startsWith('<?xml') ? r.svg : '<?xml version="1.0" encoding="UTF-8"?>\n' + r.svg;
  download(baseName(r) + '.svg', 'image/svg+xml', svg);
}

// The CSV of a view (or of section `index` of the report on screen), written by the core.
export async function exportCsv(r, index) {
  if (!r) return;
  const report = state.rendered;
  const text = index === undefined
    ? await state.core.call('csv', { spec: r.spec })
    : await state.core.call('sectionCsv', { spec: report.spec, index });
  download(baseName(r) + '.csv', 'text/csv;charset=utf-8', text);
}

// The view's numbers as JSON, written by the core exactly as the CLI's `--json` prints them.
export async function exportJson(r) {
  if (!r) return;
  const text = await state.core.call('json', { spec: r.spec });
  download(baseName(r) + '.json', 'application/json;charset=utf-8', text);
}

// PNG at twice the drawing's size, for slides and documents.
export function exportPng(r, onError) {
  if (!r || !r.svg) return;
  const img = new Image();
  img.onload = () => {
    const c = document.createElement('canvas');
    c.width = r.width * 2; c.height = r.height * 2;
    const ctx = c.getContext('2d');
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, c.width, c.height);
    ctx.drawImage(img, 0, 0, c.width, c.height);
    c.toBlob((b) => download(baseName(r) + '.png', 'image/png', b), 'image/png');
  };
  img.onerror = () => onError(Object.assign(new Error('PNG kon niet worden gemaakt.'), { message_en: 'The PNG could not be made.' }));
  // An explicit size so it rasterises at 2x, not at its own pixel size.
  const doc = new DOMParser().parseFromString(r.svg, 'image/svg+xml');
  const svg = doc.documentElement;
  if (!svg.getAttribute('viewBox')) svg.setAttribute('viewBox', `0 0 ${r.width} ${r.height}`);
  svg.setAttribute('width', r.width * 2);
  svg.setAttribute('height', r.height * 2);
  img.src = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
}

export async function copyText(text, source, done) {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    say(done || t('copied'));
  } catch (e) {
    if (source) { source.focus(); source.select(); }
    try { say(document.execCommand('copy') ? (done || t('copied')) : t('copy-failed')); } catch (e2) { say(t('copy-failed')); }
  }
}

// ---------------------------------------------------------------- links with data

const toBase64Url = (bytes) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (s) => {
  const b = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
  return out;
};

async function streamBytes(stream, limit) {
  const reader = stream.getReader();
  const parts = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
    if (limit && n > limit) { reader.cancel(); throw new Error('> ' + limit); }
    parts.push(value);
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

// The user's bytes deflated (raw deflate) and base64url-encoded, or null when too large for a link.
async function deflated(blob) {
  // Text compresses at most some 1000 times; a file far above the limit is not tried.
  if (blob.size > LINK_LIMIT * 1000) return null;
  const bytes = await streamBytes(blob.stream().pipeThrough(new CompressionStream('deflate-raw')), LINK_LIMIT);
  const text = toBase64Url(bytes);
  return text.length <= LINK_LIMIT ? text : null;
}

// The bytes a link carries (`dz=`), inflated.
export async function inflated(text) {
  const blob = new Blob([fromBase64Url(text)]);
  return streamBytes(blob.stream().pipeThrough(new DecompressionStream('deflate-raw')), INFLATE_LIMIT);
}

// "Link kopiëren": the view on screen, and for a user's file its data (small enough) or its name.
export async function copyLink() {
  const base = location.href.split('#')[0];
  const r = state.rendered;
  const spec = r ? r.spec : '';
  const src = state.source;
  if (!src || (src.kind !== 'file' && src.kind !== 'bytes')) {
    await copyText(base + pageHash(spec));
    return;
  }
  let dz = state.dataKeys.dz || null;
  if (!dz) {
    try { dz = await deflated(src.kind === 'file' ? src.file : new Blob([src.bytes])); } catch (e) { dz = null; }
  }
  const keys = { ...state.dataKeys, file: state.fileName, dz: dz || '' };
  const saved = state.dataKeys;
  state.dataKeys = keys;
  const url = base + pageHash(spec);
  state.dataKeys = saved;
  await copyText(url, null, t(dz ? 'link-data' : 'link-large', { file: state.fileName }));
}

// ---------------------------------------------------------------- embed

function escAttr(s) { return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;'); }

// The name of this page's file (index.html, or the single file banenverkenner.html).
const pageName = () => decodeURIComponent(location.pathname.split('/').pop() || 'index.html');

const ownFile = () => !!state.source && state.source.kind !== 'default';

function embedSnippet() {
  const r = state.rendered;
  // Embeds point at this page: the served site's index.html, or the single file when made
  // from it (which works on its own where index.html may not be beside it).
  const base = location.href.split('#')[0].replace(/\?.*$/, '').replace(/\/$/, '/index.html');
  const file = state.dataKeys.data || state.fileName;
  // A bundled example is named as such; a user's file is expected beside the page (data=).
  const data = !ownFile() ? '' : state.source.kind === 'example'
    ? '&example=' + encodeURIComponent(state.source.file) : '&data=' + encodeURIComponent(file)
      + (state.dataKeys.map ? '&map=' + encodeURIComponent(state.dataKeys.map) : '');
  const src = base + '#embed&' + r.spec + data;
  const height = Math.round(r.height + 40);
  return `<iframe src="${escAttr(src)}" title="${escAttr(r.title)}" data-file="${escAttr(file)}" width="100%" height="${height}" style="border:0;max-width:${r.width}px" loading="lazy"></iframe>\n` +
    '<script>addEventListener("message",function(e){if(!e.data||e.data.type!=="banenverkenner:height")return;' +
    'document.querySelectorAll("iframe[data-file]").forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+"px";});});</' + 'script>';
}

export function fillEmbed() {
  if (!state.rendered) { $('embed-code').value = ''; return; }
  $('embed-code').value = embedSnippet();
  const file = state.dataKeys.data || state.fileName;
  const own = ownFile() && state.source.kind !== 'example';
  const page = pageName();
  const where = t(page === 'index.html' ? 'embed-help-default' : 'embed-help-single', { page });
  $('embed-help').textContent = own ? t('embed-help-file', { file, page }) + ' ' + where : where;
}
