/**
 * Keeping the search index in few segments. FTS5 writes each transaction's
 * documents as a new segment and merges segments only in groups of four
 * (automerge), so a database that grew to a million 诉求 a batch at a time
 * holds twenty-odd segments per table, and every query seeks each of them
 * for each of its terms. Measured at 1M: the newest 8 of a 6-character
 * phrase 1.4 ms → 0.3 ms, its capped per-kind counts 5.5 → 2 ms, once
 * merged into one.
 *
 * Merged in small steps ('merge' with a negative page count: every segment
 * is eligible), each its own statement, so that a clerk's call waits for one
 * step at most rather than for the whole merge (15 s at 1M).
 */
import type { Knex } from 'knex'

const tables = ['search_tri', 'search_bi'] as const

/** Pages one step writes: a few MB, tens of milliseconds. */
export const stepPages = 256

async function totalChanges(db: Knex): Promise<number> {
  const rows = (await db.raw('SELECT total_changes() AS n')) as { n: number }[]
  return Number(rows[0]?.n ?? 0)
}

/**
 * One merge step on one table; true when it did any work. FTS5 says so only
 * through the change counter: two or more changes mean segments were merged.
 */
export async function mergeStep(db: Knex, table: (typeof tables)[number], pages = stepPages): Promise<boolean> {
  const before = await totalChanges(db)
  await db.raw(`INSERT INTO ${table}(${table}, rank) VALUES ('merge', ?)`, [-pages])
  return (await totalChanges(db)) - before >= 2
}

/**
 * Merges both tables step by step until neither has work left. `step` runs
 * each step (the caller passes its database and its turn-taking) and returns
 * false to stop early (closing, or the database swapped by a restore).
 */
export async function tidySearchIndex(
  step: (run: (db: Knex) => Promise<boolean>) => Promise<boolean | null>,
): Promise<number> {
  let steps = 0
  for (const table of tables) {
    for (;;) {
      const worked = await step((db) => mergeStep(db, table))
      if (worked === null) return steps
      if (!worked) break
      steps++
    }
  }
  return steps
}

export interface TidyRun {
  /** Settles with the number of steps once the index is merged (or the run stopped). */
  done: Promise<number>
  stop(): void
}

/**
 * Tidies the index in the background once `after` settles (the start-up
 * check). `withDb` gives each step the open database in turn with the
 * app's calls (null: none open, stop). A pause between steps lets queued
 * calls go first.
 */
export function startSearchTidy(
  after: Promise<void>,
  withDb: (run: (db: Knex) => Promise<boolean>) => Promise<boolean | null>,
  log: (err: unknown) => void,
  pauseMs = 20,
): TidyRun {
  let stopped = false
  const done = after
    .then(() =>
      tidySearchIndex(async (run) => {
        if (stopped) return null
        const worked = await withDb(run)
        await new Promise((resolve) => setTimeout(resolve, pauseMs))
        return stopped ? null : worked
      }),
    )
    .catch((err: unknown) => {
      log(err)
      return 0
    })
  return {
    done,
    stop: () => {
      stopped = true
    },
  }
}
