// API versions the emulator answers: 20.0 (Winter '11) to 62.0 (Winter '25), three releases a year.

export const MIN_VERSION = 20
export const LATEST_VERSION = 62

export function versionLabel(major: number): string {
  const season = ['Winter', 'Spring', 'Summer'][(major - MIN_VERSION) % 3]!
  const year = 11 + Math.floor((major - MIN_VERSION) / 3)
  return `${season} '${String(year).padStart(2, '0')}`
}

export function versionList() {
  const out = []
  for (let major = MIN_VERSION; major <= LATEST_VERSION; major++) {
    out.push({ label: versionLabel(major), url: `/services/data/v${major}.0`, version: `${major}.0` })
  }
  return out
}

/** `v50.0` → `50.0` when the version is served; undefined otherwise. */
export function parseVersion(segment: string): string | undefined {
  const match = segment.match(/^v(\d+)\.0$/)
  if (!match) return undefined
  const major = Number(match[1])
  return major >= MIN_VERSION && major <= LATEST_VERSION ? `${major}.0` : undefined
}

export function resources(version: string) {
  const base = `/services/data/v${version}`
  return {
    analytics: `${base}/analytics`,
    composite: `${base}/composite`,
    limits: `${base}/limits`,
    query: `${base}/query`,
    queryAll: `${base}/queryAll`,
    sobjects: `${base}/sobjects`,
  }
}
