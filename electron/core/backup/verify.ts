/**
 * Checking one backup before trusting it: the checksum written with it (any
 * changed byte since), then SQLite's `integrity_check` (the structure), then
 * whether this version of the app knows its schema. The result is kept in
 * the manifest so the list can say 已校验 / 已损坏.
 */
import type { CatalogItem } from './catalog'
import { unknownMigrations } from './catalog'
import { writeManifest, type Manifest } from './manifest'
import { checkIntegrity, isDamageError, recordedMigrations, schemaVersionOf, withRaw } from './sqliteFile'
import { sha256OfFile } from './durable'

export interface VerifyOutcome {
  /** The file is intact (it may still be too new to restore: see `newer`). */
  ok: boolean
  /** 备份完好, or what is wrong, in Chinese. */
  message: string
  newer: boolean
  migrations: string[] | null
  sha256: string
}

function sqliteWords(err: unknown): string {
  return err instanceof Error ? err.message.replace(/^SQLITE_\w+:\s*/, '') : String(err)
}

async function inspectFile(file: string): Promise<{ problems: string[]; migrations: string[] | null }> {
  try {
    return await withRaw(file, 'ro', async (db) => {
      const check = await checkIntegrity(db)
      return { problems: check.problems, migrations: check.ok ? await recordedMigrations(db) : null }
    })
  } catch (err) {
    const words = sqliteWords(err)
    return {
      problems: [isDamageError(err) ? `无法作为数据库打开（${words}）` : `无法读取（${words}）`],
      migrations: null,
    }
  }
}

export async function verifyBackupFile(
  item: CatalogItem,
  knownMigrations: readonly string[],
  at: Date,
): Promise<VerifyOutcome> {
  const sha256 = await sha256OfFile(item.file)
  const m = item.manifest
  let message: string
  let ok = false
  let migrations: string[] | null = null
  let newer = false
  if (m && (m.sizeBytes !== item.sizeBytes || m.sha256 !== sha256)) {
    message = '备份文件自写入后已被改动或损坏（校验码不一致），不能使用'
  } else {
    const inspected = await inspectFile(item.file)
    migrations = inspected.migrations
    if (inspected.problems.length > 0) {
      message = `备份文件已损坏：${inspected.problems.slice(0, 3).join('；')}`
    } else {
      ok = true
      const unknown = unknownMigrations(migrations ?? [], knownMigrations)
      newer = unknown.length > 0
      message = newer
        ? `备份完好，但来自更新版本的社区服务台（数据版本 ${schemaVersionOf(migrations ?? [])}），当前版本无法用它恢复`
        : '备份完好'
    }
  }
  const updated: Manifest = {
    format: 1,
    kind: m?.kind ?? item.parsed.kind,
    createdAt: m?.createdAt ?? item.parsed.createdAt.toISOString(),
    appVersion: m?.appVersion ?? null,
    schemaVersion: migrations ? schemaVersionOf(migrations) : (m?.schemaVersion ?? 'unknown'),
    migrations: migrations ?? m?.migrations ?? [],
    // A damaged file keeps the checksum it was written with, so it never passes later.
    sizeBytes: m && !ok ? m.sizeBytes : item.sizeBytes,
    sha256: m && !ok ? m.sha256 : sha256,
    verified: ok,
    verifiedAt: at.toISOString(),
    problem: ok ? null : message,
  }
  try {
    writeManifest(item.file, updated)
  } catch {
    // A read-only medium: the result is still returned, just not remembered.
  }
  return { ok, message, newer, migrations, sha256 }
}
