import { linearRegression, linearRegressionLine, rSquared } from "simple-statistics";
import type { LinearFit } from "../proxy/types.js";

/**
 * Least-squares y = intercept + slope·x with its R².
 * @example fitLine([[1, 3], [2, 5], [3, 7]]) // { intercept: 1, slope: 2, r2: 1 }
 */
export function fitLine(points: Array<[number, number]>): LinearFit {
  const { m, b } = linearRegression(points);
  const ys = points.map((p) => p[1]);
  // rSquared is 1 − SSres/SStot, undefined when every y is equal; an exact flat fit is a perfect one.
  const flat = ys.every((y) => y === ys[0]);
  return { intercept: b, slope: m, r2: flat ? 1 : rSquared(points, linearRegressionLine({ m, b })) };
}
