import { defineErrors } from '../../platform/errors/index.js';

export const accountErrors = defineErrors({
  loginFailed: {
    code: 'LOGIN_FAILED',
    status: 401,
    message: {
      'zh-CN': '用户名或密码不正确；连续 {limit} 次错误将暂停登录 {minutes} 分钟',
      en: 'The username or password is wrong; after {limit} failures in a row, sign-in pauses for {minutes} minutes',
    },
  },
  loginRateLimited: {
    code: 'LOGIN_RATE_LIMITED',
    status: 429,
    message: {
      'zh-CN': '登录失败次数过多，请在 {minutes} 分钟后再试；忘记密码请联系本单位管理员重置',
      en: 'Too many failed sign-ins; try again in {minutes} minutes, or ask your administrator to reset your password',
    },
  },
  accountDisabled: {
    code: 'ACCOUNT_DISABLED',
    status: 403,
    message: {
      'zh-CN': '该账号已停用，请联系本单位管理员',
      en: 'This account is disabled; contact your organization’s administrator',
    },
  },
  currentPasswordWrong: {
    code: 'CURRENT_PASSWORD_WRONG',
    status: 400,
    message: {
      'zh-CN': '当前密码不正确，请重新输入',
      en: 'The current password is wrong; enter it again',
    },
  },
  passwordUnchanged: {
    code: 'PASSWORD_UNCHANGED',
    status: 400,
    message: {
      'zh-CN': '新密码不能与当前密码相同',
      en: 'The new password must differ from the current one',
    },
  },
  userNotFound: {
    code: 'USER_NOT_FOUND',
    status: 404,
    message: {
      'zh-CN': '找不到该用户，或其不在你的管理范围内',
      en: 'The user does not exist or is outside what you manage',
    },
  },
  usernameTaken: {
    code: 'USERNAME_TAKEN',
    status: 409,
    message: {
      'zh-CN': '用户名 {username} 已被使用，请换一个',
      en: 'The username {username} is taken; choose another',
    },
  },
  roleNotAssignable: {
    code: 'ROLE_NOT_ASSIGNABLE',
    status: 403,
    message: {
      'zh-CN': '你不能授予“{role}”角色',
      en: 'You may not grant the role “{role}”',
    },
  },
  supervisorNeedsGovernment: {
    code: 'SUPERVISOR_NEEDS_GOVERNMENT',
    status: 400,
    message: {
      'zh-CN': '监管部门角色只能授予政府部门（如民政局、乡村振兴局）的用户',
      en: 'The supervisor role is only for users of a government department (civil affairs, rural revitalization)',
    },
  },
  selfChangeRefused: {
    code: 'SELF_CHANGE_REFUSED',
    status: 403,
    message: {
      'zh-CN': '不能修改自己的角色、所属单位或状态，也不能重置自己的密码；请在“修改密码”中更改密码',
      en: 'You cannot change your own role, organization or status, or reset your own password; use Change password',
    },
  },
});
