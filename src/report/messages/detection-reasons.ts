import type { DetectionReason, DetectionReasons, UnknownPart } from "../../detect/reason.js";
import type { Role } from "../../detect/types.js";
import { n, type Quote, type ReasonCatalogue, wordReasonOf } from "./reason-words.js";
import { wordDevicesFrom } from "./launcher-devices.js";
import { translator, type Translator } from "./translate.js";

const PART_EN: Partial<Record<Role, string>> = {
  micro_batch: "per-device batch",
  grad_accum: "accumulation",
  global_batch: "global batch",
  devices: "devices",
  nodes: "nodes",
  seq_len: "sequence length",
  tokens_per_batch: "tokens per device",
};
const PART_ZH: Partial<Record<Role, string>> = {
  micro_batch: "每張 GPU 的批次大小",
  grad_accum: "梯度累積步數",
  global_batch: "全域批次大小",
  devices: "GPU 數量",
  nodes: "節點數",
  seq_len: "序列長度",
  tokens_per_batch: "每張 GPU 的 token 數",
};
const partEn = (role: Role) => PART_EN[role] ?? role;
const partZh = (role: Role) => PART_ZH[role] ?? role;

/**
 * Why detection cannot know a value or a part of the effective batch (src/detect/reason.ts), in
 * English and Traditional Chinese. With plain quotes the English reads as `batch-advisor detect`
 * prints it.
 */
