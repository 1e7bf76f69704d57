/** A user's layer stack after validation: plain data the model builder turns into variables. */
export type LayerSpec =
  | { kind: "dense"; units: number; activation: string; useBias: boolean }
  | {
      kind: "conv2d";
      filters: number;
      kernel: [number, number];
      strides: [number, number];
      padding: "same" | "valid";
      activation: string;
      useBias: boolean;
    }
  | { kind: "pool"; mode: "max" | "avg"; pool: [number, number]; strides: [number, number]; padding: "same" | "valid" }
  | { kind: "flatten" }
  | { kind: "activation"; activation: string };

export type TopologyTask =
  | { kind: "classification"; classes: number }
  | { kind: "binary" }
  | { kind: "regression"; outputs: number };

export interface TopologySpec {
  /** Per-example input shape (no batch dimension). */
  inputShape: number[];
  /** Layers in order, Dropout and InputLayer removed, a final softmax/sigmoid removed (the loss applies it). */
  layers: LayerSpec[];
  task: TopologyTask;
  /** e.g. "Dense(128, relu) → Dropout (ignored) → Dense(10, softmax)". */
  summary: string;
}
