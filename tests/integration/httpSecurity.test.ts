/** Serve mode only answers its own origin, sets security headers and never serves outside its folder. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiErrorBody } from '../../shared/api/errors'
import { countRows } from '../fixtures/core'
import { indexHtml, rawRequest, startTestServer, type TestServer } from '../fixtures/server'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

const json = { 'Content-Type': 'application/json' }
const saveBody = JSON.stringify({ name: '迎春社区' })

describe('origin checks', () => {
  it('refuses a foreign Host header (DNS rebinding) with 403 and writes nothing', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, 'localhost.evil.example']) {
      const res = await rawRequest(server.port, {
        method: 'POST',
        path: '/api/places.saveCommunity',
        headers: { ...json, Host: host },
        body: saveBody,
      })
      expect(res.status, host).toBe(403)
      expect((JSON.parse(res.body) as ApiErrorBody).code).toBe('FORBIDDEN')
    }
    const page = await rawRequest(server.port, { path: '/', headers: { Host: 'evil.example' } })
    expect(page.status).toBe(403)
    expect(page.body).not.toContain('index-marker')
    expect(await countRows(server.core, 'communities')).toBe(0)
  })

  it('accepts the loopback names', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`]) {
      const res = await rawRequest(server.port, {
        method: 'POST',
        path: '/api/system.info',
        headers: { ...json, Host: host },
        body: '{}',
      })
      expect(res.status, host).toBe(200)
    }
  })

  it('refuses a foreign Origin with 403 and writes nothing', async () => {
    for (const origin of ['http://evil.example', 'null', `http://localhost:${server.port}`]) {
      const res = await fetch(`${server.url}/api/places.saveCommunity`, {
        method: 'POST',
        headers: { ...json, Origin: origin },
        body: saveBody,
      })
      expect(res.status, origin).toBe(403)
    }
    expect(await countRows(server.core, 'communities')).toBe(0)
  })

  it('accepts its own Origin', async () => {
    const res = await fetch(`${server.url}/api/places.saveCommunity`, {
      method: 'POST',
      headers: { ...json, Origin: server.url },
      body: saveBody,
    })
    expect(res.status).toBe(200)
    expect(await countRows(server.core, 'communities')).toBe(1)
  })
})

describe('security headers', () => {
  it('are on pages, API answers and errors alike', async () => {
    const answers = [
      await fetch(`${server.url}/`),
      await fetch(`${server.url}/api/openapi.json`),
      await fetch(`${server.url}/api/nope`, { method: 'POST', headers: json, body: '{}' }),
    ]
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).not.toContain('unsafe-eval')
    }
  })
})

describe('static files', () => {
  it('serves index.html at / and for unknown paths (SPA fallback)', async () => {
    for (const p of ['/', '/some/unknown/path', '/places/compounds?x=1']) {
      const res = await fetch(`${server.url}${p}`)
      expect(res.status, p).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('cache-control')).toBe('no-cache')
      expect(await res.text()).toBe(indexHtml)
    }
  })

  it('serves assets with their type and long caching', async () => {
    const res = await fetch(`${server.url}/assets/app.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toContain('immutable')
    expect(await res.text()).toBe('console.log("app")')
  })

  it('never serves anything outside the static folder', async () => {
    const attempts = [
      '/../secret.txt',
      '/../../../../etc/passwd',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/..\\secret.txt',
      '/%E0%A4%A',
      '/index.html%00.js',
    ]
    for (const p of attempts) {
      const res = await rawRequest(server.port, { path: p })
      expect(res.status, p).toBe(200)
      expect(res.body, p).toBe(indexHtml)
    }
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await rawRequest(server.port, { method: 'HEAD', path: '/' })
    expect(head.status).toBe(200)
    expect(head.body).toBe('')
    const put = await rawRequest(server.port, { method: 'PUT', path: '/index.html', headers: json, body: '{}' })
    expect(put.status).toBe(400)
    expect((JSON.parse(put.body) as ApiErrorBody).code).toBe('BAD_REQUEST')
  })
})
