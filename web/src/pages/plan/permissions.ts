/**
 * Which roles the plan screens offer import, review and publish to (src/domain/access.ts: a province admin in its
 * province, a city admin for its own city's plans, publishing with the province). Only what the screens offer: the
 * server checks every write against the region as well, and its refusal is shown in place.
 */
import type { Role } from '../../api/auth.ts';

export function canImportPlans(role: Role): boolean {
  return role === 'province_admin' || role === 'city_admin';
}

export function canReviewPlans(role: Role): boolean {
  return canImportPlans(role);
}

export function canPublishPlans(role: Role): boolean {
  return role === 'province_admin';
}
