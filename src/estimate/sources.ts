/**
 * Names of the models behind derived numbers, as `Quantity.source` shows them. One place so the
 * report, the JSON and docs/estimates.md use the same words.
 */
export const SOURCES = {
  measured: "measured",
  stepTimeFit: "linear fit t(B) = t₀ + t₁·B to proxy step times",
  memoryFit: "linear fit M(B) = M₀ + m·B to proxy peak memory",
  modelStates: "ZeRO (Rajbhandari et al. 2020) bytes per parameter",
  activations: "Korthikanti et al. 2022 sbh(34 + 5as/h) per layer",
  checkpointedActivations: "Korthikanti et al. 2022 full recomputation: 2sbh per layer + one layer",
  logits: "fp32 logits 4·s·v per sequence (Korthikanti et al. 2022 §4.1)",
  visionActivations: "catalogue activation bytes per image",
  cudaContext: "CUDA context 0.5–1 GiB (PyTorch forums: ~700 MB)",
  memoryModel: "M(B) = M₀ + m·B: model states + CUDA context + activations and logits per example",
  measuredPeak: "measured peak from your job's measurements file, M(B) = M₀ + m·B through it",
  gpuBudget: "GPU memory (vendor datasheet) less the reserve",
  parameterCount: "Kaplan et al. 2020 N ≈ 12·L·h² (+ V·h embeddings)",
  calibration: "calibration point M₀ = M_cal − m·B_cal",
  calibrationProxy: "calibration point × proxy memory ratio",
  activationBounds: "activations linear in the per-device batch (Korthikanti et al. 2022); fixed part unknown",
  steps: "McCandlish et al. 2018 S(B)=S_min(1+B_crit/B)",
  sameEffectiveBatch: "same effective batch: the same updates, step for step",
  examples: "McCandlish et al. 2018 E(B)=E_min(1+B/B_crit)",
  wallTime: "McCandlish et al. 2018 S(B) × step time t(B) on your GPU",
  gpuStepTime:
    "roofline step time: FLOPs per step at published achievable utilization, memory floor, overlapped all-reduce",
  measuredOnJob: "measured on your job",
  calibratedStepTime: "roofline step-time ratio applied to the step measured on your job",
  noiseScale: "McCandlish et al. 2018 B_crit ≈ B_simple (noise scale)",
  directCritical: "measured steps-to-target fit S(B)=S_min(1+B_crit/B)",
  yourCriticalBatch: "your measured critical batch (convergence.criticalBatch)",
  yourNoiseScale: "your measured gradient noise scale (convergence.noiseScale), McCandlish et al. 2018",
  kaplan: "Kaplan et al. 2020 B_crit(L)=2·10⁸/L^(1/0.21) tokens",
  linearLr: "Goyal et al. 2017 linear scaling rule",
  sqrtLr: "Malladi et al. 2022 square-root scaling rule",
} as const;
