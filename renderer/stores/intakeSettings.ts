/**
 * 受理设置 store: the office options, the category tree, the units and the
 * working-day schedules. Categories and units are read by many screens (the
 * visit form, the complaint list filters, the detail page), so they are
 * loaded once, archived ones included: a matter filed under a category that
 * was later 停用 must still show its name. Pickers use the `active*` views.
 */
import { acceptHMRUpdate, defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api/client'
import type { MethodInput, MethodOutput } from '../../shared/api/contract'
import type { Category, IntakeOptions, Unit } from '../../shared/api/intakeSettings'

export type SchedulesInfo = MethodOutput<'intake.listSchedules'>
export type SaveCategoryInput = MethodInput<'intake.saveCategory'>
export type SaveUnitInput = MethodInput<'intake.saveUnit'>
export type SaveScheduleInput = MethodInput<'intake.saveSchedule'>

/** Core refuses a fourth level; the settings screen hides 添加子类 there. */
export const maxCategoryDepth = 3

export interface CategoryNode {
  id: number
  name: string
  /** Full path for display, e.g. “环境卫生 / 垃圾清运”. */
  label: string
  archived: boolean
  /** 1 for a top-level category; core allows at most three levels. */
  depth: number
  category: Category
  children: CategoryNode[]
}

/** Option shape Element Plus cascaders and tree-selects accept as-is. */
export interface CategoryOption {
  value: number
  label: string
  children?: CategoryOption[]
}

const PATH_SEPARATOR = ' / '

function byPosition(a: Category, b: Category): number {
  return a.position - b.position || a.id - b.id
}

/**
 * Builds the tree from the flat list. A child under an archived parent counts
 * as archived too: a picker must not offer a branch whose root is 停用.
 */
export function buildCategoryTree(list: readonly Category[], includeArchived: boolean): CategoryNode[] {
  const children = new Map<number | null, Category[]>()
  const ids = new Set(list.map((c) => c.id))
  for (const c of list) {
    // An orphan (parent not in the list) is shown at the top rather than lost.
    const parent = c.parentId !== null && ids.has(c.parentId) ? c.parentId : null
    const bucket = children.get(parent) ?? []
    bucket.push(c)
    children.set(parent, bucket)
  }
  const walk = (parent: number | null, parentLabel: string, parentArchived: boolean, depth: number): CategoryNode[] =>
    (children.get(parent) ?? [])
      .slice()
      .sort(byPosition)
      .map((c) => {
        const archived = parentArchived || c.archivedAt !== null
        const label = parentLabel ? `${parentLabel}${PATH_SEPARATOR}${c.name}` : c.name
        const node: CategoryNode = { id: c.id, name: c.name, label, archived, depth, category: c, children: [] }
        node.children = walk(c.id, label, archived, depth + 1)
        return node
      })
      .filter((n) => includeArchived || !n.archived)
  return walk(null, '', false, 1)
}

function toOptions(nodes: readonly CategoryNode[]): CategoryOption[] {
  return nodes.map((n) => {
    const option: CategoryOption = { value: n.id, label: n.archived ? `${n.name}（已停用）` : n.name }
    if (n.children.length > 0) option.children = toOptions(n.children)
    return option
  })
}

export const useIntakeSettingsStore = defineStore('intakeSettings', () => {
  const options = ref<IntakeOptions | null>(null)
  /** Every category, archived included (see the file comment). */
  const categories = ref<Category[]>([])
  const units = ref<Unit[]>([])
  const schedules = ref<SchedulesInfo | null>(null)
  const categoriesLoaded = ref(false)
  const unitsLoaded = ref(false)

  // In-flight loads are shared so five components mounting at once ask once.
  let categoriesLoading: Promise<Category[]> | null = null
  let unitsLoading: Promise<Unit[]> | null = null

  const categoryById = computed(() => new Map(categories.value.map((c) => [c.id, c])))
  const categoryTree = computed(() => buildCategoryTree(categories.value, true))
  const activeCategoryTree = computed(() => buildCategoryTree(categories.value, false))
  /** For cascaders/tree-selects in forms: only categories that may still be chosen. */
  const activeCategoryOptions = computed(() => toOptions(activeCategoryTree.value))
  /** For list filters: everything, archived ones marked “（已停用）” so old matters can still be found. */
  const allCategoryOptions = computed(() => toOptions(categoryTree.value))
  const activeCategories = computed(() => {
    const flat: Category[] = []
    const walk = (nodes: CategoryNode[]) => {
      for (const n of nodes) {
        flat.push(n.category)
        walk(n.children)
      }
    }
    walk(activeCategoryTree.value)
    return flat
  })

  const unitById = computed(() => new Map(units.value.map((u) => [u.id, u])))
  const activeUnits = computed(() => units.value.filter((u) => u.archivedAt === null))

  /** “环境卫生 / 垃圾清运” for a category id; empty for an unknown id. */
  function categoryPath(id: number | null | undefined, separator = PATH_SEPARATOR): string {
    if (id === null || id === undefined) return ''
    const names: string[] = []
    const seen = new Set<number>()
    let current = categoryById.value.get(id)
    while (current && !seen.has(current.id)) {
      seen.add(current.id)
      names.unshift(current.name)
      current = current.parentId === null ? undefined : categoryById.value.get(current.parentId)
    }
    return names.join(separator)
  }

  function unitName(id: number | null | undefined): string {
    if (id === null || id === undefined) return ''
    return unitById.value.get(id)?.name ?? ''
  }

  /** Categories, from the cache unless `force`; archived ones included. */
  function loadCategories(force = false): Promise<Category[]> {
    if (categoriesLoaded.value && !force) return Promise.resolve(categories.value)
    if (categoriesLoading && !force) return categoriesLoading
    const loading = api.intake
      .listCategories({ includeArchived: true })
      .then((list) => {
        // A slower, older load must not overwrite what a newer one (after a save) brought.
        if (categoriesLoading === loading) {
          categories.value = list
          categoriesLoaded.value = true
        }
        return list
      })
      .finally(() => {
        if (categoriesLoading === loading) categoriesLoading = null
      })
    categoriesLoading = loading
    return loading
  }

  /** Units, from the cache unless `force`; archived ones included. */
  function loadUnits(force = false): Promise<Unit[]> {
    if (unitsLoaded.value && !force) return Promise.resolve(units.value)
    if (unitsLoading && !force) return unitsLoading
    const loading = api.intake
      .listUnits({ includeArchived: true })
      .then((list) => {
        // A slower, older load must not overwrite what a newer one (after a save) brought.
        if (unitsLoading === loading) {
          units.value = list
          unitsLoaded.value = true
        }
        return list
      })
      .finally(() => {
        if (unitsLoading === loading) unitsLoading = null
      })
    unitsLoading = loading
    return loading
  }

  async function loadOptions(): Promise<IntakeOptions> {
    options.value = await api.intake.getOptions({})
    return options.value
  }

  async function saveOptions(input: IntakeOptions): Promise<IntakeOptions> {
    options.value = await api.intake.saveOptions(input)
    return options.value
  }

  async function saveCategory(input: SaveCategoryInput): Promise<Category> {
    const saved = await api.intake.saveCategory(input)
    await loadCategories(true)
    return saved
  }

  async function archiveCategory(id: number, archived: boolean): Promise<Category> {
    const saved = await api.intake.archiveCategory({ id, archived })
    await loadCategories(true)
    return saved
  }

  async function saveUnit(input: SaveUnitInput): Promise<Unit> {
    const saved = await api.intake.saveUnit(input)
    await loadUnits(true)
    return saved
  }

  async function archiveUnit(id: number, archived: boolean): Promise<Unit> {
    const saved = await api.intake.archiveUnit({ id, archived })
    await loadUnits(true)
    return saved
  }

  async function loadSchedules(): Promise<SchedulesInfo> {
    schedules.value = await api.intake.listSchedules({})
    return schedules.value
  }

  async function saveSchedule(input: SaveScheduleInput): Promise<SchedulesInfo> {
    schedules.value = await api.intake.saveSchedule(input)
    return schedules.value
  }

  async function deleteSchedule(year: number): Promise<SchedulesInfo> {
    schedules.value = await api.intake.deleteSchedule({ year })
    return schedules.value
  }

  return {
    options,
    categories,
    units,
    schedules,
    categoryById,
    categoryTree,
    activeCategoryTree,
    activeCategoryOptions,
    allCategoryOptions,
    activeCategories,
    unitById,
    activeUnits,
    categoryPath,
    unitName,
    loadCategories,
    loadUnits,
    loadOptions,
    saveOptions,
    saveCategory,
    archiveCategory,
    saveUnit,
    archiveUnit,
    loadSchedules,
    saveSchedule,
    deleteSchedule,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useIntakeSettingsStore, import.meta.hot))
