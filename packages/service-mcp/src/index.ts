export { defineServiceTool } from './define-tool.js'
export { product, serviceModule, serviceModule as default } from './product.js'
export * from './tools/index.js'
