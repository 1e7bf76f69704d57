import type { DevicesFrom, DevicesFromReasons } from "../../detect/reason.js";
import { type Quote, type ReasonCatalogue, wordReasonOf } from "./reason-words.js";
import type { Translator } from "./translate.js";

/** Where the launcher sets the device count (`BatchSemantics.devicesFrom`), in English and Traditional Chinese. */
export const DEVICES_FROM: ReasonCatalogue<DevicesFromReasons> = {
  en: {
    "devices.launcher": () => "set by the launcher",
    "devices.from": (p, q) => q.code(p.what),
    "devices.fromEither": (p, q) => `${q.code(p.a)} or ${q.code(p.b)}`,
    "devices.fromAny": (p, q) => `${q.code(p.a)}, ${q.code(p.b)} or ${q.code(p.c)}`,
    "devices.fromBoth": (p, q) => `${q.code(p.a)} and ${q.code(p.b)}`,
    "devices.orVisible": (p, q) => `${q.code(p.what)}, or all visible GPUs`,
    "devices.keras": (_, q) =>
      `the ${q.code("tf.distribute")} strategy; fit's ${q.code("batch_size")} is split over its replicas`,
    "devices.axolotl": (_, q) =>
      `${q.code("accelerate launch")} / ${q.code("torchrun")} (${q.code("axolotl train")} uses every visible GPU)`,
    "devices.litgpt": (_, q) =>
      `${q.code("devices")} × ${q.code("num_nodes")} (pretraining default ${q.code('"auto"')}: every visible GPU)`,
    "devices.openmmlab": (p, q) =>
      `${q.code("tools/dist_train.sh CONFIG <gpus>")}, ${q.code("GPUS=<n> tools/slurm_train.sh")} ` +
      `or the ${q.code(p.example)} file-name convention`,
    "devices.lightning": (_, q) =>
      `${q.code("trainer.devices")}, whose default ${q.code('"auto"')} is every visible device`,
    "devices.lightningOrLauncher": (_, q) =>
      `${q.code("trainer.devices")} (Lightning default ${q.code('"auto"')}: every visible device) or the launcher`,
    "devices.lightningHydraTemplate": (_, q) =>
      `${q.code("trainer.devices")}; the template splits ${q.code("data.batch_size")} over them`,
    "devices.ultralytics": (_, q) => `${q.code("device: 0,1,2,3")} (one GPU when unset)`,
    "devices.topology": () => "the TPU/GPU topology the job runs on",
    "devices.topologySlices": (_, q) => `the TPU/GPU topology (chips per slice × ${q.code("num_slices")})`,
    "devices.nanogpt": (_, q) => `${q.code("torchrun --nproc_per_node")} (it does not change the tokens per iteration)`,
    "devices.ludwig": (_, q) => `${q.code("backend.trainer.num_workers")} (Ray backend) or the launcher`,
    "devices.jax": (_, q) => `${q.code("jax.device_count()")} on the host that runs it`,
    "devices.composer": (_, q) => `the composer launcher (${q.code("composer -n N")}) or ${q.code("torchrun")}`,
    "devices.torchtitan": (_, q) => `${q.code("torchrun --nproc_per_node")} (${q.code("NGPU")} in run_train.sh)`,
  },
  "zh-TW": {
    "devices.launcher": () => "由啟動器決定",
    "devices.from": (p, q) => q.code(p.what),
    "devices.fromEither": (p, q) => `${q.code(p.a)} 或 ${q.code(p.b)}`,
    "devices.fromAny": (p, q) => `${q.code(p.a)}、${q.code(p.b)} 或 ${q.code(p.c)}`,
    "devices.fromBoth": (p, q) => `${q.code(p.a)} 與 ${q.code(p.b)}`,
    "devices.orVisible": (p, q) => `${q.code(p.what)}，或所有看得到的 GPU`,
    "devices.keras": (_, q) => `${q.code("tf.distribute")} 策略；fit 的 ${q.code("batch_size")} 會分到各個副本`,
    "devices.axolotl": (_, q) =>
      `${q.code("accelerate launch")} 或 ${q.code("torchrun")}（${q.code("axolotl train")} 使用所有看得到的 GPU）`,
    "devices.litgpt": (_, q) =>
      `${q.code("devices")} × ${q.code("num_nodes")}（預訓練的預設 ${q.code('"auto"')}：所有看得到的 GPU）`,
    "devices.openmmlab": (p, q) =>
      `${q.code("tools/dist_train.sh CONFIG <gpus>")}、${q.code("GPUS=<n> tools/slurm_train.sh")}，` +
      `或 ${q.code(p.example)} 這種檔名慣例`,
    "devices.lightning": (_, q) => `${q.code("trainer.devices")}，預設 ${q.code('"auto"')} 是所有看得到的裝置`,
    "devices.lightningOrLauncher": (_, q) =>
      `${q.code("trainer.devices")}（Lightning 預設 ${q.code('"auto"')}：所有看得到的裝置）或啟動器`,
    "devices.lightningHydraTemplate": (_, q) =>
      `${q.code("trainer.devices")}；這個範本會把 ${q.code("data.batch_size")} 分到各個裝置`,
    "devices.ultralytics": (_, q) => `${q.code("device: 0,1,2,3")}（沒有設定時是一張 GPU）`,
    "devices.topology": () => "工作執行時的 TPU/GPU 拓撲",
    "devices.topologySlices": (_, q) => `TPU/GPU 拓撲（每個切片的晶片數 × ${q.code("num_slices")}）`,
    "devices.nanogpt": (_, q) => `${q.code("torchrun --nproc_per_node")}（不會改變每次迭代的 token 數）`,
    "devices.ludwig": (_, q) => `${q.code("backend.trainer.num_workers")}（Ray 後端）或啟動器`,
    "devices.jax": (_, q) => `執行它的主機上的 ${q.code("jax.device_count()")}`,
    "devices.composer": (_, q) => `composer 啟動器（${q.code("composer -n N")}）或 ${q.code("torchrun")}`,
    "devices.torchtitan": (_, q) => `${q.code("torchrun --nproc_per_node")}（run_train.sh 裡的 ${q.code("NGPU")}）`,
  },
};

/** Where the launcher sets the device count, in the reader's language. */
export function wordDevicesFrom(from: DevicesFrom, q: Quote, t: Translator): string {
  return wordReasonOf(DEVICES_FROM, from, q, t);
}
