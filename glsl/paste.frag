// paste (CutMix), every slot of the target in one draw (layout and parameters: batch.glsl):
//   out[j] = self[j], and inside the box [y0, y1) × [x0, x1) of P1: out[j][c, y, x] = partner[j][c, y, x].
// Values are copied (float32 values, uint8 values): no arithmetic. Element e of a slot is
// (c, y, x) = ((e / sc) mod C, (e / sy) mod H, (e / sx) mod W).
// u_boxOnly (in place on a GPU batch, see gpu-run.ts): the draw covers only the box texels
// (instanced quads from box-quads.vert) and writes the partner's elements there; elements outside
// the box that share a texel with box elements are copied from self.

VAL element(int g) {
  int j = g / u_sn;
  if (j >= u_count) return VAL(0);
  vec4 s = param(j, 0);
  if (int(s.z) != u_partnerPage) return load1(u_prev, g);
  int e = g - j * u_sn;
  ivec3 c = coordsOf(e);
  vec4 b = param(j, 1);
  bool inBox = c.y >= int(b.x) && c.y < int(b.y) && c.z >= int(b.z) && c.z < int(b.w);
  return inBox ? load1(u_partner, int(s.y) * u_sn + e) : load1(u_self, int(s.x) * u_sn + e);
}

uniform bool u_nhwc;

// (c, y, x) of the element after c in memory order (NHWC: c fastest, then x, then y; NCHW: x, y, c).
ivec3 next(ivec3 c) {
  if (u_nhwc) {
    if (++c.x == u_c) { c.x = 0; if (++c.z == u_w) { c.z = 0; ++c.y; } }
  } else {
    if (++c.z == u_w) { c.z = 0; if (++c.y == u_h) { c.y = 0; ++c.x; } }
  }
  return c;
}

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int g = ((p.y << u_shift) | p.x) << 2;
  int j = g / u_sn;
  int e = g - j * u_sn;
  // The common texel: four elements of one sample, all handled by this draw. One decomposition,
  // three steps, one params fetch, instead of per-element divisions.
  if (j < u_count && e + 3 < u_sn) {
    vec4 s = param(j, 0);
    if (int(s.z) == u_partnerPage) {
      vec4 b = param(j, 1);
      ivec3 c0 = coordsOf(e), c1 = next(c0), c2 = next(c1), c3 = next(c2);
      int self = int(s.x) * u_sn + e, partner = int(s.y) * u_sn + e;
      bvec4 inBox = bvec4(
        c0.y >= int(b.x) && c0.y < int(b.y) && c0.z >= int(b.z) && c0.z < int(b.w),
        c1.y >= int(b.x) && c1.y < int(b.y) && c1.z >= int(b.z) && c1.z < int(b.w),
        c2.y >= int(b.x) && c2.y < int(b.y) && c2.z >= int(b.z) && c2.z < int(b.w),
        c3.y >= int(b.x) && c3.y < int(b.y) && c3.z >= int(b.z) && c3.z < int(b.w));
      VAL4 v;
      for (int k = 0; k < 4; k++) v[k] = inBox[k] ? load1(u_partner, partner + k) : load1(u_self, self + k);
      o_texel = store4(v);
      return;
    }
  }
  o_texel = store4(VAL4(element(g), element(g + 1), element(g + 2), element(g + 3)));
}
