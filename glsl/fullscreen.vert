#version 300 es
// The shared vertex shader of every batchmix kernel: one triangle, (-1,-1) (3,-1) (-1,3) in clip
// space, that covers the whole viewport, so each fragment is one RGBA texel of the target layer.
// The fragment shaders read their texel position from gl_FragCoord; nothing is interpolated.
in vec2 a_position;

void main() {
  gl_Position = vec4(a_position, 0.0, 1.0);
}
