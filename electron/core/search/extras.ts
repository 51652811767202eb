/**
 * The exact paths beside the text index: phone and ID numbers (whole, or
 * their last 4 digits, through persons' indexes; never by substring, and
 * never from the text index), record numbers and lookup codes (unique
 * columns), and pinyin (people's names from their pinyin columns; compounds'
 * names computed here, see compoundNamesByPinyin).
 */
import type { Knex } from 'knex'
import type { SearchKind } from '../../../shared/api/search'
import { normalizePhone } from '../../../shared/validation/phone'
import { pinyinKeys } from '../services/intake/personRows'
import type { ParsedQuery } from './terms'

/** Ids per kind found by a number the query spells exactly. */
export async function numberRefs(db: Knex, p: ParsedQuery, kind: SearchKind): Promise<number[]> {
  // Record numbers and document numbers hold digits; a lookup code is 6 letters or digits.
  if (!/\d/.test(p.text) && !/^[a-zA-Z]{6}$/.test(p.text)) return []
  const exact = p.text.toUpperCase()
  const ids = async (q: Knex.QueryBuilder) => ((await q.select('id').limit(50)) as { id: number }[]).map((r) => r.id)
  switch (kind) {
    case 'person': {
      if (!p.digits) return []
      const d = p.digits
      const active = () => db('persons').whereNull('anonymised_at')
      if (/^\d{3}[\dX]$/.test(d)) {
        const byPhone = await ids(active().whereRaw("substr(replace(phone, '-', ''), -4) = ?", [d]))
        const byId = await ids(active().whereRaw('substr(id_number, -4) = ?', [d]))
        return [...new Set([...byPhone, ...byId])].sort((a, b) => b - a)
      }
      if (d.length < 7) return []
      const byPhone = await ids(active().where('phone', normalizePhone(d)))
      const byId = await ids(active().where('id_number', d))
      return [...new Set([...byPhone, ...byId])].sort((a, b) => b - a)
    }
    case 'visit':
      return ids(db('visits').where('number', p.text).orWhere('lookup_code', exact))
    case 'complaint':
      return ids(db('complaints').where('number', p.text))
    case 'mediation':
      return ids(db('mediation_cases').where('number', p.text))
    case 'notice':
      return ids(db('notices').where('doc_number', p.text))
    default:
      return []
  }
}

/** The end of a prefix range: 'zha' → 'zhb' (the column indexes answer a range, not LIKE). */
function after(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1)
}

/** People whose full pinyin or initials start with the letters, newest first. */
export function pinyinPeople(db: Knex, letters: string): Knex.QueryBuilder {
  return db('persons')
    .whereNull('anonymised_at')
    .where((w) => {
      w.where((a) => a.where('name_pinyin', '>=', letters).where('name_pinyin', '<', after(letters))).orWhere((b) =>
        b.where('name_initials', '>=', letters).where('name_initials', '<', after(letters)),
      )
    })
}

/**
 * Compounds are few (hundreds), so their pinyin is computed here from the
 * names, cached per name: no column to keep in step when a compound is
 * added or renamed, in any service or import.
 */
const compoundPinyin = new Map<string, { full: string; initials: string }>()

export async function compoundNamesByPinyin(db: Knex, letters: string): Promise<string[]> {
  const rows = (await db('compounds').select('name')) as { name: string }[]
  const names: string[] = []
  for (const { name } of rows) {
    let keys = compoundPinyin.get(name)
    if (!keys) {
      const k = pinyinKeys(name)
      keys = { full: k.name_pinyin, initials: k.name_initials }
      compoundPinyin.set(name, keys)
    }
    if (keys.full.startsWith(letters) || keys.initials.startsWith(letters)) names.push(name)
  }
  return names.slice(0, 20)
}
