#version 300 es
// resizePaste (ResizeMix) for one sample i: dst[i] = src[i], then inside the box [y0, y1) × [x0, x1)
//   dst[i][c, y0 + oy, x0 + ox] = Σ_a wy[a] · ( Σ_b wx[b] · P[c, iy[a], ix[b]] )
// where P = src[index[i]] (the whole partner image, H × W) and (iy, wy), (ix, wx) are the taps of
// this box size that the planner computed in TypeScript (src/plan/taps.ts: PyTorch F.interpolate,
// align_corners=False): row taps outer, column taps inner, the order of the js oracle, in highp
// float32. Every read is a texelFetch, never hardware filtering.
//
// Packing as in blend.frag: one layer per sample, elements in memory order, four per texel; element
// (c, y, x) of a sample is at offset c·sc + y·sy + x·sx. float32 out: the sum's bits (bicubic may
// overshoot); uint8 out: clamp(floor(v + 0.5), 0, 255). Outside the box the own texel is copied bit
// for bit. Taps: an RG32UI texture array read as a flat list, texel t at (t mod W, (t / W) mod H,
// layer t / (W·H)) for W = u_tapsW, H = u_tapsH, each (source index, float32 bits of the weight);
// output o of an axis with k taps per output uses texels base + o·k + j, j < k.
precision highp float;
precision highp int;
precision highp usampler2DArray;

uniform usampler2DArray u_self;
uniform usampler2DArray u_partner;
uniform int u_selfLayer;
uniform int u_partnerLayer;
uniform bool u_u8;      // true: RGBA8UI values; false: RGBA32UI float32 bits
uniform int u_texW;     // texels per row of a layer
uniform int u_c;        // channels C
uniform int u_h;        // rows H
uniform int u_w;        // columns W
uniform int u_sc;       // element strides of a channel, a row, a column
uniform int u_sy;
uniform int u_sx;
uniform ivec4 u_box;    // y0, y1, x0, x1 (half-open)
uniform usampler2DArray u_taps;
uniform int u_tapsW;    // texels per row and rows per layer of the taps texture
uniform int u_tapsH;
uniform int u_tapY;     // first taps texel of this box's row axis, and its taps per output
uniform int u_ky;
uniform int u_tapX;     // first taps texel of this box's column axis, and its taps per output
uniform int u_kx;

out uvec4 o_texel;

uvec2 tap(int t) {
  int r = t / u_tapsW;
  return texelFetch(u_taps, ivec3(t % u_tapsW, r % u_tapsH, r / u_tapsH), 0).xy;
}

float partnerAt(int e) {
  int q = e / 4;
  uint v = texelFetch(u_partner, ivec3(q % u_texW, q / u_texW, u_partnerLayer), 0)[e % 4];
  return u_u8 ? float(v) : uintBitsToFloat(v);
}

uint element(uint own, int e) {
  int c = (e / u_sc) % u_c;
  int y = (e / u_sy) % u_h;
  int x = (e / u_sx) % u_w;
  if (y < u_box.x || y >= u_box.y || x < u_box.z || x >= u_box.w) return own;
  int ty = u_tapY + (y - u_box.x) * u_ky;
  int tx = u_tapX + (x - u_box.z) * u_kx;
  float r = 0.0;
  for (int a = 0; a < u_ky; a++) {
    uvec2 wy = tap(ty + a);
    int row = c * u_sc + int(wy.x) * u_sy;
    float t = 0.0;
    for (int b = 0; b < u_kx; b++) {
      uvec2 wx = tap(tx + b);
      t += uintBitsToFloat(wx.y) * partnerAt(row + int(wx.x) * u_sx);
    }
    r += uintBitsToFloat(wy.y) * t;
  }
  return u_u8 ? uint(clamp(floor(r + 0.5), 0.0, 255.0)) : floatBitsToUint(r);
}

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int e = 4 * (p.y * u_texW + p.x);
  uvec4 own = texelFetch(u_self, ivec3(p, u_selfLayer), 0);
  o_texel = uvec4(element(own.x, e), element(own.y, e + 1), element(own.z, e + 2), element(own.w, e + 3));
}
