/**
 * The hidden print window's readiness wait (electron/main/printWait.ts), run
 * on a fake clock so timeouts take no real time, plus the check that a print
 * window's URL (app page + print route in the hash) passes the IPC sender
 * policy, so the print page can load its data through window.api.
 */
import path from 'node:path'
import url from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  readPrintReadiness,
  waitForPrintReady,
  type PrintReadiness,
  type WaitOptions,
} from '../../electron/main/printWait'
import { appPageFor, isAppSenderFrame } from '../../electron/main/senderPolicy'
import { ApiError } from '../../shared/api/errors'
import { printRoute } from '../../shared/print/target'

/** A clock that only moves when the code under test sleeps. */
function fakeTime(): Required<Pick<WaitOptions, 'sleep' | 'now'>> & { sleeps: number[] } {
  let clock = 1_000_000
  const sleeps: number[] = []
  return {
    sleeps,
    now: () => clock,
    sleep: async (ms) => {
      sleeps.push(ms)
      clock += ms
    },
  }
}

/** A probe that answers from a script, one state per call, repeating the last. */
function scriptedProbe(states: PrintReadiness[]): { probe: () => Promise<PrintReadiness>; calls: () => number } {
  let calls = 0
  return {
    probe: async () => states[Math.min(calls++, states.length - 1)]!,
    calls: () => calls,
  }
}

const notYet: PrintReadiness = { ready: false, error: null }
const ready: PrintReadiness = { ready: true, error: null }

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(ApiError)
  return err as ApiError
}

describe('waitForPrintReady', () => {
  it('resolves on the poll where the page becomes ready, sleeping the interval between polls', async () => {
    const time = fakeTime()
    const { probe, calls } = scriptedProbe([notYet, notYet, notYet, ready])
    await waitForPrintReady(probe, { timeoutMs: 20_000, intervalMs: 100, ...time })
    expect(calls()).toBe(4)
    expect(time.sleeps).toEqual([100, 100, 100])
  })

  it('resolves at once, without sleeping, when the page is already ready', async () => {
    const time = fakeTime()
    const { probe, calls } = scriptedProbe([ready])
    await waitForPrintReady(probe, time)
    expect(calls()).toBe(1)
    expect(time.sleeps).toEqual([])
  })

  it('times out with a Chinese INTERNAL error after probing once more at the deadline', async () => {
    const time = fakeTime()
    const { probe, calls } = scriptedProbe([notYet])
    const err = await rejection(waitForPrintReady(probe, { timeoutMs: 1_000, intervalMs: 300, ...time }))
    expect(err.code).toBe('INTERNAL')
    expect(err.message).toBe('打印页面加载超时，请重试')
    // 0, 300, 600, 900, then the last 100 ms up to the deadline.
    expect(time.sleeps).toEqual([300, 300, 300, 100])
    expect(calls()).toBe(5)
  })

  it('uses the defaults of 20 s and 100 ms', async () => {
    const time = fakeTime()
    const { probe, calls } = scriptedProbe([notYet])
    await rejection(waitForPrintReady(probe, time))
    expect(time.sleeps.reduce((a, b) => a + b, 0)).toBe(20_000)
    expect(calls()).toBe(201)
  })

  it("rejects with the page's own message when it reports an error, even if it also says ready", async () => {
    const time = fakeTime()
    const { probe, calls } = scriptedProbe([notYet, { ready: true, error: '通知不存在或已删除' }])
    const err = await rejection(waitForPrintReady(probe, time))
    expect(err.code).toBe('INTERNAL')
    expect(err.message).toBe('打印页面出错：通知不存在或已删除')
    expect(calls()).toBe(2)
  })

  it('passes a failing probe (window gone) straight through', async () => {
    const boom = new Error('Render frame was disposed')
    await expect(waitForPrintReady(() => Promise.reject(boom), fakeTime())).rejects.toBe(boom)
  })
})

describe('readPrintReadiness', () => {
  it('reads the probe result and treats anything odd as not ready', () => {
    expect(readPrintReadiness({ ready: true, error: null })).toEqual(ready)
    expect(readPrintReadiness({ ready: 'true', error: null })).toEqual(notYet)
    expect(readPrintReadiness({ ready: false, error: '  加载失败 ' })).toEqual({ ready: false, error: '加载失败' })
    expect(readPrintReadiness({ ready: false, error: '   ' })).toEqual(notYet)
    expect(readPrintReadiness(undefined)).toEqual(notYet)
    expect(readPrintReadiness('ready')).toEqual(notYet)
    expect(readPrintReadiness({ ready: false, error: '错'.repeat(500) }).error).toHaveLength(200)
  })
})

describe('print window URL and the IPC sender policy', () => {
  const indexFile = path.resolve('/opt/社区服务台/resources/app.asar/dist/renderer/index.html')
  const route = printRoute({ document: 'notice', id: 5, layout: 'official', compoundIds: [1, 2] })

  it('accepts the built page with the print route as its hash', () => {
    expect(route).toBe('/print/notice/5?layout=official&compounds=1%2C2')
    const page = appPageFor({ rendererIndexFile: indexFile })
    // What Electron's webContents.loadFile(file, { hash }) builds.
    const loaded = url.format({ protocol: 'file', slashes: true, pathname: indexFile, hash: route })
    const frameUrl = new URL(loaded).href
    expect(new URL(frameUrl).hash).toBe(`#${route}`)
    expect(isAppSenderFrame({ url: frameUrl }, page)).toBe(true)
  })

  it('accepts the dev server page with the print route as its hash', () => {
    const page = appPageFor({ devServerUrl: 'http://localhost:5173/', rendererIndexFile: indexFile })
    const loaded = new URL(page.url)
    loaded.hash = route
    expect(loaded.href).toBe(`http://localhost:5173/#${route}`)
    expect(isAppSenderFrame({ url: loaded.href }, page)).toBe(true)
  })
})
