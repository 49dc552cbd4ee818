/**
 * The control panel: images, ops (on/off, α, prob), the op-probability bar, mode, partner,
 * interpolation, label smoothing, seed and backend. Every control writes into the DemoState and
 * calls `changed()`; the page then runs again.
 */
import type { BackendChoice, Interpolation, Mode, Partner } from '../src/index.js';
import { byId, fill, h } from './dom.js';
import type { DemoImage } from './images.js';
import { OP_COLORS } from './palette.js';
import { OP_NAMES, shareProbs, type DemoState, type OpName } from './state.js';

export interface Hooks {
  /** Options changed: sample and apply again. */
  changed(): void;
  /** The selection of images changed: rebuild the batch, then run. */
  imagesChanged(): void;
  /** Files were chosen or dropped. */
  addFiles(files: File[]): void;
}

const OP_TEXT: Record<OpName, [string, string]> = {
  mixup: ['Mixup', 'blend each image with its partner'],
  cutmix: ['CutMix', "paste a box of the partner's pixels"],
  resizemix: ['ResizeMix', 'paste the whole partner, shrunk into a box'],
};

/** A row of toggle buttons; the pressed one is `value`. */
function segmented<T extends string>(id: string, options: readonly (readonly [T, string])[], value: T, pick: (v: T) => void): HTMLElement {
  const seg = h('div', { class: 'seg', role: 'group', id });
  for (const [v, title] of options) {
    seg.append(h('button', {
      type: 'button', 'data-value': v, 'data-testid': `${id}-${v}`, 'aria-pressed': String(v === value), title,
      onclick: () => {
        for (const b of seg.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.value === v));
        pick(v);
      },
    }, v));
  }
  return seg;
}

function slider(label: string, min: number, max: number, step: number, value: number, testid: string, set: (v: number) => void, disabled = false): HTMLElement {
  const out = h('output', {}, value.toFixed(2));
  const input = h('input', {
    type: 'range', min, max, step, value, 'data-testid': testid, disabled,
    oninput: () => { out.textContent = Number(input.value).toFixed(2); set(Number(input.value)); },
  });
  return h('label', { class: `slider${disabled ? ' off' : ''}` }, h('span', {}, label), input, out);
}

/** The stacked bar of op probabilities; the leftover is the identity op. */
function renderProbBar(s: DemoState): void {
  const parts = OP_NAMES.filter((op) => s.ops[op].on).map((op) => [op, s.ops[op].prob] as const);
  const sum = parts.reduce((a, [, p]) => a + p, 0);
  const over = sum > 1 + 1e-6;
  const all = [...parts, ['identity', Math.max(0, 1 - sum)] as const].filter(([, p]) => p > 0);
  const total = Math.max(1, sum);
  fill(byId('probbar'),
    h('div', { class: `probs${over ? ' over' : ''}` }, ...all.map(([op, p]) =>
      h('span', { style: `width:${(100 * p) / total}%;background:${OP_COLORS[op]}`, title: `${op} ${p.toFixed(2)}` }))),
    h('div', { class: 'legend' }, ...all.map(([op, p]) =>
      h('span', {}, h('i', { class: 'dot', style: `background:${OP_COLORS[op]}` }), `${op} `, h('b', {}, p.toFixed(2))))),
    h('p', { class: over ? 'hint error' : 'hint' }, over
      ? `The probabilities sum to ${sum.toFixed(2)}; lower them to 1 or less.`
      : parts.length === 0 ? 'Switch on at least one op.' : 'Each batch gets exactly one op, drawn with these odds.'));
}

function renderOps(s: DemoState, hooks: Hooks): void {
  fill(byId('ops'), ...OP_NAMES.map((op) => {
    const o = s.ops[op];
    const [name, desc] = OP_TEXT[op];
    const toggle = h('input', {
      type: 'checkbox', checked: o.on, 'data-testid': `op-${op}`,
      onchange: () => { o.on = toggle.checked; shareProbs(s); renderOps(s, hooks); hooks.changed(); },
    });
    return h('div', { class: `op-card${o.on ? ' on' : ''}`, style: `--op:${OP_COLORS[op]}` },
      h('label', { class: 'op-head' }, toggle, h('span', { class: 'switch' }), h('span', { class: 'op-name' }, name), h('span', { class: 'op-desc' }, desc)),
      h('div', { class: 'sliders' },
        slider('α', 0.1, 4, 0.1, o.alpha, `alpha-${op}`, (v) => { o.alpha = v; hooks.changed(); }, !o.on),
        slider('prob', 0, 1, 0.01, o.prob, `prob-${op}`, (v) => { o.prob = v; renderProbBar(s); hooks.changed(); }, !o.on)));
  }));
  renderProbBar(s);
  byId<HTMLSelectElement>('interpolation').disabled = !s.ops.resizemix.on;
}

