import * as tf from "@tensorflow/tfjs";
import type { SeededRandom } from "../seeded-random.js";
import { constantVariable, normalVariable } from "./init-variables.js";
import { layerOps, type LayerOps } from "./layer-ops.js";
import { countParameters, disposeVariables, type ProxyModel } from "./proxy-model.js";

export interface TransformerOptions {
  vocab: number;
  sequenceLength: number;
  width: number;
  blocks: number;
  heads: number;
  rng: SeededRandom;
}

interface Block {
  ln1: [tf.Variable, tf.Variable];
  qkv: tf.Variable;
  proj: tf.Variable;
  ln2: [tf.Variable, tf.Variable];
  up: tf.Variable;
  upBias: tf.Variable;
  down: tf.Variable;
  downBias: tf.Variable;
}

/**
 * A tiny pre-norm causal language model (GPT-2 layout): token and position embeddings, blocks of
 * multi-head causal self-attention + ReLU MLP, a final layer norm and an untied output projection.
 * Tokens are embedded as one-hot·E, because the gradient of a gather needs UnsortedSegmentSum,
 * which the wasm backend lacks. Input [batch, T] int32; output logits [batch·T, vocab].
 * @example buildTransformer({ vocab: 32, sequenceLength: 32, width: 32, blocks: 1, heads: 2, rng })
 */
export function buildTransformer(options: TransformerOptions): ProxyModel {
  const { vocab, sequenceLength: T, width: d, heads, rng } = options;
  if (d % heads !== 0) throw new Error(`transformer: width ${d} is not divisible by ${heads} heads`);
  const std = 0.02;
  // GPT-2 scales residual projections by 1/√(2·blocks) so the residual stream keeps its size.
  const residualStd = std / Math.sqrt(2 * options.blocks);
  const embedding = normalVariable(rng, [vocab, d], std);
  const position = normalVariable(rng, [T, d], std);
  const blocks: Block[] = [];
  for (let b = 0; b < options.blocks; b++) {
    blocks.push({
      ln1: [constantVariable([d], 1), constantVariable([d], 0)],
      qkv: normalVariable(rng, [d, 3 * d], std),
      proj: normalVariable(rng, [d, d], residualStd),
      ln2: [constantVariable([d], 1), constantVariable([d], 0)],
      up: normalVariable(rng, [d, 4 * d], std),
      upBias: constantVariable([4 * d], 0),
      down: normalVariable(rng, [4 * d, d], residualStd),
      downBias: constantVariable([d], 0),
    });
  }
  const lnFinal: [tf.Variable, tf.Variable] = [constantVariable([d], 1), constantVariable([d], 0)];
  const unembed = normalVariable(rng, [d, vocab], std);
  const variables = [
    embedding,
    position,
    ...blocks.flatMap((b) => [...b.ln1, b.qkv, b.proj, ...b.ln2, b.up, b.upBias, b.down, b.downBias]),
    ...lnFinal,
    unembed,
  ];
  const ops = layerOps();
  const mask = causalMask(T);
  // Per token: projections 12·d² per block, attention 2·T·d per block, embedding and output V·d each.
  const forwardMacsPerToken = options.blocks * (12 * d * d + 2 * T * d) + 2 * vocab * d;
  return {
    description:
      `transformer ${options.blocks}×(${heads}-head attention + MLP), width ${d}, ` +
      `context ${T}, vocabulary ${vocab}`,
    variables,
    parameters: countParameters(variables),
    flopsPerExample: 6 * forwardMacsPerToken * T,
    forward(x) {
      const batch = x.shape[0];
      const oneHot = tf.cast(tf.oneHot(tf.reshape(x, [batch * T]) as tf.Tensor1D, vocab), "float32") as tf.Tensor2D;
      let h = tf.add(
        tf.reshape(ops.matMul(oneHot, embedding as tf.Tensor2D, { xIsData: true }), [batch, T, d]),
        position,
      ) as tf.Tensor3D;
      const maskTensor = tf.tensor2d(mask, [T, T]);
      for (const block of blocks) h = applyBlock(h, { block, heads, maskTensor, ops });
      const flat = tf.reshape(layerNorm(h, lnFinal), [batch * T, d]) as tf.Tensor2D;
      return ops.matMul(flat, unembed as tf.Tensor2D, { xIsData: false });
    },
    dispose: () => disposeVariables(variables),
  };
}

function applyBlock(
  h: tf.Tensor3D,
  context: { block: Block; heads: number; maskTensor: tf.Tensor2D; ops: LayerOps },
): tf.Tensor3D {
  const { block, heads, maskTensor, ops } = context;
  const [batch, T, d] = h.shape;
  const dh = d / heads;
  const a = tf.reshape(layerNorm(h, block.ln1), [batch * T, d]) as tf.Tensor2D;
  const qkv = ops.matMul(a, block.qkv as tf.Tensor2D, { xIsData: false });
  const toHeads = (t: tf.Tensor) =>
    tf.reshape(tf.transpose(tf.reshape(t, [batch, T, heads, dh]), [0, 2, 1, 3]), [batch * heads, T, dh]) as tf.Tensor3D;
  const [q, k, v] = tf.split(qkv, 3, 1).map(toHeads);
  const scores = tf.add(tf.mul(tf.matMul(q, k, false, true), 1 / Math.sqrt(dh)), maskTensor);
  const attended = tf.matMul(tf.softmax(scores), v);
  const merged = tf.reshape(tf.transpose(tf.reshape(attended, [batch, heads, T, dh]), [0, 2, 1, 3]), [
    batch * T,
    d,
  ]) as tf.Tensor2D;
  const afterAttention = tf.add(
    h,
    tf.reshape(ops.matMul(merged, block.proj as tf.Tensor2D, { xIsData: false }), [batch, T, d]),
  ) as tf.Tensor3D;
  const m = tf.reshape(layerNorm(afterAttention, block.ln2), [batch * T, d]) as tf.Tensor2D;
  const up = tf.relu(tf.add(ops.matMul(m, block.up as tf.Tensor2D, { xIsData: false }), block.upBias)) as tf.Tensor2D;
  const down = tf.add(ops.matMul(up, block.down as tf.Tensor2D, { xIsData: false }), block.downBias);
  return tf.add(afterAttention, tf.reshape(down, [batch, T, d])) as tf.Tensor3D;
}

function layerNorm(x: tf.Tensor, [gain, bias]: [tf.Variable, tf.Variable]): tf.Tensor {
  const mean = tf.mean(x, -1, true);
  const centred = tf.sub(x, mean);
  const variance = tf.mean(tf.square(centred), -1, true);
  return tf.add(tf.mul(tf.mul(centred, tf.rsqrt(tf.add(variance, 1e-5))), gain), bias);
}

/** 0 where a position may attend (itself and earlier), a large negative number elsewhere. */
function causalMask(T: number): Float32Array {
  const mask = new Float32Array(T * T);
  for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) mask[i * T + j] = -1e9;
  return mask;
}
