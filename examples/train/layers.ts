/**
 * A 3×3 convolution layer written with pad, slice, concat, reshape and matMul only, so that a CNN can
 * be trained on every TF.js backend: tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter kernel
 * (training a `tf.layers.conv2d` there throws "Kernel 'Conv2DBackpropFilter' not registered"), and
 * tfjs-backend-cpu's took about 10 s for one 64 × 8 × 8 × 16 → 32 batch on this (loaded) machine.
 * The maths is the ordinary convolution; only the kernels that compute it differ. Browser-safe.
 */
import { add, concat, matMul, pad, reshape, slice, tidy, type Tensor, type Tensor4D } from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

type Shape = (number | null)[];

export interface PatchConvArgs {
  readonly filters: number;
  readonly seed: number;
  readonly inputShape?: number[];
  readonly name?: string;
}

function one(x: Tensor | Tensor[]): Tensor4D {
  return (Array.isArray(x) ? x[0] : x) as Tensor4D;
}

/**
 * 3×3 convolution, stride 1, "same" (zero) padding, NHWC, with bias, as im2col + matMul:
 * out[n, y, x, f] = b[f] + Σ_{dy, dx, c} in[n, y + dy − 1, x + dx − 1, c] · k[dy, dx, c, f].
 * The kernel is a [3, 3, C, F] weight (Glorot-uniform with the conv fans, seeded); the 9 shifted
 * views are concatenated channel-last in (dy, dx, c) order, the order of that kernel reshaped to [9C, F].
 */
export class PatchConv2D extends tfl.layers.Layer {
  static readonly className = 'PatchConv2D';
  private readonly filters: number;
  private readonly seed: number;
  private kernel: tfl.LayerVariable | null = null;
  private bias: tfl.LayerVariable | null = null;

  constructor(args: PatchConvArgs) {
    super({ ...(args.inputShape ? { inputShape: args.inputShape } : {}), ...(args.name ? { name: args.name } : {}) });
    this.filters = args.filters;
    this.seed = args.seed;
  }

  override build(inputShape: Shape | Shape[]): void {
    const c = (inputShape as Shape)[3] as number;
    this.kernel = this.addWeight('kernel', [3, 3, c, this.filters], 'float32', tfl.initializers.glorotUniform({ seed: this.seed }));
    this.bias = this.addWeight('bias', [this.filters], 'float32', tfl.initializers.zeros());
    this.built = true;
  }

  override computeOutputShape(inputShape: Shape | Shape[]): Shape {
    const s = inputShape as Shape;
    return [s[0], s[1], s[2], this.filters];
  }

  override call(inputs: Tensor | Tensor[]): Tensor {
    return tidy(() => {
      const x = one(inputs);
      const [n, h, w, c] = x.shape;
      const padded = pad(x, [[0, 0], [1, 1], [1, 1], [0, 0]]);
      const views: Tensor4D[] = [];
      for (let dy = 0; dy < 3; dy++) for (let dx = 0; dx < 3; dx++) views.push(slice(padded, [0, dy, dx, 0], [n, h, w, c]));
      const cols = reshape(concat(views, 3), [n * h * w, 9 * c]);
      const k = reshape(this.kernel!.read(), [9 * c, this.filters]);
      const y = add(matMul(cols, k), this.bias!.read());
      return reshape(y, [n, h, w, this.filters]);
    });
  }

  override getConfig() {
    return { ...super.getConfig(), filters: this.filters, seed: this.seed };
  }
}
