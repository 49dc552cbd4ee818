/**
 * The backend's GL objects, created and deleted in one place and counted (regl's reference counts):
 * `stats()` reports the live objects, and dispose() brings every count back to 0. Batch textures are
 * pooled by format and size, so repeated calls on same-sized batches allocate nothing new.
 */
import { fail } from '../../errors.js';
import type { DType } from '../../types.js';
import { checkGl } from './context.js';
import { texelBytes } from './packing.js';
import { unbindTextures } from './state.js';

export interface WebGL2Stats {
  textures: number;
  framebuffers: number;
  programs: number;
  shaders: number;
  buffers: number;
  vertexArrays: number;
  /** Of `textures`: idle ones kept for reuse. */
  pooledTextures: number;
  /** Bytes of all live textures. */
  textureBytes: number;
}

type Kind = keyof Omit<WebGL2Stats, 'pooledTextures' | 'textureBytes'>;

/** Most idle textures the pool keeps; older ones are deleted. */
const MAX_IDLE = 8;

export class GlResources {
  private readonly counts: Record<Kind, number> = { textures: 0, framebuffers: 0, programs: 0, shaders: 0, buffers: 0, vertexArrays: 0 };
  private readonly sizes = new Map<WebGLTexture, { key: string; bytes: number }>();
  private readonly idle: WebGLTexture[] = [];
  private bytes = 0;

  constructor(private readonly gl: WebGL2RenderingContext) {}

  /** Counts an object made elsewhere (twgl's programs and shaders, the fullscreen buffer and VAO). */
  adopt(kind: Kind, count = 1): void {
    this.counts[kind] += count;
  }

  /** Un-counts and deletes an object; `remove` is the GL delete call (skipped when the context is gone). */
  release(kind: Kind, remove: () => void, alive: boolean): void {
    this.counts[kind] -= 1;
    if (!alive) return;
    try {
      remove();
    } catch {
      // headless-gl throws once its context is destroyed: the object went with it.
    }
  }

  /**
   * A w×h TEXTURE_2D page for a dtype's batches (RGBA32F for float32, RGBA8UI for uint8), NEAREST,
   * from the pool when one of that format and size is idle.
   */
  batchTexture(dtype: DType, w: number, h: number): WebGLTexture {
    const key = `${dtype}:${w}x${h}`;
    const at = this.idle.findIndex((t) => this.sizes.get(t)!.key === key);
    if (at >= 0) return this.idle.splice(at, 1)[0];
    const gl = this.gl;
    return this.make(key, w * h * texelBytes(dtype), gl.TEXTURE_2D, () =>
      gl.texStorage2D(gl.TEXTURE_2D, 1, dtype === 'float32' ? gl.RGBA32F : gl.RGBA8UI, w, h));
  }

  /** A w×h RGBA32F TEXTURE_2D of per-sample parameters (params.ts), pooled like the pages. */
  paramsTexture(w: number, h: number): WebGLTexture {
    const key = `params:${w}x${h}`;
    const at = this.idle.findIndex((t) => this.sizes.get(t)!.key === key);
    if (at >= 0) return this.idle.splice(at, 1)[0];
    const gl = this.gl;
    return this.make(key, w * h * 16, gl.TEXTURE_2D, () => gl.texStorage2D(gl.TEXTURE_2D, 1, gl.RGBA32F, w, h));
  }

  /**
   * A w×h×layers RGBA32UI TEXTURE_2D_ARRAY (the resize taps: source index, float32 weight bits, quantised weight),
   * an array so that it uploads through texSubImage3D like the batches (headless-gl's texSubImage2D
   * drops Uint32Array data). Not pooled.
   */
  tapsTexture(w: number, h: number, layers: number): WebGLTexture {
    const gl = this.gl;
    return this.make(`taps:${w}x${h}x${layers}`, w * h * layers * 16, gl.TEXTURE_2D_ARRAY,
      () => gl.texStorage3D(gl.TEXTURE_2D_ARRAY, 1, gl.RGBA32UI, w, h, layers));
  }

  private make(key: string, bytes: number, target: number, storage: () => void): WebGLTexture {
    const gl = this.gl;
    const tex = gl.createTexture();
    if (!tex) fail('OUT_OF_MEMORY', `webgl2: createTexture returned null (${key})`);
    this.counts.textures += 1;
    this.sizes.set(tex, { key, bytes });
    this.bytes += bytes;
    gl.bindTexture(target, tex);
    gl.texParameteri(target, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(target, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    storage();
    gl.bindTexture(target, null);
    try {
      checkGl(gl, `allocating a ${key} texture of ${bytes} bytes (lower options.limits.maxBytes to use less)`);
    } catch (e) {
      this.deleteTexture(tex, true);
      throw e;
    }
    return tex;
  }

  /** Gives a batch texture back to the pool (taps textures are deleted). */
  recycle(tex: WebGLTexture, alive: boolean): void {
    if (!alive || this.sizes.get(tex)!.key.startsWith('taps:')) {
      this.deleteTexture(tex, alive);
      return;
    }
    this.idle.push(tex);
    while (this.idle.length > MAX_IDLE) this.deleteTexture(this.idle.shift()!, alive);
  }

  deleteTexture(tex: WebGLTexture, alive: boolean): void {
    const info = this.sizes.get(tex);
    if (!info) return;
    this.sizes.delete(tex);
    this.bytes -= info.bytes;
    this.release('textures', () => {
      unbindTextures(this.gl);
      this.gl.deleteTexture(tex);
    }, alive);
  }

  /** Deletes every texture, idle or not. */
  deleteAllTextures(alive: boolean): void {
    for (const tex of [...this.sizes.keys()]) this.deleteTexture(tex, alive);
    this.idle.length = 0;
  }

  stats(): WebGL2Stats {
    return { ...this.counts, pooledTextures: this.idle.length, textureBytes: this.bytes };
  }
}
