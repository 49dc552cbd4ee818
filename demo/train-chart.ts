/**
 * The Train panel's live chart: training loss per step (left axis, from 0 to the largest loss seen)
 * and test accuracy at each evaluation (right axis, 0..1), on a canvas sized to its box.
 */

export interface TrainPoint {
  step: number;
  loss: number;
}

export interface EvalPoint {
  step: number;
  accuracy: number;
}

const LOSS = '#ffb347';
const ACC = '#6fdc8c';

export function drawTrainChart(canvas: HTMLCanvasElement, losses: readonly TrainPoint[], evals: readonly EvalPoint[], totalSteps: number): void {
  const dpr = globalThis.devicePixelRatio || 1;
  const w = canvas.clientWidth || 480, h = canvas.clientHeight || 200;
  if (canvas.width !== Math.round(w * dpr)) canvas.width = Math.round(w * dpr);
  if (canvas.height !== Math.round(h * dpr)) canvas.height = Math.round(h * dpr);
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  const pad = { l: 40, r: 40, t: 10, b: 22 };
  const pw = w - pad.l - pad.r, ph = h - pad.t - pad.b;
  const maxLoss = Math.max(1e-6, ...losses.map((p) => p.loss));
  const sx = (step: number) => pad.l + (pw * step) / Math.max(1, totalSteps);
  const syLoss = (v: number) => pad.t + ph * (1 - v / maxLoss);
  const syAcc = (v: number) => pad.t + ph * (1 - v);

  ctx.strokeStyle = '#2a2f3a';
  ctx.lineWidth = 1;
  ctx.font = '11px ui-sans-serif, system-ui, sans-serif';
  ctx.fillStyle = '#9098a8';
  for (let k = 0; k <= 4; k++) {
    const y = pad.t + (ph * k) / 4;
    ctx.beginPath();
    ctx.moveTo(pad.l, y);
    ctx.lineTo(pad.l + pw, y);
    ctx.stroke();
    ctx.textAlign = 'right';
    ctx.fillText((maxLoss * (1 - k / 4)).toFixed(2), pad.l - 6, y + 4);
    ctx.textAlign = 'left';
    ctx.fillText(`${Math.round(100 * (1 - k / 4))}%`, pad.l + pw + 6, y + 4);
  }
  ctx.textAlign = 'center';
  ctx.fillText(`step (of ${totalSteps})`, pad.l + pw / 2, h - 6);

  const line = (pts: [number, number][], color: string, dots: boolean) => {
    if (pts.length === 0) return;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = 1.6;
    ctx.beginPath();
    pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.stroke();
    if (dots) for (const [x, y] of pts) ctx.fillRect(x - 2, y - 2, 4, 4);
  };
  line(losses.map((p) => [sx(p.step), syLoss(p.loss)]), LOSS, false);
  line(evals.map((p) => [sx(p.step), syAcc(p.accuracy)]), ACC, true);
}
