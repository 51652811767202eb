/**
 * 005: staff accounts and sessions. Columns are added to `staff` (ALTER TABLE
 * ADD COLUMN, never a rebuild: every record points at it). The first staff
 * row, the local administrator every earlier record was written as, becomes
 * the administrator account on first-run setup.
 */
import type { Knex } from 'knex'

export const name = '005_accounts'

export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('staff', (t) => {
    t.string('login', 30)
    t.text('password_hash')
    t.integer('active').notNullable().defaultTo(1)
    t.integer('failed_attempts').notNullable().defaultTo(0)
    t.string('locked_until')
    t.string('last_sign_in_at')
    t.string('updated_at')
    t.integer('version').notNullable().defaultTo(1)
  })
  await db.raw('CREATE UNIQUE INDEX staff_login_unique ON staff (login COLLATE NOCASE) WHERE login IS NOT NULL')

  await db.schema.createTable('sessions', (t) => {
    t.increments('id')
    /** SHA-256 of the token: a copied database file does not hand out live sessions. */
    t.string('token_hash', 64).notNullable().unique()
    t.integer('staff_id').notNullable().references('staff.id')
    t.string('created_at').notNullable()
    t.string('last_seen_at').notNullable()
    t.integer('locked').notNullable().defaultTo(0)
    t.string('ended_at')
    t.index(['staff_id'])
  })
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('sessions')
  await db.raw('DROP INDEX staff_login_unique')
}
