/**
 * Migrations are imported statically, in order. knex never scans a folder at
 * run time (which breaks inside an asar archive and in bundles).
 * Append new migrations to the list; never edit or reorder a landed one.
 */
import type { Knex } from 'knex'
import * as m001 from './001_places'
import * as m002 from './002_notices'
import * as m003 from './003_audit'
import * as m004 from './004_intake'
import * as m005 from './005_accounts'
import * as m006 from './006_privacy'
import * as m007 from './007_mediation'
import * as m008 from './008_conventions'
import * as m009 from './009_search'
import * as m010 from './010_stats'
import * as m011 from './011_lists'
import * as m012 from './012_list_order'
import * as m013 from './013_search_batch'
import * as m014 from './014_search_fill'

export interface Migration {
  name: string
  up(db: Knex): Promise<void>
  down(db: Knex): Promise<void>
}

export const migrations: readonly Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
  m010,
  m011,
  m012,
  m013,
  m014,
]

export class StaticMigrationSource implements Knex.MigrationSource<Migration> {
  constructor(private readonly list: readonly Migration[] = migrations) {}

  getMigrations(): Promise<Migration[]> {
    return Promise.resolve([...this.list])
  }

  getMigrationName(migration: Migration): string {
    return migration.name
  }

  getMigration(migration: Migration): Promise<Knex.Migration> {
    return Promise.resolve({ up: migration.up, down: migration.down })
  }
}
