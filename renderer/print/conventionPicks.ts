/**
 * Which version or vote of a convention a print address means. The address
 * is /print/<document>/<convention id>?part=…: for the poster and the
 * 征求意见表 `part` is a version id, for the 表决结果公示 a vote id (a version
 * can be voted on more than once: a failed vote sends it back to the draft).
 * Without `part` the poster shows the version in force (else the one being
 * written), the form asks about the one being written (else the one in
 * force), and the 公示 shows the latest vote. A part of another convention
 * is refused, so a stale link cannot print the wrong text.
 */
import type { ConventionDetail, ConventionVersion, VoteRecord } from '../../shared/api/conventions'

export type FetchVersion = (versionId: number) => Promise<ConventionVersion>

const loadedVersions = (d: ConventionDetail): ConventionVersion[] =>
  [d.current, d.working].filter((v): v is ConventionVersion => v !== null)

async function versionById(d: ConventionDetail, versionId: number, fetch: FetchVersion): Promise<ConventionVersion> {
  if (!d.versions.some((v) => v.id === versionId)) throw new Error('该版本不属于此公约，请从公约页面重新打印')
  return loadedVersions(d).find((v) => v.id === versionId) ?? (await fetch(versionId))
}

/** The poster's version: `part`, else the one in force, else the one being written. */
export async function posterVersion(
  d: ConventionDetail,
  part: number | undefined,
  fetch: FetchVersion,
): Promise<ConventionVersion> {
  const v = part !== undefined ? await versionById(d, part, fetch) : (d.current ?? d.working)
  if (!v) throw new Error('该公约还没有可打印的条文版本')
  if (v.articles.length === 0) throw new Error(`第${v.number}版还没有条文，无法打印张贴版`)
  return v
}

/** The version the 征求意见表 asks about: `part`, else the one being written, else the one in force (or none yet). */
export async function formVersion(
  d: ConventionDetail,
  part: number | undefined,
  fetch: FetchVersion,
): Promise<ConventionVersion | null> {
  if (part !== undefined) return versionById(d, part, fetch)
  return d.working ?? d.current
}

/** The most recent vote among these versions (the highest id: votes are recorded in order). */
export function latestVote(versions: readonly Pick<ConventionVersion, 'votes'>[]): VoteRecord | null {
  let latest: VoteRecord | null = null
  for (const v of versions) for (const vote of v.votes) if (!latest || vote.id > latest.id) latest = vote
  return latest
}

/** The vote to post: `part` (a vote id, searched in every version of this convention), else the latest one. */
export async function voteToPost(
  d: ConventionDetail,
  part: number | undefined,
  fetch: FetchVersion,
): Promise<VoteRecord> {
  const loaded = loadedVersions(d)
  if (part === undefined) {
    const latest = latestVote(loaded)
    if (!latest) throw new Error('该公约还没有表决记录，无法打印表决结果公示')
    return latest
  }
  const inLoaded = loaded.flatMap((v) => v.votes).find((vote) => vote.id === part)
  if (inLoaded) return inLoaded
  // Older, superseded versions are not in the detail: look there only when the vote is not in the loaded ones.
  const others = d.versions.filter((s) => !loaded.some((v) => v.id === s.id))
  for (const s of others) {
    const found = (await fetch(s.id)).votes.find((vote) => vote.id === part)
    if (found) return found
  }
  throw new Error('该表决记录不属于此公约，请从公约页面重新打印')
}
