// The emulator's routes as a table: a path pattern, whether it needs the signed-in user, and a
// handler. Add a surface with one line.
import type { ErpRequestContext } from './context.js'

export interface RouteInput {
  request: Request
  /** path after the emulator's prefix, without the query string, e.g. `/data/CustomersV3` */
  path: string
  /** the part of `path` after the route's pattern */
  rest: string
}

export interface Route {
  /** matched against the path; the text after the match is `rest` */
  pattern: RegExp
  /** true (default): runs with a verified user and the record store; false: the handler authenticates itself */
  authenticated?: boolean
  handle(input: RouteInput, ctx: ErpRequestContext | undefined): Promise<Response>
}

export function matchRoute(routes: readonly Route[], path: string): { route: Route; rest: string } | undefined {
  for (const route of routes) {
    const match = route.pattern.exec(path)
    if (match && match.index === 0) return { route, rest: path.slice(match[0].length) }
  }
  return undefined
}