/** The image picker: a toggle per image; at least one stays selected. */
export function renderThumbs(images: DemoImage[], hooks: Hooks): void {
  fill(byId('thumbs'), ...images.map((im) => {
    let pic: HTMLElement;
    if (typeof im.thumb === 'string') pic = h('img', { src: im.thumb, alt: '' });
    else {
      const c = h('canvas', { width: 48, height: 48 });
      const bm = im.thumb, side = Math.min(bm.width, bm.height);
      c.getContext('2d')!.drawImage(bm, (bm.width - side) / 2, (bm.height - side) / 2, side, side, 0, 0, 48, 48);
      pic = c;
    }
    const b = h('button', {
      type: 'button', class: 'thumb', 'aria-pressed': String(im.selected), title: im.name, 'data-testid': `thumb-${im.name}`,
      onclick: () => {
        if (im.selected && images.filter((x) => x.selected).length === 1) return;
        im.selected = !im.selected;
        b.setAttribute('aria-pressed', String(im.selected));
        byId('image-count').textContent = `${images.filter((x) => x.selected).length} of ${images.length}`;
        hooks.imagesChanged();
      },
    }, pic, h('span', {}, im.name));
    return b;
  }));
  byId('image-count').textContent = `${images.filter((x) => x.selected).length} of ${images.length}`;
}

/** Builds every control from the state and wires it to `hooks`. */
export function buildControls(s: DemoState, images: DemoImage[], hooks: Hooks): { setSeed(seed: number): void } {
  renderThumbs(images, hooks);
  const fileInput = byId<HTMLInputElement>('file-input');
  fileInput.addEventListener('change', () => { hooks.addFiles([...(fileInput.files ?? [])]); fileInput.value = ''; });
  renderOps(s, hooks);
  byId('mode').replaceWith(segmented<Mode>('mode', [
    ['batch', 'one λ and one box for the whole batch (MMClassification)'],
    ['elem', 'each sample draws its own λ and box'],
    ['pair', 'a sample and its partner share λ and box'],
  ], s.mode, (v) => { s.mode = v; hooks.changed(); }));
  byId('backend').replaceWith(segmented<BackendChoice>('backend', [
    ['auto', 'the first of webgl2, wasm, js that runs here'],
    ['webgl2', 'GLSL fragment shaders'],
    ['wasm', 'AssemblyScript WebAssembly SIMD'],
    ['js', 'plain TypeScript (the reference)'],
  ], s.backend, (v) => { s.backend = v; hooks.changed(); }));
  const partner = byId<HTMLSelectElement>('partner');
  partner.value = s.partner;
  partner.addEventListener('change', () => { s.partner = partner.value as Partner; hooks.changed(); });
  const interp = byId<HTMLSelectElement>('interpolation');
  interp.value = s.interpolation;
  interp.addEventListener('change', () => { s.interpolation = interp.value as Interpolation; hooks.changed(); });
  byId('smoothing').replaceWith(slider('smoothing', 0, 0.3, 0.01, s.labelSmoothing, 'smoothing', (v) => { s.labelSmoothing = v; hooks.changed(); }));
  const seed = byId<HTMLInputElement>('seed');
  const setSeed = (v: number): void => { s.seed = v; seed.value = String(v); };
  setSeed(s.seed);
  seed.addEventListener('input', () => {
    const v = Number(seed.value);
    if (Number.isSafeInteger(v)) { s.seed = v; hooks.changed(); }
  });
  byId('dice').addEventListener('click', () => { setSeed(Math.floor(Math.random() * 100000)); hooks.changed(); });
  return { setSeed };
}
