/**
 * A one-line progress bar for the terminal: `[#####.......]  41 %  mixup  epoch 3/15  loss 0.412
 * mix 0.9 ms  train 52 ms  eta 1m20s`. On a TTY the line is redrawn in place (at most every 100 ms);
 * elsewhere (CI logs, pipes) one line is printed per epoch. Browser-safe: it only calls `write`.
 */
export interface ProgressSink {
  readonly write: (text: string) => void;
  readonly isTTY: boolean;
  readonly columns?: number;
}

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export class ProgressBar {
  private done = 0;
  private lastDraw = 0;
  private drawn = false;
  /** Non-TTY: the latest line and the epoch it belongs to, printed when the epoch ends. */
  private pending = '';
  private pendingKey = '';
  private readonly start = performance.now();

  constructor(private readonly sink: ProgressSink, private readonly total: number) {}

  /** One step done; `label` names the setting, `detail` the rest of the line. */
  tick(label: string, epoch: number, epochs: number, detail: string): void {
    this.done++;
    const now = performance.now();
    const frac = this.done / this.total;
    const eta = ((now - this.start) / frac) * (1 - frac);
    const pct = `${String(Math.floor(frac * 100)).padStart(3)} %`;
    const text = `${label}  epoch ${epoch}/${epochs}  ${detail}  eta ${formatDuration(eta)}`;
    if (this.sink.isTTY) {
      if (now - this.lastDraw < 100 && this.done < this.total) return;
      this.lastDraw = now;
      const width = 24;
      const full = Math.round(frac * width);
      const cols = this.sink.columns ?? 120;
      this.sink.write(`\r${`[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${pct}  ${text}`.slice(0, cols - 1).padEnd(cols - 1)}`);
      this.drawn = true;
      return;
    }
    const key = `${label}|${epoch}`;
    if (key !== this.pendingKey) this.flush();
    this.pending = `${pct}  ${text}`;
    this.pendingKey = key;
  }

  /** Prints a line above the bar (the bar is redrawn at the next tick). */
  note(line: string): void {
    this.flush();
    if (this.drawn) this.sink.write(`\r${' '.repeat((this.sink.columns ?? 120) - 1)}\r`);
    this.drawn = false;
    this.sink.write(`${line}\n`);
  }

  /** Ends the bar (clears it on a TTY, prints the last epoch's line elsewhere). */
  end(): void {
    this.flush();
    if (this.drawn) this.sink.write('\n');
    this.drawn = false;
  }

  private flush(): void {
    if (this.pending) this.sink.write(`${this.pending}\n`);
    this.pending = '';
    this.pendingKey = '';
  }
}
