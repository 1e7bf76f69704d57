import * as tf from "@tensorflow/tfjs";
import type { ProxyModel } from "./models/proxy-model.js";

/**
 * Adam's diagonal preconditioner at the optimizer's current state, one tensor per model variable:
 * pᵢ = 1 / (√v̂ᵢ + ε) with v̂ = v / (1 − β₂ᵗ), the factor the update ε·m̂/(√v̂ + ε) applies to each
 * gradient component. Undefined for an optimizer that is not Adam or has not stepped yet. Read
 * through the optimizer's public getWeights() (names `<variable>/v`), so a tfjs upgrade that renames
 * its fields does not silently change the number. The caller disposes the tensors.
 * @example const p = await adamPreconditioner(trainer.optimizer, trainer.model) // p?.length === variables
 */
export async function adamPreconditioner(
  optimizer: tf.Optimizer,
  model: Pick<ProxyModel, "variables">,
): Promise<tf.Tensor[] | undefined> {
  if (optimizer.getClassName() !== "Adam") return undefined;
  const config = optimizer.getConfig() as { beta2?: number; epsilon?: number };
  const beta2 = config.beta2 ?? 0.999;
  const epsilon = config.epsilon ?? 1e-7;
  const weights = await optimizer.getWeights();
  const iterations = weights.find((w) => w.name === "iter");
  const t = iterations ? iterations.tensor.dataSync()[0] : 0;
  iterations?.tensor.dispose();
  if (!(t > 0)) return undefined;
  const byName = new Map(weights.map((w) => [w.name, w.tensor]));
  const moments = model.variables.map((v) => byName.get(`${v.name}/v`));
  if (moments.some((m) => m === undefined)) return undefined;
  const correction = 1 - beta2 ** t;
  return moments.map((v) => tf.tidy(() => tf.div(1, tf.add(tf.sqrt(tf.div(v!, correction)), epsilon))));
}
