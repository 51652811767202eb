import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, contentSecurityPolicyHeader } from '../../shared/csp'

const indexHtml = fs.readFileSync(path.resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8')

function normalize(policy: string): string {
  return policy
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter((d) => d !== '')
    .join('; ')
}

function metaPolicy(html: string): string {
  const tag = /<meta\s[^>]*http-equiv="Content-Security-Policy"[^>]*>/i.exec(html)?.[0]
  const content = tag ? /content="([^"]*)"/i.exec(tag)?.[1] : undefined
  if (content === undefined) throw new Error('renderer/index.html has no CSP meta tag')
  return content
}

function directive(policy: string, name: string): string | undefined {
  return normalize(policy)
    .split('; ')
    .find((d) => d.split(' ')[0] === name)
}

describe('Content-Security-Policy', () => {
  it('is the same in renderer/index.html and shared/csp.ts', () => {
    expect(normalize(metaPolicy(indexHtml))).toBe(normalize(contentSecurityPolicy))
  })

  it('never allows eval, and scripts only from self', () => {
    for (const policy of [contentSecurityPolicy, contentSecurityPolicyHeader]) {
      expect(policy).not.toContain('unsafe-eval')
      expect(directive(policy, 'script-src')).toBe("script-src 'self'")
      expect(directive(policy, 'object-src')).toBe("object-src 'none'")
    }
  })

  it('adds frame-ancestors only to the header form', () => {
    expect(directive(contentSecurityPolicy, 'frame-ancestors')).toBeUndefined()
    expect(directive(contentSecurityPolicyHeader, 'frame-ancestors')).toBe("frame-ancestors 'none'")
    expect(contentSecurityPolicyHeader.startsWith(contentSecurityPolicy)).toBe(true)
  })
})
