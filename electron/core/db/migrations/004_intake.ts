/**
 * 004: intake. People (来访人), visits (来访登记), 诉求 with their append-only
 * event timeline and follow-ups, the category tree and units they are handed
 * to, per-year numbering sequences, and working-day schedules entered by an
 * administrator for years the bundled holiday data does not cover.
 */
import type { Knex } from 'knex'
import { appendOnlyTriggers } from '../sqlite'
import { defaultCategories, defaultUnits } from '../seeds/intake'

export const name = '004_intake'

function stamps(t: Knex.CreateTableBuilder): void {
  t.string('created_at').notNullable()
  t.string('updated_at').notNullable()
  t.integer('created_by').notNullable().references('staff.id')
  t.integer('updated_by').notNullable().references('staff.id')
  t.integer('version').notNullable().defaultTo(1)
}

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('persons', (t) => {
    t.increments('id')
    t.string('name', 30).notNullable()
    t.string('name_pinyin', 200).notNullable()
    t.string('name_initials', 40).notNullable()
    t.string('sex', 10)
    t.string('birth_date', 10)
    t.integer('age')
    t.string('age_recorded_on', 10)
    t.string('ethnicity', 20)
    t.string('phone', 30)
    t.string('id_number', 18).unique()
    t.integer('compound_id').references('compounds.id')
    t.string('building', 20)
    t.string('unit', 20)
    t.string('room', 20)
    t.string('address_text', 100)
    t.text('notes')
    stamps(t)
    t.index(['phone'])
    t.index(['name_pinyin'])
    t.index(['name_initials'])
  })

  await db.schema.createTable('visits', (t) => {
    t.increments('id')
    t.string('number', 30).notNullable().unique()
    t.string('lookup_code', 10).notNullable().unique()
    t.integer('person_id').notNullable().references('persons.id')
    t.string('visited_at').notNullable()
    t.string('channel', 20).notNullable()
    t.integer('visitor_count').notNullable()
    t.integer('involved_count')
    t.text('subject').notNullable()
    t.string('outcome', 20).notNullable()
    t.text('answer')
    t.text('notes')
    stamps(t)
    t.index(['person_id'])
    t.index(['visited_at'])
  })

  await db.schema.createTable('visit_representatives', (t) => {
    t.integer('visit_id').notNullable().references('visits.id').onDelete('CASCADE')
    t.integer('position').notNullable()
    t.string('name', 30).notNullable()
    t.string('phone', 30)
    t.primary(['visit_id', 'position'])
  })

  await db.schema.createTable('complaint_categories', (t) => {
    t.increments('id')
    t.integer('parent_id').references('complaint_categories.id')
    t.string('name', 20).notNullable()
    t.integer('position').notNullable().defaultTo(0)
    t.string('archived_at')
    t.string('updated_at').notNullable()
    t.unique(['parent_id', 'name'])
  })
  // NULL parents are distinct to a unique index; top-level names need their own.
  await db.raw(
    'CREATE UNIQUE INDEX complaint_categories_top_name ON complaint_categories (name) WHERE parent_id IS NULL',
  )

  await db.schema.createTable('units', (t) => {
    t.increments('id')
    t.string('name', 40).notNullable().unique()
    t.string('kind', 30).notNullable()
    t.string('contact', 30)
    t.string('phone', 30)
    t.string('archived_at')
    stamps(t)
  })

  await db.schema.createTable('complaints', (t) => {
    t.increments('id')
    t.string('number', 40).notNullable().unique()
    t.integer('year').notNullable()
    t.integer('seq').notNullable()
    t.integer('visit_id').references('visits.id')
    t.integer('person_id').references('persons.id')
    t.string('kind', 20).notNullable()
    t.integer('category_id').notNullable().references('complaint_categories.id')
    t.string('urgency', 10).notNullable()
    t.integer('compound_id').references('compounds.id')
    t.string('location_detail', 100)
    t.text('request').notNullable()
    t.text('facts')
    t.text('reasons')
    t.string('status', 20).notNullable()
    t.integer('unit_id').references('units.id')
    t.string('assignee', 30)
    t.string('received_at').notNullable()
    t.string('received_date', 10).notNullable()
    t.string('accept_due', 10).notNullable()
    t.string('accepted_at')
    t.string('handle_due', 10)
    t.integer('extension_days')
    t.text('extension_reason')
    t.string('extension_approver', 30)
    t.string('resolved_at')
    t.integer('resolved_on_time')
    t.text('result')
    t.string('answer', 20)
    t.text('reject_reason')
    t.integer('merged_into').references('complaints.id')
    t.string('due_date', 10)
    t.string('satisfaction', 30)
    t.integer('owner_id').notNullable().references('staff.id')
    stamps(t)
    t.unique(['year', 'seq'])
    t.index(['status', 'due_date'])
    t.index(['compound_id', 'category_id', 'received_date'])
    t.index(['person_id'])
    t.index(['visit_id'])
    t.index(['received_date'])
    t.index(['received_at'])
    t.index(['unit_id'])
  })

  await db.schema.createTable('complaint_events', (t) => {
    t.increments('id')
    t.integer('complaint_id').notNullable().references('complaints.id')
    t.string('at').notNullable()
    t.integer('staff_id').notNullable().references('staff.id')
    t.string('action', 30).notNullable()
    t.string('from_status', 20)
    t.string('to_status', 20)
    t.text('note')
    t.text('detail').notNullable().defaultTo('{}')
    t.index(['complaint_id', 'id'])
  })
  // The timeline is evidence of how a matter was handled: it is never edited.
  for (const sql of appendOnlyTriggers('complaint_events')) await db.raw(sql)

  await db.schema.createTable('complaint_followups', (t) => {
    t.increments('id')
    t.integer('complaint_id').notNullable().references('complaints.id')
    t.string('date', 10).notNullable()
    t.string('caller', 30).notNullable()
    t.string('satisfaction', 30).notNullable()
    t.text('comment')
    t.string('at').notNullable()
    t.integer('staff_id').notNullable().references('staff.id')
    t.index(['complaint_id'])
  })

  await db.schema.createTable('complaint_links', (t) => {
    t.integer('a_id').notNullable().references('complaints.id')
    t.integer('b_id').notNullable().references('complaints.id')
    t.string('created_at').notNullable()
    t.integer('created_by').notNullable().references('staff.id')
    t.primary(['a_id', 'b_id'])
  })

  await db.schema.createTable('number_sequences', (t) => {
    t.string('scope', 40).primary()
    t.integer('last').notNullable()
  })

  await db.schema.createTable('work_schedules', (t) => {
    t.integer('year').primary()
    t.text('holidays').notNullable()
    t.text('workdays').notNullable()
    t.string('updated_at').notNullable()
    t.integer('updated_by').notNullable().references('staff.id')
  })

  const now = new Date().toISOString()
  await db('complaint_categories').insert(
    defaultCategories.map((name, i) => ({ name, position: (i + 1) * 10, updated_at: now })),
  )
  await db('units').insert(
    defaultUnits.map((u) => ({ ...u, created_at: now, updated_at: now, created_by: 1, updated_by: 1 })),
  )
}

export async function down(db: Knex): Promise<void> {
  for (const table of [
    'work_schedules',
    'number_sequences',
    'complaint_links',
    'complaint_followups',
    'complaint_events',
    'complaints',
    'units',
    'complaint_categories',
    'visit_representatives',
    'visits',
    'persons',
  ]) {
    await db.schema.dropTable(table)
  }
}
