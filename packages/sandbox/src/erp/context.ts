// What every request handler of the finance & operations emulator gets.
import type { ErpStore, ErpUser } from './model.js'

export interface ErpRequestContext {
  request: Request
  /** the request's public URL */
  url: URL
  store: ErpStore
  /** the signed-in user (app-only tokens act as Admin) */
  user: ErpUser
  /** the environment's URL, e.g. http://sandbox.localhost/erp */
  baseUrl: string
}
