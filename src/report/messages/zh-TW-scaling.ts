import type { enScaling } from "./en-scaling.js";

/** 框架自行縮放學習率的方式（mmengine auto_scale_lr、timm、Ultralytics nbs…），與縮放規則並列說明。 */
export const zhTWScaling: Record<keyof typeof enScaling, string> = {
  "scaling.mmengine-auto-scale-lr": "mmengine 的 auto_scale_lr 會自動縮放：lr × (有效批次 ÷ base_batch_size)",
  "scaling.mmengine-auto-scale-lr-off":
    "mmengine 的 auto_scale_lr 沒有開啟：設定 auto_scale_lr.enable=True（或加上 --auto-scale-lr），學習率就會依 base_batch_size 線性縮放",
  "scaling.timm-lr-base":
    "沒有設定 --lr 時，timm 以 lr = lr_base × 全域批次 ÷ lr_base_size 推算學習率（線性，自適應最佳化器則用平方根）",
  "scaling.latent-diffusion-scale-lr":
    "latent-diffusion 的 main.py --scale_lr（預設開啟）：lr = accumulate_grad_batches × ngpu × batch_size × base_learning_rate",
  "scaling.detectron2-reference-world-size":
    "detectron2 的 REFERENCE_WORLD_SIZE={size} 會依實際的 GPU 數量線性縮放 IMS_PER_BATCH 與 BASE_LR",
  "scaling.detectron2-reference-world-size-by-hand":
    "detectron2 的 REFERENCE_WORLD_SIZE 只在 GPU 數量不同時才縮放；手動修改的批次大小需要手動調整 BASE_LR",
  "scaling.ludwig-lr-scaling": "Ludwig 的 learning_rate_scaling={value} 會依 worker 數量縮放學習率",
  "scaling.ludwig-lr-scaling-by-hand": "Ludwig 的 learning_rate_scaling 依 worker 數量縮放，而不是依 batch_size",
  "scaling.ultralytics-nbs":
    "Ultralytics 會累積梯度直到名目批次 nbs={nbs}，因此低於它時有效批次與學習率都不變；高於它時 lr0 不會重新縮放",
};
