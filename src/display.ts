/**
 * Whether headless-gl can have an X display (Node on Linux renders only through X11; SPEC §5). Its
 * own module, free of GL code, so that 'auto' can pass webgl2 over without loading the GL code and
 * twgl when there is no DISPLAY (the import alone cost ~184 ms), and headless.ts says the same thing.
 */

interface NodeProcess {
  platform?: string;
  versions?: { node?: string };
  env?: Record<string, string | undefined>;
}

const proc = (): NodeProcess | undefined => (globalThis as { process?: NodeProcess }).process;

/** The reason headless-gl cannot create a context here, or undefined when it may (not Linux, or DISPLAY set). */
export function noDisplayReason(): string | undefined {
  const p = proc();
  if (p?.platform !== 'linux' || typeof p.versions?.node !== 'string' || p.env?.DISPLAY) return undefined;
  return 'webgl2: headless-gl cannot create a WebGL2 context (DISPLAY is unset); on Linux it needs an X server: run under xvfb-run -a';
}

/**
 * Whether a webgl2 backend made with these options would take its context from headless-gl: Node, no
 * context or canvas given, and no OffscreenCanvas or document to take one from (context.ts's order).
 */
export function wouldUseHeadless(o: { gl?: unknown; canvas?: unknown; headless?: boolean }): boolean {
  return o.gl === undefined && o.canvas === undefined && o.headless !== false &&
    typeof OffscreenCanvas === 'undefined' && typeof document === 'undefined' && typeof proc()?.versions?.node === 'string';
}
