/**
 * 008: 居民公约. A convention (per community or per compound) with numbered
 * versions; each version has its ordered articles and the records of its way
 * through 征集意见, 审核, 表决, 备案 and 公布, plus an append-only history.
 * Once a version is adopted its articles can never change: the service
 * refuses, and triggers here refuse any UPDATE, DELETE or INSERT that would.
 */
import type { Knex } from 'knex'
import { appendOnlyTriggers } from '../sqlite'

export const name = '008_conventions'

/** Keep in step with adoptedStages in shared/conventions/labels.ts. */
const adopted = "('adopted', 'filed', 'posted', 'superseded')"

function stamps(t: Knex.CreateTableBuilder): void {
  t.string('created_at').notNullable()
  t.string('updated_at').notNullable()
  t.integer('created_by').notNullable().references('staff.id')
  t.integer('updated_by').notNullable().references('staff.id')
}

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('conventions', (t) => {
    t.increments('id')
    t.string('scope', 20).notNullable()
    t.integer('community_id').notNullable().references('communities.id')
    t.integer('compound_id').references('compounds.id')
    t.string('title', 60).notNullable()
    t.string('status', 20).notNullable()
    // Versions refer back to their convention; these two point forward, so no FK (insert order).
    t.integer('current_version_id')
    t.integer('working_version_id')
    t.string('repealed_on', 10)
    t.text('repeal_reason')
    stamps(t)
    t.integer('version').notNullable().defaultTo(1)
    t.index(['community_id'])
  })
  // At most one live convention per compound, and one 社区居民公约 per community.
  await db.raw(
    "CREATE UNIQUE INDEX conventions_one_per_compound ON conventions (compound_id) WHERE compound_id IS NOT NULL AND status <> 'repealed'",
  )
  await db.raw(
    "CREATE UNIQUE INDEX conventions_one_per_community ON conventions (community_id) WHERE scope = 'community' AND status <> 'repealed'",
  )

  await db.schema.createTable('convention_versions', (t) => {
    t.increments('id')
    t.integer('convention_id').notNullable().references('conventions.id')
    t.integer('number').notNullable()
    t.string('stage', 20).notNullable()
    t.string('adopted_on', 10)
    t.string('filing_authority', 60)
    t.string('filed_on', 10)
    t.string('filing_reference', 60)
    stamps(t)
    t.unique(['convention_id', 'number'])
  })

  await db.schema.createTable('convention_articles', (t) => {
    t.increments('id')
    t.integer('version_id').notNullable().references('convention_versions.id')
    t.integer('position').notNullable()
    t.string('chapter', 60)
    t.text('text').notNullable()
    t.text('tags').notNullable().defaultTo('[]')
    t.unique(['version_id', 'position'])
  })

  await db.schema.createTable('convention_opinions', (t) => {
    t.increments('id')
    t.integer('version_id').notNullable().references('convention_versions.id')
    t.string('source', 20).notNullable()
    t.string('from_name', 60).notNullable()
    t.string('received_on', 10).notNullable()
    t.text('content').notNullable()
    t.integer('adopted')
    t.text('reply')
    stamps(t)
    t.index(['version_id'])
  })

  await db.schema.createTable('convention_reviews', (t) => {
    t.increments('id')
    t.integer('version_id').notNullable().references('convention_versions.id')
    t.string('unit', 60).notNullable()
    t.string('reviewed_on', 10).notNullable()
    t.text('opinion').notNullable()
    t.text('legal_opinion')
    t.string('result', 20).notNullable()
    t.integer('staff_id').notNullable().references('staff.id')
    t.string('created_at').notNullable()
    t.index(['version_id'])
  })

  await db.schema.createTable('convention_votes', (t) => {
    t.increments('id')
    t.integer('version_id').notNullable().references('convention_versions.id')
    t.string('meeting_kind', 20).notNullable()
    t.string('held_on', 10).notNullable()
    t.string('place', 100).notNullable()
    t.integer('entitled').notNullable()
    t.integer('present').notNullable()
    t.integer('women_present').notNullable()
    t.integer('in_favour').notNullable()
    t.integer('against').notNullable()
    t.integer('abstain').notNullable()
    t.integer('quorum_met').notNullable()
    t.integer('passed').notNullable()
    t.text('quorum_text').notNullable()
    t.text('pass_text').notNullable()
    // The rules as they stood at the vote: a later change of setting must not rewrite history.
    t.text('rules').notNullable()
    t.integer('staff_id').notNullable().references('staff.id')
    t.string('created_at').notNullable()
    t.index(['version_id'])
  })

  await db.schema.createTable('convention_postings', (t) => {
    t.increments('id')
    t.integer('version_id').notNullable().references('convention_versions.id')
    t.string('place', 100).notNullable()
    t.string('posted_on', 10).notNullable()
    t.integer('staff_id').notNullable().references('staff.id')
    t.string('created_at').notNullable()
    t.index(['version_id'])
  })

  await db.schema.createTable('convention_photos', (t) => {
    t.increments('id')
    t.integer('posting_id').notNullable().references('convention_postings.id')
    t.integer('position').notNullable()
    t.string('name', 200).notNullable()
    t.string('mime', 20).notNullable()
    t.binary('bytes').notNullable()
    t.integer('size').notNullable()
    t.index(['posting_id'])
  })

  await db.schema.createTable('convention_flag_dismissals', (t) => {
    t.increments('id')
    t.integer('version_id').notNullable().references('convention_versions.id')
    t.integer('article_id').notNullable()
    // The wording dismissed: edit the article and the flag comes back for another look.
    t.text('article_text').notNullable()
    t.string('phrase', 20).notNullable()
    t.text('reason').notNullable()
    t.integer('staff_id').notNullable().references('staff.id')
    t.string('at').notNullable()
    t.index(['version_id'])
  })

  await db.schema.createTable('convention_events', (t) => {
    t.increments('id')
    t.integer('convention_id').notNullable().references('conventions.id')
    t.integer('version_id').references('convention_versions.id')
    t.string('at').notNullable()
    t.integer('staff_id').notNullable().references('staff.id')
    t.string('action', 40).notNullable()
    t.text('note')
    t.index(['version_id'])
  })

  // What was reviewed, voted, posted and said stays as it was recorded.
  for (const table of [
    'convention_events',
    'convention_reviews',
    'convention_votes',
    'convention_postings',
    'convention_photos',
    'convention_flag_dismissals',
  ]) {
    for (const sql of appendOnlyTriggers(table)) await db.raw(sql)
  }

  // An adopted version's articles are fixed forever.
  const versionAdopted = (row: 'OLD' | 'NEW') =>
    `(SELECT stage FROM convention_versions WHERE id = ${row}.version_id) IN ${adopted}`
  for (const [op, row] of [
    ['UPDATE', 'OLD'],
    ['DELETE', 'OLD'],
    ['INSERT', 'NEW'],
  ] as const) {
    await db.raw(
      `CREATE TRIGGER convention_articles_adopted_no_${op.toLowerCase()} BEFORE ${op} ON convention_articles ` +
        `WHEN ${versionAdopted(row)} ` +
        `BEGIN SELECT RAISE(ABORT, 'articles of an adopted convention version cannot change'); END`,
    )
  }
  // …and an adopted version never goes back to a stage where they could.
  await db.raw(
    `CREATE TRIGGER convention_versions_stay_adopted BEFORE UPDATE OF stage ON convention_versions ` +
      `WHEN OLD.stage IN ${adopted} AND NEW.stage NOT IN ${adopted} ` +
      `BEGIN SELECT RAISE(ABORT, 'an adopted convention version cannot return to drafting'); END`,
  )
  await db.raw(
    `CREATE TRIGGER convention_versions_no_delete BEFORE DELETE ON convention_versions ` +
      `BEGIN SELECT RAISE(ABORT, 'convention versions are kept forever'); END`,
  )
}

export async function down(db: Knex): Promise<void> {
  for (const table of [
    'convention_events',
    'convention_flag_dismissals',
    'convention_photos',
    'convention_postings',
    'convention_votes',
    'convention_reviews',
    'convention_opinions',
    'convention_articles',
    'convention_versions',
    'conventions',
  ]) {
    await db.schema.dropTable(table)
  }
}
