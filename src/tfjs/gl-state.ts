/**
 * Save and restore the GL state that batchmix's kernels change, on a context shared with TF.js's
 * webgl backend. TF.js sets most of its state per op, but relies on some it set once (SCISSOR_TEST
 * enabled, DITHER/BLEND/DEPTH_TEST disabled, pixel-store values, its bound framebuffer and textures
 * between its own calls), and the webgl2 backend's prepareState/releaseState put defaults in place
 * and unbind. So mixTensors snapshots all of it before the kernels run and puts it back after,
 * whatever happened in between (also when the kernels throw).
 *
 * Covered: framebuffer bindings (draw and read), current program, vertex array, ARRAY_BUFFER,
 * pixel pack/unpack buffers, the active texture unit and the 2D / 2D-array / 3D texture bound on
 * each of the first `units` units, viewport, scissor box, the enable caps below, colour mask,
 * clear colour and the pixel-store parameters.
 */

const CAPS = ['BLEND', 'CULL_FACE', 'DEPTH_TEST', 'DITHER', 'POLYGON_OFFSET_FILL', 'RASTERIZER_DISCARD',
  'SAMPLE_ALPHA_TO_COVERAGE', 'SAMPLE_COVERAGE', 'SCISSOR_TEST', 'STENCIL_TEST'] as const;

const PIXEL_STORE = ['PACK_ALIGNMENT', 'PACK_ROW_LENGTH', 'PACK_SKIP_PIXELS', 'PACK_SKIP_ROWS', 'UNPACK_ALIGNMENT',
  'UNPACK_ROW_LENGTH', 'UNPACK_IMAGE_HEIGHT', 'UNPACK_SKIP_PIXELS', 'UNPACK_SKIP_ROWS', 'UNPACK_SKIP_IMAGES',
  'UNPACK_FLIP_Y_WEBGL', 'UNPACK_PREMULTIPLY_ALPHA_WEBGL', 'UNPACK_COLORSPACE_CONVERSION_WEBGL'] as const;

/** The texture units whose bindings are saved: batchmix's kernels use the first few. */
const UNITS = 8;

/** Snapshots the state; the returned function restores it (call it once, in a finally). */
export function saveGlState(gl: WebGL2RenderingContext): () => void {
  const g = (p: number): unknown => gl.getParameter(p);
  const drawFb = g(gl.DRAW_FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
  const readFb = g(gl.READ_FRAMEBUFFER_BINDING) as WebGLFramebuffer | null;
  const program = g(gl.CURRENT_PROGRAM) as WebGLProgram | null;
  const vao = g(gl.VERTEX_ARRAY_BINDING) as WebGLVertexArrayObject | null;
  const arrayBuffer = g(gl.ARRAY_BUFFER_BINDING) as WebGLBuffer | null;
  const packBuffer = g(gl.PIXEL_PACK_BUFFER_BINDING) as WebGLBuffer | null;
  const unpackBuffer = g(gl.PIXEL_UNPACK_BUFFER_BINDING) as WebGLBuffer | null;
  const active = g(gl.ACTIVE_TEXTURE) as number;
  const units = Math.min(UNITS, g(gl.MAX_COMBINED_TEXTURE_IMAGE_UNITS) as number);
  const textures: [WebGLTexture | null, WebGLTexture | null, WebGLTexture | null][] = [];
  for (let u = 0; u < units; u++) {
    gl.activeTexture(gl.TEXTURE0 + u);
    textures.push([g(gl.TEXTURE_BINDING_2D), g(gl.TEXTURE_BINDING_2D_ARRAY), g(gl.TEXTURE_BINDING_3D)] as never);
  }
  gl.activeTexture(active);
  const viewport = g(gl.VIEWPORT) as Int32Array;
  const scissor = g(gl.SCISSOR_BOX) as Int32Array;
  const caps = CAPS.map((c) => gl.isEnabled(gl[c]));
  const mask = g(gl.COLOR_WRITEMASK) as boolean[];
  const clear = g(gl.COLOR_CLEAR_VALUE) as Float32Array;
  const store = PIXEL_STORE.map((p) => g(gl[p]) as number | boolean);

  return () => {
    gl.bindFramebuffer(gl.DRAW_FRAMEBUFFER, drawFb);
    gl.bindFramebuffer(gl.READ_FRAMEBUFFER, readFb);
    gl.useProgram(program);
    gl.bindVertexArray(vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, arrayBuffer);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, packBuffer);
    gl.bindBuffer(gl.PIXEL_UNPACK_BUFFER, unpackBuffer);
    for (let u = 0; u < units; u++) {
      gl.activeTexture(gl.TEXTURE0 + u);
      gl.bindTexture(gl.TEXTURE_2D, textures[u][0]);
      gl.bindTexture(gl.TEXTURE_2D_ARRAY, textures[u][1]);
      gl.bindTexture(gl.TEXTURE_3D, textures[u][2]);
    }
    gl.activeTexture(active);
    gl.viewport(viewport[0], viewport[1], viewport[2], viewport[3]);
    gl.scissor(scissor[0], scissor[1], scissor[2], scissor[3]);
    CAPS.forEach((c, i) => (caps[i] ? gl.enable(gl[c]) : gl.disable(gl[c])));
    gl.colorMask(mask[0], mask[1], mask[2], mask[3]);
    gl.clearColor(clear[0], clear[1], clear[2], clear[3]);
    PIXEL_STORE.forEach((p, i) => gl.pixelStorei(gl[p], store[i] as number));
  };
}
