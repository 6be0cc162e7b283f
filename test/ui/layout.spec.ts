/**
 * Every screen at three window sizes (1024×700, the smallest the app is used at; 1366×768, the
 * common office laptop; 1920×1080), over the sample case read by the app: screenshots to look at,
 * and the layout facts that break on small windows asserted — nothing sticks out of the window or
 * of its scroll container, badges are not clipped, table cells do not wrap a short value onto
 * several lines, the review column keeps a usable width, and the checks panel folds away below
 * 1280 px and can be opened and closed by hand.
 */
import { expect, test, type Page } from '@playwright/test'
import { openApp, type Harness } from './support/app-harness'
import { SAMPLE_ID, writeReadSample } from './support/read-sample'
import { shot } from './support/ui'
import { writeFixtures } from './support/workspace-fixtures'

let harness: Harness

test.afterEach(() => {
  expect(harness.problems, 'page errors, CSP violations or handler bugs').toEqual([])
  expect(harness.blocked, 'requests outside the app').toEqual([])
})

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const

/** What breaks a layout, measured in the page: each entry names the element and what is wrong. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const name = (el: Element): string => {
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''
      return `${el.tagName.toLowerCase()}${cls} 「${(el.textContent ?? '').trim().slice(0, 24)}」`
    }
    const visible = (el: Element): boolean => {
      const r = el.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) return false
      const s = getComputedStyle(el)
      return s.visibility !== 'hidden' && s.display !== 'none'
    }
    /** The nearest ancestor that clips or scrolls horizontally (or null: the window). */
    const clipper = (el: Element): Element | null => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX
        if (o !== 'visible') return p
      }
      return null
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)
      problems.push(`the window scrolls sideways: ${document.documentElement.scrollWidth} > ${document.documentElement.clientWidth}`)
    const root = document.querySelector('.app') as Element
    for (const el of root.querySelectorAll('*')) {
      if (!visible(el) || el.closest('.sr-only, dialog:not([open]), .drop-overlay')) continue
      const style = getComputedStyle(el)
      // A box that scrolls sideways is a layout that did not fit, unless it is meant to (wide tables).
      if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && !el.closest('[data-scroll-x]'))
        problems.push(`${name(el)} scrolls sideways (${el.scrollWidth} > ${el.clientWidth})`)
      const c = clipper(el)
      if (c && ['auto', 'scroll'].includes(getComputedStyle(c).overflowX)) continue
      // Text cut off with an ellipsis is a choice (long names); a box cut off by its container is not.
      // (Inline text inside such a box is cut with it; a badge or a flex row inside it is not.)
      const cutText = c !== null && getComputedStyle(c).textOverflow === 'ellipsis' && style.display === 'inline'
      if (style.textOverflow === 'ellipsis' || cutText || el.closest('[data-scroll-x]')) continue
      const r = el.getBoundingClientRect()
      const box = c ? c.getBoundingClientRect() : { left: 0, right: window.innerWidth }
      if (r.right > box.right + 1 || r.left < box.left - 1)
        problems.push(
          `${name(el)} sticks out of ${c ? name(c) : 'the window'} (${Math.round(r.left)}–${Math.round(r.right)} vs ${Math.round(box.left)}–${Math.round(box.right)})`,
        )
    }
    // Badges: whole, never clipped inside themselves.
    for (const el of root.querySelectorAll('.badge, .pill, .tag, .chip, .tab-count, .filing-badge, .quiet-badge')) {
      if (!visible(el)) continue
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`${name(el)} is clipped (${el.scrollWidth} > ${el.clientWidth})`)
    }
    // Table cells: each short text in them stays on one line (no wrapping character by character or word by word).
    for (const cell of root.querySelectorAll('th, td, .provider-name, .provider-facts > *')) {
      if (!visible(cell)) continue
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim()
        if (text === '' || text.length > 14) continue
        const range = document.createRange()
        range.selectNodeContents(node)
        const rects = [...range.getClientRects()].filter((q) => q.width > 0)
        const tops = rects.map((q) => q.top).sort((a, b) => a - b)
        const lines = tops.filter((top, i) => i === 0 || top - (tops[i - 1] as number) > (rects[0]?.height ?? 10) * 0.5).length
        if (lines > 1) problems.push(`${name(cell)} wraps 「${text}」 onto ${lines} lines`)
      }
    }
    return problems
  })
}

