// The accuracy charts as SVG, drawn from bench/results (no training): predicted against measured
// ratios on log axes, and each task's steps-to-target curve with its fit and the advisor's curve.
import { axes, legend, line, logTicks, marker, svgDocument, type Panel } from "./svg-plot.js";

export interface ChartPair {
  task: string;
  bOld: number;
  bNew: number;
  predicted: { stepsRatio: number; timeRatio: number };
  measured: { stepsRatio: number; timeRatio: number };
  naive: { stepsRatio: number; timeRatio: number };
}

export interface ChartTask {
  task: string;
  title: string;
  /** Median steps to target and every seed's, per batch size. */
  points: Array<{ batchSize: number; steps: number | null; stepsBySeed: Array<number | null> }>;
  fit: { sMin: number; eMin: number; bCrit: number } | null;
  /** The advisor's B_crit and the batch its curve is drawn from (the old batch of its plan). */
  predictedBCrit: number;
  anchorBatch: number;
}

export const TASK_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"];

const bounds = (values: number[], pad = 1.25): [number, number] => [
  Math.min(...values) / pad,
  Math.max(...values) * pad,
];

/**
 * Two log–log panels: predicted (advisor: dots, naive 1/B: rings) against measured steps ratio,
 * and the same for wall time; the diagonal is a perfect prediction, the grey band ±12 %.
 * @example ratioChart(pairs, ["mnist-mlp-adam"]) // "<svg …"
 */
export function ratioChart(pairs: ChartPair[], tasks: string[]): string {
  const body: string[] = [];
  const panels: Array<{ key: "stepsRatio" | "timeRatio"; title: string }> = [
    { key: "stepsRatio", title: "Steps to the target loss, new ÷ old" },
    { key: "timeRatio", title: "Wall time to the target loss, new ÷ old" },
  ];
  panels.forEach(({ key, title }, i) => {
    const values = pairs.flatMap((p) => [p.predicted[key], p.measured[key], p.naive[key]]);
    const domain = bounds(values);
    const panel: Panel = { x: 70 + i * 380, y: 40, width: 300, height: 300, xDomain: domain, yDomain: domain };
    const ticks = logTicks(domain);
    body.push(
      axes(panel, { title, xLabel: "measured ratio", yLabel: "predicted ratio", xTicks: ticks, yTicks: ticks }),
    );
    const diagonal: Array<[number, number]> = [
      [domain[0], domain[0]],
      [domain[1], domain[1]],
    ];
    body.push(
      line(
        panel,
        diagonal.map(([a, b]) => [a, b * 1.12]),
        'stroke="#ccc" stroke-dasharray="3 3"',
      ),
    );
    body.push(
      line(
        panel,
        diagonal.map(([a, b]) => [a, b / 1.12]),
        'stroke="#ccc" stroke-dasharray="3 3"',
      ),
    );
    body.push(line(panel, diagonal, 'stroke="#666"'));
    for (const p of pairs) {
      const colour = TASK_COLOURS[tasks.indexOf(p.task) % TASK_COLOURS.length];
      const label = `${p.task} ${p.bOld}→${p.bNew}`;
      body.push(
        marker(panel, [p.measured[key], p.naive[key]], {
          shape: "ring",
          color: colour,
          title: `${label}: naive ${p.naive[key].toFixed(3)}, measured ${p.measured[key].toFixed(3)}`,
        }),
      );
      body.push(
        marker(panel, [p.measured[key], p.predicted[key]], {
          shape: "dot",
          color: colour,
          title: `${label}: advisor ${p.predicted[key].toFixed(3)}, measured ${p.measured[key].toFixed(3)}`,
        }),
      );
    }
  });
  const rows = [
    ...tasks.map((t, i) => ({
      label: t,
      sample: (x: number, y: number) =>
        `<circle cx="${x + 8}" cy="${y}" r="4" fill="${TASK_COLOURS[i % TASK_COLOURS.length]}"/>`,
    })),
    {
      label: "advisor (filled)",
      sample: (x: number, y: number) => `<circle cx="${x + 8}" cy="${y}" r="4" fill="#444"/>`,
    },
    {
      label: "naive 1/B (ring)",
      sample: (x: number, y: number) =>
        `<circle cx="${x + 8}" cy="${y}" r="4" fill="white" stroke="#444" stroke-width="1.5"/>`,
    },
    {
      label: "perfect; dashed ±12 %",
      sample: (x: number, y: number) => `<line x1="${x}" y1="${y}" x2="${x + 16}" y2="${y}" stroke="#666"/>`,
    },
  ];
  body.push(legend({ x: 790, y: 60 }, rows));
  return svgDocument({ width: 1010, height: 390 }, body);
}

