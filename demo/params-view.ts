/**
 * The params panel: the params of the call on screen as JSON (one line per field), a Copy button,
 * and Replay, which applies whatever JSON is in the box (pasted or edited) to the current batch.
 */
import { BatchMixError, paramsFromJSON, paramsToJSON, type MixParams } from '../src/index.js';
import { byId } from './dom.js';

/** `{ "op": …, "index": [...], … }` with each field on its own line (lists stay on one line). */
export function formatParams(p: MixParams): string {
  const j = paramsToJSON(p) as unknown as Record<string, unknown>;
  return `{\n${Object.entries(j).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v).replace(/,/g, ', ')}`).join(',\n')}\n}`;
}

export function showParams(p: MixParams): void {
  byId<HTMLTextAreaElement>('params').value = formatParams(p);
  byId('params-error').textContent = '';
}

/**
 * Wires Copy and Replay; `replay` gets the params parsed from the box. A box that paramsFromJSON
 * refuses (not JSON, wrong structure) shows its error under the box and runs nothing.
 */
export function wireParams(replay: (p: MixParams) => void): void {
  const box = byId<HTMLTextAreaElement>('params');
  const copy = byId<HTMLButtonElement>('copy');
  const error = byId('params-error');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(box.value);
    } catch {
      box.select();
      document.execCommand('copy');
    }
    copy.textContent = 'Copied ✓';
    setTimeout(() => { copy.textContent = 'Copy'; }, 1500);
  });
  byId('replay').addEventListener('click', () => {
    let p: MixParams;
    try {
      p = paramsFromJSON(box.value);
    } catch (e) {
      error.textContent = e instanceof BatchMixError ? `${e.code}: ${e.message}` : String(e);
      return;
    }
    error.textContent = '';
    replay(p);
  });
}
