/** The sandbox's notion of "now". Injected so that tests can expire tokens without waiting. */
export type Clock = () => Date

export const systemClock: Clock = () => new Date()

export function epochSeconds(clock: Clock): number {
  return Math.floor(clock().getTime() / 1000)
}
