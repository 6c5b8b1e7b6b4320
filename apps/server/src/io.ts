// Where the command reads its environment and writes its output; tests pass their own.
export interface Io {
  env: Record<string, string | undefined>
  stdout: (text: string) => void
  stderr: (text: string) => void
}
