import { expect, it } from 'vitest'
import { Semaphore } from './semaphore.js'

it('caps concurrency and hands slots over in order', async () => {
  const semaphore = new Semaphore(2)
  const order: string[] = []
  const releaseA = await semaphore.acquire()
  const releaseB = await semaphore.acquire()
  const c = semaphore.acquire().then((release) => {
    order.push('c')
    return release
  })
  const d = semaphore.acquire().then((release) => {
    order.push('d')
    return release
  })
  expect(semaphore.inFlight).toBe(2)
  expect(semaphore.queued).toBe(2)
  releaseA()
  releaseA() // releasing twice frees one slot only
  const releaseC = await c
  expect(order).toEqual(['c'])
  releaseB()
  ;(await d)()
  releaseC()
  expect(semaphore.inFlight).toBe(0)
})

it('drops a cancelled waiter from the queue', async () => {
  const semaphore = new Semaphore(1)
  const release = await semaphore.acquire()
  const controller = new AbortController()
  const waiting = semaphore.acquire(controller.signal)
  controller.abort(new Error('cancelled'))
  await expect(waiting).rejects.toThrow('cancelled')
  expect(semaphore.queued).toBe(0)
  release()
  expect(semaphore.inFlight).toBe(0)
})

it('rejects a nonsensical limit', () => {
  expect(() => new Semaphore(0)).toThrow(/positive integer/)
})