export const DETECTION_REASONS: ReasonCatalogue<DetectionReasons> = {
  en: {
    "value.auto": (_, q) => `${q.code('"auto"')}: chosen at run time by the framework`,
    "value.env": (p, q) => `read from environment variable ${q.code(p.name)} at run time`,
    "value.resolver": (p, q) => `computed by the resolver ${q.code(p.name)} at run time`,
    "value.interpolation": (p, q) => `interpolation ${q.code(p.expr)} is not resolved in this file`,
    "value.interpolationCycle": (p, q) =>
      `interpolation ${q.code(p.expr)} is a cycle or a chain over ${n(p.max)} links`,
    "value.interpolationAboveRoot": (p, q) => `interpolation ${q.code(p.expr)} climbs above the root`,
    "value.interpolationMissing": (p, q) =>
      `interpolation ${q.code(p.expr)}: no key ${q.code(p.key)} in this config or the files it composes`,
    "value.extVar": (p, q) => `jsonnet external variable ${q.code(p.name)}, passed at run time`,
    "value.positional": (p, q) => `shell positional argument ${q.code(p.name)}, passed by the caller`,
    "value.shellVar": (p, q) => `shell variable ${q.code(p.name)} is not set in this file`,
    "value.shellVarNotInteger": (p, q) => `shell variable ${q.code(p.name)} is ${q.code(p.value)}, not an integer`,
    "value.shellArith": () => "shell arithmetic on values not known statically",
    "value.shellArithTooLong": () => "shell arithmetic too long to evaluate",
    "value.shellArithTooDeep": () => "shell arithmetic nested too deeply",
    "value.shellArithUnbalanced": () => "unbalanced parentheses in shell arithmetic",
    "value.shellArithIncomplete": () => "incomplete shell arithmetic",
    "value.shellArithExpr": (p, q) => `shell arithmetic ${q.code(p.expr)} is not evaluated statically`,
    "value.shellArithToken": (p, q) => `shell arithmetic with ${q.code(p.token)} is not evaluated statically`,
    "value.shellCommand": () => "output of a shell command",
    "value.shellExpansion": (p, q) => `computed by shell parameter expansion ${q.code(p.expr)}`,
    "value.shellSpecial": (p, q) => `${q.code(p.name)} is set by the shell at run time`,
    "value.actionsExpression": (p, q) => `GitHub Actions expression ${q.code(p.expr)}, filled in by the workflow`,
    "value.loopVariable": (p, q) => `loop variable ${q.code(p.name)} takes its values at run time`,
    "value.loopVariableOf": (p, q) => `loop variable ${q.code(p.name)} takes each of ${q.code(p.values)}`,
    "value.overrideRemoved": (p, q) => `removed by the override ${q.code(p.override)}; the framework default applies`,
    "value.tooLongToExpand": () => "value too long to expand statically",
    "value.gpuPerVisible": (_, q) => `${q.code('"gpu"')}: one process per visible GPU, known only at run time`,
    "value.notInSteps": (p, q) => `${q.code(p.value)} is not counted in steps`,
    "value.noGpuCount": (p, q) => `${q.code(`${p.flag}=${p.value}`)} names no GPU count`,
    "value.timmLrDerived": (_, q) =>
      `${q.code("lr")} unset: train.py derives it as ${q.code("lr_base")} × global batch / ${q.code("lr_base_size")}`,
    "value.autoBatch": (p, q) =>
      p.value === "-1"
        ? `${q.code("batch=-1")} lets AutoBatch pick the batch for ${n(p.percent)}% of GPU memory at run time`
        : `${q.code(`batch=${p.value}`)} lets AutoBatch fill ${n(p.percent)}% of GPU memory at run time`,
    "value.deviceList": (p, q) => `device ${q.code(p.value)} is not a list of device ids`,
    "value.ginMacro": (p, q) => `gin macro ${q.code(p.name)} is not bound in this file`,
    "value.ginMacroSelf": (p, q) => `gin macro ${q.code(p.name)} refers to itself`,
    "value.ginRequired": (_, q) =>
      `${q.code("gin.REQUIRED")}: bound by another gin file or a ${q.code("--gin_bindings")} flag`,
    "value.ginTooDeep": () => "gin values nested too deeply to resolve",
    "value.ginSyntax": (p, q) => `gin: ${q.code(p.message)}`,
    "value.notFinite": (p, q) => `${q.code(p.value)} is not a finite number`,
    "value.tooLarge": (p, q) => `${q.code(p.value)} is too large to evaluate exactly`,
    "value.resultTooLarge": () => "the result is too large to evaluate exactly",
    "value.notNumber": (p, q) => `${q.code(p.value)} is not a number`,
    "value.notNumberLiteral": (p, q) => `${q.code(p.value)} is not a number literal`,
    "value.complex": (p, q) => `${q.code(p.value)} is a complex number`,
    "value.divisionByZero": () => "division by zero",
    "value.negativeExponent": () => "negative exponent in shell arithmetic",
    "value.operator": (p, q) => `operator ${q.code(p.op)} is not evaluated statically`,
    "value.undefinedName": (p, q) => `name ${q.code(p.name)} is not defined in this file`,
    "value.pythonBuiltin": (p, q) => `${q.code(p.name)} is a Python built-in, not a value`,
    "value.pythonImported": (p, q) => `name ${q.code(p.name)} is imported from ${q.code(p.from)}`,
    "value.pythonModule": (p, q) => `${q.code(p.name)} is an imported module`,
    "value.pythonDefined": (p, q) => `${q.code(p.name)} is a ${p.kind} defined in this file`,
    "value.pythonParameter": (p, q) => `parameter ${q.code(p.param)} of ${q.code(`${p.fn}()`)} is set by its caller`,
    "value.pythonReturned": (p, q) => `value returned by ${q.code(`${p.fn}()`)} at run time`,
    "value.pythonTooDeep": () => "expression nested too deeply to evaluate",
    "value.fString": () => "f-string formatted at run time",
    "value.unpacked": () => "unpacked at run time",
    "value.unpackedFrom": (p, q) => `unpacked from ${q.code(p.expr)} at run time`,
    "value.evaluated": (p, q) => `evaluated at run time: ${q.code(p.expr)}`,
    "value.jsonnetCondition": (p, q) => `chosen by a condition at run time: ${q.code(p.expr)}`,
    "value.jsonnetFunction": () => "a function, applied at run time",
    "value.jsonnetNamedFunction": (p, q) => `${q.code(p.name)} is a function, applied at run time`,
    "value.jsonnetIndexed": (p, q) => `indexed at run time: ${q.code(p.expr)}`,
    "value.jsonnetComputed": (p, q) => `computed by ${q.code(p.fn)} at run time`,
    "value.jsonnetExtended": (p, q) => `an object extended at run time: ${q.code(p.expr)}`,
    "value.jsonnetComprehension": () => "a comprehension, built at run time",
    "value.jsonnetSelf": (p, q) => `${q.code(p.name)} is known only when the config is evaluated`,
    "value.jsonnetOutermost": (_, q) =>
      `${q.code("$")} (the outermost object) is known only when the config is evaluated`,
    "value.jsonnetField": (p, q) => `field ${q.code(p.field)} is known only when the config is evaluated`,
    "value.jsonnetAddedToInherited": (p, q) => `added to the inherited ${q.code(p.name)} at run time`,
    "value.importBinary": (p, q) => `binary file ${q.code(p.file)}, not read`,
    "value.importOutside": (p, q) => `imported from ${q.code(p.file)}, outside the repository: not read`,
    "value.importNoRepository": (p, q) => `imported from ${q.code(p.file)}, not read without the repository`,
    "value.importOverLimit": (p, q) =>
      `imported from ${q.code(p.file)}: not read (deeper than ${n(p.depth)} imports or over ${n(p.files)} files)`,
    "value.importMissing": (p, q) => `imported from ${q.code(p.file)}: no such file in the repository`,
    "value.importTooDeep": (p, q) => `imported from ${q.code(p.file)}: deeper than ${n(p.depth)} imports, not read`,
    "value.importUnreadable": (p, q) => `imported from ${q.code(p.file)}: ${p.error ? q.code(p.error) : "not read"}`,
    "auto.deepspeed": (_, q) =>
      `${q.code('"auto"')}, filled in at launch by the Hugging Face Trainer / accelerate from the training arguments`,
    "auto.litgpt": (_, q) => `${q.code('"auto"')}, LitGPT uses every visible GPU, known only at run time`,
    "auto.lightning": (_, q) => `${q.code('"auto"')}, Lightning uses every visible device, known only at run time`,
    "auto.ludwig": (_, q) => `${q.code('"auto"')}, Ludwig picks it at run time (the batch size is tuned to fit memory)`,
    "auto.composer": (_, q) =>
      `${q.code('"auto"')}, Composer picks the largest microbatch that fits; ` +
      "it changes the accumulation, not the effective batch",
    "part.notSet": (p) => `${partEn(p.part)}: not set in this file`,
    "part.devicesAll": (p, q) => `devices: ${q.code(p.value)} means all visible devices, known only at run time`,
    "part.devicesIndivisible": (p) =>
      `devices: ${n(p.devices)} is not divisible by the model-parallel size ${n(p.parallel)}`,
    "part.rescaled": (p, q) =>
      `${q.code(`SOLVER.REFERENCE_WORLD_SIZE = ${p.reference}`)}: ${q.code("IMS_PER_BATCH")} ${n(p.global)} ` +
      "is rescaled to the real GPU count, which this file does not give",
    "assumed.default": (p, q) =>
      `${partEn(p.part)}: assumed default of ${n(p.value)}${p.from ? ` (${q.text(p.from)})` : ""}`,
  },
  "zh-TW": {
    "value.auto": (_, q) => `${q.code('"auto"')}：由框架在執行時決定`,
    "value.env": (p, q) => `執行時才從環境變數 ${q.code(p.name)} 讀取`,
    "value.resolver": (p, q) => `執行時才由解析器 ${q.code(p.name)} 計算`,
    "value.interpolation": (p, q) => `這個檔案裡解析不到插值 ${q.code(p.expr)}`,
    "value.interpolationCycle": (p, q) => `插值 ${q.code(p.expr)} 形成循環，或連結超過 ${n(p.max)} 層`,
    "value.interpolationAboveRoot": (p, q) => `插值 ${q.code(p.expr)} 超出了設定的最上層`,
    "value.interpolationMissing": (p, q) =>
      `插值 ${q.code(p.expr)}：這個設定檔與它組合的檔案裡都沒有鍵 ${q.code(p.key)}`,
    "value.extVar": (p, q) => `Jsonnet 外部變數 ${q.code(p.name)}，執行時才傳入`,
    "value.positional": (p, q) => `shell 位置參數 ${q.code(p.name)}，由呼叫端傳入`,
    "value.shellVar": (p, q) => `這個檔案沒有設定 shell 變數 ${q.code(p.name)}`,
    "value.shellVarNotInteger": (p, q) => `shell 變數 ${q.code(p.name)} 的值是 ${q.code(p.value)}，不是整數`,
    "value.shellArith": () => "shell 算式用到的值無法事先得知",
    "value.shellArithTooLong": () => "shell 算式太長，不做計算",
    "value.shellArithTooDeep": () => "shell 算式巢狀太深，不做計算",
    "value.shellArithUnbalanced": () => "shell 算式的括號不成對",
    "value.shellArithIncomplete": () => "shell 算式不完整",
    "value.shellArithExpr": (p, q) => `shell 算式 ${q.code(p.expr)} 無法在不執行的情況下計算`,
    "value.shellArithToken": (p, q) => `含有 ${q.code(p.token)} 的 shell 算式無法在不執行的情況下計算`,
    "value.shellCommand": () => "shell 指令的輸出",
    "value.shellExpansion": (p, q) => `由 shell 參數展開 ${q.code(p.expr)} 算出`,
    "value.shellSpecial": (p, q) => `${q.code(p.name)} 由 shell 在執行時設定`,
    "value.actionsExpression": (p, q) => `GitHub Actions 運算式 ${q.code(p.expr)}，由工作流程填入`,
    "value.loopVariable": (p, q) => `迴圈變數 ${q.code(p.name)} 的值要到執行時才知道`,
    "value.loopVariableOf": (p, q) => `迴圈變數 ${q.code(p.name)} 依序取 ${q.code(p.values)} 的每一個值`,
    "value.overrideRemoved": (p, q) => `被覆寫 ${q.code(p.override)} 移除，改用框架的預設值`,
    "value.tooLongToExpand": () => "值太長，不做靜態展開",
    "value.gpuPerVisible": (_, q) => `${q.code('"gpu"')}：每張看得到的 GPU 一個行程，要到執行時才知道`,
    "value.notInSteps": (p, q) => `${q.code(p.value)} 不是以步數計算`,
    "value.noGpuCount": (p, q) => `${q.code(`${p.flag}=${p.value}`)} 沒有寫 GPU 數量`,
    "value.timmLrDerived": (_, q) =>
      `沒有設定 ${q.code("lr")}：train.py 以 ${q.code("lr_base")} × 全域批次大小 / ${q.code("lr_base_size")} 算出`,
    "value.autoBatch": (p, q) =>
      p.value === "-1"
        ? `${q.code("batch=-1")} 讓 AutoBatch 在執行時挑選用掉 GPU 記憶體 ${n(p.percent)}% 的批次大小`
        : `${q.code(`batch=${p.value}`)} 讓 AutoBatch 在執行時用滿 GPU 記憶體的 ${n(p.percent)}%`,
    "value.deviceList": (p, q) => `device ${q.code(p.value)} 不是 GPU 編號的清單`,
    "value.ginMacro": (p, q) => `這個檔案沒有綁定 gin 巨集 ${q.code(p.name)}`,
    "value.ginMacroSelf": (p, q) => `gin 巨集 ${q.code(p.name)} 參照到自己`,
    "value.ginRequired": (_, q) =>
      `${q.code("gin.REQUIRED")}：由另一個 gin 檔案或 ${q.code("--gin_bindings")} 參數綁定`,
    "value.ginTooDeep": () => "gin 的值巢狀太深，無法解析",
    "value.ginSyntax": (p, q) => `gin 語法錯誤：${q.code(p.message)}`,
    "value.notFinite": (p, q) => `${q.code(p.value)} 不是有限的數`,
    "value.tooLarge": (p, q) => `${q.code(p.value)} 太大，無法精確計算`,
    "value.resultTooLarge": () => "計算結果太大，無法精確表示",
    "value.notNumber": (p, q) => `${q.code(p.value)} 不是數字`,
    "value.notNumberLiteral": (p, q) => `${q.code(p.value)} 不是數字常值`,
    "value.complex": (p, q) => `${q.code(p.value)} 是複數`,
    "value.divisionByZero": () => "除以零",
    "value.negativeExponent": () => "shell 算式的指數是負數",
    "value.operator": (p, q) => `運算子 ${q.code(p.op)} 不做靜態計算`,
    "value.undefinedName": (p, q) => `這個檔案沒有定義名稱 ${q.code(p.name)}`,
    "value.pythonBuiltin": (p, q) => `${q.code(p.name)} 是 Python 內建名稱，不是值`,
    "value.pythonImported": (p, q) => `名稱 ${q.code(p.name)} 是從 ${q.code(p.from)} 匯入的`,
    "value.pythonModule": (p, q) => `${q.code(p.name)} 是匯入的模組`,
    "value.pythonDefined": (p, q) =>
      `${q.code(p.name)} 是這個檔案定義的${p.kind === "class" ? "類別" : p.kind === "function" ? "函式" : q.code(p.kind)}`,
    "value.pythonParameter": (p, q) => `${q.code(`${p.fn}()`)} 的參數 ${q.code(p.param)} 由呼叫端傳入`,
    "value.pythonReturned": (p, q) => `執行時由 ${q.code(`${p.fn}()`)} 傳回的值`,
    "value.pythonTooDeep": () => "運算式巢狀太深，不做計算",
    "value.fString": () => "執行時才格式化的 f-string",
    "value.unpacked": () => "執行時才拆開的值",
    "value.unpackedFrom": (p, q) => `執行時才從 ${q.code(p.expr)} 拆開`,
    "value.evaluated": (p, q) => `要到執行時才算得出來：${q.code(p.expr)}`,
    "value.jsonnetCondition": (p, q) => `執行時由條件決定：${q.code(p.expr)}`,
    "value.jsonnetFunction": () => "函式，執行時才套用",
    "value.jsonnetNamedFunction": (p, q) => `${q.code(p.name)} 是函式，執行時才套用`,
    "value.jsonnetIndexed": (p, q) => `執行時才取索引：${q.code(p.expr)}`,
    "value.jsonnetComputed": (p, q) => `執行時由 ${q.code(p.fn)} 計算`,
    "value.jsonnetExtended": (p, q) => `執行時才擴充的物件：${q.code(p.expr)}`,
    "value.jsonnetComprehension": () => "推導式，執行時才建立",
    "value.jsonnetSelf": (p, q) => `${q.code(p.name)} 要到設定求值時才知道`,
    "value.jsonnetOutermost": (_, q) => `${q.code("$")}（最外層物件）要到設定求值時才知道`,
    "value.jsonnetField": (p, q) => `欄位 ${q.code(p.field)} 要到設定求值時才知道`,
    "value.jsonnetAddedToInherited": (p, q) => `執行時才加到繼承來的 ${q.code(p.name)} 上`,
    "value.importBinary": (p, q) => `二進位檔 ${q.code(p.file)}，不讀取`,
    "value.importOutside": (p, q) => `從 ${q.code(p.file)} 匯入，位於儲存庫之外，不讀取`,
    "value.importNoRepository": (p, q) => `從 ${q.code(p.file)} 匯入，沒有儲存庫時不讀取`,
    "value.importOverLimit": (p, q) =>
      `從 ${q.code(p.file)} 匯入：不讀取（匯入超過 ${n(p.depth)} 層或超過 ${n(p.files)} 個檔案）`,
    "value.importMissing": (p, q) => `從 ${q.code(p.file)} 匯入：儲存庫中沒有這個檔案`,
    "value.importTooDeep": (p, q) => `從 ${q.code(p.file)} 匯入：匯入超過 ${n(p.depth)} 層，不讀取`,
    "value.importUnreadable": (p, q) => `從 ${q.code(p.file)} 匯入：${p.error ? q.code(p.error) : "無法讀取"}`,
    "auto.deepspeed": (_, q) => `${q.code('"auto"')}，啟動時由 Hugging Face Trainer 或 accelerate 依訓練參數填入`,
    "auto.litgpt": (_, q) => `${q.code('"auto"')}，LitGPT 使用所有看得到的 GPU，要到執行時才知道`,
    "auto.lightning": (_, q) => `${q.code('"auto"')}，Lightning 使用所有看得到的裝置，要到執行時才知道`,
    "auto.ludwig": (_, q) => `${q.code('"auto"')}，Ludwig 在執行時決定（批次大小會調整到放得進記憶體）`,
    "auto.composer": (_, q) =>
      `${q.code('"auto"')}，Composer 選放得下的最大微批次；這改變的是梯度累積步數，不是有效批次`,
    "part.notSet": (p) => `${partZh(p.part)}：這個檔案沒有設定`,
    "part.devicesAll": (p, q) => `GPU 數量：${q.code(p.value)} 代表所有看得到的 GPU，要到執行時才知道`,
    "part.devicesIndivisible": (p) => `GPU 數量：${n(p.devices)} 無法被模型平行的大小 ${n(p.parallel)} 整除`,
    "part.rescaled": (p, q) =>
      `${q.code(`SOLVER.REFERENCE_WORLD_SIZE = ${p.reference}`)}：${q.code("IMS_PER_BATCH")} ${n(p.global)} ` +
      "會依實際的 GPU 數量重新縮放，而這個檔案沒有寫 GPU 數量",
    "assumed.default": (p, q) =>
      `${partZh(p.part)}：假設為預設值 ${n(p.value)}${p.from ? `（${q.text(p.from)}）` : ""}`,
  },
};

