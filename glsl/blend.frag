// blend (Mixup), every slot of the target in one draw (layout and parameters: batch.glsl):
//   out[j] = λ·self[j] + (1 − λ)·partner[j], element by element.
// float32: v = wa·a + wb·b in highp float32, wa = λ and wb = 1 − λ computed in float32 on the CPU.
// uint8 (SPEC §5, integer): out = (a·w + b·(2^14 − w) + 2^13) >> 14 with w = round(λ·2^14) from
// the CPU; exact in int (255·2^14 < 2^23), no clamp needed.
// A slot with P0.w = 1 (not written by this job) copies its own elements.
// When sn is a multiple of 4 (compiled with BATCH_ALIGNED, programs.ts) a texel holds four elements
// of one sample at the same offsets as the source texels: whole-texel loads. Otherwise each
// component is its own element. (Two programs, not a uniform branch: llvmpipe pays for both sides.)

VAL4 mix4(VAL4 a, VAL4 b, vec4 w) {
#ifdef BATCH_INT
  int wi = int(w.z);
  return (a * wi + b * (16384 - wi) + 8192) >> 14;
#else
  return w.x * a + w.y * b;
#endif
}

VAL mix1(VAL a, VAL b, vec4 w) {
#ifdef BATCH_INT
  int wi = int(w.z);
  return (a * wi + b * (16384 - wi) + 8192) >> 14;
#else
  return w.x * a + w.y * b;
#endif
}

VAL element(int g, int q) {
  int j = g / u_sn;
  if (j >= u_count) return VAL(0);
  vec4 s = param(j, 0);
  if (int(s.z) != u_partnerPage) return load1(u_prev, g);
  int e = g - j * u_sn;
  if (s.w > 0.5) return load1(u_self, int(s.x) * u_sn + e);
  return mix1(load1(u_self, int(s.x) * u_sn + e), load1(u_partner, int(s.y) * u_sn + e), param(j, 1));
}

void main() {
  ivec2 p = ivec2(gl_FragCoord.xy);
  int q = (p.y << u_shift) | p.x;
  int g = q << 2;
#ifdef BATCH_ALIGNED
  {
    int j = g / u_sn;
    if (j >= u_count) { o_texel = store4(VAL4(0)); return; }
    vec4 s = param(j, 0);
    if (int(s.z) != u_partnerPage) { o_texel = store4(load4(u_prev, q)); return; }
    int e = g - j * u_sn;
    VAL4 a = load4(u_self, (int(s.x) * u_sn + e) >> 2);
    if (s.w > 0.5) { o_texel = store4(a); return; }
    VAL4 b = load4(u_partner, (int(s.y) * u_sn + e) >> 2);
    o_texel = store4(mix4(a, b, param(j, 1)));
  }
#else
  o_texel = store4(VAL4(element(g, q), element(g + 1, q), element(g + 2, q), element(g + 3, q)));
#endif
}
