#!/usr/bin/env node
// Entry point: cache compiled code between runs (a stdio server is started by every client
// session, so start-up time matters), then load the command.
import { enableCompileCache } from 'node:module'

enableCompileCache?.()
const { run } = await import('./main.js')

const code = await run(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
})
if (code !== 0) process.exit(code)
