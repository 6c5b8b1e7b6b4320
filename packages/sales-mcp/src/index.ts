export { defineSalesTool } from './define-tool.js'
export { product, salesModule, salesModule as default } from './product.js'
export * from './tools/index.js'
