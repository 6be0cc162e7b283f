/**
 * A minimal external store: a value, a setter and subscribers, read in components with
 * useSyncExternalStore. Each feature has its own small store instead of one app-wide state tree.
 */
import { useSyncExternalStore } from 'react'

/** Read, replace or merge, and subscribe: all a feature store needs. */
export interface Store<T> {
  get(): T
  set(update: Partial<T> | ((state: T) => T)): void
  subscribe(listener: () => void): () => void
}

/** Creates a store holding `initial`. */
export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    set(update) {
      state = typeof update === 'function' ? update(state) : { ...state, ...update }
      for (const listener of listeners) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** Reads a store in a component and re-renders when it changes. */
export function useStore<T extends object>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get)
}
