/**
 * The headline 诉求 figures in the order leaders read them, with their unit
 * and which way is better — one list for the cards, the breakdown tables and
 * the printed 月报, so all three agree. Definitions: shared/api/stats.ts.
 */
import type { ComplaintFigures } from '../../../shared/api/stats'
import type { Better, FigureKind } from './format'

export interface FigureSpec {
  key: keyof ComplaintFigures
  label: string
  kind: FigureKind
  better: Better
  /** The definition, shown when the pointer rests on the label. */
  hint: string
}

export const figureSpecs: FigureSpec[] = [
  { key: 'received', label: '登记量', kind: 'count', better: 'none', hint: '本期登记的诉求（不含已合并）' },
  { key: 'accepted', label: '受理量', kind: 'count', better: 'none', hint: '登记量减去不予受理和尚未决定的' },
  { key: 'resolved', label: '办结量', kind: 'count', better: 'up', hint: '本期登记且已办结的' },
  { key: 'resolvedRate', label: '办结率', kind: 'rate', better: 'up', hint: '办结量 ÷ 受理量' },
  { key: 'onTimeRate', label: '按期办结率', kind: 'rate', better: 'up', hint: '期限内办结 ÷ 办结量' },
  { key: 'satisfactionRate', label: '满意率', kind: 'rate', better: 'up', hint: '满意和基本满意 ÷ 有答复的回访' },
  { key: 'avgDaysToResolve', label: '平均办理天数', kind: 'days', better: 'down', hint: '登记到办结的自然日平均' },
  { key: 'overdue', label: '超期', kind: 'count', better: 'down', hint: '尚未办结且已过期限的' },
]