/**
 * One panel per task: median steps to target against batch size (dots; seed range as a bar), the
 * S(B) fit to them (solid), the advisor's curve drawn from its B_crit through the measured point at
 * its old batch (dashed), and perfect 1/B scaling from the same point (dotted).
 * @example stepsChart([task]) // "<svg …"
 */
export function stepsChart(tasks: ChartTask[]): string {
  const body: string[] = [];
  tasks.forEach((t, i) => {
    const colour = TASK_COLOURS[i % TASK_COLOURS.length];
    const reached = t.points.filter((p): p is typeof p & { steps: number } => p.steps !== null);
    const seeds = t.points.flatMap((p) => p.stepsBySeed.filter((s): s is number => s !== null));
    const sizes = t.points.map((p) => p.batchSize);
    const xDomain: [number, number] = [Math.min(...sizes) / 1.4, Math.max(...sizes) * 1.4];
    const yDomain = bounds(seeds.length ? seeds : [1, 10], 1.6);
    const panel: Panel = { x: 70 + i * 320, y: 40, width: 250, height: 260, xDomain, yDomain };
    body.push(
      axes(panel, {
        title: t.task,
        xLabel: "batch size B",
        yLabel: "steps to target",
        xTicks: logTicks(xDomain, "binary"),
        yTicks: logTicks(yDomain),
      }),
    );
    const grid = Array.from({ length: 41 }, (_, k) => xDomain[0] * (xDomain[1] / xDomain[0]) ** (k / 40));
    if (t.fit)
      body.push(
        line(
          panel,
          grid.map((b) => [b, t.fit!.sMin + t.fit!.eMin / b]),
          `stroke="${colour}" stroke-width="1.5"`,
        ),
      );
    const anchor = reached.find((p) => p.batchSize === t.anchorBatch);
    if (anchor) {
      const b0 = anchor.batchSize;
      const advisor = (b: number) => (anchor.steps * (1 + t.predictedBCrit / b)) / (1 + t.predictedBCrit / b0);
      body.push(
        line(
          panel,
          grid.map((b) => [b, advisor(b)]),
          `stroke="${colour}" stroke-dasharray="6 4"`,
        ),
      );
      body.push(
        line(
          panel,
          grid.map((b) => [b, (anchor.steps * b0) / b]),
          'stroke="#999" stroke-dasharray="2 3"',
        ),
      );
    }
    for (const p of t.points) {
      const got = p.stepsBySeed.filter((s): s is number => s !== null);
      if (got.length > 1)
        body.push(
          line(
            panel,
            [
              [p.batchSize, Math.min(...got)],
              [p.batchSize, Math.max(...got)],
            ],
            `stroke="${colour}"`,
          ),
        );
      if (p.steps !== null)
        body.push(
          marker(panel, [p.batchSize, p.steps], {
            shape: "dot",
            color: colour,
            title: `B=${p.batchSize}: ${p.steps} steps (seeds ${p.stepsBySeed.join(", ")})`,
          }),
        );
    }
    const note = t.fit
      ? `measured B_crit ≈ ${Math.round(t.fit.bCrit)}, advisor ${Math.round(t.predictedBCrit)}`
      : `advisor B_crit ${Math.round(t.predictedBCrit)}`;
    body.push(`<text x="${panel.x + panel.width - 4}" y="${panel.y + 14}" text-anchor="end">${note}</text>`);
  });
  const rows = [
    {
      label: "median steps (bar: seed range)",
      sample: (x: number, y: number) => `<circle cx="${x + 8}" cy="${y}" r="4" fill="#444"/>`,
    },
    {
      label: "fit S_min(1 + B_crit/B)",
      sample: (x: number, y: number) =>
        `<line x1="${x}" y1="${y}" x2="${x + 16}" y2="${y}" stroke="#444" stroke-width="1.5"/>`,
    },
    {
      label: "advisor's B_crit, through its old batch",
      sample: (x: number, y: number) =>
        `<line x1="${x}" y1="${y}" x2="${x + 16}" y2="${y}" stroke="#444" stroke-dasharray="6 4"/>`,
    },
    {
      label: "perfect scaling 1/B",
      sample: (x: number, y: number) =>
        `<line x1="${x}" y1="${y}" x2="${x + 16}" y2="${y}" stroke="#999" stroke-dasharray="2 3"/>`,
    },
  ];
  body.push(legend({ x: 70, y: 350 }, rows));
  return svgDocument({ width: 70 + tasks.length * 320, height: 420 }, body);
}
