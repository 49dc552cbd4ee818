/**
 * The three kernel programs (glsl/*.frag with the shared glsl/fullscreen.vert), compiled once per
 * context through twgl.js, and the one-triangle vertex buffer and VAO they all draw with. A compile
 * or link error throws BACKEND_UNAVAILABLE with twgl's line-numbered log, so 'auto' can move on.
 */
import * as twgl from 'twgl.js';
import { BatchMixError, fail } from '../../errors.js';
import { SHADERS } from '../../generated/shaders.js';
import type { GlResources } from './pool.js';

export type KernelName = 'blend' | 'paste' | 'resizePaste';

/** The fragment shader of each kernel: the file names match the kernel names (STYLE 3). */
export const FRAGMENT_FILES: Readonly<Record<KernelName, string>> = {
  blend: 'blend.frag',
  paste: 'paste.frag',
  resizePaste: 'resize-paste.frag',
};
export const VERTEX_FILE = 'fullscreen.vert';

export interface Programs {
  readonly info: Readonly<Record<KernelName, twgl.ProgramInfo>>;
  /** The shaders attached to the programs (twgl leaves them attached after linking). */
  readonly shaders: readonly WebGLShader[];
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

/** Compiles the three kernels and makes the fullscreen triangle; every object is counted in `res`. */
export function createPrograms(gl: WebGL2RenderingContext, res: GlResources): Programs {
  const vertex = source(VERTEX_FILE);
  const info = {} as Record<KernelName, twgl.ProgramInfo>;
  const shaders: WebGLShader[] = [];
  try {
    for (const name of Object.keys(FRAGMENT_FILES) as KernelName[]) {
      info[name] = compileProgram(gl, name, vertex, source(FRAGMENT_FILES[name]));
      res.adopt('programs');
      const attached = gl.getAttachedShaders(info[name].program) ?? [];
      res.adopt('shaders', attached.length);
      shaders.push(...attached);
    }
  } catch (e) {
    deleteObjects(gl, res, Object.values(info).map((p) => p.program), shaders, true);
    throw e;
  }
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
  return { info, shaders, vao, buffer };
}

function deleteObjects(gl: WebGL2RenderingContext, res: GlResources, programs: WebGLProgram[], shaders: WebGLShader[], alive: boolean): void {
  for (const s of shaders) res.release('shaders', () => gl.deleteShader(s), alive);
  for (const p of programs) res.release('programs', () => gl.deleteProgram(p), alive);
}

/** Deletes the programs, their shaders, the buffer and the VAO (alive = false: only un-counts them). */
export function deletePrograms(gl: WebGL2RenderingContext, res: GlResources, p: Programs, alive: boolean): void {
  deleteObjects(gl, res, Object.values(p.info).map((i) => i.program), [...p.shaders], alive);
  res.release('vertexArrays', () => gl.deleteVertexArray(p.vao), alive);
  res.release('buffers', () => gl.deleteBuffer(p.buffer), alive);
}
