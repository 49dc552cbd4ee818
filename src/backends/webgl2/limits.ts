/**
 * The sizes the backend plans with: the context's own limits, optionally lowered by the caller
 * (`limits` in the options, e.g. to force small chunks in tests). Options can only lower a limit.
 */
import { describe, fail } from '../../errors.js';

export interface WebGL2Limits {
  /** Widest and tallest texture (and viewport) side, in texels. */
  maxTextureSize?: number;
  /** Most layers of one TEXTURE_2D_ARRAY. */
  maxLayers?: number;
  /** Most bytes of textures one chunk of a CPU job may hold on the GPU (input and output layers). */
  maxBytes?: number;
}

export type ResolvedLimits = Required<WebGL2Limits>;

/** Default budget of GPU texture memory per chunk: 256 MiB. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

function checkLimit(name: keyof WebGL2Limits, value: unknown, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    fail('BAD_OPTIONS', `createWebGL2Backend: options.limits.${name} must be an integer ≥ ${min}, got ${describe(value)}`);
  }
  return value;
}

/**
 * min(context limit, option) for each limit: maxTextureSize = min(MAX_TEXTURE_SIZE,
 * MAX_VIEWPORT_DIMS), maxLayers = MAX_ARRAY_TEXTURE_LAYERS, maxBytes = DEFAULT_MAX_BYTES.
 */
export function resolveLimits(gl: WebGL2RenderingContext, options: unknown): ResolvedLimits {
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    fail('BAD_OPTIONS', `createWebGL2Backend: options.limits must be an object, got ${describe(options)}`);
  }
  const o = (options ?? {}) as Record<string, unknown>;
  const viewport = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as ArrayLike<number>;
  const ctxSize = Math.min(gl.getParameter(gl.MAX_TEXTURE_SIZE) as number, viewport[0], viewport[1]);
  const ctxLayers = gl.getParameter(gl.MAX_ARRAY_TEXTURE_LAYERS) as number;
  return {
    maxTextureSize: Math.min(ctxSize, checkLimit('maxTextureSize', o.maxTextureSize, 1) ?? ctxSize),
    maxLayers: Math.min(ctxLayers, checkLimit('maxLayers', o.maxLayers, 1) ?? ctxLayers),
    maxBytes: checkLimit('maxBytes', o.maxBytes, 1) ?? DEFAULT_MAX_BYTES,
  };
}
