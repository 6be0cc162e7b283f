/**
 * The shape of the API the preload exposes on window.icpPrep. Generic on purpose: two functions
 * that take a channel name, so the preload never has to change when the contract grows, and the
 * window reaches nothing the contract does not list.
 */
import type { IpcEnvelope } from './dispatch'

/** window.icpPrep as the preload exposes it and renderer/src/api.ts uses it. */
export interface BridgeApi {
  /** Calls a channel; always resolves, with a value or an error envelope. */
  invoke(channel: string, input: unknown): Promise<IpcEnvelope>
  /** Listens to an event; returns a function that stops listening. */
  on(event: string, listener: (payload: unknown) => void): () => void
}
