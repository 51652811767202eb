/** POST /api/<method>: the JSON door of serve mode, and what it refuses. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiErrorBody } from '../../shared/api/errors'
import type { Community } from '../../shared/api/places'
import { countRows } from '../fixtures/core'
import { rawRequest, startTestServer, type TestServer } from '../fixtures/server'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

function post(method: string, body: string, contentType = 'application/json'): Promise<Response> {
  return fetch(`${server.url}/api/${method}`, { method: 'POST', headers: { 'Content-Type': contentType }, body })
}

async function errorOf(res: Response): Promise<ApiErrorBody> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  return (await res.json()) as ApiErrorBody
}

describe('the HTTP API', () => {
  it('saves a community and lists it', async () => {
    const res = await post('places.saveCommunity', JSON.stringify({ name: '迎春社区', phone: '010 12345678' }))
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const saved = (await res.json()) as Community
    expect(saved).toMatchObject({ name: '迎春社区', phone: '010-12345678', version: 1 })

    const list = await post('places.listCommunities', '{}')
    expect(list.status).toBe(200)
    expect(((await list.json()) as Community[]).map((c) => c.id)).toContain(saved.id)
  })

  it('treats an empty body as {}', async () => {
    const res = await post('places.listCommunities', '')
    expect(res.status).toBe(200)
    expect(Array.isArray(await res.json())).toBe(true)
  })

  it('refuses malformed JSON with 400 BAD_REQUEST and writes nothing', async () => {
    const before = await countRows(server.core, 'communities')
    const res = await post('places.saveCommunity', '{"name": "红光社区",')
    expect(res.status).toBe(400)
    expect(await errorOf(res)).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/JSON/) })
    expect(await countRows(server.core, 'communities')).toBe(before)
  })

  it('refuses a schema violation with 400 VALIDATION, a Chinese message and the field', async () => {
    const before = await countRows(server.core, 'communities')
    const res = await post('places.saveCommunity', JSON.stringify({ name: '红光社区', phone: '12345' }))
    expect(res.status).toBe(400)
    const body = await errorOf(res)
    expect(body.code).toBe('VALIDATION')
    expect(body.field).toBe('phone')
    expect(body.message).toMatch(/^联系电话格式不正确/)
    expect(await countRows(server.core, 'communities')).toBe(before)
  })

  it('answers a conflict with 409 and the field at fault', async () => {
    const res = await post('places.saveCommunity', JSON.stringify({ name: '迎春社区' }))
    expect(res.status).toBe(409)
    expect(await errorOf(res)).toMatchObject({ code: 'CONFLICT', field: 'name' })
  })

  it('answers an unknown method with 404 UNKNOWN_METHOD', async () => {
    const res = await post('places.dropEverything', '{}')
    expect(res.status).toBe(404)
    expect((await errorOf(res)).code).toBe('UNKNOWN_METHOD')
  })

  it('refuses a body that is not declared as JSON', async () => {
    const before = await countRows(server.core, 'communities')
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await post('places.saveCommunity', JSON.stringify({ name: '红光社区' }), type)
      expect(res.status, type).toBe(400)
      expect((await errorOf(res)).code).toBe('BAD_REQUEST')
    }
    expect(await countRows(server.core, 'communities')).toBe(before)
  })

  it('refuses GET on a method', async () => {
    const res = await fetch(`${server.url}/api/places.listCommunities`)
    expect(res.status).toBe(400)
    expect((await errorOf(res)).code).toBe('BAD_REQUEST')
  })

  it('refuses a body over 8 MB with 413 and writes nothing, declared or streamed', async () => {
    const before = await countRows(server.core, 'communities')
    const name = 'x'.repeat(9 * 1024 * 1024)
    const declared = await post('places.saveCommunity', JSON.stringify({ name }))
    expect(declared.status).toBe(413)
    expect((await errorOf(declared)).code).toBe('PAYLOAD_TOO_LARGE')

    const chunk = Buffer.alloc(1024 * 1024, 'x')
    const streamed = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/places.saveCommunity',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
      body: [Buffer.from('{"name":"'), ...Array.from({ length: 9 }, () => chunk), Buffer.from('"}')],
    })
    expect(streamed.status).toBe(413)
    expect((JSON.parse(streamed.body) as ApiErrorBody).code).toBe('PAYLOAD_TOO_LARGE')
    expect(await countRows(server.core, 'communities')).toBe(before)
  })

  it('publishes the contract at GET /api/openapi.json', async () => {
    const res = await fetch(`${server.url}/api/openapi.json`)
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toContain('/api/places.saveCommunity')
  })

  it('never logged an unexpected error', () => {
    expect(server.logged).toEqual([])
  })
})
