#!/usr/bin/env node
// The `kaikaku` command. TypeScript runs through tsx's loader, so there is no build step.
import { register } from 'tsx/esm/api'

register()
const { run } = await import('../src/cli.ts')
await run(process.argv.slice(2))