async function checkScreen(page: Page, label: string): Promise<void> {
  await shot(page, label)
  expect.soft(await layoutProblems(page), label).toEqual([])
}

for (const size of SIZES) {
  const tag = `${size.width}x${size.height}`
  test(`every screen lays out at ${tag} (item 11)`, async ({ page }) => {
    test.setTimeout(300_000)
    await page.setViewportSize(size)
    harness = await openApp(page, {
      today: '2026-12-01',
      prepare: async (workspace) => {
        await writeFixtures(workspace)
        await writeReadSample(workspace)
      },
    })
    // 案件列表
    await expect(page.locator('.case-table tbody tr').first()).toBeVisible()
    await checkScreen(page, `layout-${tag}-1-case-list`)

    // 到期提醒
    await page.locator('.expiry-tab').click()
    await expect(page.locator('.expiry-screen')).toBeVisible()
    // Cases not yet submitted too, so the table has rows (the fixtures' manager ID runs out in January).
    await page.getByRole('checkbox', { name: /包括未提交/ }).check()
    await page.getByRole('button', { name: '180 天内' }).click()
    await expect(page.locator('.expiry-table tbody tr').first()).toBeVisible()
    await checkScreen(page, `layout-${tag}-2-expiry`)
    await page
      .getByRole('button', { name: /案件列表|返回/ })
      .first()
      .click()

    // 案件：填写资料
    await page.locator(`.case-table tbody tr[data-case="${SAMPLE_ID}"] .row-open`).click()
    await expect(page.locator('.case-form')).toBeVisible()
    const checks = page.locator('.checks')
    if (size.width < 1280) {
      // Folded by itself on a small window; opened and closed by hand.
      await expect(checks).toHaveAttribute('data-collapsed', 'true')
      await checkScreen(page, `layout-${tag}-3-case-form`)
      await page.locator('.checks-toggle').click()
      await expect(checks).toHaveAttribute('data-collapsed', 'false')
      await expect(page.locator('.checks .finding').first()).toBeVisible()
      await checkScreen(page, `layout-${tag}-3b-case-form-checks-open`)
      await page.locator('.checks-toggle').click()
      await expect(checks).toHaveAttribute('data-collapsed', 'true')
    } else {
      await expect(checks).toHaveAttribute('data-collapsed', 'false')
      await checkScreen(page, `layout-${tag}-3-case-form`)
    }

    // 扫描件与识别: the review keeps a usable width.
    await page.getByRole('tab', { name: /扫描件与识别/ }).click()
    await page.locator('.scan-card[data-name="营业执照.jpg"] .scan-select').click()
    await expect(page.locator('.review .review-row').first()).toBeVisible()
    const review = await page.locator('.review').boundingBox()
    expect(review?.width ?? 0, 'the review column').toBeGreaterThanOrEqual(320)
    await checkScreen(page, `layout-${tag}-4-scans-review`)
    await page.locator('.scan-card[data-name="主体负责人身份证.jpg"] .scan-select').click()
    await expect(page.locator('.review .review-row').first()).toBeVisible()
    await checkScreen(page, `layout-${tag}-4b-scans-review-id`)
    // The page preview stays in view while the rows scroll.
    await page.locator('.review-body').evaluate((el) => el.scrollTo(0, el.scrollHeight))
    const frame = await page.locator('.review .page-frame').boundingBox()
    const body = await page.locator('.review-body').boundingBox()
    expect(frame && body && frame.y >= body.y - 1 && frame.y + frame.height <= body.y + body.height, 'the preview is in view').toBe(true)
    await checkScreen(page, `layout-${tag}-4c-scans-review-scrolled`)

    // 广东承诺书
    await page.getByRole('tab', { name: '广东承诺书' }).click()
    await expect(page.locator('.letter-view, .letter-actions').first()).toBeVisible()
    await checkScreen(page, `layout-${tag}-5-letter`)

    // 导出材料包
    await page.getByRole('tab', { name: /导出材料包/ }).click()
    await expect(page.locator('.export-table')).toBeVisible()
    await checkScreen(page, `layout-${tag}-6-export`)
  })
}
