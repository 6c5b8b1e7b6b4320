export { HELP, type ParsedArgs, parseCliArgs, UsageError } from './args.js'
export { BuildError, type BuildOptions, type BuiltServer, buildServer, type SandboxMode } from './build.js'
export {
  type Config,
  ConfigError,
  ConfigSchema,
  configJsonSchema,
  loadConfig,
  parseConfig,
  type ServerConfig,
} from './config.js'
export { type Io, run } from './main.js'
export { knownProducts, productLoaders } from './products.js'
