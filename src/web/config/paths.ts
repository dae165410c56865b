/** Every route of the SPA in one place; pages link with these, never with literals. */
export const paths = {
  login: '/login',
  mfa: '/mfa',
  changePassword: '/change-password',
  home: '/',
  regions: '/regions',
  enterprises: '/orgs/enterprises',
  govUnits: '/orgs/gov-units',
  banks: '/orgs/banks',
  users: '/users',
  apiKeys: '/api-keys',
  audit: '/audit',
  params: '/params',
} as const;
