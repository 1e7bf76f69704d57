/**
 * Sizes as people write them in `.github/batch-advisor.yml`: bytes ("40GiB", "80GB", "512MiB"),
 * relative growth ("+10%") and parameter counts ("1.5B", "125M"). Each parser returns the number,
 * or an English reason naming the forms it accepts (remembered with its id for the report).
 */

import { says } from "./config-detail.js";

const BYTE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

export type Parsed = { ok: true; value: number } | { ok: false; reason: string };

/**
 * Bytes from "40GiB" (binary), "80GB" (decimal, as GPU vendors label cards), "512 MiB" or a
 * plain number of bytes.
 * @example parseBytes("18GiB") // { ok: true, value: 19327352832 }
 */
export function parseBytes(input: string | number): Parsed {
  if (typeof input === "number")
    return input > 0 && Number.isFinite(input)
      ? { ok: true, value: input }
      : { ok: false, reason: says("config.expect.bytesPositive", {}, "a byte count must be a positive number") };
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)\s*$/i.exec(input);
  const factor = m ? BYTE_UNITS[(m[2] || "b").toLowerCase()] : undefined;
  if (!m || factor === undefined || Number(m[1]) <= 0) {
    const units = "B, KB, MB, GB, TB, KiB, MiB, GiB, TiB";
    return {
      ok: false,
      reason: says("config.expect.bytes", { units }, `write a size like "40GiB", "80GB" or "512MiB" (units: ${units})`),
    };
  }
  return { ok: true, value: Number(m[1]) * factor };
}

/**
 * The allowed ratio new ÷ old from "+10%" (1.10). A sign is required so "10%" is not read as
 * "10% of the device".
 * @example parseRelative("+10%") // { ok: true, value: 1.1 }
 */
export function parseRelative(input: string): Parsed {
  const m = /^\s*([+-])\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(input);
  if (!m)
    return {
      ok: false,
      reason: says("config.expect.growth", {}, 'write a growth limit like "+10%" (or "+0%" for no growth)'),
    };
  const ratio = 1 + ((m[1] === "-" ? -1 : 1) * Number(m[2])) / 100;
  return ratio > 0
    ? { ok: true, value: ratio }
    : {
        ok: false,
        reason: says("config.expect.growthAbove", {}, "a relative budget must leave some memory (above -100%)"),
      };
}

const COUNT_UNITS: Record<string, number> = { "": 1, k: 1e3, m: 1e6, b: 1e9, g: 1e9, t: 1e12 };

/**
 * A parameter count from 1.5e9, "1.5B", "125M" or "7b".
 * @example parseCount("1.5B") // { ok: true, value: 1500000000 }
 */
export function parseCount(input: string | number): Parsed {
  if (typeof input === "number")
    return input > 0 && Number.isFinite(input)
      ? { ok: true, value: input }
      : { ok: false, reason: says("config.expect.countPositive", {}, "a count must be a positive number") };
  const m = /^\s*(\d+(?:\.\d+)?(?:e\d+)?)\s*([kmbgt]?)\s*$/i.exec(input.replace(/_/g, ""));
  if (!m || Number(m[1]) <= 0)
    return {
      ok: false,
      reason: says("config.expect.count", {}, 'write a count like 1.5e9, "1.5B", "350M" or "125M"'),
    };
  return { ok: true, value: Number(m[1]) * COUNT_UNITS[m[2].toLowerCase()] };
}
