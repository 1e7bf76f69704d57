import type { enWhy } from "./en-why.js";

/**
 * 「為什麼」一節的繁體中文（台灣）：與 en-why.ts 相同的五個重點、相同的 id 與 `{name}` 參數。
 * 用語依 docs/glossary.zh-TW.md（測試會檢查）。
 */
export const zhTWWhy: Record<keyof typeof enWhy, string> = {
  "why.summary":
    "<b>為什麼</b>：epoch、批次與步數；臨界批次；兩種最佳批次；最佳化器；記憶體（數字取自 <code>{path}</code>）",

  "why.terms.title": "Epoch、批次、迭代。",
  "why.terms":
    "一個 *epoch* 是把整個訓練集看過一遍。一個*批次*（batch）是一組樣本，它們的梯度取平均後拿來更新一次權重；一次*迭代*（iteration，也就是一步）就是一次這樣的更新，所以一個 " +
    "epoch 的步數 =（資料集的樣本數）÷（批次大小）。真正算數的是*有效批次*：每張 GPU 的批次大小 × 梯度累積步數 × GPU 數量。每張 " +
    "GPU 各自計算自己那份批次的梯度，梯度累積把好幾份加起來才更新一次，各張 GPU 再把梯度取平均。",
  "why.terms.formed": "這次是 {before} → {after} {unit}。",
  "why.terms.epochSteps": "資料集有 {examples} 筆樣本，一個 epoch 的步數是 {stepsBefore} → {stepsAfter}。",
  "why.terms.fewer": "一個 epoch 的步數減為 1/{x}，每一步處理的樣本增為 {x} 倍。",
  "why.terms.more": "一個 epoch 的步數增為 {x} 倍，每一步處理的樣本減為 1/{x}。",
  "why.terms.sameSteps": "一個 epoch 的步數不變。",
  "why.terms.unknown": "這次從設定檔算不出有效批次，所以下面的比例比較不準。",

  "why.spectrum.title": "全批次、小批次、批次大小 1，以及臨界批次。",
  "why.spectrum":
    "*全批次*梯度下降（full-batch）用整個資料集的平均梯度：方向精確，但一個 epoch 只更新一次，記憶體還會隨資料集變大而爆掉。*批次大小 " +
    "1*（最原始的隨機梯度下降）每看一筆樣本就更新一次：更新很多次、每次都很便宜，但雜訊大到路徑來回鋸齒擺盪，GPU " +
    "也大多閒著。*小批次*（mini-batch）是行得通的折衷：樣本夠多，能讓硬體保持忙碌、平均掉大部分雜訊；又夠少，一個 epoch 能更新很多次。",
  "why.critical":
    "資料夠多時，只取其中一部分算出的梯度，和用全部資料算出的幾乎一樣：批次超過某個大小後，再多的樣本幾乎不會改變方向。這個大小就是*臨界批次* " +
    "B_crit ≈ B_noise = tr(Σ)/|G|²，比較的是各筆樣本的梯度彼此有多不一致（tr " +
    "Σ），相對於它們的平均有多強（|G|²）（McCandlish et al. " +
    "2018）。批次遠小於它時，批次加倍幾乎能讓步數減半；遠大於它時，加大批次幾乎沒有幫助：S(B) = S_min·(1 + B_crit/B)。",
  "why.critical.known":
    "這個任務的 B_crit ≈ {bCrit} {unit}（{source}），所以批次從 B_crit 的 {beforeX} 倍變成 {afterX} 倍。",
  "why.critical.atLeast":
    "這個任務的 B_crit 至少是 {bCrit} {unit}（{source}），所以新的批次最多是 B_crit 的 {afterX} 倍。",
  "why.critical.standIn":
    "這個任務的 B_crit 未知：代理模型只量到替代任務的值（{bCrit} {unit}），而不同任務的值可能相差一個數量級，所以這個 PR 不採用它。",
  "why.critical.missing": "這次的變更沒有量測到、也查不到已發表的 B_crit，因此不預測達到相同損失所需的步數。",
  "why.critical.kaplan": "另一個參考：依 Kaplan et al. 2020，損失為 {loss} 時 B_crit 約為 {bCrit} 個 token。",
  "why.critical.uncertain": "{value}（不確定：{low}–{high}）",
  "why.critical.source.direct": "在代理模型上量測：在幾個批次大小下訓練到目標損失所需的步數",
  "why.critical.source.noise-scale": "由代理模型的梯度雜訊尺度推得",
  "why.critical.source.kaplan": "依 Kaplan et al. 2020 對語言模型在你的損失值下的擬合",
  "why.critical.source.your-critical-batch": "你量測的臨界批次，convergence.criticalBatch",
  "why.critical.source.your-noise-scale": "你量測的梯度雜訊尺度，convergence.noiseScale",

  "why.tradeoff.title": "批次變大：每個 epoch 變快，需要的 epoch 變多，以及兩種最佳批次。",
  "why.tradeoff":
    "批次變大能更充分利用平行運算的硬體，所以一個 epoch " +
    "通常花的時間更少。但平均梯度已經夠準之後，每次更新再多用一些樣本，只能讓它好一點點：更新次數變少了，每次更新卻沒有等比例變好。結果是達到相同損失所需的步數，減少的幅度比批次增加的幅度小，需要的 " +
    "epoch 數反而變多。",
  "why.tradeoff.numbers": "這次的變更：達到相同損失時，{steps}，{examples}。",
  "why.tradeoff.speed":
    "{gpu} 上每個 epoch 的時間：{epoch}（依每步 FLOPs 與公開訓練紀錄在這款 GPU 上達到的使用率估算）。",
  "why.tradeoff.speedMeasured": "{gpu} 上每個 epoch 的時間：{epoch}，在你的訓練工作上實測。",
  "why.tradeoff.wall": "合起來看，達到相同損失的實際時間：{wall}。",
  "why.optima":
    "所以有兩種最佳批次。讓達到目標損失的*時間*最短的批次，是在每步變快與步數變多之間取得平衡，大約落在 B_crit " +
    "附近，這時步數與樣本數都大約是最小值的兩倍。讓*最終準確率*最好的批次往往更小：非常大的批次可能收斂到泛化較差的解（Keskar et al. " +
    "2017），不過重新調整學習率、給足更新次數後，這個差距大多能縮小（Hoffer et al. 2017）。",
  "why.optima.fastest": "在細節裡那條曲線列出的批次大小中，{batch} {unit} 最快達到相同損失。",
  "why.zone.in":
    "這個 PR 的批次就屬於這麼大：新的批次是 B_crit 的 {times} 倍，超過 batch-advisor 發出警告的 {factor} " +
    "倍（thresholds.largeBatchFactor）；請比較驗證集的指標，而不只看訓練損失。",
  "why.zone.out":
    "這個 PR 的批次還沒有這麼大：新的批次是 B_crit 的 {times} 倍，低於 batch-advisor 發出警告的 {factor} 倍（thresholds.largeBatchFactor）。",
  "why.zone.unknown":
    "要判斷這個 PR 的批次是否這麼大，需要這個任務的 B_crit，這裡並不知道；你自己訓練工作的量測可以提供（docs/measurements.md）。",

  "why.optimizer.title": "所有權重共用一個學習率的難處：Rprop、RMSprop 與 Adam。",
  "why.optimizer":
    "不同權重的梯度可能相差好幾個數量級，所以單一的全域學習率，對某些權重太小、對另一些又太大。*Rprop* " +
    "讓每個權重有自己的步長，而且只看梯度的正負號：正負號不變時步長變大，翻轉時步長縮小（Riedmiller & Braun " +
    "1993）。這在全批次下可行，用小批次就失靈了，因為相鄰批次的梯度本來應該互相抵銷：某個權重在九個批次得到 +0.1、第十個得到 " +
    "−0.9，它應該留在原地，Rprop 卻讓它往上走九次、往下只走一次，每次的步長還差不多。*RMSprop* " +
    "保留每個權重各自的尺度，但改為除以梯度平方的移動平均，讓相鄰批次共用同一個尺度，更新就能像梯度一樣互相抵銷（Tieleman & Hinton " +
    "2012）；*Adam* 再加上梯度本身的移動平均（動量）與偏差修正（Kingma & Ba 2015）。",
  "why.optimizer.adam":
    "這個 PR 用的是 {optimizer}，屬於 Adam " +
    "這一類最佳化器：每個權重的步長已經除以它自己的梯度尺度，所以批次變大、梯度變乾淨時，學習率只隨批次倍數的平方根調整（Malladi et al. 2022），而不是等比例調整。",
  "why.optimizer.sgd":
    "這個 PR 用的是 {optimizer}，屬於 SGD 這一類最佳化器：所有權重共用一個全域學習率，它隨批次等比例（線性）調整，並搭配 warm-up（Goyal et al. 2017）。",
  "why.optimizer.name.adam": "Adam",
  "why.optimizer.name.sgd": "SGD",
  "why.optimizer.unknown":
    "設定沒有寫明最佳化器：如果是 SGD，學習率隨批次線性調整（×{linear}）；如果是 Adam 這類最佳化器，則依平方根調整（×{sqrt}）。",
  "why.optimizer.unknownNoK": "設定沒有寫明最佳化器，批次的倍數也未知。",
  "why.optimizer.numbers": "這次的變更：批次 ×{k}，學習率 ×{factor}，{before} → {suggested}。",
  "why.optimizer.capped":
    "超過 B_crit 後，最佳學習率就不再變大（McCandlish et al. 2018），所以這裡的規則設了上限：×{factor}，而非 ×{uncapped}。",
  "why.optimizer.same": "有效批次沒有改變，學習率也不必改。",

  "why.memory.title": "記憶體：哪些會隨每張 GPU 的批次變大。",
  "why.memory":
    "每張 GPU 的記憶體峰值 = 固定部分 + 每筆樣本的部分。權重、梯度與最佳化器狀態（Adam " +
    "每個權重要多存兩個數）不會隨批次變大。會變大的是每筆樣本為了反向傳播而保留的東西：活化值，以及語言模型在整個詞彙表上的 logits。所以只有每張 " +
    "GPU 的批次大小會影響記憶體：梯度累積與增加 GPU 數量都能加大有效批次，而不會增加任何一張 GPU 的記憶體用量。",
  "why.memory.parts":
    "這次每張 GPU 上：權重 {weights}、梯度 {gradients}、最佳化器狀態 {optimizer} 都不變；活化值 " +
    "{activationsBefore} → {activationsAfter}、logits {logitsBefore} → " +
    "{logitsAfter}，隨每張 GPU 的批次 {microBefore} → {microAfter} 而變。",
  "why.memory.partsNoLogits":
    "這次每張 GPU 上：權重 {weights}、梯度 {gradients}、最佳化器狀態 {optimizer} 都不變；活化值 " +
    "{activationsBefore} → {activationsAfter}，隨每張 GPU 的批次 {microBefore} → {microAfter} 而變。",
  "why.memory.microSame": "這次每張 GPU 的批次大小維持 {micro}，所以每張 GPU 的記憶體峰值應該不變。",
  "why.memory.model":
    "以你的模型（{parameters} 個參數）來說，權重、梯度與最佳化器狀態在每張 GPU 上占 {states}（每個受訓練參數 {perParameter} 位元組）。",
  "why.memory.activations": "每筆樣本的活化值在每張 GPU 上約再占 {perExample}。",
  "why.memory.calibrated":
    "依你的校正點（批次 {batch} 時峰值為 {peak}）：固定部分約 {fixed}，每筆樣本約 {perExample}。",
  "why.memory.proxy":
    "在代理模型上，固定部分為 {fixed}（最佳化器更新時 {optimizer}），每筆樣本增加 {perExample}；能套用到你的模型的只有成長比例。",
};
