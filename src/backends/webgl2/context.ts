/**
 * Where the backend's WebGL2 context comes from (STYLE 6: injected, never global), and how a lost
 * context is noticed. In order: a context the caller passes (`gl`), a canvas the caller passes, an
 * OffscreenCanvas or a document canvas in browsers and workers, and headless-gl in Node (loaded
 * only there, only through a dynamic import, so this module stays browser-safe).
 */
import { BatchMixError, describe, fail } from '../../errors.js';

export interface ContextOptions {
  /** A WebGL2 context to use; the backend never destroys it. */
  gl?: WebGL2RenderingContext;
  /** A canvas to take the context from. */
  canvas?: HTMLCanvasElement | OffscreenCanvas;
  /** Node: whether headless-gl may be used (default true). false leaves Node without a context. */
  headless?: boolean;
}

export interface AcquiredContext {
  readonly gl: WebGL2RenderingContext;
  readonly source: 'user' | 'canvas' | 'offscreen' | 'document' | 'headless';
  /** True once a 'webglcontextlost' event arrived (canvases we watch). */
  lostEvent(): boolean;
  /** Frees a context the backend created (headless-gl destroy, WEBGL_lose_context); no-op for `gl`. */
  release(): void;
}

const CONTEXT_LOST_WEBGL = 0x9242;
const ATTRIBUTES: WebGLContextAttributes = {
  alpha: true, depth: false, stencil: false, antialias: false, premultipliedAlpha: false,
  preserveDrawingBuffer: false, powerPreference: 'high-performance',
};

/**
 * Whether `gl` is lost: isContextLost(), a CONTEXT_LOST_WEBGL error, or (headless-gl, whose
 * isContextLost() is always false) a call that throws. Drains pending GL errors.
 */
export function contextLost(gl: WebGL2RenderingContext): boolean {
  try {
    if (gl.isContextLost()) return true;
    for (let i = 0; i < 16; i++) {
      const e = gl.getError();
      if (e === CONTEXT_LOST_WEBGL) return true;
      if (e === gl.NO_ERROR) return false;
    }
    return false;
  } catch {
    return true;
  }
}

/** Throws for a pending GL error: OUT_OF_MEMORY, CONTEXT_LOST, or INTERNAL naming the enum. */
export function checkGl(gl: WebGL2RenderingContext, what: string): void {
  const e = gl.getError();
  if (e === gl.NO_ERROR) return;
  if (e === gl.OUT_OF_MEMORY) fail('OUT_OF_MEMORY', `webgl2: out of GPU memory while ${what}`);
  if (e === CONTEXT_LOST_WEBGL) fail('CONTEXT_LOST', `webgl2: the context was lost while ${what}`);
  fail('INTERNAL', `webgl2: GL error 0x${e.toString(16)} while ${what}`);
}

function isWebGL2(gl: unknown): gl is WebGL2RenderingContext {
  const g = gl as Partial<WebGL2RenderingContext> | null;
  return typeof g === 'object' && g !== null && typeof g.texStorage3D === 'function' && typeof g.framebufferTextureLayer === 'function';
}

function fromCanvas(canvas: HTMLCanvasElement | OffscreenCanvas, source: AcquiredContext['source'], owned: boolean): AcquiredContext | string {
  let lost = false;
  const gl = canvas.getContext('webgl2', ATTRIBUTES) as WebGL2RenderingContext | null;
  if (!gl) return `${source} canvas: getContext('webgl2') returned null`;
  const onLost = (): void => { lost = true; };
  canvas.addEventListener('webglcontextlost', onLost);
  return {
    gl, source, lostEvent: () => lost,
    release: () => {
      canvas.removeEventListener('webglcontextlost', onLost);
      if (owned) gl.getExtension('WEBGL_lose_context')?.loseContext();
    },
  };
}

function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
}

/** Acquires a WebGL2 context, or throws BACKEND_UNAVAILABLE naming every reason it could not. */
export async function acquireContext(o: ContextOptions): Promise<AcquiredContext> {
  if (o.gl !== undefined) {
    if (!isWebGL2(o.gl)) fail('BAD_OPTIONS', `createWebGL2Backend: options.gl must be a WebGL2RenderingContext, got ${describe(o.gl)}`);
    if (contextLost(o.gl)) fail('BACKEND_UNAVAILABLE', 'webgl2: options.gl is a lost context');
    return { gl: o.gl, source: 'user', lostEvent: () => false, release: () => {} };
  }
  const reasons: string[] = [];
  const attempt = (got: AcquiredContext | string): AcquiredContext | undefined => {
    if (typeof got !== 'string') return got;
    reasons.push(got);
    return undefined;
  };
  if (o.canvas !== undefined) {
    const got = attempt(fromCanvas(o.canvas, 'canvas', false));
    if (got) return got;
  } else {
    if (typeof OffscreenCanvas !== 'undefined') {
      const got = attempt(fromCanvas(new OffscreenCanvas(1, 1), 'offscreen', true));
      if (got) return got;
    }
    if (typeof document !== 'undefined' && typeof document.createElement === 'function') {
      const got = attempt(fromCanvas(document.createElement('canvas'), 'document', true));
      if (got) return got;
    }
    if (isNode()) {
      if (o.headless === false) reasons.push('Node: headless-gl is disabled (options.headless = false)');
      else {
        const { createHeadlessContext } = await import('./headless.js');
        return createHeadlessContext(ATTRIBUTES);
      }
    } else if (reasons.length === 0) reasons.push('no OffscreenCanvas, no document and not Node');
  }
  throw new BatchMixError('BACKEND_UNAVAILABLE', `webgl2: no WebGL2 context: ${reasons.join('; ')}`);
}
