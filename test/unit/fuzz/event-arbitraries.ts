import fc from "fast-check";
import type {
  WebRequestEvent,
  WebRequestEventName,
  WebRequestHeader,
} from "../../../src/background/web-request-details";

/**
 * Random webRequest event streams of requests with and without preflights. Each is
 * shaped as Chromium reports it: the actual request's `onBeforeRequest`, then the whole
 * preflight, then the rest of the actual request. Streams are delivered in a random
 * order, with some events lost and some delivered twice.
 */

const PAGE_ORIGIN = "http://127.0.0.1:4100";
const API_ORIGIN = "http://127.0.0.1:4101";
const TAB_ID = 7;

/** Few paths, so that concurrent identical requests compete for preflights. */
const PATHS = ["/api/a", "/api/b", "/api/a?x=1"];

interface GeneratedRequest {
  readonly method: string;
  readonly path: string;
  readonly preflight: boolean;
  readonly preflightStatus: number;
  readonly requestHeaders: readonly WebRequestHeader[];
  readonly responseHeaders: readonly WebRequestHeader[];
  readonly outcome: "completed" | "failed" | "no response";
  readonly redirect: boolean;
}

const headerName = fc.oneof(
  fc.constantFrom(
    "X-Request-Id",
    "Authorization",
    "Content-Type",
    "Access-Control-Allow-Origin",
    "Access-Control-Allow-Headers",
    "Access-Control-Allow-Methods",
    "Vary",
  ),
  fc.string({ minLength: 1, maxLength: 12 }),
);

const headerValue = fc.oneof(
  fc.constantFrom("*", PAGE_ORIGIN, "PUT", "x-request-id", "null", ""),
  fc.string({ maxLength: 30, unit: "binary" }),
  fc.constant("v".repeat(9_000)),
);

const header: fc.Arbitrary<WebRequestHeader> = fc.oneof(
  { weight: 9, arbitrary: fc.record({ name: headerName, value: headerValue }) },
  {
    weight: 1,
    arbitrary: fc.record({
      name: headerName,
      binaryValue: fc.array(fc.integer({ min: 0, max: 255 }), {
        maxLength: 20,
      }),
    }),
  },
);

const generatedRequest: fc.Arbitrary<GeneratedRequest> = fc.record({
  method: fc.constantFrom("GET", "PUT", "DELETE", "POST", "OPTIONS"),
  path: fc.constantFrom(...PATHS),
  preflight: fc.boolean(),
  preflightStatus: fc.constantFrom(200, 204, 403, 500),
  requestHeaders: fc.array(header, { maxLength: 4 }),
  responseHeaders: fc.array(header, { maxLength: 4 }),
  outcome: fc.constantFrom("completed", "failed", "no response"),
  redirect: fc.boolean(),
});

function event(
  name: WebRequestEventName,
  details: Partial<WebRequestEvent["details"]> & {
    readonly requestId: string;
    readonly url: string;
    readonly method: string;
    readonly timeStamp: number;
  },
): WebRequestEvent {
  return {
    event: name,
    details: {
      type: "xmlhttprequest",
      tabId: TAB_ID,
      frameId: 0,
      initiator: PAGE_ORIGIN,
      ...details,
    },
  };
}

/** Returns the events of request `index`, in the order Chromium fires them. */
function requestEvents(
  request: GeneratedRequest,
  index: number,
): WebRequestEvent[] {
  const id = String(100 + index * 2);
  const preflightId = String(101 + index * 2);
  const url = API_ORIGIN + request.path;
  const start = 1_700_000_000_000 + index * 3;
  const base = { requestId: id, url, method: request.method };
  const events: WebRequestEvent[] = [
    event("onBeforeRequest", { ...base, timeStamp: start }),
  ];
  if (request.preflight) {
    const preflight = { requestId: preflightId, url, method: "OPTIONS" };
    events.push(
      event("onBeforeRequest", { ...preflight, timeStamp: start + 0.1 }),
      event("onSendHeaders", {
        ...preflight,
        timeStamp: start + 0.2,
        requestHeaders: [
          { name: "Origin", value: PAGE_ORIGIN },
          { name: "Access-Control-Request-Method", value: request.method },
          { name: "Access-Control-Request-Headers", value: "x-request-id" },
        ],
      }),
      event("onHeadersReceived", {
        ...preflight,
        timeStamp: start + 0.3,
        statusCode: request.preflightStatus,
        responseHeaders: request.responseHeaders,
      }),
      event("onCompleted", {
        ...preflight,
        timeStamp: start + 0.4,
        statusCode: request.preflightStatus,
      }),
    );
  }
  events.push(
    event("onSendHeaders", {
      ...base,
      timeStamp: start + 0.5,
      requestHeaders: [
        { name: "Origin", value: PAGE_ORIGIN },
        { name: "Sec-Fetch-Mode", value: "cors" },
        ...request.requestHeaders,
      ],
    }),
  );
  if (request.redirect) {
    events.push(
      event("onHeadersReceived", {
        ...base,
        timeStamp: start + 0.6,
        statusCode: 302,
        responseHeaders: [{ name: "Location", value: `${url}/next` }],
      }),
      event("onBeforeRedirect", {
        ...base,
        timeStamp: start + 0.7,
        statusCode: 302,
        redirectUrl: `${url}/next`,
      }),
      event("onBeforeRequest", {
        ...base,
        url: `${url}/next`,
        timeStamp: start + 0.8,
      }),
    );
  }
  if (request.outcome !== "no response") {
    events.push(
      event("onHeadersReceived", {
        ...base,
        timeStamp: start + 1,
        statusCode: 200,
        responseHeaders: request.responseHeaders,
      }),
    );
  }
  events.push(
    request.outcome === "completed"
      ? event("onCompleted", { ...base, timeStamp: start + 2, statusCode: 200 })
      : event("onErrorOccurred", {
          ...base,
          timeStamp: start + 2,
          error: "net::ERR_FAILED",
        }),
  );
  return events;
}

/** What happens to one event on its way to the listener. */
type Delivery = "delivered" | "lost" | "twice";

const delivery: fc.Arbitrary<Delivery> = fc.oneof(
  { weight: 8, arbitrary: fc.constant("delivered" as const) },
  { weight: 1, arbitrary: fc.constant("lost" as const) },
  { weight: 1, arbitrary: fc.constant("twice" as const) },
);

/** A random event stream, and the request ids it can produce records for. */
export interface EventStream {
  readonly events: readonly WebRequestEvent[];
  readonly requestIds: ReadonlySet<string>;
}

/**
 * Event streams of 1 to 12 requests. With `shuffle`, the events arrive in any order;
 * without it, in the order fired. Either way some are lost or come twice.
 */
export function eventStream(shuffle: boolean): fc.Arbitrary<EventStream> {
  return fc
    .array(generatedRequest, { minLength: 1, maxLength: 12 })
    .chain((requests) => {
      const fired = requests.flatMap(requestEvents);
      const order = shuffle
        ? fc.shuffledSubarray(fired, {
            minLength: fired.length,
            maxLength: fired.length,
          })
        : fc.constant(fired);
      return fc.tuple(
        order,
        fc.array(delivery, {
          minLength: fired.length,
          maxLength: fired.length,
        }),
      );
    })
    .map(([ordered, deliveries]) => {
      const events: WebRequestEvent[] = [];
      ordered.forEach((item, index) => {
        const fate = deliveries[index] ?? "delivered";
        if (fate !== "lost") events.push(item);
        if (fate === "twice") events.push(item);
      });
      const requestIds = new Set(ordered.map((item) => item.details.requestId));
      return { events, requestIds };
    });
}
