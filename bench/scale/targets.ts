/** The targets at 1,000,000 rows, each figure beside its target. */
export interface TargetCheck {
  figure: string
  label: string
  value: number
  target: string
  met: boolean
}

type Cmp = '≤' | '≥'

export function check(figure: string, label: string, value: number, cmp: Cmp, limit: number, unit = ''): TargetCheck {
  const met = Number.isFinite(value) && (cmp === '≤' ? value <= limit : value >= limit)
  return { figure, label, value, target: `${cmp} ${limit}${unit}`, met }
}
