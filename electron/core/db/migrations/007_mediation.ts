/**
 * 007: people's mediation (人民调解). A case with its parties (person records
 * reused from intake), mediators, consented extensions, sessions (调解笔录)
 * and who attended them, the terms of a written agreement, follow-ups and the
 * papers added by hand to the 卷宗. The case number stays NULL until
 * acceptance; (year, seq) is unique once given.
 */
import type { Knex } from 'knex'

export const name = '007_mediation'

function stamps(t: Knex.CreateTableBuilder): void {
  t.string('created_at').notNullable()
  t.string('updated_at').notNullable()
  t.integer('created_by').notNullable().references('staff.id')
  t.integer('updated_by').notNullable().references('staff.id')
}

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('mediation_cases', (t) => {
    t.increments('id')
    t.string('number', 60).unique()
    t.integer('year')
    t.integer('seq')
    t.string('source', 20).notNullable()
    t.string('dispute_type', 30).notNullable()
    t.string('status', 20).notNullable()
    t.string('outcome', 30)
    t.integer('complaint_id').references('complaints.id')
    t.integer('visit_id').references('visits.id')
    t.string('registered_on', 10).notNullable()
    t.integer('registered_by').notNullable().references('staff.id')
    t.string('accepted_on', 10)
    /** 受理意见 typed at acceptance. */
    t.text('accept_note')
    t.string('rejected_on', 10)
    t.text('reject_reason')
    t.string('due_date', 10)
    t.string('original_due_date', 10)
    t.string('rights_notice_on', 10)
    t.string('rights_notice_way', 10)
    t.text('facts')
    /** 申请事项 in order, a JSON array of strings. */
    t.text('requests').notNullable().defaultTo('[]')
    t.string('concluded_on', 10)
    t.string('agreed_on', 10)
    t.string('effective_on', 10)
    t.string('agreement_place', 100)
    t.text('dispute_points')
    t.text('oral_content')
    /** By when the agreement is to be performed: the oral agreement's date, the last term's deadline. */
    t.string('perform_by', 10)
    t.integer('copies')
    t.text('failed_advice')
    t.text('terminate_reason')
    /** NULL while nothing is recorded about 司法确认; 0/1 once the mediator has. */
    t.integer('judicial_applied')
    t.string('judicial_applied_on', 10)
    t.string('judicial_court', 60)
    t.string('judicial_result', 20)
    t.text('judicial_note')
    t.string('filer', 30)
    t.string('filed_on', 10)
    t.string('retention', 20)
    /** Page counts per 卷内目录 item key, a JSON object. */
    t.text('file_pages').notNullable().defaultTo('{}')
    t.string('closed_on', 10)
    stamps(t)
    t.integer('version').notNullable().defaultTo(1)
    t.unique(['year', 'seq'])
    t.index(['status', 'due_date'])
    t.index(['registered_on'])
    t.index(['dispute_type'])
    t.index(['source'])
    t.index(['complaint_id'])
    t.index(['visit_id'])
  })

  await db.schema.createTable('mediation_parties', (t) => {
    t.increments('id')
    t.integer('case_id').notNullable().references('mediation_cases.id')
    t.integer('position').notNullable()
    t.string('role', 20).notNullable()
    t.integer('person_id').notNullable().references('persons.id')
    t.string('occupation', 30)
    t.integer('agent_for_party_id').references('mediation_parties.id')
    t.text('authorization')
    t.string('identity_note', 100)
    t.unique(['case_id', 'person_id'])
    t.index(['person_id'])
  })

  await db.schema.createTable('mediation_mediators', (t) => {
    t.integer('case_id').notNullable().references('mediation_cases.id')
    t.integer('staff_id').notNullable().references('staff.id')
    t.string('role', 20).notNullable()
    t.integer('position').notNullable()
    t.primary(['case_id', 'staff_id'])
    t.index(['staff_id'])
  })

  await db.schema.createTable('mediation_extensions', (t) => {
    t.increments('id')
    t.integer('case_id').notNullable().references('mediation_cases.id')
    t.string('consented_on', 10).notNullable()
    t.string('way', 10).notNullable()
    t.string('from_due', 10).notNullable()
    t.string('to_due', 10).notNullable()
    t.text('note')
    t.integer('staff_id').notNullable().references('staff.id')
    t.string('at').notNullable()
    t.index(['case_id'])
  })

  await db.schema.createTable('mediation_sessions', (t) => {
    t.increments('id')
    t.integer('case_id').notNullable().references('mediation_cases.id')
    t.integer('seq').notNullable()
    t.string('held_at').notNullable()
    t.string('place', 100).notNullable()
    t.integer('presiding_staff_id').notNullable().references('staff.id')
    t.string('recorder', 30).notNullable()
    t.integer('open').notNullable()
    t.string('closed_reason', 200)
    t.text('record').notNullable()
    t.text('next_steps')
    stamps(t)
    t.integer('version').notNullable().defaultTo(1)
    t.unique(['case_id', 'seq'])
  })

  await db.schema.createTable('mediation_session_attendees', (t) => {
    t.integer('session_id').notNullable().references('mediation_sessions.id')
    t.integer('position').notNullable()
    t.integer('party_id').references('mediation_parties.id')
    t.string('name', 30).notNullable()
    t.string('capacity', 20).notNullable()
    t.integer('signed').notNullable().defaultTo(0)
    t.primary(['session_id', 'position'])
    t.index(['party_id'])
  })

  await db.schema.createTable('mediation_agreement_terms', (t) => {
    t.integer('case_id').notNullable().references('mediation_cases.id')
    t.integer('position').notNullable()
    t.text('content').notNullable()
    t.string('way', 100).notNullable()
    t.string('place', 100)
    t.string('deadline', 10).notNullable()
    t.primary(['case_id', 'position'])
  })

  await db.schema.createTable('mediation_followups', (t) => {
    t.increments('id')
    t.integer('case_id').notNullable().references('mediation_cases.id')
    t.string('due_on', 10).notNullable()
    t.string('called_on', 10)
    t.string('caller', 30)
    t.string('performance', 20)
    t.string('satisfaction', 30)
    t.integer('lawsuit')
    t.text('lawsuit_note')
    t.text('risk')
    t.text('measures')
    stamps(t)
    t.index(['case_id'])
    t.index(['called_on', 'due_on'])
  })

  await db.schema.createTable('mediation_file_items', (t) => {
    t.increments('id')
    t.integer('case_id').notNullable().references('mediation_cases.id')
    t.string('kind', 20).notNullable()
    t.string('title', 60).notNullable()
    t.string('date', 10)
    t.integer('pages').notNullable()
    stamps(t)
    t.index(['case_id'])
  })
}

export async function down(db: Knex): Promise<void> {
  for (const table of [
    'mediation_file_items',
    'mediation_followups',
    'mediation_agreement_terms',
    'mediation_session_attendees',
    'mediation_sessions',
    'mediation_extensions',
    'mediation_mediators',
    'mediation_parties',
    'mediation_cases',
  ]) {
    await db.schema.dropTable(table)
  }
}
