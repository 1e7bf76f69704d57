// A few SVG primitives for log–log charts: no plotting dependency, output that diffs well.

export interface Panel {
  /** Pixel box of the plotting area inside the SVG. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Data domains (both logarithmic). */
  xDomain: [number, number];
  yDomain: [number, number];
}

/** Data → pixels on a log axis. */
export function logScale(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain.map(Math.log);
  return (v) => range[0] + ((Math.log(v) - d0) / (d1 - d0)) * (range[1] - range[0]);
}

export function toPixels(panel: Panel): { px: (v: number) => number; py: (v: number) => number } {
  return {
    px: logScale(panel.xDomain, [panel.x, panel.x + panel.width]),
    py: logScale(panel.yDomain, [panel.y + panel.height, panel.y]),
  };
}

/**
 * Ticks for a log axis: 1-2-5 steps per decade when the domain is short, powers of two when asked.
 * @example logTicks([0.1, 1]) // [0.1, 0.2, 0.5, 1]
 */
export function logTicks(domain: [number, number], base: "decimal" | "binary" = "decimal"): number[] {
  const [lo, hi] = domain;
  const out: number[] = [];
  if (base === "binary") {
    for (let v = 2 ** Math.ceil(Math.log2(lo)); v <= hi * (1 + 1e-9); v *= 2) out.push(v);
    return out;
  }
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** e).toPrecision(6));
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
    }
  }
  return out;
}

export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Tick label: three significant figures; 1024 and up in binary thousands ("2k") so batch sizes fit. */
export function fmt(v: number): string {
  if (v >= 1024 && Number.isInteger(Math.log2(v))) return `${v / 1024}k`;
  return Number(v.toPrecision(3)).toString();
}

/** Frame, grid lines, tick labels and axis titles of one panel. */
export function axes(
  panel: Panel,
  options: { title: string; xLabel: string; yLabel: string; xTicks: number[]; yTicks: number[] },
): string {
  const { px, py } = toPixels(panel);
  const { x, y, width, height } = panel;
  const parts = [`<rect x="${x}" y="${y}" width="${width}" height="${height}" fill="none" stroke="#888"/>`];
  for (const t of options.xTicks) {
    const p = px(t).toFixed(1);
    parts.push(
      `<line x1="${p}" y1="${y}" x2="${p}" y2="${y + height}" stroke="#eee"/>`,
      `<text x="${p}" y="${y + height + 14}" text-anchor="middle">${fmt(t)}</text>`,
    );
  }
  for (const t of options.yTicks) {
    const p = py(t).toFixed(1);
    parts.push(
      `<line x1="${x}" y1="${p}" x2="${x + width}" y2="${p}" stroke="#eee"/>`,
      `<text x="${x - 5}" y="${p}" text-anchor="end" dominant-baseline="middle">${fmt(t)}</text>`,
    );
  }
  parts.push(
    `<text x="${x + width / 2}" y="${y - 8}" text-anchor="middle" font-weight="bold">${esc(options.title)}</text>`,
    `<text x="${x + width / 2}" y="${y + height + 30}" text-anchor="middle">${esc(options.xLabel)}</text>`,
    `<text transform="translate(${x - 40} ${y + height / 2}) rotate(-90)" ` +
      `text-anchor="middle">${esc(options.yLabel)}</text>`,
  );
  return parts.join("\n");
}

/** A polyline through data points, clipped to the panel's domain. */
export function line(panel: Panel, points: Array<[number, number]>, style: string): string {
  const { px, py } = toPixels(panel);
  const inside = points.filter(
    ([a, b]) => a >= panel.xDomain[0] && a <= panel.xDomain[1] && b >= panel.yDomain[0] && b <= panel.yDomain[1],
  );
  if (inside.length < 2) return "";
  const drawn = inside.map(([a, b]) => `${px(a).toFixed(1)},${py(b).toFixed(1)}`).join(" ");
  return `<polyline fill="none" ${style} points="${drawn}"/>`;
}

/** A marker at a data point: filled or hollow circle, or a cross. */
export function marker(
  panel: Panel,
  point: [number, number],
  options: { shape: "dot" | "ring" | "cross"; color: string; title?: string },
): string {
  const { px, py } = toPixels(panel);
  const [cx, cy] = [px(point[0]).toFixed(1), py(point[1]).toFixed(1)];
  const tip = options.title ? `<title>${esc(options.title)}</title>` : "";
  if (options.shape === "cross") {
    return (
      `<path d="M${+cx - 4},${+cy - 4}L${+cx + 4},${+cy + 4}M${+cx - 4},${+cy + 4}L${+cx + 4},${+cy - 4}" ` +
      `stroke="${options.color}" stroke-width="1.5">${tip}</path>`
    );
  }
  const fill = options.shape === "dot" ? options.color : "white";
  return (
    `<circle cx="${cx}" cy="${cy}" r="4" fill="${fill}" ` +
    `stroke="${options.color}" stroke-width="1.5">${tip}</circle>`
  );
}

/** Legend rows: a sample of each style and its label. */
export function legend(
  at: { x: number; y: number },
  rows: Array<{ label: string; sample: (x: number, y: number) => string }>,
): string {
  return rows
    .map(
      (r, i) =>
        `${r.sample(at.x, at.y + i * 16)}<text x="${at.x + 22}" y="${at.y + i * 16}" ` +
        `dominant-baseline="middle">${esc(r.label)}</text>`,
    )
    .join("\n");
}

export function svgDocument(size: { width: number; height: number }, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" ` +
      `height="${size.height}" viewBox="0 0 ${size.width} ${size.height}" ` +
      'font-family="sans-serif" font-size="11">',
    `<rect width="100%" height="100%" fill="white"/>`,
    ...body.filter(Boolean),
    `</svg>`,
    "",
  ].join("\n");
}
