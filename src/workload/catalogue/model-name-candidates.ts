/** File endings that name a checkpoint or a model config rather than the model (`yolov8s.pt`, `yolov8s.yaml`). */
const FILE_SUFFIX = /\.(pt|pth|yaml|yml|safetensors|bin|ckpt)$/;

/**
 * Fine-tuned variants that keep the base model's shape. Stripped one at a time from the end, so
 * `Llama-2-7b-chat-hf` becomes `llama-2-7b-chat` and then `llama-2-7b`.
 */
const VARIANT_SUFFIX = /[-_](hf|chat|instruct|it|base|sft|dpo|rlhf|deduped)$/;

/** The same words in the middle of a name, before a version (`Mistral-7B-Instruct-v0.3`). */
const VARIANT_INFIX = /[-_](chat|instruct|it|base)(?=[-_]v?\d)/g;

/** torchtune's adapter builders wrap the base builder's name (`lora_llama3_2_1b`, `qlora_llama3_1_8b`). */
const ADAPTER_PREFIX = /^(q?lora|dora|qdora)_/;

/**
 * The names to try for what a config wrote, most specific first, all lower case: the text itself,
 * `org/name` and `name` from a path (`/models/Llama-3.2-1B`, `checkpoints/meta-llama/Llama-3.2-1B`,
 * a Hub cache folder `models--meta-llama--Llama-3.2-1B/snapshots/…`), the last part of a torchtune
 * component path, then each of those with file endings, adapter prefixes and variant suffixes
 * (`-Instruct`, `-chat`, `-hf`, `-it`) removed.
 * @example modelNameCandidates("checkpoints/meta-llama/Llama-3.2-1B-Instruct")
 *   // ["checkpoints/meta-llama/llama-3.2-1b-instruct", "meta-llama/llama-3.2-1b-instruct",
 *   //  "llama-3.2-1b-instruct", …, "llama-3.2-1b"]
 */
export function modelNameCandidates(raw: string): string[] {
  const text = raw.trim().toLowerCase().replace(/\\/g, "/").replace(/\/+$/, "");
  const out: string[] = [];
  const add = (name: string) => {
    if (name && !out.includes(name)) out.push(name);
  };
  for (const base of pathForms(text)) add(base);
  for (const name of [...out]) {
    let current = name.replace(FILE_SUFFIX, "").replace(ADAPTER_PREFIX, "");
    add(current);
    while (VARIANT_SUFFIX.test(current)) {
      current = current.replace(VARIANT_SUFFIX, "");
      add(current);
    }
    add(current.replace(VARIANT_INFIX, ""));
  }
  return out;
}

/** The text, then `org/name` and `name` from its last path parts, then a torchtune builder's own name. */
function pathForms(text: string): string[] {
  const forms = [text];
  const cache = /models--([^/]+)--([^/]+)/.exec(text);
  if (cache) forms.push(`${cache[1]}/${cache[2]}`, cache[2]);
  const parts = text.split("/").filter((p) => p !== "" && p !== "." && p !== "..");
  if (parts.length >= 2) forms.push(`${parts[parts.length - 2]}/${parts[parts.length - 1]}`);
  if (parts.length >= 1) forms.push(parts[parts.length - 1]);
  if (text.startsWith("torchtune.")) forms.push(text.slice(text.lastIndexOf(".") + 1));
  return forms;
}

/** Letters and digits only: `Llama-3.2-1B`, `llama3_2_1b` and `LLaMA 3.2 1B` all become `llama321b`. */
export function compactName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}
