/**
 * The shape of the API the preload exposes on window.icpPrep. Generic on purpose: functions that
 * take a channel name, so the preload never has to change when the contract grows, and the window
 * reaches nothing the contract does not list.
 */
import type { IpcEnvelope } from './dispatch'

/** A File object of the page (shared code has no DOM types, so it stays opaque here). */
export type DroppedFile = object

/** window.icpPrep as the preload exposes it and renderer/src/api.ts uses it. */
export interface BridgeApi {
  /** Calls a channel; always resolves, with a value or an error envelope. File channels are refused here. */
  invoke(channel: string, input: unknown): Promise<IpcEnvelope>
  /**
   * Calls a file channel (FILE_CHANNELS) with File objects the user dropped: the preload turns
   * them into paths itself and sends them as `paths`, so the page never sees or invents a path.
   */
  invokeWithFiles(channel: string, input: unknown, files: readonly DroppedFile[]): Promise<IpcEnvelope>
  /** Listens to an event; returns a function that stops listening. */
  on(event: string, listener: (payload: unknown) => void): () => void
}
