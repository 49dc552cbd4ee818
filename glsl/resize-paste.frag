// resizePaste (ResizeMix), every slot of the target in one draw (layout and parameters: batch.glsl):
//   out[j] = self[j], and inside the box [y0, y1) × [x0, x1) of P1
//   out[j][c, y0 + oy, x0 + ox] = Σ_a wy[a] · ( Σ_b wx[b] · P[c, iy[a], ix[b]] ),  P = partner[j]
// with the taps of this box size that the planner computed in TypeScript (src/plan/taps.ts:
// PyTorch F.interpolate, align_corners=False): row taps outer, column taps inner, the js oracle's
// order. float32: in highp float32. uint8 (SPEC §5, integer, quantised taps q summing to 2^14):
//   h_a = (Σ_b qx_b · P[c, iy_a, ix_b] + 128) >> 8;  S = Σ_a qy_a · h_a;  out = clamp((S + 2^19) >> 20, 0, 255).
// Taps: an RGBA32UI texture array read as a flat list, texel t at (t mod 2^tw, (t >> tw) mod 2^th,
// layer t >> (tw + th)): (source index, float32 bits of the weight, quantised weight + 32768, 0); output o
// of an axis with k taps per output uses texels base + o·k + j, j < k (P2 gives base and k).
precision highp usampler2DArray;

uniform usampler2DArray u_taps;
uniform int u_tapsShift;
uniform int u_tapsRows;

uvec4 tap(int t) {
  int x = t & ((1 << u_tapsShift) - 1);
  int y = (t >> u_tapsShift) & ((1 << u_tapsRows) - 1);
  return texelFetch(u_taps, ivec3(x, y, t >> (u_tapsShift + u_tapsRows)), 0);
}

VAL resized(int base, ivec3 c, vec4 b, vec4 t) {
  int ty = int(t.x) + (c.y - int(b.x)) * int(t.y);
  int tx = int(t.z) + (c.z - int(b.z)) * int(t.w);
  int ky = int(t.y), kx = int(t.w);
#ifdef BATCH_INT
  int s = 0;
  for (int a = 0; a < ky; a++) {
    uvec4 wy = tap(ty + a);
    int row = base + c.x * u_sc + int(wy.x) * u_sy;
    int h = 0;
    for (int k = 0; k < kx; k++) {
      uvec4 wx = tap(tx + k);
      h += (int(wx.z) - 32768) * load1(u_partner, row + int(wx.x) * u_sx);
    }
    s += (int(wy.z) - 32768) * ((h + 128) >> 8);
  }
  return clamp((s + 524288) >> 20, 0, 255);
#else
  float r = 0.0;
  for (int a = 0; a < ky; a++) {
    uvec4 wy = tap(ty + a);
    int row = base + c.x * u_sc + int(wy.x) * u_sy;
    float h = 0.0;
    for (int k = 0; k < kx; k++) {
      uvec4 wx = tap(tx + k);
      h += uintBitsToFloat(wx.y) * load1(u_partner, row + int(wx.x) * u_sx);
    }
    r += uintBitsToFloat(wy.y) * h;
  }
  return r;
#endif
}

VAL element(int g) {
  int j = g / u_sn;
  if (j >= u_count) return VAL(0);
  vec4 s = param(j, 0);
  if (int(s.z) != u_partnerPage) return load1(u_prev, g);
  int e = g - j * u_sn;
  ivec3 c = coordsOf(e);
  vec4 b = param(j, 1);
  bool inBox = c.y >= int(b.x) && c.y < int(b.y) && c.z >= int(b.z) && c.z < int(b.w);
  return inBox ? resized(int(s.y) * u_sn, c, b, param(j, 2)) : load1(u_self, int(s.x) * u_sn + e);
}

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int g = ((p.y << u_shift) | p.x) << 2;
  o_texel = store4(VAL4(element(g), element(g + 1), element(g + 2), element(g + 3)));
}
