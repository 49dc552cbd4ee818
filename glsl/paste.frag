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

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int g = ((p.y << u_shift) | p.x) << 2;
  o_texel = store4(VAL4(element(g), element(g + 1), element(g + 2), element(g + 3)));
}
