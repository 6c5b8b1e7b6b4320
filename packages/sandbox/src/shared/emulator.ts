/** An emulated vendor API, mounted into a sandbox under a path prefix. */
export interface Emulator {
  /** Short name, e.g. `entra` or `dataverse`; also the key in the sandbox description. */
  name: string
  /** Path prefix it is mounted at, e.g. `/dataverse` (leading slash, no trailing slash). */
  prefix: string
  /**
   * Host names (no port) the emulator also answers on, whatever the path: requests to them reach
   * `handle` with the whole path. Entra uses this for its https authority host.
   */
  hosts?: string[]
  /** Serves one request. `path` is the part of the URL after the prefix, with the query string. */
  handle(request: Request, path: string): Promise<Response>
  /** Extra facts for `describeSandbox` (endpoints, ids); `url` is filled in by the sandbox. */
  describe?(): Record<string, unknown>
  close?(): void
}
