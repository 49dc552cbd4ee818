/**
 * Test metrics from predicted class probabilities: accuracy, negative log-likelihood and the
 * expected calibration error with its reliability bins. Plain arrays, browser-safe.
 *
 * probs: float32 [n, K], row-major, each row a softmax output; labels: n class ids.
 * Confidence of a prediction = its largest probability; the predicted class = that column
 * (the lowest index on a tie).
 * ECE (Guo et al. 2017, "On Calibration of Modern Neural Networks"), B equal-width bins over (0, 1]:
 * bin b holds the predictions with confidence in (b/B, (b + 1)/B] (a confidence of exactly 0 goes to
 * bin 0); ECE = Σ_b (n_b / n) · |acc_b − conf_b|, acc_b and conf_b the bin's accuracy and mean confidence.
 */

export interface ReliabilityBin {
  /** (lo, hi]: the confidences this bin holds. */
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
  /** Share of the bin's predictions that are right (NaN when empty). */
  readonly accuracy: number;
  /** Mean confidence in the bin (NaN when empty). */
  readonly confidence: number;
}

export interface Metrics {
  readonly accuracy: number;
  /** Mean of −log p(true class), p clamped to ≥ 1e-7. */
  readonly nll: number;
  readonly ece: number;
  /** Mean confidence over all predictions (above the accuracy: over-confident). */
  readonly meanConfidence: number;
  readonly bins: readonly ReliabilityBin[];
}

export const ECE_BINS = 15;

export function evaluate(probs: Float32Array, labels: Int32Array, numClasses: number, nBins = ECE_BINS): Metrics {
  const n = labels.length;
  if (probs.length !== n * numClasses) throw new Error(`evaluate: probs: expected ${n} × ${numClasses} values, got ${probs.length}`);
  const count = new Float64Array(nBins);
  const right = new Float64Array(nBins);
  const conf = new Float64Array(nBins);
  let correct = 0;
  let nll = 0;
  let confSum = 0;
  for (let i = 0; i < n; i++) {
    const row = probs.subarray(i * numClasses, (i + 1) * numClasses);
    let best = 0;
    for (let k = 1; k < numClasses; k++) if (row[k] > row[best]) best = k;
    const c = row[best];
    const hit = best === labels[i] ? 1 : 0;
    const b = Math.min(nBins - 1, Math.max(0, Math.ceil(c * nBins) - 1));
    count[b] += 1;
    right[b] += hit;
    conf[b] += c;
    correct += hit;
    confSum += c;
    nll -= Math.log(Math.max(row[labels[i]], 1e-7));
  }
  const bins: ReliabilityBin[] = [];
  let ece = 0;
  for (let b = 0; b < nBins; b++) {
    const k = count[b];
    bins.push({ lo: b / nBins, hi: (b + 1) / nBins, count: k, accuracy: k ? right[b] / k : NaN, confidence: k ? conf[b] / k : NaN });
    if (k) ece += (k / n) * Math.abs(right[b] / k - conf[b] / k);
  }
  return { accuracy: correct / n, nll: nll / n, ece, meanConfidence: confSum / n, bins };
}
