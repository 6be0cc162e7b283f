/**
 * The PP-OCR worker thread: loads the three models once, then reads one image per message. Every
 * failure is a message back, never an uncaught error, so the engine decides what to do with it.
 */
import { parentPort, workerData } from 'node:worker_threads'
import * as ort from 'onnxruntime-node'
import type { OcrPage } from '../../../../shared/extraction/ocr-types'
import { PpocrRunner, type ModelPaths, type RunnerOptions, type RunRequest } from './runner'

export interface WorkerInit {
  readonly paths: ModelPaths
  readonly options: RunnerOptions
}

export type WorkerCall = { readonly id: number; readonly image: Uint8Array; readonly request: RunRequest }

export type WorkerReply =
  | { readonly type: 'ready'; readonly loadMs: number }
  | { readonly type: 'failed'; readonly error: string }
  | { readonly type: 'page'; readonly id: number; readonly page: OcrPage }
  | { readonly type: 'error'; readonly id: number; readonly error: string }

const port = parentPort
if (!port) throw new Error('the PP-OCR worker runs in a worker thread')
const init = workerData as WorkerInit
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 300)

const started = performance.now()
PpocrRunner.load(ort, init.paths, init.options).then(
  (runner) => {
    port.postMessage({ type: 'ready', loadMs: performance.now() - started } satisfies WorkerReply)
    port.on('message', (call: WorkerCall) => {
      runner.recognize(call.image, call.request).then(
        (page) => port.postMessage({ type: 'page', id: call.id, page } satisfies WorkerReply),
        (error: unknown) => port.postMessage({ type: 'error', id: call.id, error: message(error) } satisfies WorkerReply),
      )
    })
  },
  (error: unknown) => port.postMessage({ type: 'failed', error: message(error) } satisfies WorkerReply),
)
