/**
 * The GL state a call relies on. A context may be shared with the caller's own rendering, so every
 * call first sets what the kernels assume (pixel-store defaults, no pixel buffers bound, no
 * scissor, blending, culling, depth or stencil test, all colour channels written) and unbinds what it
 * bound when it ends. Callers sharing a context should set their own state after a batchmix call.
 */

/** Puts the state the backend relies on in place. */
export function prepareState(gl: WebGL2RenderingContext): void {
  gl.bindBuffer(gl.PIXEL_UNPACK_BUFFER, null);
  gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
  for (const [name, value] of [
    [gl.UNPACK_ALIGNMENT, 4], [gl.UNPACK_ROW_LENGTH, 0], [gl.UNPACK_IMAGE_HEIGHT, 0],
    [gl.UNPACK_SKIP_PIXELS, 0], [gl.UNPACK_SKIP_ROWS, 0], [gl.UNPACK_SKIP_IMAGES, 0],
    [gl.PACK_ALIGNMENT, 4], [gl.PACK_ROW_LENGTH, 0], [gl.PACK_SKIP_PIXELS, 0], [gl.PACK_SKIP_ROWS, 0],
  ] as const) {
    gl.pixelStorei(name, value);
  }
  // Both also apply to typed-array uploads (and 3-D uploads fail with them set).
  gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
  gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
  for (const cap of [gl.BLEND, gl.CULL_FACE, gl.DEPTH_TEST, gl.STENCIL_TEST, gl.SCISSOR_TEST,
    gl.RASTERIZER_DISCARD, gl.POLYGON_OFFSET_FILL, gl.SAMPLE_ALPHA_TO_COVERAGE, gl.SAMPLE_COVERAGE]) {
    gl.disable(cap);
  }
  gl.colorMask(true, true, true, true);
}

/** Unbinds the framebuffer, program, VAO and the textures of the units the kernels use (0..2). */
export function releaseState(gl: WebGL2RenderingContext): void {
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.useProgram(null);
  gl.bindVertexArray(null);
  for (let unit = 2; unit >= 0; unit--) {
    gl.activeTexture(gl.TEXTURE0 + unit);
    gl.bindTexture(gl.TEXTURE_2D_ARRAY, null);
    gl.bindTexture(gl.TEXTURE_2D, null);
  }
}
