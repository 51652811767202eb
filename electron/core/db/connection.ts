/**
 * One knex instance per database file, with a pool of exactly one connection:
 * SQLite serialises writers anyway, and one connection means every pragma and
 * transaction is seen by every query. A forgotten `trx` inside a transaction
 * would wait for that one connection, so the acquire timeout is kept short.
 */
import knexFactory, { type Knex } from 'knex'
import { applyPragmas } from './sqlite'

export interface OpenOptions {
  /** Milliseconds to wait for the single connection. */
  acquireTimeoutMs?: number
}

export function openDatabase(filename: string, options: OpenOptions = {}): Knex {
  return knexFactory({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    acquireConnectionTimeout: options.acquireTimeoutMs ?? 10_000,
    pool: {
      min: 1,
      max: 1,
      afterCreate: applyPragmas,
    },
  })
}
