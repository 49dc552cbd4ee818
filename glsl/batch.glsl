// batch.glsl: the GPU batch layout (docs/gpu-layout.md, src/backends/webgl2/packing.ts), shared by
// the kernels. A program is: `#version 300 es`, one variant define, this file, the kernel's file
// (src/backends/webgl2/programs.ts). Variants (the texture format of the batch):
//   (none)      float32 data in RGBA32F textures; values are floats
//   BATCH_U8    uint8 data in RGBA8UI textures; values are ints 0..255, integer arithmetic
//   BATCH_U8F   uint8 data held as float values 0..255 in RGBA32F textures (TF.js int32 images);
//               integer arithmetic as BATCH_U8, results stored as floats
//
// Layout: a page's samples one after another as one linear run of elements, four per texel, rows
// of 2^u_shift texels: element g of the run is component g & 3 of texel g >> 2, at
// ((g >> 2) mod 2^u_shift, (g >> 2) >> u_shift). Sample slot j holds elements [j·sn, (j+1)·sn).
//
// Every draw writes one whole target (u_count output slots); the per-slot parameters are 4 RGBA32F
// texels of u_params at 4j .. 4j+3 (integers are exact as floats below 2^24):
//   P0 = (self slot in u_self, partner slot in u_partner, partner's page, 0)
//   P1 = blend: (λ, 1 − λ, w = round(λ·2^14), 0); paste, resizePaste: the box (y0, y1, x0, x1)
//   P2 = resizePaste: (first y tap, taps per y output, first x tap, taps per x output)
// A slot whose partner lies on another page than u_partnerPage is not this draw's: its elements
// are copied from u_prev (the previous draw's target), so a multi-page job runs as one draw per
// (target page, partner page) pair.
precision highp float;
precision highp int;
precision highp sampler2D;
precision highp usampler2D;

#if defined(BATCH_U8) || defined(BATCH_U8F)
#define BATCH_INT
#define VAL int
#define VAL4 ivec4
#else
#define VAL float
#define VAL4 vec4
#endif

#ifdef BATCH_U8
#define BATCH_SAMPLER usampler2D
#define BATCH_TEXEL uvec4
#else
#define BATCH_SAMPLER sampler2D
#define BATCH_TEXEL vec4
#endif

uniform BATCH_SAMPLER u_self;    // holds the slots read as "self"
uniform BATCH_SAMPLER u_partner; // holds the slots read as "partner"
uniform BATCH_SAMPLER u_prev;    // the values of slots this draw does not handle
uniform sampler2D u_params;      // 4 texels per output slot
uniform int u_shift;             // log2 of the texels per row (every batch texture of a draw)
uniform int u_paramsShift;       // log2 of the params texture's texels per row
uniform int u_sn;                // elements of one sample
uniform int u_count;             // output slots of this target
uniform int u_partnerPage;       // the partner page this draw handles
uniform int u_c;                 // channels C, rows H, columns W
uniform int u_h;
uniform int u_w;
uniform int u_sc;                // element strides of a channel, a row, a column
uniform int u_sy;
uniform int u_sx;

out BATCH_TEXEL o_texel;

ivec2 texelPos(int q) {
  return ivec2(q & ((1 << u_shift) - 1), q >> u_shift);
}

// BATCH_U8F reads clamp to 0..255: a TF.js int32 tensor's values cannot be checked without a
// readback, so values outside the uint8 range are defined as their clamped value.
VAL4 load4(BATCH_SAMPLER s, int q) {
#ifdef BATCH_U8F
  return VAL4(clamp(texelFetch(s, texelPos(q), 0), 0.0, 255.0));
#else
  return VAL4(texelFetch(s, texelPos(q), 0));
#endif
}

VAL load1(BATCH_SAMPLER s, int g) {
#ifdef BATCH_U8F
  return VAL(clamp(texelFetch(s, texelPos(g >> 2), 0)[g & 3], 0.0, 255.0));
#else
  return VAL(texelFetch(s, texelPos(g >> 2), 0)[g & 3]);
#endif
}

BATCH_TEXEL store4(VAL4 v) {
  return BATCH_TEXEL(v);
}

vec4 param(int j, int k) {
  int t = (j << 2) + k;
  return texelFetch(u_params, ivec2(t & ((1 << u_paramsShift) - 1), t >> u_paramsShift), 0);
}

// (c, y, x) of element e of a sample.
ivec3 coordsOf(int e) {
  return ivec3((e / u_sc) % u_c, (e / u_sy) % u_h, (e / u_sx) % u_w);
}
