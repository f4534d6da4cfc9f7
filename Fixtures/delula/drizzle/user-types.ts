// shared/user-types.ts
// Account types are stored as integers (users.account_type).
export const USER_TYPES = {
  SYSTEM: 1,
  GUEST: 2,
  REGISTERED: 3,
} as const;

export type UserType = (typeof USER_TYPES)[keyof typeof USER_TYPES];

export const userTypeLabel: Record<UserType, string> = {
  [USER_TYPES.SYSTEM]: 'system',
  [USER_TYPES.GUEST]: 'guest',
  [USER_TYPES.REGISTERED]: 'registered',
};
