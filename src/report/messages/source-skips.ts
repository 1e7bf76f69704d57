import type { SourceSkip, SourceSkips } from "../../source/source-skip.js";
import { type Quote, type ReasonCatalogue, wordReasonOf } from "./reason-words.js";
import type { Translator } from "./translate.js";

/** Why a source did not read a file (src/source/source-skip.ts), in English and Traditional Chinese. */
export const SOURCE_SKIPS: ReasonCatalogue<SourceSkips> = {
  en: {
    "source.notFound": () => "not found",
    "source.outside": () => "is outside the repository; not read",
    "source.symlink": () => "is a symbolic link in the repository; not followed",
    "source.symlinkOutside": () => "is a symbolic link that leads outside the repository; not followed",
    "source.submodule": () => "is a submodule, not a file; not read",
    "source.folder": () => "is a folder, not a file; not read",
    "source.notRegular": (p) => `is not a regular file (${NOT_REGULAR.en[p.kind]}); not read`,
    "source.tooLarge": (p, q) => `${q.text(p.size)} MiB is over the ${q.text(p.max)} MiB limit; not read`,
    "source.unreadable": (p, q) => `cannot be read (${q.code(p.code)})`,
    "source.binary": () => "binary file; not read",
    "source.notUtf8": () => "not UTF-8 text; not read",
  },
  "zh-TW": {
    "source.notFound": () => "找不到",
    "source.outside": () => "位於儲存庫之外，不讀取",
    "source.symlink": () => "是儲存庫中的符號連結，不跟著讀取",
    "source.symlinkOutside": () => "是指向儲存庫之外的符號連結，不跟著讀取",
    "source.submodule": () => "是子模組而不是檔案，不讀取",
    "source.folder": () => "是資料夾而不是檔案，不讀取",
    "source.notRegular": (p) => `不是一般檔案（${NOT_REGULAR["zh-TW"][p.kind]}），不讀取`,
    "source.tooLarge": (p, q) => `${q.text(p.size)} MiB 超過 ${q.text(p.max)} MiB 的上限，不讀取`,
    "source.unreadable": (p, q) => `無法讀取（${q.code(p.code)}）`,
    "source.binary": () => "是二進位檔案，不讀取",
    "source.notUtf8": () => "不是 UTF-8 文字，不讀取",
  },
};

/** What a path is instead of a regular file, in each language. */
const NOT_REGULAR = {
  en: {
    fifo: "a FIFO",
    characterDevice: "a character device",
    blockDevice: "a block device",
    socket: "a socket",
    other: "not a file",
  },
  "zh-TW": {
    fifo: "具名管道",
    characterDevice: "字元裝置",
    blockDevice: "區塊裝置",
    socket: "通訊端",
    other: "不是檔案",
  },
} as const;

/**
 * A source's skip reason in the reader's language.
 * @example wordSourceSkip({ id: "source.symlink" }, q, zh) // "是儲存庫中的符號連結，不跟著讀取"
 */
export function wordSourceSkip(reason: SourceSkip, q: Quote, t: Translator): string {
  return wordReasonOf(SOURCE_SKIPS, reason, q, t);
}
