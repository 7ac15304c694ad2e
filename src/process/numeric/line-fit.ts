// Degree-1 least-squares fit y ≈ a·x + b over the rows where both are numbers (numpy.polyfit(x, y, 1)).
import { MetricCrash } from '../status.js';

export interface Line {
  readonly slope: number;
  readonly intercept: number;
}

/** Fit y ≈ slope·x + intercept on rows where x and y are both non-NaN; fewer than 2 points raises. */
export function fitLine(x: Float64Array, y: Float64Array, what: string): Line {
  let count = 0;
  let sumX = 0;
  let sumY = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (Number.isNaN(xi) || Number.isNaN(yi)) continue;
    count++;
    sumX += xi;
    sumY += yi;
  }
  if (count < 2) throw new MetricCrash(`${what}: the line fit needs at least 2 points, got ${count}`);
  const meanX = sumX / count;
  const meanY = sumY / count;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    const yi = y[i]!;
    if (Number.isNaN(xi) || Number.isNaN(yi)) continue;
    const dx = xi - meanX;
    sxx += dx * dx;
    sxy += dx * (yi - meanY);
  }
  if (sxx > 0) {
    const slope = sxy / sxx;
    return { slope, intercept: meanY - slope * meanX };
  }
  // All x equal: polyfit's scaled least squares is rank deficient and returns the minimum-norm solution,
  // which splits the mean of y evenly between the two terms; with x all 0 its column scaling divides by 0.
  if (meanX === 0) throw new MetricCrash(`${what}: the line fit has all x equal to 0`);
  return { slope: meanY / (2 * meanX), intercept: meanY / 2 };
}
