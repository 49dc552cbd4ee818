/**
 * The kernel programs: glsl/batch.glsl (the layout) + glsl/<kernel>.frag, with glsl/fullscreen.vert,
 * compiled through twgl.js once per context and variant, on first use (so creating the backend
 * compiles nothing), and the one-triangle vertex buffer and VAO they all draw with. A program's
 * source is the `#version` line, one `#define` naming the variant (the batch's texture format,
 * batch.glsl; and BATCH_ALIGNED for blend when a sample is a whole number of texels), batch.glsl and the kernel file: files and a variant switch, no values in the source.
 * A compile or link error throws BACKEND_UNAVAILABLE with twgl's line-numbered log.
 */
import * as twgl from 'twgl.js';
import { BatchMixError, fail } from '../../errors.js';
import { SHADERS } from '../../generated/shaders.js';
import type { GlResources } from './pool.js';

export type KernelName = 'blend' | 'paste' | 'resizePaste' | 'copy';

/** The vertex stage: the fullscreen triangle (whole target) or the box quads (box texels only). */
export type VertexKind = 'fullscreen' | 'boxes';

/**
 * The batch's texture format: 'f32' float32 in RGBA32F, 'u8' uint8 in RGBA8UI, 'u8f' uint8 values
 * held as floats in RGBA32F (TF.js int32 images: the hook for zero-copy TF.js tensors).
 */
export type Variant = 'f32' | 'u8' | 'u8f';

const DEFINES: Readonly<Record<Variant, string>> = { f32: '', u8: '#define BATCH_U8\n', u8f: '#define BATCH_U8F\n' };

/** The fragment shader of each kernel: the file names match the kernel names (STYLE 3). */
export const FRAGMENT_FILES: Readonly<Record<KernelName, string>> = {
  blend: 'blend.frag',
  paste: 'paste.frag',
  resizePaste: 'resize-paste.frag',
  copy: 'copy.frag',
};
export const VERTEX_FILE = 'fullscreen.vert';
export const VERTEX_FILES: Readonly<Record<VertexKind, string>> = { fullscreen: 'fullscreen.vert', boxes: 'box-quads.vert' };
export const LAYOUT_FILE = 'batch.glsl';

export interface Programs {
  /** Compiled programs by `${kernel}:${variant}` (and `:boxes` for the box-quads vertex stage). */
  readonly info: Map<string, twgl.ProgramInfo>;
  /** The shaders attached to the programs (twgl leaves them attached after linking). */
  readonly shaders: WebGLShader[];
  readonly vao: WebGLVertexArrayObject;
  readonly buffer: WebGLBuffer;
}

function source(file: string): string {
  const text = SHADERS[file];
  if (text === undefined) fail('INTERNAL', `webgl2: shader ${file} is missing from src/generated/shaders.ts; run npm run asbuild`);
  return text;
}

/**
 * Compiles and links one program (a_position bound to attribute 0). headless-gl raises stray GL
 * errors during twgl's WebGL2 introspection (TOOLCHAIN.md): they are drained here.
 */
export function compileProgram(gl: WebGL2RenderingContext, name: string, vertex: string, fragment: string): twgl.ProgramInfo {
  const log: string[] = [];
  const info = twgl.createProgramInfo(gl as unknown as WebGLRenderingContext, [vertex, fragment], {
    attribLocations: { a_position: 0 },
    errorCallback: (message: string) => { log.push(message); },
  });
  for (let i = 0; i < 16 && gl.getError() !== gl.NO_ERROR; i++);
  if (!info) {
    throw new BatchMixError('BACKEND_UNAVAILABLE',
      `webgl2: the shader program '${name}' does not compile or link on this context:\n${log.join('\n')}`);
  }
  return info;
}

/** The fragment source of a kernel variant. */
export function fragmentSource(kernel: KernelName, variant: Variant, aligned = false): string {
  return `#version 300 es\n${DEFINES[variant]}${aligned ? '#define BATCH_ALIGNED\n' : ''}${source(LAYOUT_FILE)}\n${source(FRAGMENT_FILES[kernel])}`;
}

/** Makes the fullscreen triangle (programs are compiled on first use by programFor); counted in `res`. */
export function createPrograms(gl: WebGL2RenderingContext, res: GlResources): Programs {
  const buffer = gl.createBuffer()!;
  res.adopt('buffers');
  gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
  gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 3, -1, -1, 3]), gl.STATIC_DRAW);
  const vao = gl.createVertexArray()!;
  res.adopt('vertexArrays');
  gl.bindVertexArray(vao);
  gl.enableVertexAttribArray(0);
  gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
  gl.bindVertexArray(null);
  gl.bindBuffer(gl.ARRAY_BUFFER, null);
  return { info: new Map(), shaders: [], vao, buffer };
}

/** The program of a kernel variant, compiled now if it is the first use on this context. */
export function programFor(gl: WebGL2RenderingContext, res: GlResources, p: Programs, kernel: KernelName, variant: Variant,
  vertex: VertexKind = 'fullscreen', aligned = false): twgl.ProgramInfo {
  // Only blend has a whole-texel path (BATCH_ALIGNED: samples of a multiple of 4 elements).
  const a = aligned && kernel === 'blend';
  const key = `${kernel}:${variant}${a ? ':aligned' : ''}${vertex === 'fullscreen' ? '' : `:${vertex}`}`;
  const have = p.info.get(key);
  if (have) return have;
  const info = compileProgram(gl, key, source(VERTEX_FILES[vertex]), fragmentSource(kernel, variant, a));
  res.adopt('programs');
  const attached = gl.getAttachedShaders(info.program) ?? [];
  res.adopt('shaders', attached.length);
  p.shaders.push(...attached);
  p.info.set(key, info);
  return info;
}

function deleteObjects(gl: WebGL2RenderingContext, res: GlResources, programs: WebGLProgram[], shaders: WebGLShader[], alive: boolean): void {
  for (const s of shaders) res.release('shaders', () => gl.deleteShader(s), alive);
  for (const p of programs) res.release('programs', () => gl.deleteProgram(p), alive);
}

/** Deletes the programs, their shaders, the buffer and the VAO (alive = false: only un-counts them). */
export function deletePrograms(gl: WebGL2RenderingContext, res: GlResources, p: Programs, alive: boolean): void {
  deleteObjects(gl, res, [...p.info.values()].map((i) => i.program), [...p.shaders], alive);
  p.info.clear();
  p.shaders.length = 0;
  res.release('vertexArrays', () => gl.deleteVertexArray(p.vao), alive);
  res.release('buffers', () => gl.deleteBuffer(p.buffer), alive);
}
