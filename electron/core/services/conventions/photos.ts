/**
 * Photos of the posted copy. The bytes decide what a file is (a text file
 * renamed .png is refused), and each photo is at most 3 MB once decoded.
 */
import { ApiError } from '../../../../shared/api/errors'
import type { MethodOutput } from '../../../../shared/api/contract'
import type { Db } from './rows'

/** 3 MB, as the contract counts it (its base64 limit of 4,000,000 characters is exactly this many bytes). */
export const maxPhotoBytes = 3_000_000

export type PhotoMime = 'image/jpeg' | 'image/png'

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG = [0xff, 0xd8, 0xff]

export function photoMimeOf(bytes: Uint8Array): PhotoMime | null {
  const starts = (sig: number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)
  if (starts(PNG)) return 'image/png'
  if (starts(JPEG)) return 'image/jpeg'
  return null
}

export interface CheckedPhoto {
  name: string
  mime: PhotoMime
  bytes: Buffer
}

/** Decodes and checks one photo; `field` is where the form shows the problem (photos.0.base64). */
export function checkPhoto(photo: { name: string; base64: string }, field: string): CheckedPhoto {
  // A data: URL from a file reader is accepted as well as bare base64.
  const raw = photo.base64.replace(/^data:[^;,]*;base64,/, '').replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(raw) || raw.length % 4 === 1) {
    throw new ApiError('VALIDATION', `照片“${photo.name}”的内容已损坏，请重新选择文件`, field)
  }
  const bytes = Buffer.from(raw, 'base64')
  if (bytes.length > maxPhotoBytes) {
    const mb = (Math.round(bytes.length / 100_000) / 10).toFixed(1)
    throw new ApiError('VALIDATION', `照片“${photo.name}”有${mb} MB，超过3 MB，请压缩后再上传`, field)
  }
  const mime = photoMimeOf(bytes)
  if (!mime) {
    throw new ApiError('VALIDATION', `“${photo.name}”不是JPEG或PNG图片，请上传张贴现场的照片`, field)
  }
  return { name: photo.name, mime, bytes }
}

export async function getPhoto(db: Db, id: number): Promise<MethodOutput<'conventions.getPhoto'>> {
  const row = (await db('convention_photos').where({ id }).first('id', 'name', 'mime', 'bytes')) as
    { id: number; name: string; mime: PhotoMime; bytes: Buffer } | undefined
  if (!row) throw new ApiError('NOT_FOUND', '该照片不存在，请刷新后重试')
  return { id: row.id, name: row.name, mime: row.mime, base64: Buffer.from(row.bytes).toString('base64') }
}
