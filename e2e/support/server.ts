import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createPostgresDatabaseUrl } from '../../src/testing/database.ts'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

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
}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'kaikaku-e2e-'))
  const postgres = process.env.DATABASE_URL
    ? await createPostgresDatabaseUrl(process.env.DATABASE_URL)
    : null
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    KAIKAKU_DATA_DIR: dataDir,
    KAIKAKU_DEMO: '1',
    KAIKAKU_DEMO_PASSWORD: options.demoPassword,
    DATABASE_URL: postgres?.url ?? '',
  }
  for (const name of ['OIDC_ISSUER', 'SMTP_URL', 'KAIKAKU_PUBLIC_URL']) delete env[name]

  let log = ''
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, 'bin/kaikaku.mjs'), 'serve'],
    {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    log += chunk
  })
  const exited = once(child, 'exit')

  async function cleanUp() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    }
    try {
      await postgres?.drop()
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  }

  try {
    const ready = await new Promise<{ url: string; kind: string }>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not start in time; output:\n${log}`)),
        options.timeoutMs ?? 60_000,
      )
      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        log += `${line}\n`
        const match = /^Kaikaku: (http:\/\/\S+) \((\w+)\)$/.exec(line)
        if (match) {
          clearTimeout(timer)
          resolve({ url: match[1] as string, kind: match[2] as string })
        }
      })
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        reject(new Error(`server exited (${code ?? signal}) before listening; output:\n${log}`))
      })
    })
    return { ...ready, output: () => log, stop: cleanUp }
  } catch (error) {
    await cleanUp()
    throw error
  }
}
