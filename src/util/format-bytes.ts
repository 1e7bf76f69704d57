/**
 * Bytes in binary units with three significant digits, for messages and the comment ("18.0 GiB").
 * Values from 1000 up to the next unit keep their digits ("1020 MiB"), where three significant
 * digits would turn into an exponent.
 * @example formatBytes(19327352832) // "18.0 GiB"; formatBytes(536870912) // "512 MiB"
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "—";
  const units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
  let value = Math.abs(bytes);
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  const digits = i === 0 || value >= 1000 ? String(Math.round(value)) : value.toPrecision(3);
  return `${bytes < 0 ? "-" : ""}${digits} ${units[i]}`;
}
