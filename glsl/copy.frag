// copy: out = u_self at the same texel, for the texels the draw covers (the second box-only pass:
// the boxes drawn into a scratch page go back into the batch; see glsl/box-quads.vert).

void main() {
  o_texel = texelFetch(u_self, ivec2(gl_FragCoord.xy), 0);
}
