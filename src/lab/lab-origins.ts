/** The origins of the lab's two servers, such as `http://127.0.0.1:4100`. */
export interface LabOrigins {
  readonly page: string;
  readonly api: string;
}

/**
 * Returns the same origin with the host `localhost`, such as
 * `http://localhost:4101` for `http://127.0.0.1:4101`: a different origin that
 * reaches the same loopback server.
 */
export function localhostOrigin(origin: string): string {
  const url = new URL(origin);
  url.hostname = "localhost";
  return url.origin;
}
