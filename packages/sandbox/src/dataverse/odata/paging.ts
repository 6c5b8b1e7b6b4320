// $skiptoken paging cookies in the documented shape; the emulator reads back only the page number.

const PAGE = /pagenumber="(\d+)"/

export function makeSkipToken(page: number, pk: string, firstId: string, lastId: string): string {
  const inner = `<cookie page="${page - 1}"><${pk} last="{${lastId.toUpperCase()}}" first="{${firstId.toUpperCase()}}" /></cookie>`
  return `<cookie pagenumber="${page}" pagingcookie="${encodeURIComponent(encodeURIComponent(inner))}" istracking="False" />`
}

/** The page a skiptoken asks for, or undefined when it isn't one of ours. */
export function pageFromSkipToken(token: string): number | undefined {
  const m = PAGE.exec(token)
  const page = m ? Number(m[1]) : Number.NaN
  return Number.isInteger(page) && page >= 1 ? page : undefined
}

/** The request URL with `$skiptoken` replaced, other options kept byte for byte. */
export function nextLinkFor(url: URL, token: string): string {
  const kept = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p && !p.startsWith('$skiptoken=') && !p.startsWith('%24skiptoken='))
  kept.push(`$skiptoken=${encodeURIComponent(token)}`)
  return `${url.origin}${url.pathname}?${kept.join('&')}`
}
