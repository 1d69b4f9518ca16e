export function referenceServerMiddleware() { return async (ctx, next) => next(); }