/**
 * A detection reason in the reader's language.
 * @example wordDetectionReason({ id: "value.env", params: { name: "BS" } }, q, zh) // "執行時才從環境變數 `BS` 讀取"
 */
export function wordDetectionReason(reason: DetectionReason, q: Quote, t: Translator): string {
  return wordReasonOf(DETECTION_REASONS, reason, q, t);
}

/**
 * One unknown part of the effective batch: a setting and why ("`BS`: read from environment
 * variable …"), the device count left to the launcher, or a part's own sentence.
 * @example wordUnknownPart({ devicesFrom: { id: "devices.launcher" } }, q, en)
 * // "devices: not in this file (set by the launcher); pass --devices or set devices in .github/batch-advisor.yml"
 */
export function wordUnknownPart(part: UnknownPart, q: Quote, t: Translator): string {
  if ("devicesFrom" in part)
    return t.t("reason.part.devicesLauncher", { from: wordDevicesFrom(part.devicesFrom, q, t) });
  const reason = wordDetectionReason(part.reason, q, t);
  return "key" in part ? t.t("reason.keyed", { key: q.code(part.key), reason }) : reason;
}

/** Quotes that leave the text as written: for a plain-text sink (the CLI, the JSON), never for Markdown. */
export const PLAIN: Quote = { code: (raw) => String(raw), text: (raw) => String(raw) };

/**
 * A detection reason or unknown part in plain English, as `batch-advisor detect` and its JSON say it.
 * @example reasonText({ id: "value.env", params: { name: "BS" } }) // "read from environment variable BS at run time"
 */
export function reasonText(reason: DetectionReason | UnknownPart): string {
  const en = translator("en");
  return "id" in reason ? wordDetectionReason(reason, PLAIN, en) : wordUnknownPart(reason, PLAIN, en);
}
