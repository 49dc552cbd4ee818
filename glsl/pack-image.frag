#version 300 es
// pack-image: one browser image, uploaded as it is into an RGBA8 TEXTURE_2D (texImage2D straight
// from the ImageBitmap, canvas, <img> or ImageData), written into one layer of a GpuBatch in the
// batch packing (src/backends/webgl2/packing.ts): element e of the sample is component e mod 4 of
// texel e / 4, texels row-major, u_texW per row; elements past u_sn are 0.
// Element e is channel c = (e / sc) mod C, row y = (e / sy) mod H, column x = (e / sx) mod W.
// Batch pixel (x, y) shows the image at (sx, sy) + ((x, y) + 0.5 - (dx, dy)) * (sw, sh) / (dw, dh)
// (the fit rectangles of src/browser/fit.ts) and is 0 outside the destination rectangle.
// u_exact (the image is W x H): texelFetch; otherwise the GPU's bilinear filter, clamped to edge.
// Bytes b = clamp(floor(255 v + 0.5), 0, 255) per channel; C = 1 is the luma
// (299 R + 587 G + 114 B + 500) / 1000 in integers. uint8 batches store b; float32 batches store the
// bits of fround(b / 255) from u_div255, made on the CPU so that they equal imagesToBatch's.
precision highp float;
precision highp int;

uniform sampler2D u_image;
uniform bool u_exact;
uniform vec2 u_imageSize;  // image width, height
uniform vec4 u_src;        // sx, sy, sw, sh (image pixels)
uniform vec4 u_dst;        // dx, dy, dw, dh (batch pixels)
uniform int u_texW;
uniform int u_sn;          // elements per sample
uniform int u_c;
uniform int u_h;
uniform int u_w;
uniform int u_sc;
uniform int u_sy;
uniform int u_sx;
uniform bool u_u8;
uniform uvec4 u_div255[64]; // float32 bits of b / 255, b = 4k + j at [k][j]

out uvec4 o_texel;

uvec4 bytesAt(int x, int y) {
  vec2 p = vec2(float(x), float(y)) + 0.5;
  if (any(lessThan(p, u_dst.xy)) || any(greaterThanEqual(p, u_dst.xy + u_dst.zw))) return uvec4(0u);
  vec4 v = u_exact ? texelFetch(u_image, ivec2(x, y), 0)
                   : texture(u_image, (u_src.xy + (p - u_dst.xy) * u_src.zw / u_dst.zw) / u_imageSize);
  return uvec4(clamp(floor(v * 255.0 + 0.5), 0.0, 255.0));
}

uint element(int e) {
  if (e >= u_sn) return 0u;
  int c = (e / u_sc) % u_c;
  uvec4 b = bytesAt((e / u_sx) % u_w, (e / u_sy) % u_h);
  uint v = u_c == 1 ? (299u * b.r + 587u * b.g + 114u * b.b + 500u) / 1000u : b[c];
  return u_u8 ? v : u_div255[int(v >> 2u)][int(v & 3u)];
}

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int e = 4 * (p.y * u_texW + p.x);
  o_texel = uvec4(element(e), element(e + 1), element(e + 2), element(e + 3));
}
