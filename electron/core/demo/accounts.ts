/**
 * Demo accounts, one per role, so the app can be tried and tested without
 * setup. Only ever created on an empty database together with the demo data;
 * the README lists them. Real installations start with first-run setup.
 */
import type { Knex } from 'knex'
import type { StaffRole } from '../../../shared/labels'
import { hashPassword } from '../auth/passwords'
import { setupNeeded } from '../services/auth'

export const demoAccounts: { login: string; name: string; role: StaffRole; password: string }[] = [
  { login: 'admin', name: '演示管理员', role: 'admin', password: 'Guixi@2026-gl' },
  { login: 'qiantai', name: '前台小王', role: 'front_desk', password: 'Guixi@2026-qt' },
  { login: 'tiaojie', name: '陈建军', role: 'mediator', password: 'Guixi@2026-tj' },
  { login: 'lingdao', name: '李主任', role: 'viewer', password: 'Guixi@2026-ld' },
]

/** Returns false (and changes nothing) when an account already exists. */
export async function createDemoAccounts(db: Knex): Promise<boolean> {
  if (!(await setupNeeded(db))) return false
  const hashes = await Promise.all(demoAccounts.map((a) => hashPassword(a.password)))
  const now = new Date().toISOString()
  await db.transaction(async (trx) => {
    for (const [i, a] of demoAccounts.entries()) {
      const values = { name: a.name, login: a.login, role: a.role, password_hash: hashes[i], updated_at: now }
      // Row 1 is the administrator the demo records were written as.
      if (i === 0) {
        await trx('staff').where({ id: 1 }).update(values)
        continue
      }
      // The demo mediation cases made the 调解员's row already (without a password).
      const made = await trx('staff')
        .whereRaw('login = ? COLLATE NOCASE', [a.login])
        .whereNull('password_hash')
        .first('id')
      if (made)
        await trx('staff')
          .where({ id: (made as { id: number }).id })
          .update(values)
      else await trx('staff').insert({ ...values, created_at: now })
    }
  })
  return true
}
