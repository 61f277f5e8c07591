// Child-process helpers for the crash, lock and CLI tests: a throw-away backend (a PGlite data
// directory, or a new PostgreSQL database when DATABASE_URL is set), the `kaikaku` command run
// as a real process, and the server started and killed as one.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../../src/db/client.ts'
import { createPostgresDatabaseUrl, pgliteTemplate } from '../../src/testing/database.ts'

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const bin = path.join(repoRoot, 'bin/kaikaku.mjs')

export const DEMO_PASSWORD = 'crash-test-demo-password'
export const ADMIN_EMAIL = 'admin@demo.kaikaku.example'

export interface Backend {
  kind: 'pglite' | 'postgres'
  /** Environment for the child: KAIKAKU_DATA_DIR or DATABASE_URL, and the demo password. */
  env: NodeJS.ProcessEnv
  dataDir: string | undefined
  databaseUrl: string | undefined
  cleanup(): Promise<void>
}

/** A new, migrated PGlite data directory (in a temp dir that cleanup removes). */
export async function createPgliteDir(): Promise<{ dataDir: string; cleanup(): void }> {
  const tmp = mkdtempSync(path.join(tmpdir(), 'kaikaku-e2e-'))
  const dataDir = path.join(tmp, 'data')
  const database = await openDatabase({ dataDir, template: await pgliteTemplate() })
  await database.close()
  return { dataDir, cleanup: () => rmSync(tmp, { recursive: true, force: true }) }
}

/** An empty backend of the kind under test: a new PostgreSQL database, or a PGlite directory. */
export async function createBackend(demoPassword = DEMO_PASSWORD): Promise<Backend> {
  const base = { KAIKAKU_DEMO_PASSWORD: demoPassword }
  if (process.env.DATABASE_URL) {
    const created = await createPostgresDatabaseUrl(process.env.DATABASE_URL)
    return {
      kind: 'postgres',
      env: { ...base, DATABASE_URL: created.url },
      dataDir: undefined,
      databaseUrl: created.url,
      cleanup: () => created.drop(),
    }
  }
  const { dataDir, cleanup } = await createPgliteDir()
  return {
    kind: 'pglite',
    env: { ...base, KAIKAKU_DATA_DIR: dataDir },
    dataDir,
    databaseUrl: undefined,
    cleanup: async () => cleanup(),
  }
}

/** The child's environment: the test's own, minus any database settings, plus `env`. */
function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, PORT: '0', LOG_LEVEL: 'warn' }
  // The child gets its database from `env` and none of the developer's optional services.
  for (const name of [
    'DATABASE_URL',
    'KAIKAKU_DATA_DIR',
    'KAIKAKU_DEMO',
    'OIDC_ISSUER',
    'SMTP_URL',
    'KAIKAKU_PUBLIC_URL',
  ]) {
    delete out[name]
  }
  delete out.NODE_OPTIONS
  delete out.NODE_TEST_CONTEXT
  return { ...out, ...env }
}

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `kaikaku ARGS…` as a child process, with `stdin` as its standard input. */
export function runCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { stdin?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: repoRoot,
      env: childEnv(env),
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
    })
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d
    })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`kaikaku ${args.join(' ')} timed out\n${stdout}\n${stderr}`))
    }, options.timeoutMs ?? 180_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    child.stdin.end(options.stdin ?? '')
  })
}

export interface ServerProcess {
  child: ChildProcess
  pid: number
  url: string
  /** Milliseconds from spawn to the first 200 from GET /healthz. */
  readyMs: number
  stdout(): string
  stderr(): string
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string | null>
  /** SIGTERM, as an operator stops it; resolves with the exit code. */
  stop(): Promise<number | string | null>
  /** SIGKILL: the process dies at once, mid-write if there are writes. */
  kill(): Promise<number | string | null>
}

/**
 * Starts `kaikaku serve` on a free port and waits until GET /healthz answers 200. Rejects with
 * the child's output if it exits first (`exitedEarly` carries the code).
 */
const liveServers = new Set<ChildProcess>()

/**
 * Kills every server this file started that is still running. Call it from `after`: a test
 * that fails half-way must not leave a server whose pipes keep the test process alive.
 */
export async function killStrayServers(): Promise<void> {
  await Promise.all(
    [...liveServers].map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve())
          child.kill('SIGKILL')
        }),
    ),
  )
}

export function startServer(env: NodeJS.ProcessEnv, timeoutMs = 180_000): Promise<ServerProcess> {
  const spawnedAt = performance.now()
  const child = spawn(process.execPath, [bin, 'serve'], {
    cwd: repoRoot,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  liveServers.add(child)
  child.once('exit', () => liveServers.delete(child))
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8')
  child.stderr!.setEncoding('utf8')
  child.stderr!.on('data', (d: string) => {
    stderr += d
  })
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  )
  return new Promise<ServerProcess>((resolve, reject) => {
    let settled = false
    const timer = setTimeout(() => {
      if (settled) return
      settled = true
      child.kill('SIGKILL')
      reject(new Error(`server did not start in ${timeoutMs} ms\n${stdout}\n${stderr}`))
    }, timeoutMs)
    void exited.then((code) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      reject(Object.assign(new Error(`server exited (${code})\n${stderr}`), { exitedEarly: code }))
    })
    child.stdout!.on('data', async (d: string) => {
      stdout += d
      const match = /Kaikaku: (http:\/\/\S+) \((pglite|postgres)\)/.exec(stdout)
      if (!match || settled) return
      settled = true
      const url = match[1]!
      try {
        // The URL is printed once the socket listens; poll so the figure is the first 200.
        for (;;) {
          const res = await fetch(`${url}/healthz`).catch(() => null)
          if (res?.status === 200) break
          await res?.body?.cancel()
          await new Promise((r) => setTimeout(r, 20))
        }
      } catch (error) {
        reject(error)
        return
      }
      const readyMs = Math.round(performance.now() - spawnedAt)
      clearTimeout(timer)
      const signalAndWait = (signal: NodeJS.Signals) => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal)
        return exited
      }
      resolve({
        child,
        pid: child.pid!,
        url,
        readyMs,
        stdout: () => stdout,
        stderr: () => stderr,
        exited,
        stop: () => signalAndWait('SIGTERM'),
        kill: () => signalAndWait('SIGKILL'),
      })
    })
  })
}

/** A signed-in browser session against a running server: cookies plus the CSRF header. */
export class HttpSession {
  private cookies = new Map<string, string>()
  /** The server's URL; set it anew when the server restarts on another port. */
  constructor(public baseUrl: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (this.cookies.size)
      headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '))
    const csrf = this.cookies.get('kk_csrf')
    if (csrf && !headers.has('x-csrf-token')) headers.set('x-csrf-token', csrf)
    const res = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: 'manual' })
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const [name, ...rest] = pair!.split('=')
      const value = rest.join('=')
      if (value) this.cookies.set(name!.trim(), value)
      else this.cookies.delete(name!.trim())
    }
    return res
  }

  async signIn(email: string, password: string): Promise<this> {
    await (await this.request('/login')).body?.cancel()
    const body = new URLSearchParams({ email, password, _csrf: this.cookies.get('kk_csrf') ?? '' })
    const res = await this.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    })
    await res.body?.cancel()
    if (res.status !== 303) throw new Error(`sign-in as ${email} failed: ${res.status}`)
    return this
  }

  async json<T>(path: string): Promise<T> {
    const res = await this.request(path)
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
}
