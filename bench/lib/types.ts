// What a benchmark module returns: figures, each optionally with a budget the run must meet.
export interface BenchFigure {
  /** What was measured, e.g. 'runtime: SetValue/GetValue cmi.location'. */
  name: string;
  /** Our figure. */
  value: number;
  unit: string;
  /** The alternative's figure in the same run, when there is one (e.g. scorm-again, bare fflate). */
  baseline?: number;
  /** Name of the alternative. */
  baselineName?: string;
  /**
   * The budget. `maxRatio`/`minRatio` compare value/baseline; `max`/`min` bound the value itself.
   * A figure with no budget is printed for information.
   */
  budget?: { max?: number; min?: number; maxRatio?: number; minRatio?: number };
}

/** A benchmark module: `bench/<area>.bench.ts` exporting `default` of this type. */
export type Bench = () => Promise<BenchFigure[]>;
