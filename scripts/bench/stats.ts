export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number;
  unit: string;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The median of several runs with their spread: one run alone says little on a shared machine. */
export function summarize(values: number[], unit: string): Figure {
  if (values.length === 0) throw new Error('summarize: no values');
  return { median: round(median(values)), min: round(Math.min(...values)), max: round(Math.max(...values)), runs: values.length, unit };
}
