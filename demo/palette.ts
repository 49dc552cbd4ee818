/**
 * Class colours of the demo: one per class id, distinct on the dark background (a Tableau-like
 * set, lightened), cycling after twelve.
 */
const COLORS = [
  '#5fa8ff', '#ffb347', '#6fdc8c', '#ff7b7b', '#c39bff', '#ffd966',
  '#4dd4d4', '#ff8fcf', '#a3e05a', '#ff9f68', '#8fa1ff', '#d9b38c',
] as const;

/** The colour of class `k` (k ≥ 0). */
export function classColor(k: number): string {
  return COLORS[k % COLORS.length];
}

/** The colour of each op in the op-probability bar; identity is the leftover. */
export const OP_COLORS = { mixup: '#5fa8ff', cutmix: '#ffb347', resizemix: '#6fdc8c', identity: '#4a4f5c' } as const;
