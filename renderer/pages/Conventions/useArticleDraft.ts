/**
 * The articles being edited, as a list the clerk reorders freely: numbering
 * (第一条 …, 第一章 …) is recomputed from the order on every change, exactly
 * as core will number them on save. `dirty` compares with what was loaded,
 * so the page knows whether a reload would throw typing away.
 */
import { computed, ref } from 'vue'
import type { ConventionArticle } from '../../../shared/api/conventions'
import { articleNumberText, chapterNumberText } from '../../../shared/conventions/numbering'

export interface DraftArticle {
  /** Stable across moves, for Vue's keys and for focus after a move. */
  key: number
  startsChapter: boolean
  chapter: string
  text: string
  tags: string[]
}

export interface NumberedDraft extends DraftArticle {
  numberText: string
  chapterNumberText: string | null
}

let nextKey = 1

function fromArticle(a: ConventionArticle): DraftArticle {
  return {
    key: nextKey++,
    startsChapter: a.chapter !== null,
    chapter: a.chapter ?? '',
    text: a.text,
    tags: [...a.tags],
  }
}

/** What goes to core; a chapter without a title is sent as typed so the schema or the page can say so. */
export function articleInputs(items: readonly DraftArticle[]) {
  return items.map((a) => ({
    chapter: a.startsChapter ? a.chapter : null,
    text: a.text,
    tags: [...a.tags],
  }))
}

export function useArticleDraft() {
  const items = ref<DraftArticle[]>([])
  const loadedJson = ref('[]')

  const numbered = computed<NumberedDraft[]>(() => {
    let chapter = 0
    return items.value.map((a, i) => ({
      ...a,
      numberText: articleNumberText(i + 1),
      chapterNumberText: a.startsChapter ? chapterNumberText(++chapter) : null,
    }))
  })

  const dirty = computed(() => JSON.stringify(articleInputs(items.value)) !== loadedJson.value)

  function load(articles: readonly ConventionArticle[]): void {
    items.value = articles.map(fromArticle)
    loadedJson.value = JSON.stringify(articleInputs(items.value))
  }

  function add(at = items.value.length): DraftArticle {
    const article: DraftArticle = { key: nextKey++, startsChapter: false, chapter: '', text: '', tags: [] }
    items.value.splice(at, 0, article)
    return article
  }

  /** Moves the article at `index` by `by` places; false at either end. */
  function move(index: number, by: -1 | 1): boolean {
    const to = index + by
    if (to < 0 || to >= items.value.length) return false
    const [article] = items.value.splice(index, 1)
    items.value.splice(to, 0, article!)
    return true
  }

  function remove(index: number): void {
    items.value.splice(index, 1)
  }

  return { items, numbered, dirty, load, add, move, remove }
}
