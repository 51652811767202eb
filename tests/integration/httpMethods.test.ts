/** Every contract method over HTTP answers 200 or a 4xx JSON error: never a 500, never HTML. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, methodNames, type MethodName } from '../../shared/api/contract'
import { isApiErrorBody } from '../../shared/api/errors'
import { startTestServer, type TestServer } from '../fixtures/server'
import { minimal } from '../fixtures/minimalInputs'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})

async function post(method: string, body: unknown): Promise<{ status: number; type: string; json: unknown }> {
  const res = await fetch(`${server.url}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  const type = res.headers.get('content-type') ?? ''
  const text = await res.text()
  expect(type, `${method} content-type`).toMatch(/^application\/json/)
  return { status: res.status, type, json: JSON.parse(text) as unknown }
}

function checkAnswer(method: MethodName, answer: { status: number; json: unknown }): void {
  if (answer.status === 200) {
    let body = answer.json
    if (body && typeof body === 'object' && 'staff' in body && method.startsWith('auth.')) {
      // The session token goes into an HttpOnly cookie: it must never be in the JSON a page can read.
      expect(body, `${method} body`).not.toHaveProperty('token')
      body = { ...body, token: 'in-the-cookie' }
    }
    const parsed = contract[method].output.safeParse(body)
    expect(parsed.success, `${method} output matches the contract`).toBe(true)
    return
  }
  expect(answer.status, `${method} status`).toBeGreaterThanOrEqual(400)
  expect(answer.status, `${method} status`).toBeLessThan(500)
  expect(isApiErrorBody(answer.json), `${method} error body`).toBe(true)
}

describe('every method over HTTP', () => {
  it('answers an empty object without a server error', async () => {
    const statuses: Record<string, number> = {}
    for (const method of methodNames) {
      const answer = await post(method, {})
      checkAnswer(method, answer)
      statuses[method] = answer.status
    }
    // Methods whose input needs fields must refuse {} as VALIDATION; the rest succeed.
    expect(statuses['places.saveCommunity']).toBe(400)
    expect(statuses['places.getCompound']).toBe(400)
    expect(statuses['places.listCommunities']).toBe(200)
    expect(statuses['system.info']).toBe(200)
  })

  it('answers a minimal valid payload without a server error', async () => {
    for (const method of methodNames) checkAnswer(method, await post(method, minimal[method]))
    expect(server.logged).toEqual([])
  })
})
