/** The origins of the lab's two servers, such as `http://127.0.0.1:4100`. */
export interface LabOrigins {
  readonly page: string;
  readonly api: string;
}
