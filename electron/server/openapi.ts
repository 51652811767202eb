/**
 * The contract published as an OpenAPI 3.1 document, generated from the same
 * zod schemas that validate every call (zod's JSON Schema output is draft
 * 2020-12, which is what OpenAPI 3.1 speaks).
 */
import { contract, methodNames } from '../../shared/api/contract'
import { errorCodes } from '../../shared/api/errors'
import { z } from '../../shared/api/zod'

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } },
})

/**
 * Every request body is a JSON object. A union of object shapes (one per
 * 办理 action) comes out of zod as a bare `oneOf`; saying `type: object` at
 * the top keeps the document truthful for generators that expect it.
 */
function requestSchema(input: z.ZodType): Record<string, unknown> {
  const schema = z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  return schema.type === undefined && (schema.oneOf || schema.anyOf) ? { type: 'object', ...schema } : schema
}

export function buildOpenApi(version: string): Record<string, unknown> {
  const paths: Record<string, unknown> = {}
  for (const name of methodNames) {
    const spec = contract[name]
    paths[`/api/${name}`] = {
      post: {
        operationId: name,
        summary: spec.summary,
        tags: [name.split('.')[0]],
        'x-permission': spec.permission,
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: requestSchema(spec.input) },
          },
        },
        responses: {
          '200': {
            description: '成功',
            content: {
              'application/json': { schema: z.toJSONSchema(spec.output, { io: 'output', unrepresentable: 'any' }) },
            },
          },
          '400': errorResponse('输入不正确（JSON 格式错误或不符合接口要求），未写入任何数据'),
          '401': errorResponse('未登录'),
          '403': errorResponse('无权限'),
          '404': errorResponse('接口或记录不存在'),
          '409': errorResponse('冲突：名称重复或记录已被他人修改'),
          '413': errorResponse('请求内容过大'),
        },
      },
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '社区服务台 API',
      version,
      description: '每个方法都是 POST /api/<domain.verb>，请求与响应均为 JSON；错误统一为 { code, message, field? }。',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: {
        ApiError: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', enum: [...errorCodes] },
            message: { type: 'string', description: '中文提示，说明如何改正' },
            field: { type: 'string', description: '出错的输入字段' },
          },
        },
      },
    },
  }
}
