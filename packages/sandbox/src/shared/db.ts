import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { DatabaseSync } from 'node:sqlite'

export const MEMORY_DATABASE = ':memory:'

/**
 * Opens the sandbox's SQLite database: in memory by default, or a file that survives restarts.
 * Files use WAL so that a second process (say, a `sqlite3` shell) can read while the sandbox writes.
 */
export function openDatabase(path: string = MEMORY_DATABASE): DatabaseSync {
  const inMemory = path === MEMORY_DATABASE || path === ''
  if (!inMemory) mkdirSync(dirname(path), { recursive: true })
  const db = new DatabaseSync(inMemory ? MEMORY_DATABASE : path)
  db.exec('PRAGMA foreign_keys = ON')
  if (!inMemory) {
    db.exec('PRAGMA journal_mode = WAL')
    // Another connection on the same file may hold a write lock briefly; wait rather than fail.
    db.exec('PRAGMA busy_timeout = 5000')
  }
  return db
}
