import { analyzeExchange } from "../../../src/analyzer/analyze-exchange";
import { startLab, type RunningLab } from "../../../src/lab/lab-server";
import { LAB_SESSION_COOKIE } from "../../../src/lab/page-server";
import type { Scenario } from "../../../src/lab/scenario";
import type { HeaderList } from "../../../src/model/header";
import type { RequestRecord } from "../../../src/model/request-record";
import { pairExchanges } from "../../../src/pairing/pair-exchanges";
import { buildJsonReport } from "../../../src/report/build-json-report";
import type { JsonReport } from "../../../src/report/json-report";
import {
  LabResponseRecorder,
  buildLabRequestRecords,
} from "./differential-lab-records";
import { scenarioById, scenarioIdOfUrl } from "./differential-scenarios";

/** The lab, started so that its requests and responses can be rebuilt as records. */
export interface RecordingLab {
  readonly lab: RunningLab;
  /**
   * Returns the RequestRecords rebuilt from the lab's traffic so far, shaped
   * as the extension records them, in the order the requests started.
   */
  records(): RequestRecord[];
}

/** Returns the webRequest type of a scenario's request: its destination, or `xmlhttprequest` for a fetch. */
function resourceTypeOf(url: string): string {
  const id = scenarioIdOfUrl(url);
  const destination =
    id === null ? undefined : scenarioById(id).request.destination;
  return destination ?? "xmlhttprequest";
}

/** The `Cookie` header the lab page's cookie produces. */
const LAB_COOKIE_HEADER = {
  name: "Cookie",
  value: LAB_SESSION_COOKIE.split(";")[0] ?? "",
};

/**
 * Returns the headers of a scenario request before its preflight: the page's
 * origin, the headers the page set, and the lab's cookie when it sends
 * credentials.
 */
function headersBeforePreflight(pageOrigin: string, url: string): HeaderList {
  const origin = { name: "Origin", value: pageOrigin };
  const id = scenarioIdOfUrl(url);
  if (id === null) return [origin];
  const { request } = scenarioById(id);
  return [
    origin,
    ...request.headers,
    ...(request.credentials === "include" ? [LAB_COOKIE_HEADER] : []),
  ];
}

/** Starts the lab on free loopback ports with every scenario response recorded. */
export async function startRecordingLab(
  scenarios: readonly Scenario[],
): Promise<RecordingLab> {
  const recorder = new LabResponseRecorder();
  const lab = await startLab({
    pagePort: 0,
    apiPort: 0,
    scenarios: recorder.wrap(scenarios),
  });
  return {
    lab,
    records: () =>
      buildLabRequestRecords(lab.requests(), recorder.responses, {
        pageOrigin: lab.pageOrigin,
        typeOf: resourceTypeOf,
        headersBeforePreflight: (url) =>
          headersBeforePreflight(lab.pageOrigin, url),
      }).sort((left, right) => left.startTime - right.startTime),
  };
}

/** Pairs the records, analyzes every exchange and returns the JSON report. */
export function analyzeRecords(records: readonly RequestRecord[]): JsonReport {
  const entries = pairExchanges(records).map((exchange) => ({
    exchange,
    analysis: analyzeExchange(exchange),
  }));
  return buildJsonReport(entries, {
    generatedAt: new Date().toISOString(),
    toolVersion: "differential-test",
  });
}
