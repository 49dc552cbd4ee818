/**
 * What renders: the renderer string of a WebGL2 context and whether it is a software rasteriser
 * (SPEC §5: a software rasteriser never takes CPU arrays in 'auto'). Where the string comes from:
 *   - headless-gl: its JS getParameter(RENDERER) says only "ANGLE" (bench/GPU.md); the native
 *     string, e.g. "ANGLE (Mesa/X.org, llvmpipe (LLVM 15.0.6 256 bits), OpenGL 4.5)", comes from the
 *     native getParameter that headless-gl keeps as `_getParameterDirect`;
 *   - browsers: WEBGL_debug_renderer_info's UNMASKED_RENDERER_WEBGL, e.g. "ANGLE (Google, Vulkan
 *     1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)";
 *   - else getParameter(RENDERER) (a browser that masks the renderer gives a generic name: then the
 *     renderer is treated as hardware and 'auto' measures).
 */

export interface RendererInfo {
  /** The renderer string. */
  readonly renderer: string;
  /** Where it came from: 'native' (headless-gl), 'debug-info' (WEBGL_debug_renderer_info) or 'renderer'. */
  readonly source: 'native' | 'debug-info' | 'renderer';
  /** True for a software rasteriser. */
  readonly software: boolean;
  /** The SOFTWARE_RENDERERS name that matched, or null. */
  readonly matched: string | null;
}

/** Software rasterisers, matched case-insensitively anywhere in the renderer string. */
export const SOFTWARE_RENDERERS: readonly string[] = [
  'llvmpipe', 'lavapipe', 'softpipe', 'swrast', 'SwiftShader', 'Microsoft Basic Render Driver', 'Apple Software Renderer',
];

/** The renderer string and source of a context. */
function rendererString(gl: WebGL2RenderingContext): { renderer: string; source: RendererInfo['source'] } {
  const native = (gl as unknown as { _getParameterDirect?: (p: number) => unknown })._getParameterDirect;
  if (typeof native === 'function') {
    try {
      const r = native.call(gl, gl.RENDERER);
      if (typeof r === 'string' && r) return { renderer: r, source: 'native' };
    } catch {
      // fall through to the portable ways
    }
  }
  const ext = gl.getExtension('WEBGL_debug_renderer_info') as { UNMASKED_RENDERER_WEBGL: number } | null;
  if (ext) {
    const r = gl.getParameter(ext.UNMASKED_RENDERER_WEBGL);
    if (typeof r === 'string' && r) return { renderer: r, source: 'debug-info' };
  }
  return { renderer: String(gl.getParameter(gl.RENDERER) ?? 'unknown'), source: 'renderer' };
}

/** Classifies a renderer string (exported for tests and for callers with their own context). */
export function classifyRenderer(renderer: string): { software: boolean; matched: string | null } {
  const low = renderer.toLowerCase();
  const matched = SOFTWARE_RENDERERS.find((name) => low.includes(name.toLowerCase())) ?? null;
  return { software: matched !== null, matched };
}

/** The renderer of a context, classified. */
export function rendererInfo(gl: WebGL2RenderingContext): RendererInfo {
  const { renderer, source } = rendererString(gl);
  return { renderer, source, ...classifyRenderer(renderer) };
}
