/**
 * 009: the search index (全局搜索). Two contentless FTS5 tables, written only
 * by triggers on the records, so the index changes in the same transaction as
 * the record whoever writes it (a service, the import's own connection, a
 * restore of an older backup that runs this migration):
 *
 * - search_tri: the trigram tokenizer, answers 3+ character substrings.
 * - search_bi: each document as its character pairs, space-separated
 *   (substr(text, i, 2) for every i, so every character also starts a token),
 *   for 1–2 character queries: a pair is one token, a single character a
 *   token prefix. detail=none keeps it small (no positions are needed for a
 *   one-token query).
 *
 * A document's rowid is ((kind code + 1) << 40) - 1 - the record's id: each
 * kind is one rowid range, which FTS5 walks on its own; within it the newest
 * record comes first in ascending rowid order, the order FTS5 streams (a
 * descending walk buffers the whole doclist: measured 10x slower), so "the
 * newest 8" stops after 8; totals per kind are counted from rowids without
 * reading any row; a record's documents are found without a lookup table.
 *
 * What a document says is defined once, by one view per kind (search_src_*);
 * the triggers and `search.rebuild` both read those views.
 *
 * The pairs are built in SQL because the `sqlite3` package cannot register
 * functions and FTS5 has no bigram tokenizer: a join with search_seq (the
 * integers 1..65536) cuts the text; measured 3-4 times faster than a
 * recursive CTE per row. (Texts are cut in 64-character chunks, so this
 * covers any text up to 4 million characters.)
 *
 * Texts left out on purpose: phone and ID numbers (found through their own
 * indexes, never by substring), 调解笔录 (session records are never indexed).
 * Mediation parties' names and the dispute go into a separate 'restricted'
 * document (code 5) that only callers with full access to the case may match.
 */
import type { Knex } from 'knex'
import { disputeTypeLabels } from '../../../../shared/mediation/labels'

export const name = '009_search'

/** Kind codes in the rowid; keep in step with electron/core/search/kinds.ts. */
const code = { person: 1, visit: 2, complaint: 3, mediation: 4, restricted: 5, convention: 6, notice: 7 } as const
type DocKind = keyof typeof code

const maxPairs = 65_536

/** The highest rowid of a kind code's range; a record's rowid is this minus its id. */
function top(c: number): string {
  return `((${c} + 1) << 40) - 1`
}

