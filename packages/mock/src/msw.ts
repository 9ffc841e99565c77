// @wacall/mock/msw — kept apart from the main entry so msw stays an optional peer dependency.
export { cloudApiHandlers } from './msw-handlers';
export type { CloudApiHandlersOptions } from './msw-handlers';
