import type { Analysis } from "../model/analysis";
import type { Exchange } from "../model/exchange";

/** An exchange together with its analysis, the unit every report is made of. */
export interface AnalyzedExchange {
  readonly exchange: Exchange;
  readonly analysis: Analysis;
}
