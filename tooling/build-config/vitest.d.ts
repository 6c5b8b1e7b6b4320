import type { UserWorkspaceConfig } from 'vitest/config'
export const sourceConditions: string[]
export function vitestProject(name: string, test?: UserWorkspaceConfig['test']): UserWorkspaceConfig
