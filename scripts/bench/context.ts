/** What every benchmark receives from the runner (`scripts/bench.ts`). */
export interface BenchContext {
  /** How many times to repeat each measurement (the median is reported, with min and max). */
  runs: number;
  /** A scratch folder of this run, removed afterwards. */
  tmp: string;
  /**
   * A folder kept for the whole run, where a benchmark leaves what a later one reuses: the
   * 10,000-entry guide siteBuild builds is the one searchPayload searches.
   */
  shared: string;
  /** Progress output, one line per step, so a long run shows where it is. */
  log(message: string): void;
}

export type Bench = (ctx: BenchContext) => Promise<Record<string, unknown>>;
