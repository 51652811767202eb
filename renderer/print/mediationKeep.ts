/**
 * Blocks that must not be cut by a page break (a signature box, the seal
 * with its date, a row of signature lines) are marked `data-keep`. The
 * preview has no page breaks of its own, so instead of CSS `break-inside:
 * avoid` — which would move a block on paper only and add a page the preview
 * did not count — a block that would straddle a page boundary is pushed down
 * to the next page by a top margin, on screen and on paper alike.
 */
export function keepTogether(root: HTMLElement, pageHeightPx: number): void {
  const blocks = [...root.querySelectorAll<HTMLElement>('[data-keep]')]
  // Back to each block's own margin first, so running again (fonts arrived late) starts from scratch.
  for (const el of blocks) {
    el.dataset.keepBase ??= String(parseFloat(getComputedStyle(el).marginTop) || 0)
    el.style.marginTop = `${el.dataset.keepBase}px`
  }
  const origin = root.getBoundingClientRect().top
  for (const el of blocks) {
    const box = el.getBoundingClientRect()
    if (box.height >= pageHeightPx) continue // Longer than a page: it has to break anyway.
    const top = box.top - origin
    const pageEnd = (Math.floor((top + 0.5) / pageHeightPx) + 1) * pageHeightPx
    if (box.bottom - origin > pageEnd + 0.5) {
      el.style.marginTop = `${Number(el.dataset.keepBase) + (pageEnd - top)}px`
    }
  }
}

/** 第X页 共Y页 centred in the bottom margin of every printed page, while a document that wants it is shown. */
export function pageNumberRule(): string {
  return (
    '@page { @bottom-center { content: "第 " counter(page) " 页　共 " counter(pages) " 页"; ' +
    "font-family: 'FangSong', '仿宋', 'SimSun', 'AR PL UMing CN', serif; font-size: 10.5pt; } }"
  )
}
