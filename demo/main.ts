/**
 * The demo page (npm run demo:web): pick images and options, see the input batch beside the mixed
 * one, the time per call on every backend, and the params as JSON to copy or replay.
 *
 * One run = sample params from the options and seed (a fresh sampler, so a seed always gives the
 * same params), apply them on the chosen backend, draw. Runs are queued; the newest request wins.
 * `body[data-state]` ('busy' from a request until its run is drawn, then 'ready' or 'error') and
 * `body[data-runs]` (runs drawn so far) let tests wait for a run.
 */
import { BatchMixError, createBatchMix, type BackendName, type BatchMix, type MixParams } from '../src/index.js';
import { buildControls, renderThumbs, type Hooks } from './controls.js';
import { denseLayer, targetsFor } from './dense.js';
import { byId, fill, h } from './dom.js';
import { batchOf, fileImages, sampleImages, type DemoImage } from './images.js';
import { mixerFor } from './mixers.js';
import { showParams, wireParams } from './params-view.js';
import { setupTrainPanel } from './train-panel.js';
import { initialState, optionsOf } from './state.js';
import { renderTiming, timeCalls, TIMED, type Timing } from './timing.js';
import { renderInput, renderOutput } from './view.js';

const state = initialState();
const images: DemoImage[] = sampleImages();
let current: Awaited<ReturnType<typeof batchOf>> | undefined;
let batchDirty = true;
let replayParams: MixParams | undefined;
let running = false, pending = false, runs = 0;
let denseShown = false;

function showError(e: unknown): void {
  const code = e instanceof BatchMixError ? e.code : 'ERROR';
  fill(byId('error'), h('b', { class: 'code' }, code), h('span', {}, e instanceof Error ? e.message : String(e)));
  byId('error').hidden = false;
}

function setStatus(mix: BatchMix, ms: number): void {
  const r = mix.backendReport;
  const passed = Object.entries(r.passedOver).map(([b, why]) => `${b}: ${why}`).join('\n');
  const why = [r.reason, r.renderer ? `WebGL2 renderer: ${r.renderer.renderer}${r.renderer.software ? ' (software rasteriser)' : ''}` : '',
    r.measured ? `measured ${r.measured.call}: ${Object.entries(r.measured.ms).map(([b, t]) => `${b} ${t!.toFixed(2)} ms`).join(', ')}` : ''].filter(Boolean);
  fill(byId('status'),
    h('span', { class: `pill ${mix.backend}`, title: passed || 'the backend asked for' }, mix.backend),
    state.backend === 'auto' ? h('span', { class: 'dim', 'data-testid': 'auto-reason', title: passed }, `picked by auto: ${why.join('; ')}`) : null);
  byId('call-time').textContent = `${ms.toFixed(ms < 10 ? 2 : 0)} ms for this call`;
  document.body.dataset.backend = mix.backend;
}

async function timeAll(run: NonNullable<typeof current>, p: MixParams, inUse: BackendName): Promise<void> {
  const times: Partial<Record<BackendName, Timing>> = {};
  const el = byId('timing');
  renderTiming(el, times, inUse);
  for (const b of TIMED) {
    try {
      const t = await timeCalls(await mixerFor(b, run.names.length, state.labelSmoothing), run.batch, run.labels, p, () => pending);
      if (t === null) return;
      times[b] = t;
    } catch (e) {
      times[b] = { error: e instanceof Error ? e.message : String(e) };
    }
    if (pending) return;
    renderTiming(el, times, inUse);
  }
}

async function runOnce(): Promise<void> {
  document.body.dataset.state = 'busy';
  try {
    const showDense = byId<HTMLInputElement>('dense').checked;
    if (batchDirty || !current || showDense !== denseShown) {
      if (batchDirty || !current) current = await batchOf(images);
      batchDirty = false;
      denseShown = showDense;
      const t = targetsFor(current.names);
      renderInput(byId('input-grid'), current.batch, current.names, showDense ? (i) => denseLayer(i, t.masks, t.detections) : undefined);
    }
    const { batch, labels, names } = current;
    let params = replayParams;
    if (!params) {
      const sampler = await createBatchMix(optionsOf(state, names.length, 'js'));
      params = sampler.sample(batch.shape, batch.layout);
      sampler.dispose();
    }
    const mix = await mixerFor(state.backend, names.length, state.labelSmoothing);
    const t0 = performance.now();
    const out = await mix.apply(batch, labels, params, showDense ? targetsFor(names) : {});
    const ms = performance.now() - t0;
    const layer = showDense ? (i: number) => denseLayer(i, out.masks!, out.detections!, out.partnerMasks) : undefined;
    renderOutput(byId('output-grid'), byId('input-grid'), out.images, out.labels, params, names, layer);
    fill(byId('op-chip'), h('span', { class: `chip ${params.op}` }, params.op), replayParams ? h('span', { class: 'chip replay' }, 'replayed') : null);
    showParams(params);
    setStatus(mix, ms);
    byId('error').hidden = true;
    document.body.dataset.runs = String(++runs);
    document.body.dataset.state = pending ? 'busy' : 'ready';
    await timeAll(current, params, mix.backend);
  } catch (e) {
    showError(e);
    document.body.dataset.runs = String(++runs);
    document.body.dataset.state = pending ? 'busy' : 'error';
  }
}

/** Asks for a run; runs never overlap, and requests made during one collapse into one more. */
function request(): void {
  pending = true;
  document.body.dataset.state = 'busy';
  if (running) return;
  running = true;
  void (async () => {
    while (pending) {
      pending = false;
      await runOnce();
    }
    running = false;
  })();
}

const hooks: Hooks = {
  changed: () => { replayParams = undefined; request(); },
  imagesChanged: () => { replayParams = undefined; batchDirty = true; request(); },
  addFiles: (files) => {
    fileImages(files).then((added) => {
      if (added.length === 0) return;
      images.push(...added);
      renderThumbs(images, hooks);
      hooks.imagesChanged();
    }, showError);
  },
};

const controls = buildControls(state, images, hooks);
wireParams((p) => { replayParams = p; request(); });
byId('dense').addEventListener('change', () => request());
byId('remix').addEventListener('click', () => { controls.setSeed(state.seed + 1); hooks.changed(); });

// Drop images anywhere on the page.
addEventListener('dragover', (e) => { e.preventDefault(); document.body.classList.add('dragging'); });
addEventListener('dragleave', (e) => { if (e.relatedTarget === null) document.body.classList.remove('dragging'); });
addEventListener('drop', (e) => {
  e.preventDefault();
  document.body.classList.remove('dragging');
  hooks.addFiles([...(e.dataTransfer?.files ?? [])]);
});

byId('gpu').textContent = gpuName();
setupTrainPanel();
request();

/** The WebGL renderer string, for the timing note (SwiftShader in headless Chromium). */
function gpuName(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return 'no WebGL2 here';
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return name;
}
