#version 300 es
// paste (CutMix) for one sample i: dst[i] = src[i], then dst[i][:, y0:y1, x0:x1] = src[index[i]]
// at the same place. Both arrays share the packing of blend.frag (one layer per sample, the
// sample's elements in memory order, four per texel, rows of 2^u_shift texels), so element e of
// the output texel comes from component e of the same texel of self or partner. Texels are copied
// as raw bits (uvec4): float32 (RGBA32UI bit patterns) and uint8 (RGBA8UI) round-trip exactly, NaN
// payloads included.
//
// Element e (offset within the sample) is channel c = (e / sc) mod C, row y = (e / sy) mod H,
// column x = (e / sx) mod W for the batch's element strides; the texel's first element is
// decomposed so, the next three by stepping in memory order (NHWC: c fastest, then x, then y;
// NCHW: x fastest, then y, then c), which saves three divisions per element.
precision highp float;
precision highp int;
precision highp usampler2DArray;

uniform usampler2DArray u_self;
uniform usampler2DArray u_partner;
uniform int u_selfLayer;
uniform int u_partnerLayer;
uniform int u_shift;   // log2 of the texels per row of a layer
uniform int u_c;       // channels C, rows H, columns W
uniform int u_h;
uniform int u_w;
uniform int u_sc;      // element strides of a channel, a row, a column
uniform int u_sy;
uniform int u_sx;
uniform bool u_nhwc;   // memory order: NHWC (true) or NCHW
uniform ivec4 u_box;   // y0, y1, x0, x1 (half-open, destination pixels)

out uvec4 o_texel;

// (c, y, x) of element e.
ivec3 coordsOf(int e) {
  return ivec3((e / u_sc) % u_c, (e / u_sy) % u_h, (e / u_sx) % u_w);
}

// (c, y, x) of the element after p in memory order.
ivec3 next(ivec3 p) {
  if (u_nhwc) {
    if (++p.x == u_c) { p.x = 0; if (++p.z == u_w) { p.z = 0; ++p.y; } }
  } else {
    if (++p.z == u_w) { p.z = 0; if (++p.y == u_h) { p.y = 0; ++p.x; } }
  }
  return p;
}

bool inBox(ivec3 p) {
  return p.y >= u_box.x && p.y < u_box.y && p.z >= u_box.z && p.z < u_box.w;
}

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  ivec3 q0 = coordsOf(((p.y << u_shift) | p.x) << 2);
  ivec3 q1 = next(q0);
  ivec3 q2 = next(q1);
  ivec3 q3 = next(q2);
  uvec4 a = texelFetch(u_self, ivec3(p, u_selfLayer), 0);
  uvec4 b = texelFetch(u_partner, ivec3(p, u_partnerLayer), 0);
  o_texel = uvec4(inBox(q0) ? b.x : a.x, inBox(q1) ? b.y : a.y, inBox(q2) ? b.z : a.z, inBox(q3) ? b.w : a.w);
}
