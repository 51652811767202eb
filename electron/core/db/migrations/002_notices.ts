/**
 * 002: notices (通知公告) with their compounds and templates, and a small
 * key-value settings table (for example the last printer per document kind).
 * Only new tables: nothing referenced is rebuilt.
 */
import type { Knex } from 'knex'
import { seedTemplates } from '../seeds/noticeTemplates'

export const name = '002_notices'

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('notices', (t) => {
    t.increments('id')
    t.integer('community_id').notNullable().references('communities.id')
    t.string('title', 80).notNullable()
    t.string('doc_number', 40).notNullable().unique()
    t.integer('doc_year').notNullable()
    t.integer('doc_seq')
    t.string('audience', 20).notNullable()
    t.text('body').notNullable()
    t.text('attachments_note')
    t.string('issuer_name', 40).notNullable()
    t.string('issued_on', 10).notNullable()
    t.string('contact', 60)
    t.string('posting_location', 100)
    t.string('status', 20).notNullable()
    t.string('published_at')
    t.string('archived_at')
    t.string('created_at').notNullable()
    t.string('updated_at').notNullable()
    t.integer('created_by').notNullable().references('staff.id')
    t.integer('updated_by').notNullable().references('staff.id')
    t.integer('version').notNullable().defaultTo(1)
    t.index(['community_id', 'doc_year', 'doc_seq'])
    t.index(['status'])
  })

  await db.schema.createTable('notice_compounds', (t) => {
    t.integer('notice_id').notNullable().references('notices.id').onDelete('CASCADE')
    t.integer('compound_id').notNullable().references('compounds.id')
    t.integer('position').notNullable()
    t.primary(['notice_id', 'compound_id'])
  })

  await db.schema.createTable('notice_templates', (t) => {
    t.increments('id')
    t.string('name', 30).notNullable().unique()
    t.string('title', 80).notNullable()
    t.text('body').notNullable()
    t.text('attachments_note')
    t.string('updated_at').notNullable()
    t.integer('version').notNullable().defaultTo(1)
  })
  const now = new Date().toISOString()
  await db('notice_templates').insert(
    seedTemplates.map((s) => ({
      name: s.name,
      title: s.title,
      body: JSON.stringify(s.body),
      attachments_note: s.attachmentsNote,
      updated_at: now,
    })),
  )

  await db.schema.createTable('settings', (t) => {
    t.string('key', 100).primary()
    t.text('value').notNullable()
    t.string('updated_at').notNullable()
  })
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('settings')
  await db.schema.dropTable('notice_templates')
  await db.schema.dropTable('notice_compounds')
  await db.schema.dropTable('notices')
}
