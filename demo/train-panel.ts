/**
 * The Train panel's controls and readouts (demo/index.html #train): a setting, steps and batch
 * size, Start/Stop, the live chart, and the time per step split into mixing and training (means
 * over the last 20 steps), with batchmix's readPixels count during mixing.
 */
import { byId, fill, h } from './dom.js';
import { drawTrainChart, runTraining, SETTINGS, type EvalPoint, type TrainPoint } from './train.js';

const WINDOW = 20;

function fmt(ms: number): string {
  return ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

export function setupTrainPanel(): void {
  const panel = byId('train');
  const select = byId<HTMLSelectElement>('train-setting');
  const steps = byId<HTMLInputElement>('train-steps');
  const batch = byId<HTMLInputElement>('train-batch');
  const button = byId<HTMLButtonElement>('train-start');
  const canvas = byId<HTMLCanvasElement>('train-chart');
  const status = byId('train-status');
  const timing = byId('train-timing');
  fill(select, ...SETTINGS.map((s) => h('option', { value: s.id, selected: s.id === 'mixup+cutmix' }, s.label)));
  panel.dataset.state = 'idle';
  let stop = false;

  button.addEventListener('click', () => {
    if (panel.dataset.state === 'running' || panel.dataset.state === 'loading') {
      stop = true;
      return;
    }
    stop = false;
    const total = Math.max(1, Math.floor(Number(steps.value) || 1));
    const losses: TrainPoint[] = [], evals: EvalPoint[] = [];
    const mixT: number[] = [], trainT: number[] = [];
    panel.dataset.state = 'loading';
    panel.dataset.steps = '0';
    panel.dataset.readpixels = '0';
    button.textContent = '■ Stop';
    fill(status, 'loading TF.js and the digits…');
    fill(timing);
    drawTrainChart(canvas, losses, evals, total);
    const mean = (a: number[]) => a.slice(-WINDOW).reduce((s, v) => s + v, 0) / Math.min(a.length, WINDOW);
    runTraining({ setting: select.value, steps: total, batchSize: Math.max(2, Math.floor(Number(batch.value) || 64)), evalEvery: 25 }, {
      stopped: () => stop,
      step(r) {
        panel.dataset.state = 'running';
        panel.dataset.steps = String(r.step);
        panel.dataset.readpixels = String(r.readPixels);
        panel.dataset.path = r.path;
        losses.push({ step: r.step, loss: r.loss });
        panel.dataset.losses = losses.map((l) => l.loss.toPrecision(6)).join(',');
        mixT.push(r.mixMs);
        trainT.push(r.trainMs);
        const acc = evals.at(-1);
        fill(status, `step ${r.step} / ${total} · loss ${r.loss.toFixed(3)}`, acc ? ` · test accuracy ${(100 * acc.accuracy).toFixed(1)}%` : '');
        const m = mean(mixT), t = mean(trainT);
        fill(timing,
          h('span', { class: 'mix', 'data-testid': 'train-mix-ms' }, `mixing ${fmt(m)}`), ' + ',
          h('span', { class: 'fit' }, `training ${fmt(t)}`), ` per step · `,
          h('span', { 'data-testid': 'train-readpixels' }, `batchmix readPixels: ${r.readPixels}`), ` · path: ${r.path}`,
          h('span', { class: 'split' }, h('i', { class: 'mix', style: `flex:${m}` }), h('i', { class: 'fit', style: `flex:${t}` })));
        drawTrainChart(canvas, losses, evals, total);
      },
      evaluated(p) {
        evals.push(p);
        panel.dataset.accuracy = String(p.accuracy);
        drawTrainChart(canvas, losses, evals, total);
      },
    }).then(() => {
      panel.dataset.state = 'done';
      const acc = evals.at(-1);
      fill(status, `${stop ? 'stopped' : 'done'} after ${losses.length} steps`, acc ? ` · test accuracy ${(100 * acc.accuracy).toFixed(1)}%` : '');
    }, (e: unknown) => {
      panel.dataset.state = 'error';
      fill(status, h('span', { class: 'error' }, e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : String(e)));
    }).finally(() => {
      button.textContent = '▶ Train';
    });
  });
}
