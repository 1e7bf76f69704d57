// Published measured training throughput, one row per run, each with the page it was read from.
// None of these rows is an anchor of the utilization curve (src/estimate/achievable-utilization.ts):
// the anchors are llm-foundry's sequence-2048 runs without checkpointing; these are other sequence
// lengths, checkpointed runs, other code bases and other GPUs.

export interface PublishedRun {
  name: string;
  gpu: string;
  /** GPU facts the catalogue entry does not share with the run, in words (power limit, memory size). */
  gpuNote?: string;
  model: { parameters: number; hidden: number; layers: number; heads: number; tiedEmbeddings: boolean; vocab: number };
  seqLen: number;
  microBatch: number;
  accumulation: number;
  devices: number;
  checkpointing: boolean;
  sharding: "fsdp" | "ddp";
  /** Measured tokens per second per GPU. */
  tokensPerSecondPerGpu: number;
  source: string;
  url: string;
}

const FOUNDRY = "MosaicML llm-foundry, MPT training benchmarks (scripts/train/benchmarking/README.md)";
const FOUNDRY_URL = "https://github.com/mosaicml/llm-foundry/blob/main/scripts/train/benchmarking/README.md";
const TITAN = "PyTorch torchtitan, docs/performance.md";
const TITAN_URL = "https://github.com/pytorch/torchtitan/blob/main/docs/performance.md";

// MPT shapes from llm-foundry's yamls (d_model, n_layers, n_heads); vocabulary 50368, tied embeddings.
const mpt = (parameters: number, hidden: number, layers: number, heads: number) => ({
  parameters,
  hidden,
  layers,
  heads,
  tiedEmbeddings: true,
  vocab: 50368,
});
// Llama 3 8B config.json: hidden 4096, 32 layers, 32 heads, vocabulary 128256, untied embeddings.
const llama3_8b = { parameters: 8.03e9, hidden: 4096, layers: 32, heads: 32, tiedEmbeddings: false, vocab: 128256 };

export const PUBLISHED_RUNS: PublishedRun[] = [
  {
    name: "MPT-7B, seq 4096, checkpointed",
    gpu: "A100-80GB",
    model: mpt(6667247616, 4096, 32, 32),
    seqLen: 4096,
    microBatch: 16,
    accumulation: 2,
    devices: 8,
    checkpointing: true,
    sharding: "fsdp",
    tokensPerSecondPerGpu: 3684,
    source: FOUNDRY,
    url: FOUNDRY_URL,
  },
  {
    name: "MPT-1B, seq 8192",
    gpu: "A100-80GB",
    model: mpt(1328533504, 2048, 24, 16),
    seqLen: 8192,
    microBatch: 3,
    accumulation: 4,
    devices: 8,
    checkpointing: false,
    sharding: "fsdp",
    tokensPerSecondPerGpu: 13814,
    source: FOUNDRY,
    url: FOUNDRY_URL,
  },
  {
    name: "MPT-350M, seq 1024",
    gpu: "A100-80GB",
    model: mpt(354936832, 1024, 24, 16),
    seqLen: 1024,
    microBatch: 64,
    accumulation: 2,
    devices: 8,
    checkpointing: false,
    sharding: "fsdp",
    tokensPerSecondPerGpu: 64813,
    source: FOUNDRY,
    url: FOUNDRY_URL,
  },
  {
    name: "MPT-13B, seq 4096, checkpointed",
    gpu: "A100-80GB",
    model: mpt(12864440320, 5120, 40, 40),
    seqLen: 4096,
    microBatch: 10,
    accumulation: 3,
    devices: 8,
    checkpointing: true,
    sharding: "fsdp",
    tokensPerSecondPerGpu: 2060,
    source: FOUNDRY,
    url: FOUNDRY_URL,
  },
  {
    name: "MPT-30B, seq 2048, checkpointed",
    gpu: "A100-80GB",
    model: mpt(29975214080, 7168, 48, 64),
    seqLen: 2048,
    microBatch: 3,
    accumulation: 21,
    devices: 8,
    checkpointing: true,
    sharding: "fsdp",
    tokensPerSecondPerGpu: 916,
    source: FOUNDRY,
    url: FOUNDRY_URL,
  },
  {
    name: "MPT-7B, seq 2048, checkpointed",
    gpu: "A100-40GB",
    model: mpt(6658859008, 4096, 32, 32),
    seqLen: 2048,
    microBatch: 12,
    accumulation: 4,
    devices: 8,
    checkpointing: true,
    sharding: "fsdp",
    tokensPerSecondPerGpu: 3679,
    source: FOUNDRY,
    url: FOUNDRY_URL,
  },
  {
    name: "MPT-7B, seq 4096, checkpointed",
    gpu: "H100-80GB",
    model: mpt(6667247616, 4096, 32, 32),
    seqLen: 4096,
    microBatch: 16,
    accumulation: 2,
    devices: 8,
    checkpointing: true,
    sharding: "fsdp",
    tokensPerSecondPerGpu: 8611,
    source: FOUNDRY,
    url: FOUNDRY_URL,
  },
  {
    name: "MPT-3B, seq 8192",
    gpu: "H100-80GB",
    model: mpt(2667566080, 2560, 32, 32),
    seqLen: 8192,
    microBatch: 3,
    accumulation: 6,
    devices: 8,
    checkpointing: false,
    sharding: "fsdp",
    tokensPerSecondPerGpu: 16578,
    source: FOUNDRY,
    url: FOUNDRY_URL,
  },
  {
    name: "MPT-30B, seq 2048, checkpointed",
    gpu: "H100-80GB",
    model: mpt(29975214080, 7168, 48, 64),
    seqLen: 2048,
    microBatch: 3,
    accumulation: 21,
    devices: 8,
    checkpointing: true,
    sharding: "fsdp",
    tokensPerSecondPerGpu: 2002,
    source: FOUNDRY,
    url: FOUNDRY_URL,
  },
  // Selective activation checkpointing recomputes a few cheap ops, not the whole forward: counted as none.
  {
    name: "Llama 3 8B, seq 8192, selective-op checkpointing",
    gpu: "A100-80GB",
    model: llama3_8b,
    seqLen: 8192,
    microBatch: 1,
    accumulation: 1,
    devices: 64,
    checkpointing: false,
    sharding: "fsdp",
    tokensPerSecondPerGpu: 2973,
    source: TITAN,
    url: TITAN_URL,
  },
  {
    name: "Llama 3.1 8B, seq 8192, selective checkpointing",
    gpu: "H100-80GB",
    gpuNote: "H100 96 GB HBM2e at a 500 W power limit (Grand Teton), not the 700 W SXM card of the catalogue",
    model: llama3_8b,
    seqLen: 8192,
    microBatch: 2,
    accumulation: 1,
    devices: 8,
    checkpointing: false,
    sharding: "fsdp",
    tokensPerSecondPerGpu: 5762,
    source: TITAN,
    url: TITAN_URL,
  },
  {
    name: "GPT-Simple 2.8B, seq 2048, checkpointed, DDP, torch.compile",
    gpu: "A100-80GB",
    model: { parameters: 2.8e9, hidden: 2560, layers: 34, heads: 20, tiedEmbeddings: true, vocab: 50304 },
    seqLen: 2048,
    microBatch: 4,
    accumulation: 8,
    devices: 8,
    checkpointing: true,
    sharding: "ddp",
    tokensPerSecondPerGpu: 8100,
    source: "GPT-Simple performance page",
    url: "https://lb-off.github.io/gpt-simple/performance/",
  },
];
