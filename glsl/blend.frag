#version 300 es
// blend (Mixup) for one sample i: dst[i] = λ·src[i] + (1 − λ)·src[index[i]], element by element.
//
// Texture layout (src/backends/webgl2/packing.ts): one TEXTURE_2D_ARRAY layer per sample; the
// sample's elements, in the batch's own memory order (NCHW or NHWC), four per texel, row-major.
// float32 batches are RGBA32UI textures of float32 bit patterns (uintBitsToFloat), uint8 batches
// are RGBA8UI textures of the values 0..255. Both arrays share the packing, so the partner's
// element is in the same texel and component; no geometry is needed.
//
// float32: highp v = u_wa·a + u_wb·b, with u_wa = λ and u_wb = 1 − λ both computed in float32 on
// the CPU. uint8: integers (src/plan/quantize.ts), with u_w = round(λ·2^14) from the CPU:
// (a·w + b·(2^14 − w) + 2^13) >> 14, exactly as on the CPU (at most 255·2^14 + 2^13: fits int32).
precision highp float;
precision highp int;
precision highp usampler2DArray;

uniform usampler2DArray u_self;    // holds sample i at layer u_selfLayer
uniform usampler2DArray u_partner; // holds sample index[i] at layer u_partnerLayer
uniform int u_selfLayer;
uniform int u_partnerLayer;
uniform bool u_u8;                 // true: RGBA8UI values; false: RGBA32UI float32 bits
uniform float u_wa;                // λ
uniform float u_wb;                // 1 − λ (float32, from the CPU)
uniform int u_w;                   // uint8: λ's 14-bit integer weight

out uvec4 o_texel;

vec4 decode(uvec4 t) {
  return u_u8 ? vec4(t) : uintBitsToFloat(t);
}

uvec4 encode(vec4 v) {
  return u_u8 ? uvec4(clamp(floor(v + 0.5), 0.0, 255.0)) : floatBitsToUint(v);
}

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  uvec4 ta = texelFetch(u_self, ivec3(p, u_selfLayer), 0);
  uvec4 tb = texelFetch(u_partner, ivec3(p, u_partnerLayer), 0);
  if (u_u8) {
    o_texel = uvec4((ivec4(ta) * u_w + ivec4(tb) * (16384 - u_w) + 8192) >> 14);
    return;
  }
  o_texel = encode(u_wa * decode(ta) + u_wb * decode(tb));
}
