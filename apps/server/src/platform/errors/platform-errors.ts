import { defineErrors, type FieldProblem } from './app-error.js';

export const platformErrors = defineErrors({
  validationFailed: {
    code: 'VALIDATION_FAILED',
    status: 400,
    message: {
      'zh-CN': '提交的内容有误，请按各字段的提示修改后重试',
      en: 'Some fields are not valid; correct them as noted and try again',
    },
  },
  malformedJson: {
    code: 'MALFORMED_JSON',
    status: 400,
    message: {
      'zh-CN': '请求内容不是有效的 JSON，请检查格式',
      en: 'The request body is not valid JSON; check its syntax',
    },
  },
  unsupportedMediaType: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    status: 415,
    message: {
      'zh-CN': '不支持的内容类型 {type}，请以 application/json 提交',
      en: 'Content type {type} is not supported; send application/json',
    },
  },
  payloadTooLarge: {
    code: 'PAYLOAD_TOO_LARGE',
    status: 413,
    message: {
      'zh-CN': '提交的内容过大，请减小后重试',
      en: 'The request is too large; send less at a time',
    },
  },
  routeNotFound: {
    code: 'ROUTE_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '没有这个接口：{method} {url}，请查看 /api/v1/docs 中的接口列表',
      en: 'There is no endpoint {method} {url}; see the list at /api/v1/docs',
    },
  },
  notAuthenticated: {
    code: 'NOT_AUTHENTICATED',
    status: 401,
    message: {
      'zh-CN': '尚未登录或登录已过期，请重新登录',
      en: 'You are not signed in, or your session has expired; sign in again',
    },
  },
  forbidden: {
    code: 'FORBIDDEN',
    status: 403,
    message: {
      'zh-CN': '当前账号没有执行此操作的权限，如需办理请联系本单位管理员',
      en: 'Your account may not do this; ask your organization’s administrator if you need to',
    },
  },
  csrfFailed: {
    code: 'CSRF_FAILED',
    status: 403,
    message: {
      'zh-CN': '请求缺少有效的安全令牌，请刷新页面后重试',
      en: 'The request lacks a valid security token; reload the page and try again',
    },
  },
  passwordChangeRequired: {
    code: 'PASSWORD_CHANGE_REQUIRED',
    status: 403,
    message: {
      'zh-CN': '请先修改初始密码，然后再继续操作',
      en: 'Change your temporary password before you continue',
    },
  },
  tooManyRequests: {
    code: 'TOO_MANY_REQUESTS',
    status: 429,
    message: {
      'zh-CN': '请求过于频繁，请稍后再试',
      en: 'Too many requests; wait a moment and try again',
    },
  },
  internal: {
    code: 'INTERNAL_ERROR',
    status: 500,
    message: {
      'zh-CN': '服务器内部错误，请稍后重试；如果问题持续，请把请求编号 {requestId} 告诉管理员',
      en: 'Something went wrong on the server; try again later, and if it persists give the administrator request id {requestId}',
    },
  },
  databaseUnavailable: {
    code: 'DATABASE_UNAVAILABLE',
    status: 503,
    message: {
      'zh-CN': '数据库暂时无法访问，请稍后重试',
      en: 'The database cannot be reached right now; try again shortly',
    },
  },
});

/** Throws VALIDATION_FAILED with these field problems when there are any. */
export function assertNoFieldProblems(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) throw platformErrors.validationFailed({}, problems);
}
