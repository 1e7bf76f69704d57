import * as tf from "@tensorflow/tfjs";

export interface Conv2dOptions {
  strides: [number, number];
  pad: "same" | "valid";
  /** x is input data: skip its gradient. */
  xIsData: boolean;
}

/**
 * conv2d (NHWC, dilation 1) with a hand-written gradient, because the wasm backend has no
 * Conv2DBackpropFilter kernel: dx = conv2dTranspose(dy, W) (the backprop-input kernel wasm has),
 * dW = patchesᵀ·dy with patches gathered by strided slices of the padded input (im2col;
 * tf.image.extractPatches does not exist in tfjs).
 * @example conv2dCustomGrad(images, filters, { strides: [1, 1], pad: "same", xIsData: true })
 */
export function conv2dCustomGrad(x: tf.Tensor4D, w: tf.Tensor4D, options: Conv2dOptions): tf.Tensor4D {
  const { strides, pad } = options;
  const filterGrad = (xIn: tf.Tensor, dy: tf.Tensor) =>
    tf.tidy(() => filterGradient(xIn as tf.Tensor4D, w.shape, dy as tf.Tensor4D, options));
  // What the backward pass needs goes through save(): the forward runs in a tidy scope that
  // disposes intermediates, so a closure over them would read freed memory.
  if (options.xIsData) {
    const op = tf.customGrad((wIn, save) => {
      (save as tf.GradSaveFunc)([x]);
      return {
        value: tf.conv2d(x, wIn as tf.Tensor4D, strides, pad),
        gradFunc: (dy, [xSaved]) => filterGrad(xSaved, dy),
      };
    });
    return op(w) as tf.Tensor4D;
  }
  const op = tf.customGrad((xIn, wIn, save) => {
    (save as tf.GradSaveFunc)([xIn as tf.Tensor, wIn as tf.Tensor]);
    return {
      value: tf.conv2d(xIn as tf.Tensor4D, wIn as tf.Tensor4D, strides, pad),
      gradFunc: (dy, [xSaved, wSaved]) => [
        tf.tidy(() =>
          tf.conv2dTranspose(
            dy as tf.Tensor4D,
            wSaved as tf.Tensor4D,
            xSaved.shape as [number, number, number, number],
            strides,
            pad,
          ),
        ),
        filterGrad(xSaved, dy),
      ],
    };
  });
  return op(x, w) as tf.Tensor4D;
}

function filterGradient(x: tf.Tensor4D, filterShape: number[], dy: tf.Tensor4D, options: Conv2dOptions): tf.Tensor4D {
  const [kh, kw, ci, co] = filterShape;
  const [n, height, width] = x.shape;
  const [, oh, ow] = dy.shape;
  const [sh, sw] = options.strides;
  // TensorFlow's SAME padding puts the odd pixel at the bottom/right.
  const padH = options.pad === "same" ? Math.max((oh - 1) * sh + kh - height, 0) : 0;
  const padW = options.pad === "same" ? Math.max((ow - 1) * sw + kw - width, 0) : 0;
  const top = Math.floor(padH / 2);
  const left = Math.floor(padW / 2);
  const padded =
    padH + padW > 0
      ? tf.pad(x, [
          [0, 0],
          [top, padH - top],
          [left, padW - left],
          [0, 0],
        ])
      : x;
  const slices: tf.Tensor4D[] = [];
  for (let i = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++) {
      const end = [n, i + (oh - 1) * sh + 1, j + (ow - 1) * sw + 1, ci];
      slices.push(
        sh === 1 && sw === 1
          ? tf.slice(padded, [0, i, j, 0], [n, oh, ow, ci])
          : (tf.stridedSlice(padded, [0, i, j, 0], end, [1, sh, sw, 1]) as tf.Tensor4D),
      );
    }
  }
  // Row-major (i, j, channel) order along the last axis matches the [kh, kw, ci, co] filter layout.
  const patches = tf.reshape(slices.length === 1 ? slices[0] : tf.concat(slices, 3), [n * oh * ow, kh * kw * ci]);
  // dyᵀ·patches then one small transpose: cheaper on wasm than a transposed-operand matMul.
  const dyT = tf.transpose(tf.reshape(dy, [n * oh * ow, co]));
  return tf.reshape(tf.transpose(tf.matMul(dyT, patches)), [kh, kw, ci, co]);
}
