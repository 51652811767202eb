/**
 * 010: indexes for 统计报表. A month's dashboard groups one month of 诉求
 * five ways; with every column it reads in one index, each grouping is a
 * range scan of that index and never touches the (wide) table rows. The
 * index starts with received_date, so it also serves every date-range
 * filter the plain received_date index served, which it replaces (one
 * index less to keep up on each insert). Repeat visits take the people who
 * came in a period, (visited_at, person_id), and look for an earlier visit
 * of each, (person_id, visited_at): both from an index alone, each
 * replacing the plain index it starts with.
 */
import type { Knex } from 'knex'

export const name = '010_stats'

const cohortColumns = [
  'received_date',
  'status',
  'kind',
  'category_id',
  'compound_id',
  'unit_id',
  'accepted_at',
  'resolved_at',
  'resolved_on_time',
  'satisfaction',
  'due_date',
]

export async function up(db: Knex): Promise<void> {
  await db.raw(`CREATE INDEX complaints_stats ON complaints (${cohortColumns.join(', ')})`)
  await db.raw('DROP INDEX complaints_received_date_index')
  await db.raw('CREATE INDEX visits_person_visited ON visits (person_id, visited_at)')
  await db.raw('DROP INDEX visits_person_id_index')
  await db.raw('CREATE INDEX visits_visited_person ON visits (visited_at, person_id)')
  await db.raw('DROP INDEX visits_visited_at_index')
}

export async function down(db: Knex): Promise<void> {
  await db.raw('CREATE INDEX visits_visited_at_index ON visits (visited_at)')
  await db.raw('DROP INDEX visits_visited_person')
  await db.raw('CREATE INDEX visits_person_id_index ON visits (person_id)')
  await db.raw('DROP INDEX visits_person_visited')
  await db.raw('CREATE INDEX complaints_received_date_index ON complaints (received_date)')
  await db.raw('DROP INDEX complaints_stats')
}
