/**
 * 003: the audit trail. Append-only (triggers refuse UPDATE and DELETE) and
 * hash-chained: each row carries the hash of the one before, so a changed or
 * removed row is found by `npm run audit:verify`. It records what happened to
 * which record, never the sensitive values themselves.
 */
import type { Knex } from 'knex'
import { appendOnlyTriggers } from '../sqlite'

export const name = '003_audit'

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('audit_events', (t) => {
    t.increments('id')
    t.string('at').notNullable()
    t.integer('staff_id').references('staff.id')
    t.string('action', 40).notNullable()
    t.string('entity', 40).notNullable()
    t.integer('entity_id')
    t.text('detail').notNullable()
    t.string('prev_hash', 64).notNullable()
    t.string('hash', 64).notNullable()
    t.index(['entity', 'entity_id'])
    t.index(['at'])
  })
  for (const sql of appendOnlyTriggers('audit_events')) await db.raw(sql)
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('audit_events')
}
