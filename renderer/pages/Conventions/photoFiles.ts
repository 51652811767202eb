/**
 * Photos of the posted copy, read in the browser: JPEG or PNG only (told by
 * the file's first bytes, as core checks them), at most 3 MB each, as base64
 * for the API. Photos already stored are fetched once and kept for the session.
 */
import { api } from '../../api/client'

export interface PickedPhoto {
  name: string
  base64: string
  /** A data: URL for the preview. */
  url: string
}

export const maxPhotoBytes = 3_000_000
export const maxPhotos = 6

function kindOf(bytes: Uint8Array): 'image/jpeg' | 'image/png' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg'
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (png.every((b, i) => bytes[i] === b)) return 'image/png'
  return null
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  return btoa(binary)
}

/** The photo ready to send, or a message saying why it cannot be used. */
export async function readPhoto(file: File): Promise<PickedPhoto | string> {
  if (file.size > maxPhotoBytes) return `“${file.name}”超过3 MB，请压缩后再上传`
  const bytes = new Uint8Array(await file.arrayBuffer())
  const mime = kindOf(bytes)
  if (!mime) return `“${file.name}”不是 JPEG 或 PNG 图片`
  const base64 = toBase64(bytes)
  return { name: file.name.slice(0, 100), base64, url: `data:${mime};base64,${base64}` }
}

const stored = new Map<number, Promise<string>>()

/** The data: URL of a stored photo (fetched with conventions.getPhoto once per session). */
export function photoUrl(id: number): Promise<string> {
  let url = stored.get(id)
  if (!url) {
    url = api.conventions.getPhoto({ id }).then((p) => `data:${p.mime};base64,${p.base64}`)
    url.catch(() => stored.delete(id))
    stored.set(id, url)
  }
  return url
}
