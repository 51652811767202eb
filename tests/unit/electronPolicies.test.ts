/**
 * The security decisions of the Electron main process, tested under plain
 * Node: which frames may call IPC, which URLs may open in the browser, and
 * what the IPC envelope returns.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { appPageFor, isAppPageUrl, isAppSenderFrame } from '../../electron/main/senderPolicy'
import { vetExternalUrl } from '../../electron/main/urlPolicy'
import { FORBIDDEN_SENDER, handleIpcRequest } from '../../electron/main/ipcEnvelope'
import { ApiError } from '../../shared/api/errors'

const indexFile = path.resolve('/opt/社区服务台/resources/app.asar/dist/renderer/index.html')
const filePage = appPageFor({ rendererIndexFile: indexFile })
const own = pathToFileURL(indexFile).href

describe('IPC sender policy', () => {
  it('accepts the app page with any hash route, refuses other files and sites', () => {
    expect(isAppPageUrl(`${own}#/places`, filePage, false)).toBe(true)
    expect(isAppPageUrl(own, filePage, false)).toBe(true)
    expect(isAppPageUrl(pathToFileURL('/tmp/evil.html').href, filePage, false)).toBe(false)
    expect(isAppPageUrl('https://example.com/', filePage, false)).toBe(false)
    expect(isAppPageUrl('not a url', filePage, false)).toBe(false)
    expect(isAppSenderFrame(null, filePage)).toBe(false)
    expect(isAppSenderFrame({ url: `${own}#/` }, filePage)).toBe(true)
  })

  it('accepts a dev server only on loopback and by exact origin', () => {
    const dev = appPageFor({ devServerUrl: 'http://localhost:5173/', rendererIndexFile: indexFile })
    expect(isAppPageUrl('http://localhost:5173/#/places', dev, false)).toBe(true)
    expect(isAppPageUrl('http://localhost:5173.evil.example/', dev, false)).toBe(false)
    expect(isAppPageUrl('http://localhost:5174/', dev, false)).toBe(false)
    expect(() => appPageFor({ devServerUrl: 'http://evil.example:5173/', rendererIndexFile: indexFile })).toThrow()
  })
})

describe('external URL policy', () => {
  it('lets only plain http(s) links out to the browser', () => {
    expect(vetExternalUrl('https://www.gov.cn/zhengce/')).toBe('https://www.gov.cn/zhengce/')
    expect(vetExternalUrl('http://example.com')).toBe('http://example.com/')
    expect(vetExternalUrl('file:///etc/passwd')).toBeNull()
    expect(vetExternalUrl('javascript:alert(1)')).toBeNull()
    expect(vetExternalUrl('https://user:pw@example.com/')).toBeNull()
    expect(vetExternalUrl(`https://example.com/${'a'.repeat(3000)}`)).toBeNull()
    expect(vetExternalUrl(42)).toBeNull()
  })
})

describe('IPC envelope', () => {
  it('refuses a foreign sender without running the method', async () => {
    let ran = false
    const result = await handleIpcRequest({
      sender: { url: 'https://evil.example/' },
      page: filePage,
      run: () => {
        ran = true
        return Promise.resolve(1)
      },
    })
    expect(result).toEqual({ ok: false, error: FORBIDDEN_SENDER })
    expect(ran).toBe(false)
  })

  it('wraps results and errors in the envelope, hiding internal details', async () => {
    const sender = { url: `${own}#/` }
    await expect(handleIpcRequest({ sender, page: filePage, run: () => Promise.resolve([1]) })).resolves.toEqual({
      ok: true,
      data: [1],
    })
    const refused = await handleIpcRequest({
      sender,
      page: filePage,
      run: () => Promise.reject(new ApiError('VALIDATION', '请填写社区名称', 'name')),
    })
    expect(refused).toEqual({ ok: false, error: { code: 'VALIDATION', message: '请填写社区名称', field: 'name' } })
    const crashed = await handleIpcRequest({
      sender,
      page: filePage,
      run: () => Promise.reject(new Error('SQLITE_CORRUPT: secret details')),
      log: () => undefined,
    })
    expect(crashed.ok).toBe(false)
    expect(JSON.stringify(crashed)).not.toContain('SQLITE')
  })
})
