/** A small key-value store for preferences the app remembers (JSON values). */
import type { Knex } from 'knex'

export function settingsStore(db: Knex) {
  return {
    async get<T>(key: string): Promise<T | null> {
      const row = (await db('settings').where({ key }).first('value')) as { value: string } | undefined
      return row ? (JSON.parse(row.value) as T) : null
    },
    async set(key: string, value: unknown, now: string): Promise<void> {
      await db('settings')
        .insert({ key, value: JSON.stringify(value), updated_at: now })
        .onConflict('key')
        .merge()
    },
  }
}
