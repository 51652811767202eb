/**
 * Saves a file the API returned as base64: a Blob behind an <a download>,
 * which the browser (or Electron's download handling) saves under its name.
 */
export function downloadBase64(fileName: string, base64: string, mime: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Revoke later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
