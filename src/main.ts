import { readConfig } from './config.ts'
import { DataDirInUseError } from './db/data-dir-lock.ts'
import { startServer } from './server.ts'

export async function main() {
  try {
    const server = await startServer(readConfig())
    let stopping = false
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, async () => {
        if (stopping) return
        stopping = true
        await server.stop()
        process.exit(0)
      })
    }
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      console.error(error.message)
      process.exit(3)
    }
    throw error
  }
}
