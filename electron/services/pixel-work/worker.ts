/**
 * A pixel-work worker thread (pool.ts): runs one task at a time. Its OCR calls go to the main
 * thread, which answers them with its engine; every failure is a message back, never an uncaught
 * error. Between steps it reports the memory it holds, so the pool can stop it over budget.
 */
import { readlinkSync } from 'node:fs'
import os from 'node:os'
import { parentPort } from 'node:worker_threads'
import type { OcrPage } from '../../../shared/extraction/ocr-types'
import { CancelledError, type OcrEngine, type OcrRequest } from '../ocr/engine'
import { rebuildError, revive, transferables, wireError, type FromWorker, type ToWorker, type WireEngine } from './protocol'
import { loaders, tasks } from './tasks'

const port = parentPort
if (!port) throw new Error('the pixel worker runs in a worker thread')
const send = (message: FromWorker, transfer: ArrayBuffer[] = []): void => {
  try {
    port.postMessage(message, transfer)
  } catch {
    // An ArrayBuffer Node will not let go of (a pooled Buffer): copied instead.
    port.postMessage(message)
  }
}

// Below the main thread, whose event loop answers the windows: on Linux a nice value is per thread.
// 5, not more: against other programs a nicer worker gets little CPU (at 10 a tenth of a normal
// thread's share); on the loaded test machine one card read in ~0.28 s at 5 and ~0.66 s at 10.
const NICE = 5
if (process.platform === 'linux')
  try {
    os.setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), NICE)
  } catch {
    // No /proc, or not allowed: the worker runs at the process's priority.
  }

const calls = new Map<number, { resolve(page: OcrPage): void; reject(error: Error): void }>()
let nextCall = 1

function engineFor(id: number, wire: WireEngine): OcrEngine {
  return {
    description: wire.description,
    reportsDirection: wire.reportsDirection,
    recognize(request: OcrRequest, signal?: AbortSignal): Promise<OcrPage> {
      if (signal?.aborted) return Promise.reject(new CancelledError())
      const call = nextCall++
      return new Promise<OcrPage>((resolve, reject) => {
        calls.set(call, { resolve, reject })
        send({ type: 'ocr', id, call, request }, transferables(request))
      })
    },
    close: async () => undefined,
  }
}

const report = (): void => {
  const m = process.memoryUsage()
  send({ type: 'memory', heap: m.heapUsed, external: m.external })
}
setInterval(report, 200).unref()

port.on('message', (m: ToWorker) => {
  if (m.type === 'ocr-reply') {
    const pending = calls.get(m.call)
    calls.delete(m.call)
    if (!pending) return
    if (m.page) pending.resolve(revive(m.page))
    else pending.reject(rebuildError(m.error ?? { name: 'Error', message: 'no answer' }))
    return
  }
  const name = m.task as keyof typeof tasks
  const task = tasks[name] as ((args: unknown, c: unknown) => Promise<unknown>) | undefined
  const controller = new AbortController()
  const run = task
    ? loaders[name]().then(() => {
        send({ type: 'started', id: m.id })
        return task(revive(m.args), { engine: m.engine ? engineFor(m.id, m.engine) : undefined, signal: controller.signal })
      })
    : Promise.reject(new Error(`unknown pixel task ${m.task}`))
  run.then(
    (result) => {
      report()
      send({ type: 'done', id: m.id, result }, transferables(result))
    },
    (error: unknown) => send({ type: 'failed', id: m.id, error: wireError(error) }),
  )
})