function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`
}

const disputeLabel =
  'CASE m.dispute_type ' +
  Object.entries(disputeTypeLabels)
    .map(([k, v]) => `WHEN ${quote(k)} THEN ${quote(v)}`)
    .join(' ') +
  ' ELSE m.dispute_type END'

/** json_each over a column that may not hold valid JSON (a broken row must not stop every write). */
function jsonOf(col: string, empty: string): string {
  return `json_each(CASE WHEN json_valid(${col}) THEN ${col} ELSE '${empty}' END)`
}

const views: Record<DocKind, string> = {
  person: `SELECT ${top(code.person)} - p.id AS key, p.id AS ref,
      concat_ws(' ', p.name, c.name || concat_ws('', p.building, p.unit, p.room), p.address_text, p.notes) AS text
    FROM persons p LEFT JOIN compounds c ON c.id = p.compound_id
    WHERE p.anonymised_at IS NULL`,
  visit: `SELECT ${top(code.visit)} - v.id AS key, v.id AS ref,
      concat_ws(' ', v.number, v.lookup_code, p.name, v.subject, v.answer, v.notes) AS text
    FROM visits v LEFT JOIN persons p ON p.id = v.person_id`,
  complaint: `SELECT ${top(code.complaint)} - c.id AS key, c.id AS ref,
      concat_ws(' ', c.number, p.name, k.name, c.location_detail, c.request, c.facts, c.reasons, c.result) AS text
    FROM complaints c LEFT JOIN persons p ON p.id = c.person_id LEFT JOIN compounds k ON k.id = c.compound_id`,
  mediation: `SELECT ${top(code.mediation)} - m.id AS key, m.id AS ref,
      concat_ws(' ', m.number, ${disputeLabel}) AS text
    FROM mediation_cases m`,
  restricted: `SELECT ${top(code.restricted)} - m.id AS key, m.id AS ref,
      concat_ws(' ',
        (SELECT group_concat(pp.name, ' ') FROM mediation_parties mp JOIN persons pp ON pp.id = mp.person_id
          WHERE mp.case_id = m.id),
        m.facts,
        (SELECT group_concat(value, ' ') FROM ${jsonOf('m.requests', '[]')}),
        m.dispute_points) AS text
    FROM mediation_cases m`,
  convention: `SELECT ${top(code.convention)} - cv.id AS key, cv.id AS ref,
      concat_ws(' ', cv.title,
        (SELECT group_concat(concat_ws(' ', a.chapter, a.text), ' ') FROM convention_articles a
          WHERE a.version_id IN (cv.current_version_id, cv.working_version_id))) AS text
    FROM conventions cv`,
  notice: `SELECT ${top(code.notice)} - n.id AS key, n.id AS ref,
      concat_ws(' ', n.doc_number, n.title,
        (SELECT group_concat(json_extract(value, '$.text'), ' ') FROM ${jsonOf('n.body', '[]')}),
        n.attachments_note) AS text
    FROM notices n`,
}

function view(kind: DocKind): string {
  return `search_src_${kind}`
}

/**
 * The pairs of `e` (a column of a materialized row) as space-separated tokens.
 * substr() walks UTF-8 from the start of its argument, so on a long text the
 * pairs are cut from 64-character chunks (each with the next chunk's first
 * character), keeping the work linear: measured 80 ms for 46,000 characters,
 * where cutting the whole text took 8 s.
 */
function pairsOf(e: string): string {
  return `CASE WHEN length(${e}) <= 256
    THEN (SELECT group_concat(substr(${e}, q.i, 2), ' ') FROM search_seq q WHERE q.i <= length(${e}))
    ELSE (WITH c AS MATERIALIZED (
            SELECT substr(${e}, (k.i - 1) * 64 + 1, 65) AS chunk FROM search_seq k WHERE k.i <= (length(${e}) + 63) / 64)
          SELECT group_concat(substr(c.chunk, q.i, 2), ' ') FROM c JOIN search_seq q ON q.i <= min(64, length(c.chunk)))
    END`
}

/**
 * Inserts the documents of `kind` whose refs satisfy `where` (over the view,
 * alias s) into both tables. The text is materialized once: a view's text
 * is an expression, which SQLite would otherwise compute again for every
 * pair (measured 4-5 times slower on 100-character texts).
 *
 * `ordered` writes many documents in ascending rowid order (newest record
 * first). FTS5 flushes its pending terms to a new segment whenever a rowid
 * is lower than the one written before it in the transaction, so documents
 * written oldest record first (the order ids grow in) each became a segment
 * of their own: at a million records that made indexing 4 times dearer than
 * the row itself.
 */
function insertDocs(kind: DocKind, where: string, ordered = false): string[] {
  const docs = `SELECT key, text FROM ${view(kind)} s WHERE ${where} AND s.text <> ''`
  const order = ordered ? ' ORDER BY key' : ''
  return [
    `INSERT INTO search_tri(rowid, text) ${docs}${order}`,
    `INSERT INTO search_bi(rowid, grams) SELECT t.key, ${pairsOf('t.text')}
       FROM (WITH t0 AS MATERIALIZED (${docs}) SELECT key, text FROM t0) t${order ? ' ORDER BY t.key' : ''}`,
  ]
}

/**
 * Statements (for a trigger body) that (re)write the documents of `kind` for
 * the record `NEW.id` (`refs` absent) or the records a SELECT of one column
 * `ref` finds. `fresh` skips the deletes (an INSERT: nothing to remove yet).
 */
function refresh(kind: DocKind, refs?: string, fresh = false): string {
  const keys = refs
    ? `rowid IN (SELECT ${top(code[kind])} - ref FROM (${refs}))`
    : `rowid = ${top(code[kind])} - NEW.id`
  const where = refs ? `s.ref IN (SELECT ref FROM (${refs}))` : 's.ref = NEW.id'
  return [
    ...(fresh ? [] : [`DELETE FROM search_tri WHERE ${keys};`, `DELETE FROM search_bi WHERE ${keys};`]),
    ...insertDocs(kind, where).map((sql) => `${sql};`),
  ].join('\n')
}

function remove(kind: DocKind, ref: string): string {
  const key = `${top(code[kind])} - ${ref}`
  return `DELETE FROM search_tri WHERE rowid = ${key};\nDELETE FROM search_bi WHERE rowid = ${key};`
}

interface TriggerSpec {
  table: string
  kinds: DocKind[]
  /** Columns whose change changes the documents. */
  columns: string[]
}

/** Records that are documents themselves: insert, update of their text columns, delete. */
const own: TriggerSpec[] = [
  {
    table: 'persons',
    kinds: ['person'],
    columns: ['name', 'compound_id', 'building', 'unit', 'room', 'address_text', 'notes', 'anonymised_at'],
  },
  {
    table: 'visits',
    kinds: ['visit'],
    columns: ['number', 'lookup_code', 'person_id', 'subject', 'answer', 'notes'],
  },
  {
    table: 'complaints',
    kinds: ['complaint'],
    columns: ['number', 'person_id', 'compound_id', 'location_detail', 'request', 'facts', 'reasons', 'result'],
  },
  {
    table: 'mediation_cases',
    kinds: ['mediation', 'restricted'],
    columns: ['number', 'dispute_type', 'facts', 'requests', 'dispute_points'],
  },
  {
    table: 'conventions',
    kinds: ['convention'],
    columns: ['title', 'current_version_id', 'working_version_id', 'version'],
  },
  {
    table: 'notices',
    kinds: ['notice'],
    columns: ['doc_number', 'title', 'body', 'attachments_note'],
  },
]

/** The AFTER INSERT trigger that indexes a new record; `when` (a WHEN clause's condition) lets it stand aside. */
function insertTrigger(spec: TriggerSpec, when?: string): string {
  const t = spec.table
  const condition = when ? ` WHEN ${when}` : ''
  return `CREATE TRIGGER search_${t}_ai AFTER INSERT ON ${t}${condition} BEGIN\n${spec.kinds.map((k) => refresh(k, undefined, true)).join('\n')}\nEND`
}

/** The AFTER UPDATE trigger that rewrites a changed record's documents; `when` as for insertTrigger. */
function updateTrigger(spec: TriggerSpec, when?: string): string {
  const t = spec.table
  const condition = when ? ` WHEN ${when}` : ''
  return `CREATE TRIGGER search_${t}_au AFTER UPDATE OF ${spec.columns.join(', ')} ON ${t}${condition} BEGIN\n${spec.kinds.map((k) => refresh(k)).join('\n')}\nEND`
}

function ownTriggers(spec: TriggerSpec): string[] {
  const t = spec.table
  return [
    insertTrigger(spec),
    updateTrigger(spec),
    `CREATE TRIGGER search_${t}_ad AFTER DELETE ON ${t} BEGIN\n${spec.kinds.map((k) => remove(k, 'OLD.id')).join('\n')}\nEND`,
  ]
}

/** Records whose text appears in other records' documents. */
const dependent: string[] = [
  // A person's name is in their visits, 诉求 and (restricted) cases; anonymising removes it from all.
  `CREATE TRIGGER search_persons_au_refs AFTER UPDATE OF name, anonymised_at ON persons
   WHEN OLD.name IS NOT NEW.name OR OLD.anonymised_at IS NOT NEW.anonymised_at BEGIN
   ${refresh('visit', 'SELECT id AS ref FROM visits WHERE person_id = NEW.id')}
   ${refresh('complaint', 'SELECT id AS ref FROM complaints WHERE person_id = NEW.id')}
   ${refresh('restricted', 'SELECT case_id AS ref FROM mediation_parties WHERE person_id = NEW.id')}
   END`,
  // A compound's name is in its residents' and its 诉求' documents (so 花香园 finds them).
  `CREATE TRIGGER search_compounds_au AFTER UPDATE OF name ON compounds
   WHEN OLD.name IS NOT NEW.name BEGIN
   ${refresh('person', 'SELECT id AS ref FROM persons WHERE compound_id = NEW.id')}
   ${refresh('complaint', 'SELECT id AS ref FROM complaints WHERE compound_id = NEW.id')}
   END`,
  ...(['INSERT', 'UPDATE OF person_id, case_id', 'DELETE'] as const).map((op, i) => {
    const row = op === 'DELETE' ? 'OLD' : 'NEW'
    const also = op.startsWith('UPDATE') ? `\n${refresh('restricted', 'SELECT OLD.case_id AS ref')}` : ''
    return `CREATE TRIGGER search_mediation_parties_${['ai', 'au', 'ad'][i]} AFTER ${op} ON mediation_parties BEGIN
     ${refresh('restricted', `SELECT ${row}.case_id AS ref`)}${also}
     END`
  }),
  // Articles are saved many at a time (delete all, insert all) and every save touches the version row
  // (updated_at): refreshing there indexes the whole text once, not once per article (quadratic).
  `CREATE TRIGGER search_convention_versions_au AFTER UPDATE ON convention_versions BEGIN
   ${refresh('convention', 'SELECT id AS ref FROM conventions WHERE current_version_id = NEW.id OR working_version_id = NEW.id')}
   END`,
]

export const documentKinds = Object.keys(code) as DocKind[]

/** The source table of a kind's view, whose ids `fillStatements` walks in ranges. */
export const sourceTables: Record<DocKind, string> = {
  person: 'persons',
  visit: 'visits',
  complaint: 'complaints',
  mediation: 'mediation_cases',
  restricted: 'mediation_cases',
  convention: 'conventions',
  notice: 'notices',
}

/** The tables whose rows are documents of their own, and the kinds of those documents. */
export const ownKinds: Record<string, readonly DocKind[]> = Object.fromEntries(own.map((s) => [s.table, s.kinds]))

/**
 * The AFTER INSERT triggers of `own`, each standing aside WHEN `when` holds
 * (013: while a batch writer indexes its rows itself, see search/batchIndex.ts).
 */
export function insertTriggers(when?: string): { name: string; sql: string }[] {
  return own.map((spec) => ({ name: `search_${spec.table}_ai`, sql: insertTrigger(spec, when) }))
}

/** The AFTER UPDATE triggers of `own`, likewise (014: while a batch writer fills in many rows). */
export function updateTriggers(when?: string): { name: string; sql: string }[] {
  return own.map((spec) => ({ name: `search_${spec.table}_au`, sql: updateTrigger(spec, when) }))
}

/**
 * Fills both tables with the documents of records lo..hi of a kind (also
 * `search.rebuild`, after a 'delete-all'), in ascending rowid order. Without
 * `lo`/`hi` the bounds are the statement's two parameters.
 */
export function fillStatements(kind: DocKind, lo?: number, hi?: number): string[] {
  const where =
    lo === undefined || hi === undefined
      ? 's.ref BETWEEN ? AND ?'
      : `s.ref BETWEEN ${Math.floor(lo)} AND ${Math.floor(hi)}`
  return insertDocs(kind, where, true)
}

/**
 * Rewrites the documents of the records of a kind whose ids the statement's
 * one parameter lists (a JSON array): removed, then written in ascending
 * rowid order. The removals only mark rows deleted (contentless_delete), so
 * the batch still adds one segment per table.
 */
export function refreshStatements(kind: DocKind): string[] {
  const ids = 'SELECT value FROM json_each(?)'
  const keys = `rowid IN (SELECT ${top(code[kind])} - value FROM (${ids}))`
  return [
    `DELETE FROM search_tri WHERE ${keys}`,
    `DELETE FROM search_bi WHERE ${keys}`,
    ...insertDocs(kind, `s.ref IN (${ids})`, true),
  ]
}

/**
 * Fills the whole index, 20,000 records at a time (a materialized batch
 * stays small), newest records first so rowids ascend across batches too.
 */
export async function fillIndex(db: Knex): Promise<void> {
  for (const kind of documentKinds) {
    const rows = (await db.raw(`SELECT max(id) AS n FROM ${sourceTables[kind]}`)) as { n: number | null }[]
    const max = Number(rows[0]?.n ?? 0)
    for (let hi = max; hi >= 1; hi -= 20_000) {
      for (const sql of fillStatements(kind, Math.max(1, hi - 19_999), hi)) await db.raw(sql)
    }
  }
}

export async function up(db: Knex): Promise<void> {
  await db.raw('CREATE TABLE search_seq (i INTEGER PRIMARY KEY)')
  await db.raw(
    `INSERT INTO search_seq (i) WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < ${maxPairs}) SELECT i FROM g`,
  )
  await db.raw(
    "CREATE VIRTUAL TABLE search_tri USING fts5(text, tokenize = 'trigram', content = '', contentless_delete = 1)",
  )
  await db.raw("CREATE VIRTUAL TABLE search_bi USING fts5(grams, content = '', contentless_delete = 1, detail = none)")
  for (const kind of documentKinds) await db.raw(`CREATE VIEW ${view(kind)} AS ${views[kind]}`)
  for (const spec of own) for (const sql of ownTriggers(spec)) await db.raw(sql)
  for (const sql of dependent) await db.raw(sql)

  // Phone and ID numbers are found whole or by their last 4 digits, through indexes.
  await db.raw("CREATE INDEX persons_phone_last4 ON persons (substr(replace(phone, '-', ''), -4))")
  await db.raw('CREATE INDEX persons_id_number_last4 ON persons (substr(id_number, -4))')

  await fillIndex(db)
}

export async function down(db: Knex): Promise<void> {
  const triggers = (await db.raw(
    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search\\_%' ESCAPE '\\'",
  )) as { name: string }[]
  for (const t of triggers) await db.raw(`DROP TRIGGER ${t.name}`)
  for (const kind of documentKinds) await db.raw(`DROP VIEW ${view(kind)}`)
  await db.raw('DROP INDEX persons_phone_last4')
  await db.raw('DROP INDEX persons_id_number_last4')
  await db.raw('DROP TABLE search_tri')
  await db.raw('DROP TABLE search_bi')
  await db.raw('DROP TABLE search_seq')
}
