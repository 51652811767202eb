/**
 * 001: staff (the local user for now), communities and compounds.
 *
 * House rule for every migration: never call `.alter()`, `dropColumn` or
 * `renameColumn` on a table others reference. On SQLite knex implements those
 * by copying the table, and with foreign keys on that has cost other apps
 * their rows. Add columns or new tables instead.
 */
import type { Knex } from 'knex'

export const name = '001_places'

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('staff', (t) => {
    t.increments('id')
    t.string('name', 50).notNullable()
    t.string('role', 20).notNullable()
    t.string('created_at').notNullable()
  })
  await db('staff').insert({ id: 1, name: '本机管理员', role: 'admin', created_at: new Date().toISOString() })

  await db.schema.createTable('communities', (t) => {
    t.increments('id')
    t.string('name', 30).notNullable().unique()
    t.string('code', 20).unique()
    t.string('address', 100)
    t.string('phone', 30)
    t.string('archived_at')
    t.string('created_at').notNullable()
    t.string('updated_at').notNullable()
    t.integer('created_by').notNullable().references('staff.id')
    t.integer('updated_by').notNullable().references('staff.id')
    t.integer('version').notNullable().defaultTo(1)
  })

  await db.schema.createTable('compounds', (t) => {
    t.increments('id')
    t.integer('community_id').notNullable().references('communities.id')
    t.string('name', 40).notNullable()
    t.string('address', 100)
    t.string('kind', 20).notNullable()
    t.string('management', 30).notNullable()
    t.string('property_company', 60)
    t.integer('households')
    t.integer('buildings')
    t.text('notes')
    t.string('archived_at')
    t.string('created_at').notNullable()
    t.string('updated_at').notNullable()
    t.integer('created_by').notNullable().references('staff.id')
    t.integer('updated_by').notNullable().references('staff.id')
    t.integer('version').notNullable().defaultTo(1)
    t.unique(['community_id', 'name'])
  })

  await db.schema.createTable('building_leaders', (t) => {
    t.increments('id')
    t.integer('compound_id').notNullable().references('compounds.id').onDelete('CASCADE')
    t.integer('position').notNullable()
    t.string('building', 20).notNullable()
    t.string('name', 20).notNullable()
    t.string('phone', 30)
    t.index(['compound_id', 'position'])
  })
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('building_leaders')
  await db.schema.dropTable('compounds')
  await db.schema.dropTable('communities')
  await db.schema.dropTable('staff')
}
