// shared/access-roles.ts
// Access roles are stored as integers (users.access_role).
export const ACCESS_ROLES = {
  USER: 1,
  TEST: 2,
  ADMIN: 3,
} as const;

export type AccessRole = (typeof ACCESS_ROLES)[keyof typeof ACCESS_ROLES];

export const DEFAULT_ACCESS_ROLE = ACCESS_ROLES.USER;

export function isAdmin(role: number): boolean {
  return role === ACCESS_ROLES.ADMIN;
}
