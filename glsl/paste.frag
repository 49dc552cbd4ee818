#version 300 es
// paste (CutMix) for one sample i: dst[i] = src[i], then dst[i][:, y0:y1, x0:x1] = src[index[i]]
// at the same place. Both arrays share the packing of blend.frag (one layer per sample, the
// sample's elements in memory order, four per texel), so element e of the output texel comes
// from component e of the same texel of self or partner. Texels are copied as raw bits (uvec4):
// float32 (RGBA32UI bit patterns) and uint8 (RGBA8UI) round-trip exactly, NaN payloads included.
//
// Element e (offset within the sample) sits at row y = (e / sy) mod H and column x = (e / sx) mod W
// for the batch's element strides sy, sx (dense NCHW or NHWC).
precision highp float;
precision highp int;
precision highp usampler2DArray;

uniform usampler2DArray u_self;
uniform usampler2DArray u_partner;
uniform int u_selfLayer;
uniform int u_partnerLayer;
uniform int u_texW;   // texels per row of a layer
uniform int u_h;      // image rows H
uniform int u_w;      // image columns W
uniform int u_sy;     // element stride of a row
uniform int u_sx;     // element stride of a column
uniform ivec4 u_box;  // y0, y1, x0, x1 (half-open, destination pixels)

out uvec4 o_texel;

bool inBox(int e) {
  int y = (e / u_sy) % u_h;
  int x = (e / u_sx) % u_w;
  return y >= u_box.x && y < u_box.y && x >= u_box.z && x < u_box.w;
}

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int e = 4 * (p.y * u_texW + p.x);
  uvec4 a = texelFetch(u_self, ivec3(p, u_selfLayer), 0);
  uvec4 b = texelFetch(u_partner, ivec3(p, u_partnerLayer), 0);
  o_texel = uvec4(inBox(e) ? b.x : a.x, inBox(e + 1) ? b.y : a.y,
                  inBox(e + 2) ? b.z : a.z, inBox(e + 3) ? b.w : a.w);
}
