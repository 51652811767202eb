/** Seeding through the real HTTP API of a running serve instance. */
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract'
import type { RunningServer } from './harness'

export async function call<M extends MethodName>(
  server: RunningServer,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const res = await fetch(`${server.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  })
  const body = (await res.json()) as unknown
  if (!res.ok) throw new Error(`${method} → ${res.status} ${JSON.stringify(body)}`)
  return body as MethodOutput<M>
}
