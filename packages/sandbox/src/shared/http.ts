/** Small helpers shared by the emulators for building WHATWG responses. */

export function jsonResponse(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  const merged = new Headers(headers)
  if (!merged.has('content-type')) merged.set('content-type', 'application/json; charset=utf-8')
  return new Response(JSON.stringify(body), { status, headers: merged })
}

/** Removes trailing slashes so that URLs compare equal however they were typed. */
export function trimTrailingSlashes(url: string): string {
  return url.replace(/\/+$/, '')
}
