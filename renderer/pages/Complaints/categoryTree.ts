/** The flat category list as the tree el-tree-select shows (parents stay selectable). */
import type { Category } from '../../../shared/api/intakeSettings'

export interface CategoryNode {
  value: number
  label: string
  children?: CategoryNode[]
}

export function categoryTree(categories: readonly Category[]): CategoryNode[] {
  const sorted = [...categories].sort((a, b) => a.position - b.position || a.id - b.id)
  const nodes = new Map<number, CategoryNode>(sorted.map((c) => [c.id, { value: c.id, label: c.name }]))
  const roots: CategoryNode[] = []
  for (const c of sorted) {
    const node = nodes.get(c.id)!
    const parent = c.parentId === null ? undefined : nodes.get(c.parentId)
    // A child whose parent is archived (not in the list) still shows, at the top level.
    if (parent) (parent.children ??= []).push(node)
    else roots.push(node)
  }
  return roots
}
