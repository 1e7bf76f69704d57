/**
 * The **Why** section in English: five points, each a general paragraph and sentences that carry
 * this change's own numbers. zh-TW-why.ts says the same in Traditional Chinese (a test checks
 * both languages say every point, with the same numbers).
 */
export const enWhy = {
  "why.summary":
    "<b>Why</b>: epoch, batch and step; the critical batch; two optima; the " +
    "optimizer; memory (with the numbers of <code>{path}</code>)",

  // 1. epoch, batch, iteration; the effective batch and how it is formed
  "why.terms.title": "Epoch, batch, iteration.",
  "why.terms":
    "An *epoch* is one pass over the whole training set. A *batch* is the group " +
    "of examples whose gradients are averaged into one update of the weights, " +
    "and an *iteration* (or step) is one such update, so an epoch takes " +
    "(examples in the data set) ÷ (batch) steps. The batch that counts is the " +
    "*effective* batch, per-device batch × gradient accumulation × devices: each " +
    "device computes the gradient of its own per-device batch, accumulation adds " +
    "several of them up before the update, and the devices average theirs.",
  "why.terms.formed": "Here: {before} → {after} {unit}.",
  "why.terms.epochSteps":
    "With {examples} examples in the data set, an epoch takes {stepsBefore} → {stepsAfter} steps.",
  "why.terms.fewer": "An epoch takes {x}× fewer steps, each over {x}× more examples.",
  "why.terms.more": "An epoch takes {x}× more steps, each over {x}× fewer examples.",
  "why.terms.sameSteps": "The steps per epoch do not change.",
  "why.terms.unknown":
    "Here the effective batch cannot be worked out from the configs, so the ratios below are less certain.",

  // 2. full batch vs mini-batch vs batch 1, and why the critical batch exists
  "why.spectrum.title": "Full batch, mini-batch, batch 1 — and the critical batch.",
  "why.spectrum":
    "*Full-batch* gradient descent averages the gradient over the whole data " +
    "set: the exact direction, but only one update per epoch, and memory that " +
    "grows with the data set until it explodes. *Batch 1* (plain stochastic " +
    "gradient descent) updates after every example: many cheap updates, each so " +
    "noisy that the path zig-zags, while a GPU sits mostly idle. *Mini-batches* " +
    "are the middle that works: enough examples to keep the hardware busy and " +
    "average out much of the noise, few enough for many updates per epoch.",
  "why.critical":
    "On enough data, the gradient of a fraction of it is almost the same as the " +
    "gradient of all of it: past some batch, more examples barely change the " +
    "direction. That batch is the *critical batch* B_crit ≈ B_noise = " +
    "tr(Σ)/|G|², how much the examples' gradients disagree (tr Σ) against how " +
    "strong their average is (|G|²) (McCandlish et al. 2018). Well below it, " +
    "doubling the batch nearly halves the steps; well above it, it hardly helps: " +
    "S(B) = S_min·(1 + B_crit/B).",
  "why.critical.known":
    "For this task B_crit ≈ {bCrit} {unit} ({source}), so the batch goes from {beforeX}× to {afterX}× B_crit.",
  "why.critical.atLeast":
    "For this task B_crit is at least {bCrit} {unit} ({source}), so the new batch is at most {afterX}× B_crit.",
  "why.critical.standIn":
    "This task's B_crit is not known: the proxy measured only a stand-in task's " +
    "({bCrit} {unit}), and another task's can be an order of magnitude away, so " +
    "it is not used for this PR.",
  "why.critical.missing":
    "No B_crit was measured or published for this change, so the steps to the same loss are not predicted.",
  "why.critical.kaplan": "As a second opinion, Kaplan et al. 2020 put B_crit at about {bCrit} tokens at loss {loss}.",
  "why.critical.uncertain": "{value} (uncertain: {low}–{high})",
  "why.critical.source.direct": "measured on the proxy: steps to a target loss at several batch sizes",
  "why.critical.source.noise-scale": "from the proxy's gradient noise scale",
  "why.critical.source.kaplan": "Kaplan et al. 2020's fit for language models at your loss",
  "why.critical.source.your-critical-batch": "the critical batch you measured, convergence.criticalBatch",
  "why.critical.source.your-noise-scale": "the gradient noise scale you measured, convergence.noiseScale",

  // 3. faster epochs, more epochs; the two optima; the large-batch zone
  "why.tradeoff.title": "Bigger batches: faster epochs, more epochs — and two optima.",
  "why.tradeoff":
    "A bigger batch uses parallel hardware better, so an epoch usually takes " +
    "less time. But once the average gradient is already good, more examples per " +
    "update improve it only a little: fewer updates that are not proportionally " +
    "better. The steps to the same loss fall by less than the batch grew, and " +
    "the epochs to the same loss go up.",
  "why.tradeoff.numbers": "For this change: {steps} and {examples} to reach the same loss.",
  "why.tradeoff.speed":
    "Time per epoch on {gpu}: {epoch} (FLOPs per step at the utilization published runs reach on it).",
  "why.tradeoff.speedMeasured": "Time per epoch on {gpu}: {epoch}, measured on your job.",
  "why.tradeoff.wall": "Together, wall time to the same loss: {wall}.",
  "why.optima":
    "So there are two optima. The batch that minimises the *time* to a target " +
    "loss trades faster steps against more of them; it sits near B_crit, where " +
    "steps and examples are both about twice their minimum. The batch that gives " +
    "the best *final accuracy* is often smaller: very large batches can converge " +
    "to worse solutions that generalise worse (Keskar et al. 2017), though much " +
    "of that gap closes with a retuned learning rate and enough updates (Hoffer et al. 2017).",
  "why.optima.fastest":
    "Of the batch sizes in the curve under the details, {batch} {unit} reaches the same loss soonest.",
  "why.zone.in":
    "This PR's batch is that large: the new batch is {times}× B_crit, past the " +
    "{factor}× at which batch-advisor warns (thresholds.largeBatchFactor); " +
    "compare validation metrics, not only the training loss.",
  "why.zone.out":
    "This PR's batch is not that large: the new batch is {times}× B_crit, below " +
    "the {factor}× at which batch-advisor warns (thresholds.largeBatchFactor).",
  "why.zone.unknown":
    "Whether this PR's batch is that large needs this task's B_crit, which is " +
    "not known here; a measurement from your own job gives it (docs/measurements.md).",

  // 4. one learning rate for every weight; Rprop, RMSprop, Adam; this PR's optimizer
  "why.optimizer.title": "One learning rate for every weight: Rprop, RMSprop and Adam.",
  "why.optimizer":
    "Gradients can differ by orders of magnitude from one weight to another, so " +
    "one global learning rate is too small for some weights and too large for " +
    "others. *Rprop* gave every weight its own step and used only the sign of " +
    "its gradient: the step grows while the sign holds and shrinks when it flips " +
    "(Riedmiller & Braun 1993). That works with full batches and fails with " +
    "mini-batches, where successive batches' gradients are meant to cancel: a " +
    "weight that gets +0.1 on nine batches and −0.9 on the tenth should stay " +
    "put, yet Rprop steps it up nine times and down once, by about the same " +
    "amount each time. *RMSprop* keeps a scale per weight but divides by a " +
    "running average of squared gradients, so neighbouring batches share one " +
    "scale and their updates cancel as their gradients do (Tieleman & Hinton " +
    "2012); *Adam* adds a running average of the gradients themselves (momentum) " +
    "and a bias correction (Kingma & Ba 2015).",
  "why.optimizer.adam":
    "This PR trains with {optimizer}, an Adam-family optimizer: every weight's " +
    "step is already divided by its own gradient scale, so a bigger batch's " +
    "cleaner gradient moves the learning rate by the square root of the batch " +
    "factor (Malladi et al. 2022), not linearly.",
  "why.optimizer.sgd":
    "This PR trains with {optimizer}, an SGD optimizer: one global learning rate " +
    "for every weight, which moves linearly with the batch, with a warm-up (Goyal et al. 2017).",
  "why.optimizer.name.adam": "Adam",
  "why.optimizer.name.sgd": "SGD",
  "why.optimizer.unknown":
    "The config does not name the optimizer: with SGD the learning rate would " +
    "move linearly with the batch (×{linear}), with an Adam-family optimizer by " +
    "its square root (×{sqrt}).",
  "why.optimizer.unknownNoK": "The config does not name the optimizer, and the batch factor is not known.",
  "why.optimizer.numbers": "For this change: batch ×{k}, learning rate ×{factor}, {before} → {suggested}.",
  "why.optimizer.capped":
    "Past B_crit the best learning rate stops growing (McCandlish et al. 2018), " +
    "so the rule is capped here: ×{factor} instead of ×{uncapped}.",
  "why.optimizer.same": "The effective batch does not change, so neither does the learning rate.",

  // 5. memory: what grows with the per-device batch and what does not
  "why.memory.title": "Memory: what grows with the per-device batch.",
  "why.memory":
    "Peak memory per device = a fixed part + a part per example. The weights, " +
    "their gradients and the optimizer's states (Adam keeps two numbers per " +
    "weight) do not grow with the batch. What grows is what each example keeps " +
    "for the backward pass: the activations, and for a language model the logits " +
    "over its vocabulary. So only the per-device batch counts: gradient " +
    "accumulation and more devices make the effective batch bigger without more " +
    "memory on any one device.",
  "why.memory.parts":
    "Here, per device: weights {weights}, gradients {gradients} and optimizer " +
    "states {optimizer} stay; activations {activationsBefore} → " +
    "{activationsAfter} and logits {logitsBefore} → {logitsAfter} follow the " +
    "per-device batch {microBefore} → {microAfter}.",
  "why.memory.partsNoLogits":
    "Here, per device: weights {weights}, gradients {gradients} and optimizer " +
    "states {optimizer} stay; activations {activationsBefore} → " +
    "{activationsAfter} follow the per-device batch {microBefore} → {microAfter}.",
  "why.memory.microSame": "Here the per-device batch stays {micro}, so the peak per device should not change.",
  "why.memory.model":
    "For your model ({parameters} parameters), weights, gradients and optimizer " +
    "states take {states} per device ({perParameter} bytes per trained parameter).",
  "why.memory.activations": "Activations add about {perExample} per example per device.",
  "why.memory.calibrated":
    "From your calibration point ({peak} at batch {batch}): about {fixed} fixed plus {perExample} per example.",
  "why.memory.proxy":
    "On the proxy the fixed part was {fixed} (optimizer step {optimizer}) and " +
    "each example added {perExample}; only the growth ratio carries over to your model.",
} as const;
