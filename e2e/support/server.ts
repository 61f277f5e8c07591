import { createBackend, startServer } from './kaikaku-process.ts'

export interface TestServer {
  /** http://127.0.0.1:PORT, as the server printed it */
  url: string
  /** 'pglite' or 'postgres', as the server printed it */
  kind: string
  /** everything the child wrote so far, for failure messages */
  output(): string
  stop(): Promise<void>
}

/**
 * The real server as a child process (`node bin/kaikaku.mjs serve`) on a free port with the
 * demo bureau: a fresh PGlite data directory, or a fresh database when DATABASE_URL is set.
 */
export async function startTestServer(options: {
  demoPassword: string
  timeoutMs?: number
  /** More settings for the child, e.g. SMTP_URL of a test's own SMTP server. */
  env?: NodeJS.ProcessEnv
}): Promise<TestServer> {
  const backend = await createBackend(options.demoPassword)
  try {
    const server = await startServer({ ...backend.env, ...options.env }, options.timeoutMs)
    return {
      url: server.url,
      kind: /Kaikaku: \S+ \((\w+)\)/.exec(server.stdout())?.[1] ?? '',
      output: () => server.stdout() + server.stderr(),
      async stop() {
        // A server that does not stop within 10 s on SIGTERM is killed.
        const timer = setTimeout(() => void server.kill(), 10_000)
        await server.stop()
        clearTimeout(timer)
        await backend.cleanup()
      },
    }
  } catch (error) {
    await backend.cleanup()
    throw error
  }
}
