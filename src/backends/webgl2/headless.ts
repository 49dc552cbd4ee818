/**
 * Node only: a WebGL2 context from headless-gl (npm "gl" 9, an optional peer dependency), loaded
 * through a dynamic import of a computed specifier so that browser bundles never see it. headless-gl
 * needs an X server (run under `xvfb-run -a`); without one it gives no context and this throws
 * BACKEND_UNAVAILABLE saying so.
 *
 * The twgl shim (TOOLCHAIN.md): twgl recognises WebGL objects by `typeof WebGLTexture` and
 * Object.prototype.toString, which headless-gl's classes do not satisfy in Node. We give those
 * classes a Symbol.toStringTag and put them on globalThis (only where the name is free), and never
 * define globalThis.WebGLRenderingContext (gl would then load its browser stub).
 */
import { BatchMixError, fail } from '../../errors.js';
import type { AcquiredContext } from './context.js';
import { noDisplayReason } from '../../display.js';

type CreateContext = (w: number, h: number, attrs: object) => WebGL2RenderingContext | null;

/** The module name, held in a variable so bundlers leave the import alone. */
const GL_MODULE = 'gl';

/** Gives headless-gl's object classes a toStringTag and a global name, read off live objects. */
function installTwglShim(gl: WebGL2RenderingContext): void {
  const g = globalThis as Record<string, unknown>;
  const samples: [string, () => object | null, (o: never) => void][] = [
    ['WebGLTexture', () => gl.createTexture(), (o) => gl.deleteTexture(o)],
    ['WebGLBuffer', () => gl.createBuffer(), (o) => gl.deleteBuffer(o)],
    ['WebGLFramebuffer', () => gl.createFramebuffer(), (o) => gl.deleteFramebuffer(o)],
    ['WebGLRenderbuffer', () => gl.createRenderbuffer(), (o) => gl.deleteRenderbuffer(o)],
    ['WebGLProgram', () => gl.createProgram(), (o) => gl.deleteProgram(o)],
    ['WebGLShader', () => gl.createShader(gl.VERTEX_SHADER), (o) => gl.deleteShader(o)],
    ['WebGLVertexArrayObject', () => gl.createVertexArray(), (o) => gl.deleteVertexArray(o)],
  ];
  for (const [name, make, drop] of samples) {
    const obj = make();
    if (!obj) continue;
    const proto = Object.getPrototypeOf(obj) as object;
    if (!Object.prototype.hasOwnProperty.call(proto, Symbol.toStringTag)) {
      Object.defineProperty(proto, Symbol.toStringTag, { value: name, configurable: true });
    }
    if (g[name] === undefined) g[name] = proto.constructor;
    drop(obj as never);
  }
}

/** A 1×1 headless-gl WebGL2 context (the backend renders only into its own framebuffers). */
export async function createHeadlessContext(attrs: WebGLContextAttributes): Promise<AcquiredContext> {
  const display = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.DISPLAY;
  // On Linux headless-gl's ANGLE renders only through X11: without DISPLAY, fail before loading it.
  const unset = noDisplayReason();
  if (unset) fail('BACKEND_UNAVAILABLE', unset);
  const noDisplay = `webgl2: headless-gl cannot create a WebGL2 context (DISPLAY is ${display ? `"${display}"` : 'unset'}); ` +
    'on Linux it needs an X server: run under xvfb-run -a';
  let create: CreateContext;
  try {
    const mod = (await import(/* @vite-ignore */ GL_MODULE)) as { default?: CreateContext } & CreateContext;
    create = typeof mod.default === 'function' ? mod.default : mod;
  } catch (e) {
    throw new BatchMixError('BACKEND_UNAVAILABLE', 'webgl2: headless-gl (npm "gl" 9.0.0-rc.10, an optional peer ' +
      `dependency) could not be loaded in Node: ${(e as Error).message}; install it with npm i -D -E gl@9.0.0-rc.10`, { cause: e });
  }
  const gl = create(1, 1, { ...attrs, createWebGL2Context: true });
  if (!gl) fail('BACKEND_UNAVAILABLE', noDisplay);
  const destroy = (): void => {
    try {
      gl.getExtension('STACKGL_destroy_context')?.destroy();
    } catch {
      // already destroyed
    }
  };
  if (gl.constructor.name !== 'WebGL2RenderingContext') {
    destroy();
    fail('BACKEND_UNAVAILABLE', `webgl2: headless-gl gave a ${gl.constructor.name}, not WebGL2 (gl 9.x is needed)`);
  }
  installTwglShim(gl);
  let released = false;
  return {
    gl, source: 'headless', lostEvent: () => false,
    release: () => { if (!released) { released = true; destroy(); } },
  };
}
