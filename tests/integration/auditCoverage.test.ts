/**
 * Every act that changes, exports or prints something leaves an audit event;
 * reading leaves none, and neither does a refused call (but for a wrong
 * password, which is itself the event). Every contract method is called as
 * the administrator with its minimal input and classified here, so a new
 * method that changes data without writing the trail fails this test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../electron/core/app'
import { methodNames, type MethodName } from '../../shared/api/contract'
import { ApiError } from '../../shared/api/errors'
import { countRows, ctx, openTestCore } from '../fixtures/core'
import { minimal } from '../fixtures/minimalInputs'

/** Methods that only read (or answer about the session) and must never write an audit event. */
const reads = new Set<MethodName>([
  'places.listCommunities',
  'places.getCommunity',
  'places.listCompounds',
  'places.getCompound',
  'system.info',
  'notices.list',
  'notices.get',
  'notices.suggestDocNumber',
  'notices.listTemplates',
  'print.listPrinters',
  'people.search',
  'people.history',
  'visits.get',
  'visits.list',
  'complaints.list',
  'complaints.get',
  'complaints.dashboard',
  'intake.getOptions',
  'intake.listCategories',
  'intake.listUnits',
  'intake.listSchedules',
  'auth.status',
  'accounts.list',
  'accounts.getSecurity',
  'audit.list',
  'audit.verify',
  'privacy.getRetention',
  'privacy.listOverdue',
  'backup.status',
  'backup.list',
  'backup.getSettings',
  'recovery.status',
  'mediation.list',
  'mediation.listMediators',
  'mediation.dashboard',
  'mediation.getOptions',
  'conventions.list',
  'conventions.getVersion',
  'conventions.compare',
  'conventions.coverage',
  'conventions.getPhoto',
  'conventions.getRules',
  // Reading a file to show its columns changes nothing; dry run and commit are audited.
  'import.preview',
  'import.status',
  'search.query',
  'stats.dashboard',
])

/**
 * Methods that write an event, but whose minimal input here gives them nothing to do: signing out
 * without a session, a bulk anonymisation of nobody past retention, cancelling no import.
 */
const nothingToDo = new Set<MethodName>(['auth.signOut', 'privacy.anonymiseMany', 'import.cancel'])

/** A wrong password is refused and recorded (sign_in_failed): the refusal is the event. */
const refusalIsTheEvent = new Set<MethodName>(['auth.signIn', 'auth.unlock', 'auth.changePassword'])

let core: Core
beforeAll(async () => {
  core = await openTestCore()
})
afterAll(async () => {
  await core.close()
})

describe('audit coverage', () => {
  it('records every successful change, export and print, and nothing for reads or refusals', async () => {
    const wrong: string[] = []
    const succeeded: MethodName[] = []
    for (const method of methodNames) {
      const before = await countRows(core, 'audit_events')
      let code: string | null = null
      try {
        await core.call(ctx, method, minimal[method])
      } catch (err) {
        code = err instanceof ApiError ? err.code : `THROWN ${String(err)}`
      }
      const written = (await countRows(core, 'audit_events')) - before
      if (code === null) succeeded.push(method)
      if (reads.has(method)) {
        if (written !== 0) wrong.push(`${method} reads but wrote ${written} event(s)`)
      } else if (code === null) {
        if (written === 0 && !nothingToDo.has(method)) wrong.push(`${method} succeeded without an audit event`)
      } else if (written !== 0 && !refusalIsTheEvent.has(method)) {
        wrong.push(`${method} was refused (${code}) but wrote ${written} event(s)`)
      }
    }
    expect(wrong).toEqual([])
    // The check above means something only if most changes really went through.
    const changes = succeeded.filter((m) => !reads.has(m) && !nothingToDo.has(m))
    expect(changes.length).toBeGreaterThan(35)
    expect(changes).toEqual(
      expect.arrayContaining([
        'visits.create',
        'accounts.save',
        'accounts.resetPassword',
        'accounts.setActive',
        'privacy.exportPerson',
        'privacy.anonymisePerson',
        'backup.create',
        'export.everything',
        'audit.exportXlsx',
      ]),
    )
  }, 120_000)
})
