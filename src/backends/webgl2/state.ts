/**
 * The GL state a call relies on. A context may be shared with the caller's own rendering, so every
 * call first sets what the kernels assume (pixel-store defaults, no pixel buffers bound, no
 * scissor, blending, culling, depth or stencil test, all colour channels written) and unbinds what it
 * bound when it ends. Callers sharing a context should set their own state after a batchmix call.
 */

/** Puts the state the backend relies on in place. */
export function prepareState(gl: WebGL2RenderingContext): void {
  // Only when bound: headless-gl knows no pixel buffer targets (binding null there is an error).
  if (gl.getParameter(gl.PIXEL_UNPACK_BUFFER_BINDING)) gl.bindBuffer(gl.PIXEL_UNPACK_BUFFER, null);
  if (gl.getParameter(gl.PIXEL_PACK_BUFFER_BINDING)) gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
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

/**
 * Unbinds the 2-D textures and texture arrays of the units the kernels use (0..4), leaving unit 0 active. Also run
 * before deleting a texture: headless-gl's deleteTexture mis-handles a bound TEXTURE_2D_ARRAY
 * (it calls activeTexture(TEXTURE_2D_ARRAY): INVALID_ENUM).
 */
export function unbindTextures(gl: WebGL2RenderingContext): void {
  for (let unit = 4; unit >= 0; unit--) {
    gl.activeTexture(gl.TEXTURE0 + unit);
    gl.bindTexture(gl.TEXTURE_2D_ARRAY, null);
    gl.bindTexture(gl.TEXTURE_2D, null);
  }
}

/** Unbinds the framebuffer, program, VAO and the kernels' textures. */
export function releaseState(gl: WebGL2RenderingContext): void {
  gl.bindFramebuffer(gl.FRAMEBUFFER, null);
  gl.useProgram(null);
  gl.bindVertexArray(null);
  unbindTextures(gl);
}
