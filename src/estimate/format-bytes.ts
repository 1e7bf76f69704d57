/**
 * Bytes in binary units with three significant digits, for messages ("18.0 GiB").
 * @example formatBytes(19327352832) // "18.0 GiB"
 */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"];
  let value = bytes;
  let i = 0;
  while (Math.abs(value) >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${i === 0 ? String(Math.round(value)) : value.toPrecision(3)} ${units[i]}`;
}
