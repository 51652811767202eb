import { describe, expect, it } from 'vitest'
import { buildOpenApi } from '../../electron/server/openapi'
import { contract, methodNames } from '../../shared/api/contract'
import { errorCodes } from '../../shared/api/errors'

interface JsonContent {
  content: { 'application/json': { schema: Record<string, unknown> } }
}
interface Operation {
  operationId: string
  summary: string
  'x-permission': string
  requestBody: JsonContent
  responses: Record<string, JsonContent>
}
interface Doc {
  openapi: string
  info: { version: string }
  paths: Record<string, Record<string, Operation>>
  components: { schemas: { ApiError: { properties: { code: { enum: string[] } } } } }
}

const doc = buildOpenApi('x') as unknown as Doc

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with the given version', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.version).toBe('x')
  })

  it('has exactly one POST path per method', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(methodNames.map((n) => `/api/${n}`).sort())
    for (const name of methodNames) {
      const item = doc.paths[`/api/${name}`]
      expect(Object.keys(item ?? {})).toEqual(['post'])
      expect(item?.post?.operationId).toBe(name)
      expect(item?.post?.summary).toBe(contract[name].summary)
      expect(item?.post?.['x-permission']).toBe(contract[name].permission)
    }
  })

  it('describes every request as a JSON object and every response with a schema', () => {
    for (const name of methodNames) {
      const op = doc.paths[`/api/${name}`]?.post
      expect(op?.requestBody.content['application/json'].schema.type, name).toBe('object')
      const response = op?.responses['200']?.content['application/json'].schema
      expect(typeof response, name).toBe('object')
      expect(['object', 'array'], name).toContain(response?.type)
    }
    const list = doc.paths['/api/places.listCommunities']?.post?.responses['200']?.content['application/json'].schema
    expect(list?.type).toBe('array')
  })

  it('documents every error status with the shared error schema', () => {
    for (const name of methodNames) {
      const responses = doc.paths[`/api/${name}`]?.post?.responses ?? {}
      for (const status of ['400', '401', '403', '404', '409', '413']) {
        expect(responses[status]?.content['application/json'].schema, `${name} ${status}`).toEqual({
          $ref: '#/components/schemas/ApiError',
        })
      }
    }
  })

  it('lists the error codes in the error schema', () => {
    expect(doc.components.schemas.ApiError.properties.code.enum).toEqual([...errorCodes])
  })

  it('publishes field limits from the zod schemas', () => {
    const save = doc.paths['/api/places.saveCommunity']?.post?.requestBody.content['application/json'].schema
    const name = (save?.properties as Record<string, Record<string, unknown>> | undefined)?.name
    expect(name?.maxLength).toBe(30)
    expect(save?.required).toContain('name')
  })
})
