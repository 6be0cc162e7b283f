/**
 * Window-size dependent layout: below FOLD_CHECKS_BELOW px the checks panel folds into a rail by
 * itself (beside the section list, the scans column and the review it left the review ~100 px at
 * 1024 px); a person can open or fold it at any width, and that choice holds until the window
 * crosses the threshold again.
 */
import { useSyncExternalStore } from 'react'
import { createStore, useStore } from './store'

/** Window width (CSS px) under which the checks panel starts folded. */
export const FOLD_CHECKS_BELOW = 1280

const query = `(max-width: ${FOLD_CHECKS_BELOW - 0.02}px)`

/** The person's choice for the checks panel: null follows the window width. */
export const layoutStore = createStore<{ checksOpen: boolean | null }>({ checksOpen: null })

function subscribeNarrow(listener: () => void): () => void {
  const media = window.matchMedia(query)
  // Crossing the threshold resets a choice made for the other size.
  const onChange = () => {
    layoutStore.set({ checksOpen: null })
    listener()
  }
  media.addEventListener('change', onChange)
  return () => media.removeEventListener('change', onChange)
}

/** True while the window is narrower than FOLD_CHECKS_BELOW. */
export function useNarrowWindow(): boolean {
  return useSyncExternalStore(subscribeNarrow, () => window.matchMedia(query).matches)
}

/** Whether the checks panel is folded now, and whether it lies over the middle when opened (narrow windows). */
export function useChecksFold(): { folded: boolean; overlay: boolean } {
  const narrow = useNarrowWindow()
  const { checksOpen } = useStore(layoutStore)
  const open = checksOpen ?? !narrow
  return { folded: !open, overlay: narrow && open }
}

/** Opens or folds the checks panel. */
export function setChecksOpen(open: boolean): void {
  layoutStore.set({ checksOpen: open })
}
