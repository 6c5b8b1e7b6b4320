#!/usr/bin/env node
import { run } from './main.js'

const code = await run(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
})
if (code !== 0) process.exit(code)
