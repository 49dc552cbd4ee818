#version 300 es
// resizePaste (ResizeMix) for one sample i: dst[i] = src[i], then inside the box [y0, y1) × [x0, x1)
//   dst[i][c, y0 + oy, x0 + ox] = Σ_a wy[a] · ( Σ_b wx[b] · P[c, iy[a], ix[b]] )
// where P = src[index[i]] (the whole partner image, H × W) and (iy, wy), (ix, wx) are the taps of
// this box size that the planner computed in TypeScript (src/plan/taps.ts: PyTorch F.interpolate,
// align_corners=False): row taps outer, column taps inner, the order of the js oracle, in highp
// float32. Every read is a texelFetch, never hardware filtering.
//
// Packing as in paste.frag (elements in memory order, four per texel, rows of 2^u_shift texels;
// (c, y, x) of the texel's elements by one decomposition and three steps). Element (c, y, x) of the
// partner is at offset c·sc + y·sy + x·sx. float32 out: the sum's bits (bicubic may overshoot).
// uint8: integers with the taps' 14-bit weights q (src/plan/quantize.ts), in the same order:
//   h_a = (Σ_b qx_b·P[c, iy_a, ix_b] + 128) >> 8,  out = clamp((Σ_a qy_a·h_a + 2^19) >> 20, 0, 255)
// (>> on int extends the sign: floor). Outside the box the own texel is copied bit for bit.
// Taps: an RG32UI texture array read as a flat list, texel t at (t mod 2^tw, (t >> tw) mod 2^th,
// layer t >> (tw + th)), each (source index, float32 bits of the weight; for uint8 the int32 bits
// of q); output o of an axis with k taps per output uses texels base + o·k + j, j < k.
precision highp float;
precision highp int;
precision highp usampler2DArray;

uniform usampler2DArray u_self;
uniform usampler2DArray u_partner;
uniform int u_selfLayer;
uniform int u_partnerLayer;
uniform bool u_u8;       // true: RGBA8UI values; false: RGBA32UI float32 bits
uniform int u_shift;     // log2 of the texels per row of a layer
uniform int u_sn;        // elements of a sample (C·H·W); later ones are padding
uniform int u_c;         // channels C, rows H, columns W
uniform int u_h;
uniform int u_w;
uniform int u_sc;        // element strides of a channel, a row, a column
uniform int u_sy;
uniform int u_sx;
uniform bool u_nhwc;     // memory order: NHWC (true) or NCHW
uniform ivec4 u_box;     // y0, y1, x0, x1 (half-open)
uniform usampler2DArray u_taps;
uniform int u_tapsShift; // log2 of the taps texture's texels per row, and of its rows per layer
uniform int u_tapsRows;
uniform int u_tapY;      // first taps texel of this box's row axis, and its taps per output
uniform int u_ky;
uniform int u_tapX;      // first taps texel of this box's column axis, and its taps per output
uniform int u_kx;

out uvec4 o_texel;

ivec3 coordsOf(int e) {
  return ivec3((e / u_sc) % u_c, (e / u_sy) % u_h, (e / u_sx) % u_w);
}

ivec3 next(ivec3 p) {
  if (u_nhwc) {
    if (++p.x == u_c) { p.x = 0; if (++p.z == u_w) { p.z = 0; ++p.y; } }
  } else {
    if (++p.z == u_w) { p.z = 0; if (++p.y == u_h) { p.y = 0; ++p.x; } }
  }
  return p;
}

uvec2 tap(int t) {
  int x = t & ((1 << u_tapsShift) - 1);
  int y = (t >> u_tapsShift) & ((1 << u_tapsRows) - 1);
  return texelFetch(u_taps, ivec3(x, y, t >> (u_tapsShift + u_tapsRows)), 0).xy;
}

float partnerAt(int e) {
  int q = e >> 2;
  uint v = texelFetch(u_partner, ivec3(q & ((1 << u_shift) - 1), q >> u_shift, u_partnerLayer), 0)[e & 3];
  return u_u8 ? float(v) : uintBitsToFloat(v);
}

uint element(uint own, int e, ivec3 p) {
  if (e >= u_sn || p.y < u_box.x || p.y >= u_box.y || p.z < u_box.z || p.z >= u_box.w) return own;
  int ty = u_tapY + (p.y - u_box.x) * u_ky;
  int tx = u_tapX + (p.z - u_box.z) * u_kx;
  if (u_u8) {
    int s = 0;
    for (int a = 0; a < u_ky; a++) {
      uvec2 wy = tap(ty + a);
      int row = p.x * u_sc + int(wy.x) * u_sy;
      int t = 0;
      for (int b = 0; b < u_kx; b++) {
        uvec2 wx = tap(tx + b);
        t += int(wx.y) * int(partnerAt(row + int(wx.x) * u_sx));
      }
      s += int(wy.y) * ((t + 128) >> 8);
    }
    return uint(clamp((s + 524288) >> 20, 0, 255));
  }
  float r = 0.0;
  for (int a = 0; a < u_ky; a++) {
    uvec2 wy = tap(ty + a);
    int row = p.x * u_sc + int(wy.x) * u_sy;
    float t = 0.0;
    for (int b = 0; b < u_kx; b++) {
      uvec2 wx = tap(tx + b);
      t += uintBitsToFloat(wx.y) * partnerAt(row + int(wx.x) * u_sx);
    }
    r += uintBitsToFloat(wy.y) * t;
  }
  return floatBitsToUint(r);
}

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int e = ((p.y << u_shift) | p.x) << 2;
  ivec3 q0 = coordsOf(e);
  ivec3 q1 = next(q0);
  ivec3 q2 = next(q1);
  ivec3 q3 = next(q2);
  uvec4 own = texelFetch(u_self, ivec3(p, u_selfLayer), 0);
  o_texel = uvec4(element(own.x, e, q0), element(own.y, e + 1, q1), element(own.z, e + 2, q2), element(own.w, e + 3, q3));
}
