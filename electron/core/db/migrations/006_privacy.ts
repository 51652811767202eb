/**
 * 006: personal data protection. A person is anonymised in place (ADD COLUMN,
 * never a rebuild: visits and 诉求 point at the row and keep counting): the
 * identity columns are cleared and `anonymised_at` says when, which also
 * keeps the person out of search. Retention periods live in `settings`.
 */
import type { Knex } from 'knex'

export const name = '006_privacy'

export async function up(db: Knex): Promise<void> {
  // Raw ADD COLUMN: knex's alterTable would copy the whole table to add the foreign key.
  await db.raw('ALTER TABLE persons ADD COLUMN anonymised_at varchar(255)')
  await db.raw('ALTER TABLE persons ADD COLUMN anonymised_by integer REFERENCES staff(id)')
}

/** Columns are never dropped (that copies the table on SQLite); rolling back leaves them unused. */
export async function down(): Promise<void> {}
