import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `データディレクトリ ${dataDir} は別のプロセス (pid ${pid}) が使用中です。` +
        `同じデータを二つのプロセスで開くことはできません。 / The data directory is in use by process ${pid}.`,
    )
    this.name = 'DataDirInUseError'
  }
}

interface LockOwner {
  pid: number
  startTime: string | null
}

/** The kernel's start time of a process: with the pid it names one process, even after pid reuse. */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Field 22 (starttime), counted after the command name, which may contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}

function isAlive(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0)
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  const now = processStartTime(owner.pid)
  return owner.startTime === null || now === null || now === owner.startTime
}

/**
 * Takes the data directory for this process. A lock left by a process that died (kill -9)
 * is taken over; a lock held by a live process is refused, because two PGlite instances
 * writing one directory would corrupt it.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'kaikaku.lock')
  const me: LockOwner = { pid: process.pid, startTime: processStartTime(process.pid) }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx')
      writeFileSync(fd, JSON.stringify(me))
      closeSync(fd)
      return () => rmSync(file, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    let owner: LockOwner | null = null
    try {
      owner = JSON.parse(readFileSync(file, 'utf8')) as LockOwner
    } catch {
      owner = null // half-written by a process killed between open and write
    }
    if (owner && owner.pid !== process.pid && isAlive(owner)) {
      throw new DataDirInUseError(dataDir, owner.pid)
    }
    rmSync(file, { force: true })
  }
  throw new Error(`could not lock ${dataDir}`)
}
