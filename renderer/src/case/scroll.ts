/**
 * Scrolling the form to a field. Element.scrollIntoView would also scroll every clipped ancestor,
 * shifting the whole window frame; this moves only the form's own scroll area.
 */

/** Scrolls the scroll area that contains `element` so it sits at the top or in the middle. */
export function scrollToElement(element: HTMLElement, block: 'start' | 'center'): void {
  const area = element.closest<HTMLElement>('.case-main')
  if (!area) return
  const box = element.getBoundingClientRect()
  const view = area.getBoundingClientRect()
  const offset = block === 'start' ? box.top - view.top - 12 : box.top - view.top - (view.height - box.height) / 2
  area.scrollTop += offset
}
