// pack-image: one browser image, uploaded as it is into an RGBA8 TEXTURE_2D (texImage2D straight
// from the ImageBitmap, canvas, <img> or ImageData), written into its slot of a GpuBatch page in
// the batch layout (glsl/batch.glsl, docs/gpu-layout.md): element g of the page's run is component
// g & 3 of texel g >> 2, rows of 2^u_shift texels; slot u_slot holds elements [slot·sn, slot·sn + sn).
// Element e of the sample is channel c = (e / sc) mod C, row y = (e / sy) mod H, column x = (e / sx) mod W.
// Compiled as `#version 300 es`, `#define BATCH_U8` for uint8 pages, then this file.
// The draw covers the page; texels outside [u_texels.x, u_texels.y) are discarded, and the caller's
// colour mask keeps the components of neighbouring samples in texels that samples share.
// Batch pixel (x, y) shows the image at (sx, sy) + ((x, y) + 0.5 - (dx, dy)) * (sw, sh) / (dw, dh)
// (the fit rectangles of src/browser/fit.ts) and is 0 outside the destination rectangle.
// u_exact (the image is W x H): texelFetch; otherwise the GPU's bilinear filter, clamped to edge.
// Bytes b = clamp(floor(255 v + 0.5), 0, 255) per channel; C = 1 is the luma
// (299 R + 587 G + 114 B + 500) / 1000 in integers. uint8 batches store b; float32 batches store
// fround(b / 255) from u_div255, made on the CPU so that they equal imagesToBatch's.
precision highp float;
precision highp int;

uniform sampler2D u_image;
uniform bool u_exact;
uniform vec2 u_imageSize;  // image width, height
uniform vec4 u_src;        // sx, sy, sw, sh (image pixels)
uniform vec4 u_dst;        // dx, dy, dw, dh (batch pixels)
uniform int u_shift;       // log2 of the page's texels per row
uniform int u_slot;        // the image's slot in the page
uniform ivec2 u_texels;    // the texels this draw writes: [x, y)
uniform int u_sn;          // elements per sample
uniform int u_c;
uniform int u_h;
uniform int u_w;
uniform int u_sc;
uniform int u_sy;
uniform int u_sx;
uniform vec4 u_div255[64]; // fround(b / 255), b = 4k + j at [k][j]

#ifdef BATCH_U8
out uvec4 o_texel;
#else
out vec4 o_texel;
#endif

uvec4 bytesAt(int x, int y) {
  vec2 p = vec2(float(x), float(y)) + 0.5;
  if (any(lessThan(p, u_dst.xy)) || any(greaterThanEqual(p, u_dst.xy + u_dst.zw))) return uvec4(0u);
  vec4 v = u_exact ? texelFetch(u_image, ivec2(x, y), 0)
                   : texture(u_image, (u_src.xy + (p - u_dst.xy) * u_src.zw / u_dst.zw) / u_imageSize);
  return uvec4(clamp(floor(v * 255.0 + 0.5), 0.0, 255.0));
}

uint byteOf(int g) {
  int e = g - u_slot * u_sn;
  if (e < 0 || e >= u_sn) return 0u;
  int c = (e / u_sc) % u_c;
  uvec4 b = bytesAt((e / u_sx) % u_w, (e / u_sy) % u_h);
  return u_c == 1 ? (299u * b.r + 587u * b.g + 114u * b.b + 500u) / 1000u : b[c];
}

float valueOf(uint b) {
  return u_div255[int(b >> 2u)][int(b & 3u)];
}

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int q = (p.y << u_shift) | p.x;
  if (q < u_texels.x || q >= u_texels.y) discard;
  int g = q << 2;
  uvec4 b = uvec4(byteOf(g), byteOf(g + 1), byteOf(g + 2), byteOf(g + 3));
#ifdef BATCH_U8
  o_texel = b;
#else
  o_texel = vec4(valueOf(b.x), valueOf(b.y), valueOf(b.z), valueOf(b.w));
#endif
}
