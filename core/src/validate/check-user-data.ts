import { HASHED_FIELDS, type ServerEvent, type UserDataField } from '../meta/wire';
import type { ValidationIssue } from './issues';

/**
 * Meta treats an event as unmatched when its customer information is only one of these sets or a
 * subset of one (spec section 4), and rejects the batch it is in.
 */
const INSUFFICIENT_COMBINATIONS: readonly (readonly UserDataField[])[] = [
  ['ct', 'country', 'st', 'zp', 'ge', 'client_user_agent'],
  ['db', 'client_user_agent'],
  ['fn', 'ge'],
  ['ln', 'ge'],
];

/** A lowercase SHA-256 hex digest, optionally followed by a Meta Parameter Builder appendix. */
const HASHED_VALUE = /^[a-f0-9]{64}(\.[A-Za-z0-9]{2,8})?$/;

function isPresent(value: unknown): boolean {
  if (Array.isArray(value)) return value.some((item) => typeof item === 'string' && item !== '');
  return typeof value === 'string' && value !== '';
}

function checkHashes(userData: ServerEvent['user_data']): ValidationIssue[] {
  return HASHED_FIELDS.flatMap((field) => {
    const values: unknown = userData[field];
    if (values === undefined) return [];
    const list: unknown[] = Array.isArray(values) ? values : [values];
    if (list.every((value) => typeof value === 'string' && HASHED_VALUE.test(value))) return [];
    return [{
      field: `user_data.${field}`,
      code: 'unhashed_user_data' as const,
      message: `The ${field} value is not a SHA-256 hash. Meta refuses unhashed customer data and would reject every event sent with it.`,
    }];
  });
}

export function checkUserData(event: ServerEvent): ValidationIssue[] {
  const userData = event.user_data ?? {};
  const present = Object.entries(userData)
    .filter(([, value]) => isPresent(value))
    .map(([key]) => key);

  const issues = checkHashes(userData);
  if (present.length === 0) {
    issues.push({
      field: 'user_data',
      code: 'insufficient_user_data',
      message: 'The event carries no customer information, so Meta cannot attribute it to anyone.',
    });
  } else if (INSUFFICIENT_COMBINATIONS.some((allowed) => present.every((key) => (allowed as readonly string[]).includes(key)))) {
    issues.push({
      field: 'user_data',
      code: 'insufficient_user_data',
      message: `The event only carries ${present.join(', ')}, which Meta considers too little to match a person. An email, phone number, IP address or Meta browser cookie (fbp/fbc) is needed.`,
    });
  }
  return issues;
}
