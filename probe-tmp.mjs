import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-layers';
await import('@tensorflow/tfjs-backend-cpu'); await import('@tensorflow/tfjs-backend-wasm');
for (const be of ['cpu', 'wasm']) {
await tf.setBackend(be); await tf.ready();
const B = 64;
const x = tf.randomUniform([B, 8, 8, 16]); const w = tf.randomUniform([3, 3, 16, 32]); const dy = tf.randomUniform([B, 8, 8, 32]);
const time = async (name, f) => { f().dataSync(); const t = performance.now(); for (let i = 0; i < 3; i++) f().dataSync(); console.log(be, name, ((performance.now() - t) / 3).toFixed(1), 'ms'); };
await time('conv2d fwd', () => tf.conv2d(x, w, 1, 'same'));
if (be === 'cpu') { await time('backpropFilter', () => tf.grad((ww) => tf.sum(tf.mul(tf.conv2d(x, ww, 1, 'same'), dy)))(w)); }
await time('matmul im2col', () => tf.matMul(tf.reshape(tf.randomUniform([B * 64, 144]), [B * 64, 144]), tf.randomUniform([144, 32])));
}
