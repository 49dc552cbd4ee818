#version 300 es
// box-quads: the vertex shader of the box-only passes (in-place CutMix and ResizeMix on a GPU batch,
// src/backends/webgl2/gpu-run.ts). Instead of the whole target, it covers only the texels that
// hold elements inside the boxes, so the pass costs in proportion to the box area, not the batch.
// Instance id = (slot j, run r, row y): for sample slot j (box y0, y1, x0, x1 in P1 of the params
// texture, glsl/batch.glsl) and box row y, the box's elements in row y are one contiguous run per
// channel r for NCHW ((c, y, x0..x1−1): e = r·sc + y·sy + x), one run for NHWC (r = 0:
// e = y·sy + x0·sx .. y·sy + x1·sx − 1). Elements [j·sn + e0, j·sn + e1) are texels [t0, t1) of the
// linear layout, which in rows of 2^u_shift texels are at most three rectangles: the rest of the
// first row, whole rows, the start of the last row. Vertex id = piece (0..2) · 6 + corner (0..5, two
// triangles). A row outside the box, or an absent piece, collapses to a point (nothing is drawn).
precision highp float;
precision highp int;
precision highp sampler2D;

uniform sampler2D u_params;
uniform int u_paramsShift;
uniform int u_shift;    // log2 of the target's texels per row
uniform int u_rows;     // the target's rows (the viewport height)
uniform int u_sn;
uniform int u_h;
uniform int u_sc;
uniform int u_sy;
uniform int u_sx;
uniform int u_runs;     // runs per box row: C for NCHW, 1 for NHWC
uniform bool u_nhwc;

vec4 param(int j, int k) {
  int t = (j << 2) + k;
  return texelFetch(u_params, ivec2(t & ((1 << u_paramsShift) - 1), t >> u_paramsShift), 0);
}

void main() {
  int y = gl_InstanceID % u_h;
  int r = (gl_InstanceID / u_h) % u_runs;
  int j = gl_InstanceID / (u_h * u_runs);
  vec4 box = param(j, 1);
  int y0 = int(box.x), y1 = int(box.y), x0 = int(box.z), x1 = int(box.w);
  gl_Position = vec4(-2.0, -2.0, 0.0, 1.0);
  if (y < y0 || y >= y1 || x0 >= x1) return;
  int base = j * u_sn + y * u_sy + (u_nhwc ? 0 : r * u_sc);
  int g0 = base + x0 * u_sx;
  int g1 = u_nhwc ? base + x1 * u_sx : base + x1;
  int t0 = g0 >> 2, t1 = (g1 + 3) >> 2;
  int w = 1 << u_shift;
  int ra = t0 >> u_shift, xa = t0 & (w - 1);
  int rb = (t1 - 1) >> u_shift, xb = ((t1 - 1) & (w - 1)) + 1;
  int piece = gl_VertexID / 6, corner = gl_VertexID % 6;
  ivec4 rect; // x0, y0, x1, y1 in texels
  if (ra == rb) {
    if (piece != 0) return;
    rect = ivec4(xa, ra, xb, ra + 1);
  } else if (piece == 0) {
    rect = ivec4(xa, ra, w, ra + 1);
  } else if (piece == 1) {
    if (rb == ra + 1) return;
    rect = ivec4(0, ra + 1, w, rb);
  } else {
    rect = ivec4(0, rb, xb, rb + 1);
  }
  // Corners of two triangles: (0,0) (1,0) (0,1) (0,1) (1,0) (1,1).
  int cx = (corner == 1 || corner == 4 || corner == 5) ? 1 : 0;
  int cy = (corner == 2 || corner == 3 || corner == 5) ? 1 : 0;
  vec2 p = vec2(cx == 1 ? rect.z : rect.x, cy == 1 ? rect.w : rect.y);
  gl_Position = vec4(2.0 * p.x / float(w) - 1.0, 2.0 * p.y / float(u_rows) - 1.0, 0.0, 1.0);
}
