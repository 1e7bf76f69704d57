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
  parameterCount: "Kaplan et al. 2020 N ≈ 12·L·h² (+ V·h embeddings)",
  calibration: "calibration point M₀ = M_cal − m·B_cal",
  calibrationProxy: "calibration point × proxy memory ratio",
  activationBounds: "activations linear in the per-device batch (Korthikanti et al. 2022); fixed part unknown",
  steps: "McCandlish et al. 2018 S(B)=S_min(1+B_crit/B)",
  examples: "McCandlish et al. 2018 E(B)=E_min(1+B/B_crit)",
  wallTime: "McCandlish et al. 2018 S(B) × proxy step time t(B)",
  noiseScale: "McCandlish et al. 2018 B_crit ≈ B_simple (noise scale)",
  directCritical: "measured steps-to-target fit S(B)=S_min(1+B_crit/B)",
  kaplan: "Kaplan et al. 2020 B_crit(L)=2·10⁸/L^(1/0.21) tokens",
  linearLr: "Goyal et al. 2017 linear scaling rule",
  sqrtLr: "Malladi et al. 2022 square-root scaling rule",
} as const;
